// Live preview on 127.0.0.1: the latest HTML of each document, with a small
// script that reloads the page after a rebuild and shows the validation
// messages. The script is added here, when a page is served: it never
// reaches out/.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';

export interface PreviewState {
  /** Latest HTML of each document, by file name ("C17-23-E.html"). */
  pages: Map<string, string>;
  /** Messages of the last check, as printed in the terminal. */
  messages: string[];
  /** Increases with every rebuild; pages reload when it changes. */
  generation: number;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escape = (text: string) => text.replace(/[&<>"]/g, (ch) => ESCAPES[ch]!);

function clientScript(nonce: string, generation: number): string {
  return `<script nonce="${nonce}">
(() => {
  const shown = ${generation};
  const box = document.createElement('pre');
  box.id = 'preview-messages';
  box.style.cssText = 'position:fixed;left:0;right:0;bottom:0;margin:0;max-height:40vh;overflow:auto;' +
    'padding:.5em 1em;background:#fff4f4;color:#600;border-top:2px solid #a00;font:12px monospace;white-space:pre-wrap;z-index:9999';
  const show = (messages) => {
    box.textContent = messages.join('\\n');
    if (messages.length > 0) document.body.append(box); else box.remove();
  };
  const events = new EventSource('/events');
  events.addEventListener('state', (e) => {
    const state = JSON.parse(e.data);
    show(state.messages);
    if (state.generation !== shown && state.ok) location.reload();
  });
})();
</script>`;
}

export interface PreviewServer {
  url: string;
  /** Tells every open page that a rebuild finished. */
  notify(ok: boolean): void;
  close(): Promise<void>;
}

/** The path asked for, decoded; undefined when it is not a well-formed address (`/%`). */
function pathOf(request: IncomingMessage): string | undefined {
  try {
    return decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname).slice(1);
  } catch {
    return undefined;
  }
}

export async function startPreviewServer(state: PreviewState, port = 0): Promise<PreviewServer> {
  const clients = new Set<ServerResponse>();
  let lastOk = true;
  let hosts = new Set<string>();
  const event = () => `event: state\ndata: ${JSON.stringify({ generation: state.generation, messages: state.messages, ok: lastOk })}\n\n`;

  const handle = (request: IncomingMessage, response: ServerResponse): void => {
    // A web page whose site name was pointed at 127.0.0.1 (DNS rebinding) could read the preview
    // as its own origin; its requests carry that site's name, which is refused here.
    if (!hosts.has((request.headers.host ?? '').toLowerCase())) {
      response.writeHead(403, { 'content-type': 'text/plain' }).end(`this preview answers only at ${[...hosts].map((h) => `http://${h}/`).join(' or ')}`);
      return;
    }
    const path = pathOf(request);
    if (path === undefined) {
      response.writeHead(400, { 'content-type': 'text/plain' }).end('not a well-formed address');
      return;
    }
    if (path === 'events') {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
      response.write(event());
      clients.add(response);
      request.on('close', () => clients.delete(response));
      return;
    }
    if (path === '') {
      const links = [...state.pages.keys()].map((name) => `<li><a href="/${escape(name)}">${escape(name)}</a></li>`);
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      response.end(`<!DOCTYPE html><html lang="en"><title>Preview</title><ul>${links.join('')}</ul></html>`);
      return;
    }
    const page = state.pages.get(path);
    if (page === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const nonce = randomBytes(12).toString('base64');
    response.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      // Only the preview's own script runs, and it may only talk back to this server.
      'content-security-policy': `default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'nonce-${nonce}'; connect-src 'self'`,
    });
    response.end(page.replace(/<\/body>\s*<\/html>\s*$/, `${clientScript(nonce, state.generation)}\n</body>\n</html>\n`));
  };

  const server: Server = createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const { port: bound } = server.address() as AddressInfo;
  hosts = new Set([`127.0.0.1:${bound}`, `localhost:${bound}`]);
  return {
    url: `http://127.0.0.1:${bound}/`,
    notify(ok) {
      lastOk = ok;
      for (const client of clients) client.write(event());
    },
    async close() {
      for (const client of clients) client.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
