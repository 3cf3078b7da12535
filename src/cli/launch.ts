// How the command starts its program, from the bundle (start.ts) or from the
// startup snapshot (src/startup/snapshot.ts): a build that prints starts its
// browser first (see src/writers/pdf/early-printer.ts), then the program runs.
import { join } from 'node:path';
import { runCachedBundle } from '../startup/cached-bundle.js';
import { startEarlyPrinter } from '../writers/pdf/early-printer.js';
import { buildPrints } from './options.js';

type Program = Pick<typeof import('./main.js'), 'runAsProcess'>;

/** Runs `argv` with the program `load` gives; `folder` holds the print worker. */
export function launch(folder: string, argv: string[], load: () => Program): void {
  if (buildPrints(argv)) startEarlyPrinter(join(folder, 'print-worker.js'));
  load().runAsProcess(argv);
}

/** The program's bundle in `folder`, run with its code cache (see src/startup/cached-bundle.ts). */
export function bundledProgram(folder: string): Program {
  return runCachedBundle(join(folder, 'council-docs.cjs'), join(folder, 'council-docs.code-cache')) as Program;
}
