/**
 * A minimal WebDriver BiDi client (https://w3c.github.io/webdriver-bidi/): commands with their
 * replies, and events to listeners. playwright-core cannot drive a stock Firefox; BiDi can.
 */
import WebSocket from 'ws';

interface Reply {
  id?: number;
  type: 'success' | 'error' | 'event';
  result?: unknown;
  error?: string;
  message?: string;
  method?: string;
  params?: unknown;
}

export interface BidiSession {
  send<T = unknown>(method: string, params?: object): Promise<T>;
  /** Calls `listener` with the params of every event named `method` (after `session.subscribe`). */
  on(method: string, listener: (params: unknown) => void): void;
  close(): void;
}

export async function connectBidi(webSocketUrl: string): Promise<BidiSession> {
  const socket = new WebSocket(webSocketUrl);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  const listeners = new Map<string, ((params: unknown) => void)[]>();
  let lastId = 0;

  socket.on('message', (data) => {
    const reply = JSON.parse(String(data)) as Reply;
    if (reply.type === 'event' && reply.method) {
      for (const listener of listeners.get(reply.method) ?? []) listener(reply.params);
      return;
    }
    const waiting = reply.id === undefined ? undefined : pending.get(reply.id);
    if (!waiting || reply.id === undefined) return;
    pending.delete(reply.id);
    if (reply.type === 'success') waiting.resolve(reply.result);
    else waiting.reject(new Error(`${reply.error ?? 'error'}: ${reply.message ?? ''}`));
  });
  socket.on('close', () => {
    for (const waiting of pending.values()) waiting.reject(new Error('the browser closed the session'));
    pending.clear();
  });

  return {
    send<T>(method: string, params: object = {}) {
      const id = ++lastId;
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: (value) => resolve(value as T), reject });
        socket.send(JSON.stringify({ id, method, params }));
      });
    },
    on(method, listener) {
      listeners.set(method, [...(listeners.get(method) ?? []), listener]);
    },
    close() {
      socket.close();
    },
  };
}
