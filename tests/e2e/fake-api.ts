/**
 * A stand-in for the lookup API that records every request it receives (method, path, headers,
 * body) and answers as the test says: the way to count what the extension sends, and to play a
 * hostile or broken server.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface FakeAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface FakeApi {
  url: string;
  requests: RecordedRequest[];
  /** Replaces the answering function; requests are still recorded. */
  answer(handler: (request: RecordedRequest) => FakeAnswer): void;
  close(): Promise<void>;
}

export async function startFakeApi(handler: (request: RecordedRequest) => FakeAnswer): Promise<FakeApi> {
  const requests: RecordedRequest[] = [];
  let answerWith = handler;
  const server = createServer((incoming, response) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const request: RecordedRequest = {
        method: incoming.method ?? '',
        path: incoming.url ?? '',
        headers: incoming.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(request);
      const { status, body, headers } = answerWith(request);
      response
        .writeHead(status, { 'content-type': 'application/json', ...headers })
        .end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    answer(next) {
      answerWith = next;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
