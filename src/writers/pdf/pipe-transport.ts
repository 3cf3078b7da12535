// Puppeteer's side of Chromium's --remote-debugging-pipe: protocol messages
// are JSON texts, each ended by a NUL byte, written to the browser's fd 3 and
// read from its fd 4. Puppeteer has such a transport, but keeps it out of its
// public types; this one implements the public ConnectionTransport interface.
import type { Readable, Writable } from 'node:stream';
import type { ConnectionTransport } from 'puppeteer-core';

export class PipeTransport implements ConnectionTransport {
  onmessage?: (message: string) => void;
  onclose?: () => void;
  readonly #write: Writable;
  #pending: Buffer[] = [];
  #closed = false;

  constructor(write: Writable, read: Readable) {
    this.#write = write;
    read.on('data', (chunk: Buffer) => this.#receive(chunk));
    // A browser gone before Puppeteer connects has closed its pipe already, and will not again.
    if (read.destroyed || read.readableEnded) setImmediate(() => this.close());
    else read.once('close', () => this.close());
  }

  send(message: string): void {
    if (this.#closed) return;
    this.#write.write(message);
    this.#write.write('\0');
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#write.end();
    this.onclose?.();
  }

  #receive(chunk: Buffer): void {
    let start = 0;
    for (let end = chunk.indexOf(0); end !== -1; start = end + 1, end = chunk.indexOf(0, start)) {
      this.#pending.push(chunk.subarray(start, end));
      const message = Buffer.concat(this.#pending).toString('utf8');
      this.#pending = [];
      // Puppeteer handles a message in a task of its own, as its own transports do.
      setImmediate(() => this.onmessage?.(message));
    }
    if (start < chunk.length) this.#pending.push(chunk.subarray(start));
  }
}
