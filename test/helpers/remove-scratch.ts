// Run before every test file (vitest.config.ts): the folders its tests made
// with `scratch` are removed once the file is done, so that `make test` leaves
// nothing in the temporary folder.
import { afterAll } from 'vitest';
import { removeScratches } from './cli.js';

afterAll(removeScratches);
