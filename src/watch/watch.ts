// `council-docs watch`: one process that stays warm, rebuilds what a saved
// file changes, and serves a live preview. Only the changed source is read
// again; a template change rebuilds every document.
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { watchFiles } from './file-events.js';
import { cataloguePath } from '../read/catalogue.js';
import { originalPath } from '../read/translation.js';
import { checkTemplatesAgain } from '../templates/cache.js';
import { BuildResources } from '../writers/resources.js';
import { formatMessages, hasErrors } from '../diagnostics/report.js';
import { checkSources, makeAhead, planOutputs, renderEach, writeOutputs, type BuildOptions, type CheckedSource, type FailedOutput, type PlannedOutput } from '../pipeline.js';
import { DocumentRenders } from '../writers/document-renders.js';
import type { CouncilDocument } from '../model/document.js';
import { FORMATS, type Format } from '../writers/registry.js';
import { startPreviewServer, type PreviewState } from './preview-server.js';

export interface WatchOptions extends BuildOptions {
  /** Source files, as expanded from the command line when the watch started. */
  sources: string[];
  /** Folders named on the command line: a .md file saved in one later is a new source. */
  folders?: string[];
  /** Port of the preview on 127.0.0.1; 0 picks a free one. */
  port: number;
  log: (line: string) => void;
  /** How long a saved file must stay unchanged before it is built (file-events.ts, QUIET_MS by default). */
  quietMs?: number;
}

export interface Watcher {
  url: string;
  /** Resolves after the next rebuild finishes (for tests and benchmarks). */
  nextBuild(): Promise<BuildReport>;
  close(): Promise<void>;
}

export interface BuildReport {
  ok: boolean;
  milliseconds: number;
  written: string[];
}

