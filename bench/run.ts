// `make bench`: how fast the tool is, against pandoc (and Chromium printing
// pandoc's HTML) measured in the same run on the same machine. Whole-process
// timings come from hyperfine; the watch rebuild is timed in-process from the
// save to the written output. Prints medians, ratios and peak memory.
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startWatch } from '../src/watch/watch.js';
import { FORMAT_NAMES } from '../src/writers/registry.js';
import { Printer } from '../src/writers/pdf/chromium.js';
import { findChromium } from '../src/writers/pdf/print-settings.js';

const ROOT = resolve(import.meta.dirname, '..');
// The command as a user runs it: from its startup snapshot (see src/startup/snapshot.ts).
const CLI = join(ROOT, 'dist', 'cli', 'council-docs');
const SEED = join(ROOT, 'source', 'C17-23.md');
const CHROMIUM = process.env.PUPPETEER_EXECUTABLE_PATH ?? '/usr/bin/chromium';
// What this tool prints with (the headless shell, when installed): the peer chain is timed with it
// too, beside the target, so that the ratio shows what the engine gives and what the tool does.
const ENGINE = findChromium();
const CHROMIUM_FLAGS = '--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run';
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
// A rebuild of the watch takes a tenth of a second, and its time moves by a fifth from one to the
// next on a shared machine: three times the runs make its median steady, and cost two seconds.
const WATCH_RUNS = RUNS * 3;
const work = mkdtempSync(join(tmpdir(), 'council-bench-'));
const hasPdf = FORMAT_NAMES.includes('pdf' as never);
const withoutPdf = FORMAT_NAMES.filter((f) => f !== 'pdf').join(',');

function sh(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** Median wall time in ms of each command, from hyperfine. */
function hyperfine(commands: Record<string, string>, runs = RUNS): Record<string, number> {
  const json = join(work, 'hyperfine.json');
  const args = ['-N', '--style', 'none', '-w', '1', '-r', String(runs), '--export-json', json];
  for (const [name, command] of Object.entries(commands)) args.push('-n', name, command);
  // Shell syntax (&&, ;) needs a shell: hyperfine -N runs a command line directly.
  const needsShell = Object.values(commands).some((c) => /&&|;|\|/.test(c));
  execFileSync('hyperfine', needsShell ? args.filter((a) => a !== '-N') : args, { stdio: ['ignore', 'ignore', 'inherit'] });
  const results = JSON.parse(readFileSync(json, 'utf8')).results as { command: string; median: number }[];
  return Object.fromEntries(results.map((r) => [r.command, r.median * 1000]));
}

/** The process and all its descendants: Chromium is started in a process group of its own, but stays a child. */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const row of execFileSync('ps', ['-e', '-o', 'pid=,ppid='], { encoding: 'utf8' }).trim().split('\n')) {
    const [pid, ppid] = row.trim().split(/\s+/).map(Number) as [number, number];
    children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]!) ?? []));
  return tree;
}

