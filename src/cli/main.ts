// council-docs: check and build Council documents from Markdown sources.
// Run by start.ts from its bundle, or from the startup snapshot (src/startup/snapshot.ts).
import '../startup/zod-without-jit.js';
import { realpathSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXIT, HELP } from './help.js';
import { shownPath } from '../diagnostics/paths.js';
import { printable } from '../model/characters.js';
import { buildPrints, parseCommandLine } from './options.js';
import { discardEarlyPrinter } from '../writers/pdf/early-printer.js';
import { sourceDateEpoch } from '../output/source-date-epoch.js';
import type { BuildOptions, CheckedSource, PlannedOutput } from '../pipeline.js';
import type { Format, FormatName } from '../writers/registry.js';

const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

class UsageError extends Error {}

const shown = shownPath;

async function expandSources(args: string[]): Promise<string[]> {
  const paths = args.length > 0 ? args : ['source'];
  const files: string[] = [];
  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch {
      throw new UsageError(`${path}: no such file or folder`);
    }
    if (info.isDirectory()) {
      const names = (await readdir(path)).filter((n) => n.endsWith('.md')).sort();
      if (names.length === 0) throw new UsageError(`${path}: no .md sources in this folder`);
      files.push(...names.map((n) => join(path, n)));
    } else files.push(path);
  }
  // A file named twice (itself and its folder, or two spellings of its path) is one source, built once.
  const seen = new Set<string>();
  return files.filter((file) => {
    const key = realpathSync(file);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function optionsFrom(outDir: string, templatesDir: string, formats: string[], issuedDir: string | undefined): BuildOptions {
  return { outDir, templatesDir, formats: formats as BuildOptions['formats'], ...(issuedDir === undefined ? {} : { issuedDir }) };
}

/** Runs until interrupted; the browser and the server are closed on the way out. */
async function watch(sources: string[], options: BuildOptions & { port: number; folders: string[] }): Promise<number> {
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) {
    throw new UsageError(`--port must be a port number`);
  }
  const { startWatch } = await import('../watch/watch.js');
  const log = (line: string) => process.stderr.write(line + '\n');
  const watcher = await startWatch({ ...options, sources, log });
  log(`preview at ${watcher.url} (Ctrl-C to stop)`);
  await new Promise<void>((stop) => {
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await watcher.close();
  return EXIT.ok;
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(argv);
  const [command, ...rest] = positionals;
  if (values.help || command === 'help' || command === undefined) {
    process.stdout.write(HELP);
    return command === undefined && !values.help ? EXIT.usage : EXIT.ok;
  }
  if (!['build', 'check', 'watch', 'align', 'index', 'issue', 'issued'].includes(command)) throw new UsageError(`unknown command "${command}"`);
  if (values.shard !== undefined && command !== 'build' && command !== 'check') {
    throw new UsageError(`--shard is for build and check: ${command} takes every source`);
  }
  // Every output would fail alike, each after the others were written: said once, before anything is.
  if (command !== 'check' && command !== 'align' && command !== 'issued') {
    try {
      sourceDateEpoch();
    } catch (cause) {
      throw new UsageError((cause as Error).message);
    }
  }
  if (command === 'index') return index(rest, values);
  // Said before the sources are looked for: without this, issue would read all of source/ first.
  if (command === 'issue' && rest.length === 0) throw new UsageError('issue takes the sources to issue: council-docs issue source/C17-23.md');
  if (command === 'issued') {
    if (rest.length > 1) throw new UsageError('issued takes one source folder (default: source)');
    const { listIssued } = await import('./issue.js');
    return listIssued(rest[0] ?? 'source', values.issued);
  }

  const { FORMATS, FORMAT_NAMES, isFormatName } = await import('../writers/registry.js');
  const formats = (values.format ?? FORMAT_NAMES.join(','))
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  for (const f of formats) {
    if (!isFormatName(f)) throw new UsageError(`unknown format "${f}" (formats: ${FORMAT_NAMES.join(', ')})`);
  }
  const templatesDir = values.templates ?? join(PACKAGE_ROOT, 'templates');
  let sources = await expandSources(rest);
  if (values.shard !== undefined) sources = await shardOf(sources, values.shard, values.quiet);

  if (command === 'align') return align(sources, templatesDir);
  if (command === 'issue') {
    const { issue } = await import('./issue.js');
    return issue(sources, templatesDir, values.issued);
  }
  if (command === 'watch') {
    const folders = [];
    for (const arg of rest.length > 0 ? rest : ['source']) if ((await stat(arg)).isDirectory()) folders.push(arg);
    return watch(sources, { ...optionsFrom(values.out, templatesDir, formats, values.issued), port: Number(values.port), folders });
  }

  // What takes long to start (the browser that prints PDFs) starts now, while
  // the sources are read and checked; a build that fails the check stops it.
  const { BuildResources } = await import('../writers/resources.js');
  const resources = new BuildResources();
  try {
    if (command === 'build') for (const f of formats) (FORMATS[f as FormatName] as Format).prepare?.(resources);
    const flags = { quiet: values.quiet, keepGoing: values['keep-going'] };
    return await checkAndBuild(command as 'build' | 'check', sources, { ...optionsFrom(values.out, templatesDir, formats, values.issued), resources }, flags);
  } finally {
    await resources.close();
  }
}

/** The sources of part K of N (`--shard K/N`); a part may have none. */
async function shardOf(sources: string[], spec: string, quiet: boolean): Promise<string[]> {
  const { parseShard, shardSources } = await import('../session/shard.js');
  const shard = parseShard(spec);
  if (!shard) throw new UsageError(`--shard ${spec}: expected K/N, part K of N parts, 1 ≤ K ≤ N (e.g. --shard 2/4)`);
  const part = await shardSources(sources, shard);
  if (!quiet) process.stdout.write(`part ${shard.part} of ${shard.count}: ${part.length} of ${sources.length} sources\n`);
  return part;
}

/** `council-docs index [folder]`: the index and the meetings' calendars of a folder of outputs. */
async function index(args: string[], values: { out: string; format?: string; templates?: string; quiet: boolean }): Promise<number> {
  if (args.length > 1) throw new UsageError(`index takes one folder of outputs, not ${args.length}`);
  const dir = args[0] ?? values.out;
  const { INDEX_FORMATS, indexFolder } = await import('../session/index-folder.js');
  const formats = (values.format ?? INDEX_FORMATS.join(',')).split(',').map((f) => f.trim()).filter(Boolean);
  for (const f of formats) {
    if (!(INDEX_FORMATS as readonly string[]).includes(f)) throw new UsageError(`index writes ${INDEX_FORMATS.join(', ')}: not "${f}"`);
  }
  if (!(await stat(dir).then((info) => info.isDirectory(), () => false))) throw new UsageError(`${dir}: no such folder`);
  const { BuildResources } = await import('../writers/resources.js');
  const resources = new BuildResources();
  try {
    if (formats.includes('pdf')) {
      const { startPrinter } = await import('../writers/pdf/shared-printer.js');
      // A failure to start is reported by the print that needs the browser.
      startPrinter(resources).catch(() => undefined);
    }
    const result = await indexFolder({
      dir,
      templatesDir: values.templates ?? join(PACKAGE_ROOT, 'templates'),
      formats: formats as (typeof INDEX_FORMATS)[number][],
      resources,
    });
    if (result.kind === 'empty') {
      process.stderr.write(`council-docs: error: ${shown(dir)}: no document built here (no *.meta.json): run council-docs build first\n`);
      return EXIT.invalid;
    }
    if (result.kind === 'refused') {
      for (const line of result.problems) process.stderr.write(line + '\n');
      process.stderr.write(`${result.problems.length} unusable entr${result.problems.length === 1 ? 'y' : 'ies'}: nothing written\n`);
      return EXIT.invalid;
    }
    for (const line of result.warnings) process.stderr.write(line + '\n');
    for (const f of result.failed) {
      process.stderr.write(`council-docs: error: ${shown(f.path)} not written: ${f.error instanceof Error ? f.error.message : String(f.error)}\n`);
    }
    if (!values.quiet) {
      const wrote = result.written.filter((w) => w.result === 'written').map((w) => shown(w.path));
      const unchanged = result.written.filter((w) => w.result === 'unchanged').length;
      const what = [wrote.length > 0 ? `wrote ${wrote.join(', ')}` : '', unchanged > 0 ? `${unchanged} unchanged` : ''].filter(Boolean).join('; ');
      process.stdout.write(
        `${shown(dir)}: ${result.documents} document${result.documents === 1 ? '' : 's'} in ${result.languages.join(', ')}: ${what || 'nothing written'}\n`,
      );
    }
    return result.failed.length > 0 ? EXIT.failed : EXIT.ok;
  } finally {
    await resources.close();
  }
}

/** Checks the translations named (none may have an error), then records what each follows. */
async function align(sources: string[], templatesDir: string): Promise<number> {
  const pipeline = await import('../pipeline.js');
  const { formatMessages } = await import('../diagnostics/report.js');
  const { alignmentRecords, writeRecords } = await import('./align.js');
  const checked = await pipeline.checkSources(sources, templatesDir, []);
  // What "align" records is that the translation is now up to date: the warnings that say it was not are answered by it.
  const answered = new Set(['translation-outdated', 'translation-unaligned']);
  for (const { file } of checked) file.messages = file.messages.filter((m) => !answered.has(String(m.ruleId)));
  for (const { file } of checked) for (const line of formatMessages(file)) process.stderr.write(line + '\n');
  if (pipeline.anyErrors(checked)) {
    process.stderr.write('a translation has errors: nothing recorded\n');
    return EXIT.invalid;
  }
  const records = alignmentRecords(checked);
  if ('notTranslations' in records) {
    throw new UsageError(`align takes translations (C17-23.fr.md beside C17-23.md); not one: ${records.notTranslations.map(shown).join(', ')}`);
  }
  for (const path of await writeRecords(records)) process.stdout.write(`recorded ${shown(path)}\n`);
  return EXIT.ok;
}

async function checkAndBuild(
  command: 'build' | 'check',
  sources: string[],
  options: BuildOptions,
  { quiet, keepGoing }: { quiet: boolean; keepGoing: boolean },
): Promise<number> {
  const pipeline = await import('../pipeline.js');
  const { uniqueMessages } = await import('../diagnostics/report.js');
  const checked = await pipeline.checkSources(sources, options.templatesDir, options.formats, { issuedDir: options.issuedDir });
  // Planned by check too, without writing: what build would refuse (two sources of one number) check reports.
  const planned = pipeline.planOutputs(checked, options);
  for (const line of uniqueMessages(checked.map((s) => s.file))) process.stderr.write(line + '\n');
  const refused = checked.filter((s) => s.file.messages.some((m) => m.fatal)).map((s) => shown(s.file.path!));
  if (refused.length > 0 && (command === 'check' || !keepGoing)) {
    const count = refused.length;
    process.stderr.write(`${count} source${count === 1 ? '' : 's'} with errors: nothing written\n`);
    return EXIT.invalid;
  }
  if (command === 'check') return EXIT.ok;
  if (refused.length > 0) {
    // --keep-going: the sound sources are built; the others are named, and the exit code still says so.
    const count = refused.length;
    process.stderr.write(
      `${count} of ${checked.length} source${checked.length === 1 ? '' : 's'} with errors, not built: ${refused.join(', ')}\n`,
    );
  }
  const code = await buildPlanned(pipeline.soundOutputs(planned), options, quiet, checked, refused);
  // An output that could not be made (3) says more than the refused sources, which were named above.
  return code !== EXIT.ok ? code : refused.length > 0 ? EXIT.invalid : EXIT.ok;
}

/**
 * "; about 1 min 20 s left" after a document of a long build: the documents left at the pace of
 * those done so far (several are built at once, so the pace is the batch's, not one document's).
 */
function timeLeft(started: number, done: number, total: number): string {
  if (done >= total) return '';
  const seconds = Math.ceil(((performance.now() - started) / done) * (total - done) / 1000);
  const minutes = Math.floor(seconds / 60);
  return `; about ${minutes > 0 ? `${minutes} min ${seconds % 60} s` : `${seconds} s`} left`;
}

/** Builds what was planned, a line per document and a summary that names the refused sources; the exit code of the outputs. */
async function buildPlanned(
  planned: PlannedOutput[],
  options: BuildOptions,
  quiet: boolean,
  checked: CheckedSource[],
  refused: string[],
): Promise<number> {
  const pipeline = await import('../pipeline.js');
  const started = performance.now();
  const total = new Set(planned.map((p) => p.source)).size;
  let done = 0;
  const built = await pipeline.buildDocuments(planned, options, ({ source, written }) => {
    done++;
    if (quiet) return;
    const wrote = written.filter((w) => w.result === 'written').map((w) => shown(w.path));
    const removed = written.filter((w) => w.result === 'removed').map((w) => shown(w.path));
    const unchanged = written.filter((w) => w.result === 'unchanged').length;
    const what = [
      wrote.length > 0 ? `wrote ${wrote.join(', ')}` : '',
      removed.length > 0 ? `removed ${removed.join(', ')} (nothing to put in it)` : '',
      unchanged > 0 ? `${unchanged} unchanged` : '',
    ]
      .filter(Boolean)
      .join('; ');
    process.stdout.write(`[${done}/${total}] ${shown(source.file.path!)}: ${what || 'nothing written'}${timeLeft(started, done, total)}\n`);
  });
  const outputWarnings = [...new Set(built.flatMap((b) => b.warnings.map((w) => `${shown(w.path)}: warning: ${w.message}`)))];
  for (const line of outputWarnings) process.stderr.write(line + '\n');
  const failed = built.flatMap((b) => b.failed);
  // One line per cause, however many outputs it stopped (a missing browser stops every PDF).
  const causes = new Map<string, string[]>();
  for (const f of failed) {
    const message = f.error instanceof Error ? f.error.message : String(f.error);
    causes.set(message, [...(causes.get(message) ?? []), shown(f.path)]);
  }
  for (const [message, paths] of causes) process.stderr.write(`council-docs: error: ${paths.join(', ')} not written: ${message}\n`);
  const { OutputNotWritten } = await import('../output/write-failure.js');
  if (failed.some((f) => f.error instanceof OutputNotWritten)) {
    // What out/ holds now: the outputs replaced before the build stopped are new, all others as they were.
    const replaced = built.flatMap((b) => b.written).filter((w) => w.result === 'written' || w.result === 'removed');
    const notBuilt = [...new Set(planned.map((p) => p.source))].filter((s) => !built.some((b) => b.source === s));
    const before =
      replaced.length > 0 ? `replaced before it: ${replaced.map((w) => shown(w.path)).join(', ')}` : `nothing in ${shown(options.outDir)} was replaced`;
    const after = notBuilt.length > 0 ? `; not built: ${notBuilt.map((s) => shown(s.file.path!)).join(', ')}` : '';
    process.stderr.write(`council-docs: stopped at that failure; ${before}${after}\n`);
  }
  if (!quiet && total + refused.length > 1) {
    const written = built.flatMap((b) => b.written).filter((w) => w.result === 'written' || w.result === 'unchanged');
    const changed = written.filter((w) => w.result === 'written').length;
    const warnings = checked.reduce((n, s) => n + s.file.messages.filter((m) => m.fatal === false).length, outputWarnings.length);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const left = refused.length > 0 ? `, ${refused.length} refused (${refused.join(', ')})` : '';
    process.stdout.write(
      `${total + refused.length} documents in ${seconds} s${left}: ${changed} files written, ${written.length - changed} unchanged, ` +
        `${failed.length} failed; ${warnings} warning${warnings === 1 ? '' : 's'}\n`,
    );
  }
  return failed.length > 0 ? EXIT.failed : EXIT.ok;
}

/** Runs a command line; settles with its exit status once every failure is reported. */
export function run(argv: string[]): Promise<number> {
  // A browser started for a build that never came to print (a usage error) is stopped.
  return main(argv)
    .finally(discardEarlyPrinter)
    .then(
      (code) => code,
      (cause: unknown) => {
        // An output that could not be written (a record of align's) is named, with why in words.
        const output = (cause as { output?: unknown }).output;
        const message = (typeof output === 'string' ? `${shown(output)} not written: ` : '') + (cause instanceof Error ? cause.message : String(cause));
        const usage = cause instanceof UsageError || (cause as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
        process.stderr.write(printable(`council-docs: ${usage ? '' : 'error: '}${message}`) + '\n');
        if (usage) process.stderr.write('run "council-docs --help" for usage\n');
        return usage ? EXIT.usage : EXIT.failed;
      },
    );
}

/** Runs a command line as the process: its exit status is the process's. */
export function runAsProcess(argv: string[]): void {
  // A build that prints no PDF has nothing left to wait for once it is done: it
  // ends there, rather than after the garbage collection V8 would finish first.
  const endsWhenDone = buildPrints(argv) === false;
  void run(argv).then((code) => {
    process.exitCode = code;
    if (endsWhenDone) process.exit(code);
  });
}