export async function startWatch(watchOptions: WatchOptions): Promise<Watcher> {
  // One browser (and whatever else writers start) for the whole session, so a rebuild finds it warm.
  const resources = new BuildResources();
  // Sources come and go while watching: this list is the watch's own.
  const options = { ...watchOptions, sources: [...watchOptions.sources], resources };
  const checked = new Map<string, CheckedSource>();
  const state: PreviewState = { pages: new Map(), messages: [], generation: 0 };
  const server = await startPreviewServer(state, options.port);
  let waiting: ((report: BuildReport) => void)[] = [];
  // What each output's writer read at its last render, for writers that declare it.
  const lastInputs = new Map<string, string>();
  const inputsOf = ({ format, source }: PlannedOutput): string | undefined => {
    const inputs = (FORMATS[format] as Format).inputs;
    return inputs && JSON.stringify(inputs(source.document!));
  };

  /** Builds what `changed` touches; writes and says nothing unless `settled` (see OnChange) is true. */
  const rebuild = async (changed: string[] | 'all', settled: Promise<boolean> = Promise.resolve(true)): Promise<BuildReport | undefined> => {
    const started = performance.now();
    if (changed === 'all') {
      checkTemplatesAgain();
      lastInputs.clear();
    }
    const toRead = changed === 'all' ? options.sources : changed.filter((p) => options.sources.includes(p));
    const before = new Map(toRead.map((p) => [p, checked.get(p)]));
    // The PDF of a source is printed as soon as it is read, while the rest of its check runs; a
    // save that fails its check writes nothing, that PDF included.
    const building = { ...options, renders: new DocumentRenders() };
    const read = (document: CouncilDocument) => makeAhead(document, building);
    for (const result of await checkSources(toRead, options.templatesDir, options.formats, { issuedDir: options.issuedDir }, read)) {
      checked.set(result.file.path!, result);
    }
    const all = options.sources.map((p) => checked.get(p)!).filter(Boolean);
    for (const source of all) source.file.messages = source.file.messages.filter((m) => m.ruleId !== 'duplicate-document');
    const planned = planOutputs(all, options);
    const ok = !all.some((s) => hasErrors(s.file));
    const inputs = new Map<string, string | undefined>();
    const targets = ok
      ? planned.filter((p) => {
          if (changed !== 'all' && !toRead.includes(p.source.file.path!)) return false;
          inputs.set(p.path, inputsOf(p));
          return inputs.get(p.path) === undefined || inputs.get(p.path) !== lastInputs.get(p.path) || !existsSync(p.path);
        })
      : [];
    const rendering = renderEach(targets, building);
    // Heard below, once the save has settled; a failure meanwhile is not an unhandled one.
    rendering.catch(() => undefined);
    // A save still being written is not shown: the one it ends as is built next.
    if (!(await settled)) {
      await rendering.catch(() => undefined);
      // What was read is dropped with the build: a save that ends as it was is not built again.
      for (const [path, result] of before) {
        if (result) checked.set(path, result);
        else checked.delete(path);
      }
      return undefined;
    }
    state.messages = all.flatMap((s) => formatMessages(s.file));
    let written: string[] = [];
    if (ok) {
      const { rendered, failed, warnings } = await rendering;
      const logFailed = (outputs: FailedOutput[]) => {
        for (const f of outputs) options.log(`error: ${f.path} not written: ${f.error instanceof Error ? f.error.message : String(f.error)}`);
      };
      logFailed(failed);
      state.messages.push(...new Set(warnings.map((w) => `${w.path}: warning: ${w.message}`)));
      for (const output of rendered) {
        if (output.path.endsWith('.html') && output.content !== null) state.pages.set(output.path.split('/').pop()!, String(output.content));
      }
      const writing = await writeOutputs(rendered);
      logFailed(writing.failed);
      written = writing.written.filter((w) => w.result === 'written').map((w) => w.path);
      for (const { path } of rendered) {
        const read = inputs.get(path);
        if (read !== undefined) lastInputs.set(path, read);
      }
      state.generation++;
    }
    server.notify(ok);
    const report = { ok, milliseconds: performance.now() - started, written };
    for (const line of state.messages) options.log(line);
    options.log(
      ok
        ? `rebuilt in ${report.milliseconds.toFixed(0)} ms: ${written.length} file${written.length === 1 ? '' : 's'} changed`
        : 'errors: nothing written; fix the source and save again',
    );
    const resolveAll = waiting;
    waiting = [];
    for (const notify of resolveAll) notify(report);
    return report;
  };

  try {
    await rebuild('all');
  } catch (cause) {
    await server.close();
    await resources.close();
    throw cause;
  }

  let running: Promise<unknown> = Promise.resolve();
  const templatesDir = resolve(options.templatesDir);
  const sourceOf = new Map(options.sources.map((p) => [resolve(p), p]));
  // A catalogue serves every source of its folder: a change to it rebuilds them all.
  const catalogues = [...new Set(options.sources.map((p) => resolve(cataloguePath(p))))];
  // A translation is checked against its original and shares its data: a save of the original reads it again
  // too, also when the original itself is not built.
  const originalOf = (source: string) => {
    const original = originalPath(source);
    return original === undefined ? undefined : resolve(original);
  };
  const translationsOf = (path: string) => options.sources.filter((source) => originalOf(source) === path);
  const originals = options.sources.map(originalOf).filter((p): p is string => p !== undefined && existsSync(p));
  const folders = (options.folders ?? []).map((f) => [resolve(f), f] as const);
  const folderOf = (path: string) => folders.find(([absolute]) => dirname(path) === absolute)?.[1];
  const isNew = (path: string) => path.endsWith('.md') && folderOf(path) !== undefined;
  const events = await watchFiles([...options.sources, ...catalogues, ...originals], [templatesDir], (changed, settled) => {
    const all = changed.some((path) => path.startsWith(templatesDir + sep) || catalogues.includes(path));
    let removed = false;
    for (const path of changed) {
      const known = sourceOf.get(path);
      if (known === undefined && isNew(path) && existsSync(path)) {
        const shown = join(folderOf(path)!, basename(path));
        sourceOf.set(path, shown);
        options.sources.push(shown);
        options.log(`new source ${shown}`);
      } else if (known !== undefined && !existsSync(path)) {
        // A source removed while watching is no longer built; what it wrote stays in out/.
        sourceOf.delete(path);
        options.sources.splice(options.sources.indexOf(known), 1);
        checked.delete(known);
        removed = true;
        options.log(`${known} is gone: no longer built (its outputs stay in ${options.outDir})`);
      }
    }
    const sources = [...new Set(changed.flatMap((path) => [sourceOf.get(path), ...translationsOf(path)]))].filter((p): p is string => p !== undefined);
    if (!all && sources.length === 0 && !removed) return;
    running = running
      .then(() => rebuild(all ? 'all' : sources, settled))
      .catch((cause: unknown) => options.log(`error: ${cause instanceof Error ? cause.message : String(cause)}`));
  }, { isNew, quietMs: options.quietMs });

  return {
    url: server.url,
    nextBuild: () => new Promise((resolveBuild) => waiting.push(resolveBuild)),
    async close() {
      events.close();
      await running;
      await server.close();
      await resources.close();
    },
  };
}