/** A process's proportional set size in KiB: its own pages, and its share of those it shares (Chromium's processes share much). */
function pssKiB(pid: number): number {
  try {
    return Number(/^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
  } catch {
    // Gone between the listing and the reading.
    return 0;
  }
}

/**
 * Peak memory (MiB) of a command and all its descendants, sampled every `everyMs`, and its wall
 * time (ms). Sampling costs processor time: a long run timed by it is sampled less often.
 */
async function peakMemory(command: string, args: string[], everyMs = 20): Promise<{ peak: number; ms: number }> {
  const started = performance.now();
  const child = spawn(command, args, { stdio: 'ignore' });
  let peak = 0;
  const sample = () => {
    try {
      peak = Math.max(peak, processTree(child.pid!).reduce((sum, pid) => sum + pssKiB(pid), 0));
    } catch {
      // The command has finished.
    }
  };
  const timer = setInterval(sample, everyMs);
  const code = await new Promise((done) => child.on('exit', done));
  clearInterval(timer);
  if (code !== 0) throw new Error(`${command} ${args.join(' ')}: exit code ${code}`);
  return { peak: peak / 1024, ms: performance.now() - started };
}

/** Median time for the warm browser of a watch to print a finished page again: the floor of a rebuild with PDF. */
async function printAlone(htmlPath: string): Promise<number> {
  const html = readFileSync(htmlPath, 'utf8');
  const printer = new Printer();
  const times: number[] = [];
  try {
    for (let i = 0; i < WATCH_RUNS + 3; i++) {
      const started = performance.now();
      await printer.print(html.replace('adopted', `adopted (print ${i})`));
      if (i >= 3) times.push(performance.now() - started);
    }
  } finally {
    await printer.close();
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

function documentNumbered(n: number, body = (text: string) => text): string {
  return body(readFileSync(SEED, 'utf8').replace(/^document: C17\/23$/m, `document: C17/${n}`));
}

/** The seed's sections repeated `times` times, as one document. */
function scaled(times: number): string {
  const text = readFileSync(SEED, 'utf8');
  const end = text.indexOf('\n---', 3) + 4;
  const body = text.slice(end);
  return text.slice(0, end) + Array.from({ length: times }, () => body).join('\n');
}

function pages(pdf: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
}

const figures: [string, string][] = [];
const line = (what: string, value: string) => {
  figures.push([what, value]);
  process.stdout.write(`${what.padEnd(58)} ${value}\n`);
};
const ms = (value: number) => `${value.toFixed(0)} ms`;
const ratio = (ours: number, theirs: number, target: number) =>
  `${(ours / theirs).toFixed(2)}× (target ≤ ${target}×) ${ours / theirs <= target ? 'ok' : 'MISSED'}`;

/**
 * A session: BENCH_SESSION documents (150 by default; fewer for a quick run) in the six languages,
 * made from the seed and the project's translations of it, each document under its own number.
 */
function generateSession(dir: string, documents: number): number {
  mkdirSync(dir);
  copyFileSync(join(ROOT, 'source', 'standards.yaml'), join(dir, 'standards.yaml'));
  const translations = readdirSync(join(ROOT, 'source')).filter((f) => /^C17-23\.[a-z]{2}\.(md|aligned\.yaml)$/.test(f));
  for (let n = 200; n < 200 + documents; n++) {
    writeFileSync(join(dir, `C17-${n}.md`), documentNumbered(n));
    for (const f of translations) {
      const text = readFileSync(join(ROOT, 'source', f), 'utf8').replace(/^original: C17-23\.md$/m, `original: C17-${n}.md`);
      writeFileSync(join(dir, f.replace('C17-23', `C17-${n}`)), text);
    }
  }
  return documents * (1 + translations.filter((f) => f.endsWith('.md')).length);
}

/** The session in one build (one run: it is long), every output, then its index; per document-language against the peer chain. */
async function sessionFigure(peer: number) {
  const documents = Number(process.env.BENCH_SESSION ?? 150);
  const dir = join(work, 'session');
  const sessionOut = join(work, 'session-out');
  const versions = generateSession(dir, documents);
  const build = await peakMemory(CLI, ['build', dir, '--out', sessionOut, '--quiet'], 250);
  const index = await peakMemory(CLI, ['index', sessionOut, '--quiet'], 250);
  const each = build.ms / versions;
  line(`session of ${documents} documents, ${versions} document-languages, build`, `${(build.ms / 1000).toFixed(1)} s`);
  line('session, per document-language', `${ms(each)}  ${ratio(each, peer, 0.1)}`);
  line('session index (pages, their PDFs, calendars)', ms(index.ms));
  const peak = Math.max(build.peak, index.peak);
  line('session, peak memory (all processes)', `${peak.toFixed(0)} MiB (target < 1536 MiB) ${peak < 1536 ? 'ok' : 'MISSED'}`);
  rmSync(sessionOut, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
}

async function main() {
  const src = join(work, 'source');
  mkdirSync(src);
  copyFileSync(SEED, join(src, 'C17-23.md'));
  const out = join(work, 'out');
  const pandocHtml = join(work, 'pandoc.html');
  const peerDocx = `pandoc ${sh(SEED)} -o ${sh(join(work, 'pandoc.docx'))}`;
  const peerHtml = `pandoc ${sh(SEED)} -s -o ${sh(pandocHtml)}`;
  const printWith = (browser: string, profile: string) =>
    `${browser} ${CHROMIUM_FLAGS} --user-data-dir=${sh(join(work, profile))} --no-pdf-header-footer --print-to-pdf=${sh(join(work, 'pandoc.pdf'))} file://${pandocHtml}`;
  const peerPrint = printWith(CHROMIUM, 'chromium');
  execFileSync('sh', ['-c', peerHtml]);

  process.stdout.write(`Formats: ${FORMAT_NAMES.join(', ')}; ${RUNS} runs each; medians.\n\n`);
  // Cold: a new process each run and out/ emptied first, so every output is written.
  // BENCH_ONLY=session: the session figure alone, against the peer chain of this run.
  if (process.env.BENCH_ONLY === 'session') {
    const peer = hyperfine({ 'pandoc md→docx + md→html + Chromium print': `${peerDocx} && ${peerHtml} && ${peerPrint}` });
    line('pandoc md→docx + md→html + Chromium print of the HTML', ms(peer['pandoc md→docx + md→html + Chromium print']!));
    await sessionFigure(peer['pandoc md→docx + md→html + Chromium print']!);
    rmSync(work, { recursive: true, force: true });
    return;
  }
  const t = hyperfine({
    'ours: full build': `rm -rf ${sh(out)} && ${sh(CLI)} build ${sh(src)} --out ${sh(out)} --quiet`,
    'ours: build without PDF': `rm -rf ${sh(out)} && ${sh(CLI)} build ${sh(src)} --out ${sh(out)} --quiet --format ${withoutPdf}`,
    'pandoc md→docx + md→html': `${peerDocx} && ${peerHtml}`,
    'pandoc md→docx + md→html + Chromium print': `${peerDocx} && ${peerHtml} && ${peerPrint}`,
    ...(ENGINE !== CHROMIUM ? { 'pandoc md→docx + md→html + engine print': `${peerDocx} && ${peerHtml} && ${printWith(ENGINE, 'engine')}` } : {}),
  });
  const peerNoPdf = t['pandoc md→docx + md→html']!;
  const peerFull = t['pandoc md→docx + md→html + Chromium print']!;
  line('pandoc md→docx + md→html', ms(peerNoPdf));
  line('pandoc md→docx + md→html + Chromium print of the HTML', ms(peerFull));
  line('cold build without PDF', `${ms(t['ours: build without PDF']!)}  ${ratio(t['ours: build without PDF']!, peerNoPdf, 1.0)}`);
  if (hasPdf) line('cold full build', `${ms(t['ours: full build']!)}  ${ratio(t['ours: full build']!, peerFull, 0.9)}`);
  const peerEngine = t['pandoc md→docx + md→html + engine print'];
  if (hasPdf && peerEngine !== undefined) {
    line(`  the peer chain printing with ${ENGINE}`, `${ms(peerEngine)}; cold full build ${(t['ours: full build']! / peerEngine).toFixed(2)}× that`);
  }

  // Six languages: the seed and the project's translations of it, in one build, against the
  // English one alone (both with the catalogue). Each extra language may cost at most the English one.
  const translations = readdirSync(join(ROOT, 'source')).filter((f) => /^C17-23\.[a-z]{2}\.(md|aligned\.yaml)$/.test(f));
  if (translations.some((f) => f.endsWith('.md'))) {
    const one = join(work, 'one-language');
    const six = join(work, 'six-languages');
    for (const dir of [one, six]) {
      mkdirSync(dir);
      for (const f of ['C17-23.md', 'standards.yaml']) copyFileSync(join(ROOT, 'source', f), join(dir, f));
    }
    for (const f of translations) copyFileSync(join(ROOT, 'source', f), join(six, f));
    const languages = 1 + translations.filter((f) => f.endsWith('.md')).length;
    const l = hyperfine({
      'ours: English': `rm -rf ${sh(out)} && ${sh(CLI)} build ${sh(one)} --out ${sh(out)} --quiet`,
      'ours: every language': `rm -rf ${sh(out)} && ${sh(CLI)} build ${sh(six)} --out ${sh(out)} --quiet`,
    });
    const english = l['ours: English']!;
    const extra = (l['ours: every language']! - english) / (languages - 1);
    line(`C17/23 in ${languages} languages, cold full build`, ms(l['ours: every language']!));
    line('C17/23: each language beyond English', `${ms(extra)}  (${(extra / english).toFixed(2)}× the English build; target ≤ 1×) ${extra <= english ? 'ok' : 'MISSED'}`);
  }

  // The project's document with every construct of the body: tables, footnotes, figures, annexes,
  // cross-references. Its peer is pandoc on the same Markdown, figures embedded, and Chromium's print.
  if (hasPdf) {
    const bodyDir = join(ROOT, 'test', 'fixtures', 'body');
    const bodySource = join(bodyDir, 'C18-45.md');
    const bodyOut = join(work, 'body-out');
    const bodyHtml = join(work, 'body-pandoc.html');
    const bodyPeer =
      `pandoc ${sh(bodySource)} --resource-path=${sh(bodyDir)} -o ${sh(join(work, 'body-pandoc.docx'))} && ` +
      `pandoc ${sh(bodySource)} --resource-path=${sh(bodyDir)} -s --self-contained -o ${sh(bodyHtml)} && ` +
      `${CHROMIUM} ${CHROMIUM_FLAGS} --user-data-dir=${sh(join(work, 'chromium'))} --no-pdf-header-footer --print-to-pdf=${sh(join(work, 'body-pandoc.pdf'))} file://${bodyHtml}`;
    const tb = hyperfine({
      'ours: body document': `rm -rf ${sh(bodyOut)} && ${sh(CLI)} build ${sh(bodySource)} --out ${sh(bodyOut)} --quiet`,
      'pandoc + Chromium: body document': bodyPeer,
    });
    const peerBody = tb['pandoc + Chromium: body document']!;
    line('test document with tables, footnotes, figures (C18/45): pandoc + Chromium', ms(peerBody));
    line('test document with tables, footnotes, figures (C18/45): cold full build', `${ms(tb['ours: body document']!)}  (${(tb['ours: body document']! / peerBody).toFixed(2)}×)`);
  }

  // Watch: from saving a one-paragraph edit to the outputs written.
  for (const formats of hasPdf ? [withoutPdf, FORMAT_NAMES.join(',')] : [withoutPdf]) {
    const dir = join(work, `watch-${formats.length}`);
    mkdirSync(join(dir, 'source'), { recursive: true });
    const source = join(dir, 'source', 'C17-23.md');
    copyFileSync(SEED, source);
    const watcher = await startWatch({
      sources: [source],
      outDir: join(dir, 'out'),
      templatesDir: join(ROOT, 'templates'),
      formats: formats.split(',') as never,
      port: 0,
      log: () => {},
    });
    const times: number[] = [];
    // The first few rebuilds warm the process up, as the first saves of a session do; they are not counted.
    const warmup = 3;
    for (let i = 0; i < WATCH_RUNS + warmup; i++) {
      const next = watcher.nextBuild();
      const started = performance.now();
      writeFileSync(source, readFileSync(SEED, 'utf8').replace('adopted new WTSA-16', `adopted (edit ${i}) new WTSA-16`));
      await next;
      if (i >= warmup) times.push(performance.now() - started);
    }
    await watcher.close();
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)]!;
    // With PDF, the session issue's target: a Typst recompile takes 10 ms, so the floor is the browser.
    const target = formats.includes('pdf') ? 100 : 50;
    line(`watch rebuild, one-paragraph edit (${formats.includes('pdf') ? 'with' : 'without'} PDF)`, `${ms(median)}  (target ≤ ${target} ms) ${median <= target ? 'ok' : 'MISSED'}`);
    if (formats.includes('pdf')) line('  of which the browser alone: the same page printed again', ms(await printAlone(join(dir, 'out', 'C17-23-E.html'))));
  }

  // Batch: 100 documents in one process, against the peer chain per document.
  const batch = join(work, 'batch');
  mkdirSync(batch);
  for (let n = 100; n < 200; n++) writeFileSync(join(batch, `C17-${n}.md`), documentNumbered(n));
  const batchOut = join(work, 'batch-out');
  const b = hyperfine({ batch: `rm -rf ${sh(batchOut)} && ${sh(CLI)} build ${sh(batch)} --out ${sh(batchOut)} --quiet` }, 3);
  const perDocument = b['batch']! / 100;
  const peerPerDocument = hasPdf ? peerFull : peerNoPdf;
  line('batch of 100 documents, per document', `${ms(perDocument)}  ${ratio(perDocument, peerPerDocument, 0.2)}`);
  rmSync(batchOut, { recursive: true, force: true });
  const { peak } = await peakMemory(CLI, ['build', batch, '--out', batchOut, '--quiet']);
  line('batch of 100 documents, peak memory (all processes)', `${peak.toFixed(0)} MiB (target < 1024 MiB) ${peak < 1024 ? 'ok' : 'MISSED'}`);

  if (hasPdf) await sessionFigure(peerFull);

  // Size: the seed 40 times over, time per page against the seed itself.
  if (hasPdf) {
    const big = join(work, 'big');
    mkdirSync(big);
    writeFileSync(join(big, 'C17-23.md'), scaled(40));
    const s = hyperfine(
      {
        '1×': `rm -rf ${sh(out)} && ${sh(CLI)} build ${sh(src)} --out ${sh(out)} --quiet`,
        '40×': `rm -rf ${sh(join(work, 'big-out'))} && ${sh(CLI)} build ${sh(big)} --out ${sh(join(work, 'big-out'))} --quiet`,
      },
      3,
    );
    const small = s['1×']! / pages(join(out, readdirSync(out).find((f) => f.endsWith('.pdf'))!));
    const large = s['40×']! / pages(join(work, 'big-out', 'C17-23-E.pdf'));
    line('full build per page, seed (1×)', ms(small));
    line('full build per page, 40× the seed', `${ms(large)}  (${(large / small).toFixed(2)}× the 1× figure; flat is ≤ 1×) ${large <= small ? 'ok' : 'MISSED'}`);
  }
  rmSync(work, { recursive: true, force: true });
}

main().catch((cause: unknown) => {
  process.stderr.write(`bench: ${cause instanceof Error ? cause.message : String(cause)}\n`);
  rmSync(work, { recursive: true, force: true });
  process.exitCode = 1;
});
