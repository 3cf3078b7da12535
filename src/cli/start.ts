#!/usr/bin/env node
// The `council-docs` command: the bundled program (council-docs.cjs), run
// with its code cache (see cached-bundle.ts).
import { join } from 'node:path';
import { runCachedBundle } from './cached-bundle.js';

runCachedBundle(join(import.meta.dirname, 'council-docs.cjs'), join(import.meta.dirname, 'council-docs.code-cache'));
