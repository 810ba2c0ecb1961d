import type { Runtime } from 'webextension-polyfill';
import { describe, expect, it } from 'vitest';
import { BADGE_PORT } from '../../../src/extension/badge-replies.js';
import { keepBadgePorts } from '../../../src/extension/background/badge-ports.js';

/** A port as the browser hands it over: named, from a sender, and disconnectable from either end. */
function port(name: string, url?: string) {
  const closers: (() => void)[] = [];
  const state = { closed: false };
  const value = {
    name,
    sender: url === undefined ? {} : { url, tab: { id: 1 } },
    disconnect: () => void (state.closed = true),
    onDisconnect: { addListener: (listener: () => void) => void closers.push(listener) },
  } as unknown as Runtime.Port;
  return { port: value, state, closeFromPage: () => closers.forEach((close) => close()) };
}

describe('the badges’ ports', () => {
  it('close the pages that may no longer show badges, and only those', async () => {
    const listeners: ((p: Runtime.Port) => void)[] = [];
    const allowedHosts = new Set(['www.kept.example', 'www.revoked.example']);
    const ports = keepBadgePorts({ addListener: (listener) => void listeners.push(listener) }, async (url) =>
      allowedHosts.has(new URL(url).hostname),
    );
    const kept = port(BADGE_PORT, 'https://www.kept.example/');
    const revoked = port(BADGE_PORT, 'https://www.revoked.example/');
    const stranger = port('something-else', 'https://www.kept.example/');
    for (const p of [kept, revoked, stranger]) listeners.forEach((listener) => listener(p.port));
    expect(stranger.state.closed).toBe(true);
    await ports.recheck();
    expect([kept.state.closed, revoked.state.closed]).toEqual([false, false]);
    allowedHosts.delete('www.revoked.example');
    await ports.recheck();
    expect([kept.state.closed, revoked.state.closed]).toEqual([false, true]);
    // A page that went away is forgotten: a later recheck does not touch its port.
    kept.closeFromPage();
    allowedHosts.clear();
    await ports.recheck();
    expect(kept.state.closed).toBe(false);
  });
});
