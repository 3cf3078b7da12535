// A build killed at any moment (SIGKILL: no handler runs, no cleanup) leaves
// every output either as the previous build wrote it or as the new build
// writes it, never torn; a temporary it leaves is never taken for an output
// and goes at the next build. Twenty documents, HTML only (and each one's entry,
// <name>.meta.json), killed twenty times.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { watch } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI, ROOT, SOURCE, runCli, scratch } from './helpers/cli.js';

const DOCUMENTS = 20;
const RUNS = 20;
const TEMPORARY = /^\..+\.tmp$/;

/** Output name → bytes, temporaries apart. */
function outputs(dir: string): Map<string, Buffer> {
  return new Map(readdirSync(dir).filter((n) => !TEMPORARY.test(n)).map((n) => [n, readFileSync(join(dir, n))]));
}

/** A folder of DOCUMENTS sources made from the seed, numbered C17/101 and on, with `edit` applied to each. */
function sources(edit: (text: string) => string): string {
  const dir = scratch('council-docs-crash-src-');
  copyFileSync(join(ROOT, 'source', 'standards.yaml'), join(dir, 'standards.yaml'));
  const seed = readFileSync(SOURCE, 'utf8');
  for (let i = 0; i < DOCUMENTS; i++) {
    writeFileSync(join(dir, `doc-${i}.md`), edit(seed.replace('document: C17/23', `document: C17/${101 + i}`)));
  }
  return dir;
}

function build(src: string, out: string) {
  const run = runCli(['build', src, '--out', out, '--format', 'html', '--quiet']);
  expect(run.status, run.stderr).toBe(0);
}

/** Starts a build and kills it: after `delay` ms, or that long after its first file event in `out`. */
function killedBuild(src: string, out: string, delay: number, afterFirstWrite: boolean): Promise<{ finished: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, 'build', src, '--out', out, '--format', 'html', '--quiet'], { stdio: 'ignore' });
    let finished = false;
    const kill = () => child.kill('SIGKILL');
    let watcher: ReturnType<typeof watch> | undefined;
    if (afterFirstWrite) {
      watcher = watch(out, () => {
        watcher?.close();
        watcher = undefined;
        setTimeout(kill, delay);
      });
    } else setTimeout(kill, delay);
    child.on('exit', (code) => {
      finished = code === 0;
      watcher?.close();
      resolve({ finished });
    });
  });
}

describe('a build killed at random moments', () => {
  let previous: Map<string, Buffer>;
  let next: Map<string, Buffer>;
  let srcNext: string;
  let buildMs: number;

  beforeAll(() => {
    // Two versions of the same twenty documents, each built whole into a clean folder.
    const srcPrevious = sources((t) => t);
    srcNext = sources((t) => t.replace('adopted new WTSA-16 Resolution 98', 'adopted the new WTSA-16 Resolution 98'));
    const a = scratch('council-docs-crash-a-');
    build(srcPrevious, a);
    previous = outputs(a);
    const b = scratch('council-docs-crash-b-');
    const started = performance.now();
    build(srcNext, b);
    buildMs = performance.now() - started;
    next = outputs(b);
    // A page and an entry (<name>.meta.json) each; the edit is to the text, so the pages differ and the entries do not.
    expect(previous.size).toBe(DOCUMENTS * 2);
    expect([...previous.keys()]).toEqual([...next.keys()]);
    for (const [name, bytes] of next) expect(bytes.equals(previous.get(name)!), name).toBe(name.endsWith('.meta.json'));
  });

  it(`leaves every output whole, old or new, in ${RUNS} runs out of ${RUNS}`, { timeout: 300_000 }, async () => {
    const outcomes: string[] = [];
    let temporariesLeft = 0;
    for (let run = 0; run < RUNS; run++) {
      const out = join(scratch('council-docs-crash-out-'), 'out');
      mkdirSync(out);
      for (const [name, bytes] of previous) writeFileSync(join(out, name), bytes);
      // Half the kills fall anywhere in the build, half just after it starts writing.
      const afterFirstWrite = run % 2 === 1;
      const delay = afterFirstWrite ? Math.random() * 20 : Math.random() * buildMs;
      const { finished } = await killedBuild(srcNext, out, delay, afterFirstWrite);

      const found = outputs(out);
      expect([...found.keys()].sort(), `run ${run}`).toEqual([...previous.keys()].sort());
      let old = 0;
      let fresh = 0;
      for (const [name, bytes] of found) {
        if (bytes.equals(previous.get(name)!)) old++;
        else if (bytes.equals(next.get(name)!)) fresh++;
        else expect.fail(`run ${run}: ${name} is neither the previous nor the new version (${bytes.length} bytes)`);
      }
      temporariesLeft += readdirSync(out).filter((n) => TEMPORARY.test(n)).length;
      outcomes.push(finished ? 'finished' : `killed: ${old} old, ${fresh} new`);

      // The next build completes the job and clears what the killed one left.
      build(srcNext, out);
      const after = outputs(out);
      for (const [name, bytes] of next) expect(after.get(name)?.equals(bytes), `run ${run}, rebuilt: ${name}`).toBe(true);
      expect(readdirSync(out).filter((n) => TEMPORARY.test(n)), `run ${run}: temporaries after a rebuild`).toEqual([]);
      rmSync(out, { recursive: true, force: true });
    }
    console.log(`crash: build ${buildMs.toFixed(0)} ms; ${RUNS} kills: ${outcomes.join(' | ')}; temporaries left by kills: ${temporariesLeft}`);
    // The kills fell inside builds: a test whose every build finished first would prove nothing.
    expect(outcomes.filter((o) => o.startsWith('killed')).length).toBeGreaterThanOrEqual(RUNS / 2);
  });
});
