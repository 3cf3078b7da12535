// The preview server as a browser, a mistyped address and a hostile web page
// reach it: raw HTTP requests, with the Host header each would send.
import { request } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreviewServer, type PreviewServer } from '../src/watch/preview-server.js';

let server: PreviewServer;
let port: number;

beforeAll(async () => {
  const pages = new Map([['C17-23-E.html', '<!DOCTYPE html><html lang="en"><body><p>The Council is invited to note the report.</p></body></html>']]);
  server = await startPreviewServer({ pages, messages: [], generation: 1 });
  port = Number(new URL(server.url).port);
});

afterAll(async () => {
  await server?.close();
});

/** GET `path` (sent as written, not normalised) with `host` as the Host header. */
function get(path: string, host = `127.0.0.1:${port}`): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const sent = request({ host: '127.0.0.1', port, path, method: 'GET', headers: { host } }, (response) => {
      let body = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode!, body }));
    });
    sent.on('error', reject);
    sent.end();
  });
}

describe('preview server', () => {
  it('answers a malformed address with 400 and goes on serving', async () => {
    for (const path of ['/%', '/%E0%A4%A', '/C17-23-E.html%']) {
      const answer = await get(path);
      expect(answer.status, path).toBe(400);
    }
    const page = await get('/C17-23-E.html');
    expect(page.status).toBe(200);
    expect(page.body).toContain('The Council is invited to note the report.');
  });

  it('serves only requests addressed to itself: 127.0.0.1 or localhost with its port', async () => {
    expect((await get('/C17-23-E.html', `localhost:${port}`)).status).toBe(200);
    expect((await get('/C17-23-E.html', `LOCALHOST:${port}`)).status).toBe(200);
    // A page of another site whose name was made to point at 127.0.0.1 (DNS rebinding) sends its own name.
    for (const host of [`attacker.example:${port}`, 'attacker.example', `127.0.0.1:${port + 1}`, '127.0.0.1', `localhost.attacker.example:${port}`]) {
      const answer = await get('/C17-23-E.html', host);
      expect(answer.status, host).toBe(403);
      expect(answer.body, host).not.toContain('Council is invited');
      expect((await get('/events', host)).status, host).toBe(403);
    }
    // No Host at all (HTTP/1.0) names no one.
    const bare = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => socket.end('GET /C17-23-E.html HTTP/1.0\r\n\r\n'));
      let answer = '';
      socket.setEncoding('utf8').on('data', (chunk: string) => (answer += chunk));
      socket.on('end', () => resolve(answer)).on('error', reject);
    });
    expect(bare).toMatch(/^HTTP\/1\.1 403 /);
  });
});
