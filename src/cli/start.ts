#!/usr/bin/env node
// The `council-docs` command when no startup snapshot fits (see
// src/startup/snapshot.ts): the bundled program (council-docs.cjs), run with
// its code cache (see src/startup/cached-bundle.ts). A build that prints
// starts its browser first (see src/writers/pdf/early-printer.ts).
import { join } from 'node:path';
import { runCachedBundle } from '../startup/cached-bundle.js';
import { startEarlyPrinter } from '../writers/pdf/early-printer.js';
import { buildPrints } from './options.js';

const argv = process.argv.slice(2);
if (buildPrints(argv)) startEarlyPrinter(join(import.meta.dirname, 'print-worker.js'));
const program = runCachedBundle(join(import.meta.dirname, 'council-docs.cjs'), join(import.meta.dirname, 'council-docs.code-cache'));
(program as typeof import('./main.js')).runAsProcess(argv);
