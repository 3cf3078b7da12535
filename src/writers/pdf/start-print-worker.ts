// The print worker's thread starts here: its bundle (print-worker.cjs, with
// Puppeteer inside) is run with its code cache (see src/startup/cached-bundle.ts).
import { join } from 'node:path';
import { runCachedBundle } from '../../startup/cached-bundle.js';

runCachedBundle(join(import.meta.dirname, 'print-worker.cjs'), join(import.meta.dirname, 'print-worker.code-cache'));
