// `council-docs watch`: one process that stays warm, rebuilds what a saved
// file changes, and serves a live preview. Only the changed source is read
// again; a template change rebuilds every document.
import { resolve } from 'node:path';
import { watch as watchFiles } from 'chokidar';
import { formatMessages, hasErrors } from '../diagnostics/report.js';
import { checkSources, planOutputs, render, writeOutputs, type BuildOptions, type CheckedSource } from '../pipeline.js';
import { startPreviewServer, type PreviewState } from './preview-server.js';

export interface WatchOptions extends BuildOptions {
  /** Source files, as expanded from the command line when the watch started. */
  sources: string[];
  /** Port of the preview on 127.0.0.1; 0 picks a free one. */
  port: number;
  log: (line: string) => void;
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

export async function startWatch(options: WatchOptions): Promise<Watcher> {
  const checked = new Map<string, CheckedSource>();
  const state: PreviewState = { pages: new Map(), messages: [], generation: 0 };
  const server = await startPreviewServer(state, options.port);
  let waiting: ((report: BuildReport) => void)[] = [];

  const rebuild = async (changed: string[] | 'all'): Promise<BuildReport> => {
    const started = performance.now();
    const toRead = changed === 'all' ? options.sources : changed.filter((p) => options.sources.includes(p));
    for (const result of await checkSources(toRead, options.templatesDir)) checked.set(result.file.path!, result);
    const all = options.sources.map((p) => checked.get(p)!).filter(Boolean);
    for (const source of all) source.file.messages = source.file.messages.filter((m) => m.ruleId !== 'duplicate-document');
    const planned = planOutputs(all, options);
    state.messages = all.flatMap((s) => formatMessages(s.file));
    const ok = !all.some((s) => hasErrors(s.file));
    let written: string[] = [];
    if (ok) {
      const targets = planned.filter((p) => changed === 'all' || toRead.includes(p.source.file.path!));
      const rendered = await render(targets, options);
      for (const output of rendered) {
        if (output.path.endsWith('.html')) state.pages.set(output.path.split('/').pop()!, String(output.content));
      }
      written = (await writeOutputs(rendered)).filter((w) => w.result === 'written').map((w) => w.path);
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

  await rebuild('all');

  // Saves often come as several events (write, rename, chmod): gather them briefly.
  let pending = new Set<string>();
  let templatesChanged = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const templatesDir = resolve(options.templatesDir);
  const watcher = watchFiles([...options.sources, options.templatesDir], { ignoreInitial: true });
  watcher.on('all', (_event, path) => {
    if (resolve(path).startsWith(templatesDir)) templatesChanged = true;
    else pending.add(path);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const changed: string[] | 'all' = templatesChanged ? 'all' : [...pending];
      pending = new Set();
      templatesChanged = false;
      running = running.then(() => rebuild(changed)).catch((cause: unknown) => {
        options.log(`error: ${cause instanceof Error ? cause.message : String(cause)}`);
      });
    }, 20);
  });
  await new Promise<void>((ready) => watcher.once('ready', () => ready()));

  return {
    url: server.url,
    nextBuild: () => new Promise((resolveBuild) => waiting.push(resolveBuild)),
    async close() {
      clearTimeout(timer);
      await watcher.close();
      await running;
      await server.close();
    },
  };
}
