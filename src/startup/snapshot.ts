// The command's startup snapshot. A cold build used to spend a third of its
// time before any work of its own: loading the program's bundle, running its
// modules' top-level code, and compiling each function V8 calls for the first
// time. `make` runs this file once with `node --build-snapshot`: it loads the
// program, builds the project's sources in every format that needs no browser,
// so that the modules a build uses are loaded, their functions and templates
// compiled, and leaves the heap for Node to save. The command (the
// council-docs script) starts Node from that heap, and runs the program from
// its bundle when no snapshot fits (start.ts).
import './decoder-for-snapshot.js';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startupSnapshot } from 'node:v8';
import { run, runAsProcess } from '../cli/main.js';
import { bundledProgram, launch } from '../cli/launch.js';
import { forgetCoverage } from '../fonts/coverage.js';
import { forgetFaces } from '../fonts/fontconfig.js';
import { checkTemplatesAgain } from '../templates/cache.js';
import { FORMAT_NAMES } from '../writers/registry.js';
import { restoreTextDecoder } from './decoder-for-snapshot.js';

/** Where the program was when the snapshot was made: its templates, fonts data and print worker are found from here. */
const HERE = dirname(fileURLToPath(import.meta.url));

function placeOf(folder: string): string | undefined {
  try {
    return realpathSync(folder);
  } catch {
    return undefined;
  }
}

// The script passes the folder it runs from, then the command line.
startupSnapshot.setDeserializeMainFunction(() => {
  const [from = HERE, ...argv] = process.argv.slice(1);
  const there = placeOf(from);
  // A program moved since the snapshot was made would look for its files where it was: it runs from its bundle instead.
  if (there !== undefined && there !== placeOf(HERE)) launch(from, argv, () => bundledProgram(from));
  else launch(HERE, argv, () => ({ runAsProcess }));
});

/** Builds `sources` once into a folder that is then removed; a build that fails only leaves the snapshot less warm. */
async function warmUp(sources: string | undefined): Promise<void> {
  if (sources === undefined) return;
  const out = mkdtempSync(join(tmpdir(), 'council-docs-warm-up-'));
  try {
    await run(['build', sources, '--out', out, '--quiet', '--format', FORMAT_NAMES.filter((f) => f !== 'pdf').join(',')]);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

// What the warm-up build learnt of the templates and the machine's fonts may
// no longer be true when the snapshot runs: templates are checked against their
// files first, fonts asked for again.
void warmUp(process.argv[2]).finally(() => {
  checkTemplatesAgain();
  forgetFaces();
  forgetCoverage();
  restoreTextDecoder();
});
