/**
 * Malformed HTTP on a real socket, which in-process `app.request` never sends: broken-off and
 * malformed bodies, bad framing, oversize headers. The Node adapter and the app together must
 * answer each without a 5xx, reach the internal-error handler for none, and keep serving.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startServer, type RunningServer } from '../../../src/server/start-server.js';

const BODY = '{"items":[{"title":"Flood waters rise"}]}';
const OVER_LIMIT = 'y'.repeat(400_000);

const post = (headers: string, body: string | Buffer = ''): Buffer =>
  Buffer.concat([
    Buffer.from(`POST /v1/lookup HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n${headers}\r\n`),
    Buffer.from(body),
  ]);

/** Each case's bytes; `brokenOff` ones are cut before the body is complete. */
const CASES: { name: string; bytes: Buffer; brokenOff?: boolean }[] = [
  {
    name: 'body shorter than its length, cut',
    bytes: post('Content-Length: 500\r\n', BODY),
    brokenOff: true,
  },
  {
    name: 'chunked body cut mid-chunk',
    bytes: post('Transfer-Encoding: chunked\r\n', 'ff\r\n{"it'),
    brokenOff: true,
  },
  { name: 'body longer than its length', bytes: post('Content-Length: 5\r\n', BODY) },
  { name: 'malformed chunk size', bytes: post('Transfer-Encoding: chunked\r\n', 'zz\r\nabc\r\n0\r\n\r\n') },
  {
    name: 'length and chunked at once',
    bytes: post('Content-Length: 3\r\nTransfer-Encoding: chunked\r\n', '0\r\n\r\n'),
  },
  {
    name: 'chunked body over the limit',
    bytes: post(
      'Transfer-Encoding: chunked\r\n',
      `${OVER_LIMIT.length.toString(16)}\r\n${OVER_LIMIT}\r\n0\r\n\r\n`,
    ),
  },
  {
    name: 'declared length over the limit',
    bytes: post(`Content-Length: ${OVER_LIMIT.length}\r\n`, OVER_LIMIT),
  },
  {
    name: 'invalid UTF-8 in the body',
    bytes: post(
      'Content-Length: 27\r\n',
      Buffer.concat([
        Buffer.from('{"items":[{"title":"'),
        Buffer.from([0xff, 0xfe, 0xc3]),
        Buffer.from('"}]}'),
      ]),
    ),
  },
  {
    name: 'gzip declared, plain sent',
    bytes: post(`Content-Encoding: gzip\r\nContent-Length: ${BODY.length}\r\n`, BODY),
  },
  { name: 'no request line', bytes: Buffer.from('GARBAGE\r\n\r\n') },
  {
    name: 'header over the limit',
    bytes: Buffer.from(`GET /healthz HTTP/1.1\r\nX-A: ${'a'.repeat(20_000)}\r\n\r\n`),
  },
  { name: 'NUL in the path, HTTP/1.0', bytes: Buffer.from('GET /v1/stories/%00 HTTP/1.0\r\n\r\n') },
];

/** Sends the bytes and reads until the server closes; a broken-off request is cut by the client instead. */
function exchange(port: number, bytes: Buffer, brokenOff: boolean): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(answer));
    socket.write(bytes, () => (brokenOff ? socket.destroy() : socket.end()));
  });
}

let server: RunningServer;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'coverage-lens-socket-'));
  server = await startServer({ dbPath: join(dir, 'coverage.db'), port: 0 });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('malformed HTTP on a socket', { timeout: 60_000 }, () => {
  it('gets no 5xx, reaches no internal error, and leaves the server serving', async () => {
    const errors = vi.spyOn(console, 'error');
    const statuses: Record<string, number | null> = {};
    for (const { name, bytes, brokenOff = false } of CASES) {
      const answer = await exchange(server.port, bytes, brokenOff);
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(answer)?.[1];
      statuses[name] = status === undefined ? null : Number(status);
    }
    // The server answers a request after all of them, so it has handled the broken-off ones by now.
    const health = await fetch(`${server.url}/healthz`);
    expect(await health.json()).toEqual({ ok: true });
    expect(Object.entries(statuses).filter(([, status]) => status !== null && status >= 500)).toEqual([]);
    expect(statuses['declared length over the limit']).toBe(413);
    expect(statuses['chunked body over the limit']).toBe(413);
    expect(statuses['header over the limit']).toBe(431);
    expect(errors.mock.calls.filter(([line]) => String(line).startsWith('internal error'))).toEqual([]);
    errors.mockRestore();
  });
});
