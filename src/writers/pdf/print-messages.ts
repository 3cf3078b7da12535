// What the Printer and its print worker say to each other.

/** Given to the worker as it starts. */
export interface PrintWorkerData {
  executablePath: string;
  env: Record<string, string | undefined>;
  /** Puppeteer's own limit on any one exchange with Chromium, set beyond the Printer's. */
  protocolTimeoutMs: number;
}

export type ToPrintWorker =
  | { kind: 'print'; id: number; html: string; timeoutMs: number }
  /** Stop the browser, remove its profile, then end. */
  | { kind: 'close' };

export type FromPrintWorker =
  | { kind: 'spawned'; pid: number | undefined }
  | { kind: 'ready' }
  /** `ending`: how Chromium's process ended, when it did ("it was ended by SIGKILL"). */
  | { kind: 'failed'; message: string; ending?: string }
  | { kind: 'printed'; id: number; pdf: Uint8Array; refused: string[] }
  | { kind: 'print-failed'; id: number; message: string; ending?: string }
  /** Chromium went away by itself (it crashed, or was killed). */
  | { kind: 'lost'; ending?: string };
