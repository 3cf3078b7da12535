// The print worker: a thread that runs Chromium and Puppeteer for a Printer.
// Puppeteer talks to Chromium in many short exchanges; on the main thread each
// would wait behind whatever output is being made (a DOCX takes a tenth of a
// second at a time), and loading Puppeteer would hold up the check. Here they
// run beside the other writers, on the other core. The thread's first module
// (start-print-worker.ts) has started Chromium already.
import { parentPort, workerData } from 'node:worker_threads';
import type { BrowserProcess } from './browser-process.js';
import { BrowserEnded, BrowserSession, ENDING_HEARD_MS } from './browser-session.js';
import type { FromPrintWorker, PrintWorkerData, ToPrintWorker } from './print-messages.js';

const messageOf = (cause: unknown) => (cause instanceof Error ? cause.message : String(cause));

/** Answers the Printer's messages with `spawned`, the Chromium started for it (or why it could not be). */
export function serve(spawned: BrowserProcess | Error): void {
  const data = workerData as PrintWorkerData;
  const port = parentPort!;
  const say = (message: FromPrintWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
  const browserProcess = spawned instanceof Error ? undefined : spawned;
  /** How Chromium ended, if it did: a failure of the connection is most often the browser gone. */
  const ending = async () => browserProcess?.endedWithin(ENDING_HEARD_MS);
  const session = spawned instanceof Error ? Promise.reject(spawned) : BrowserSession.start(spawned, data.protocolTimeoutMs);
  session.then(
    ({ browser }) => {
      say({ kind: 'ready' });
      browser.once('disconnected', async () => say({ kind: 'lost', ending: await ending() }));
    },
    (cause: unknown) => say({ kind: 'failed', message: messageOf(cause), ending: cause instanceof BrowserEnded ? cause.ending : undefined }),
  );

  port.on('message', async (message: ToPrintWorker) => {
    if (message.kind === 'close') {
      await browserProcess?.kill();
      // Ends this thread only; the Printer hears it as the worker's exit.
      process.exit(0);
    }
    try {
      const { pdf, refused } = await (await session).print(message.html, message.timeoutMs);
      say({ kind: 'printed', id: message.id, pdf, refused }, [pdf.buffer as ArrayBuffer]);
    } catch (cause) {
      say({ kind: 'print-failed', id: message.id, message: messageOf(cause), ending: await ending() });
    }
  });
}
