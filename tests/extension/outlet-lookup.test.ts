import { describe, expect, it } from 'vitest';
import { LOOKUP_TTL_MS } from '../../src/extension/background/lookup-cache.js';
import { LookupError, type LookupClient } from '../../src/extension/background/lookup-client.js';
import { createNetworkGuard } from '../../src/extension/background/network-guard.js';
import { story } from './api-fixtures.js';
import {
  EXTENSION_ORIGIN,
  EXTENSION_ID,
  popupSender as popup,
  routerHarness as setup,
  serviceOutlet,
} from './privacy/router-harness.js';

const getOutlet = (host: string) => ({ type: 'get-outlet', host });
const items = [{ title: 'Harbour bridge reopens' }];

describe('get-outlet: the outlet of the page being read', () => {
  it("answers the service's entry: owner, each rater's lean, factual level, date and basis", async () => {
    const { route, apiCalls } = setup();
    const reply = await route(getOutlet('www.theguardian.com'), popup);
    expect(reply).toEqual({
      ok: true,
      data: {
        id: 'the-guardian',
        name: 'The Guardian',
        owner: 'Guardian Media Group',
        ownership: 'independent',
        lean: 'lean-left',
        source: 'service',
        ratings: [
          expect.objectContaining({
            rater: 'coverage-lens',
            lean: 'lean-left',
            date: '2026-11',
            basis: expect.any(String),
          }),
          expect.objectContaining({
            rater: 'mbfc',
            lean: 'lean-left',
            label: 'Left-Center',
            factual: 'mixed',
            date: '2023-08',
          }),
        ],
      },
    });
    // Asked by the outlet's own domain, whatever host the page was on.
    expect(apiCalls).toEqual(['outlet theguardian.com']);
  });

  it('asks the service once per outlet within the TTL, then again', async () => {
    let now = Date.parse('2025-03-14T12:00:00Z');
    const { route, apiCalls } = setup({ now: () => now });
    await route(getOutlet('www.theguardian.com'), popup);
    await route(getOutlet('theguardian.com'), popup);
    expect(apiCalls).toEqual(['outlet theguardian.com']);
    now += LOOKUP_TTL_MS;
    await route(getOutlet('gu.com'), popup);
    expect(apiCalls).toEqual(['outlet theguardian.com', 'outlet theguardian.com']);
  });

  it('forgets its answers when the options page clears the cache', async () => {
    const { route, apiCalls } = setup();
    const options = { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}src/extension/options/index.html` };
    await route(getOutlet('www.theguardian.com'), popup);
    await route(getOutlet('axios.com'), popup);
    expect(await route({ type: 'clear-cache' }, options)).toEqual({ ok: true, data: null });
    await route(getOutlet('www.theguardian.com'), popup);
    await route(getOutlet('axios.com'), popup);
    expect(apiCalls).toEqual([
      'outlet theguardian.com',
      'outlet axios.com',
      'outlet theguardian.com',
      'outlet axios.com',
    ]);
  });

  it('sends nothing for a site the built-in directory does not know', async () => {
    const { route, apiCalls } = setup();
    expect(await route(getOutlet('mail.example.com'), popup)).toEqual({ ok: true, data: null });
    expect(apiCalls).toEqual([]);
  });

  it('falls back to the built-in leans, saying so, when the service cannot answer', async () => {
    const { route, apiCalls } = setup({
      fetchOutlet: async () => {
        throw new LookupError('unreachable', 'no answer');
      },
    });
    const reply = await route(getOutlet('axios.com'), popup);
    expect(reply).toEqual({
      ok: true,
      data: {
        id: 'axios',
        name: 'Axios',
        lean: 'lean-left',
        source: 'directory',
        ratings: [
          { rater: 'coverage-lens', lean: 'lean-left' },
          { rater: 'allsides', lean: 'lean-left' },
          { rater: 'mbfc', lean: 'lean-left' },
        ],
      },
    });
    // A failed answer is not kept: the next open asks again.
    await route(getOutlet('axios.com'), popup);
    expect(apiCalls).toEqual(['outlet axios.com', 'outlet axios.com']);
  });

  it('shows the ratings the service imported beside the directory’s', async () => {
    const { route } = setup({
      fetchOutlet: async (domain) => {
        const outlet = await serviceOutlet(domain);
        return {
          ...outlet,
          ratings: [...outlet.ratings, { rater: 'acme-ratings', lean: 'center', date: '2026-10' }],
        };
      },
    });
    const reply = await route(getOutlet('axios.com'), popup);
    expect(reply.ok && (reply.data as { ratings: { rater: string }[] }).ratings.map((r) => r.rater)).toEqual([
      'coverage-lens',
      'allsides',
      'mbfc',
      'acme-ratings',
    ]);
  });

  it('refuses hosts that are no host names', async () => {
    const { route, apiCalls } = setup();
    for (const host of [
      '',
      'localhost',
      'https://axios.com/',
      'AXIOS.COM',
      'axios.com/x',
      'a'.repeat(250) + '.com',
    ]) {
      const reply = await route(getOutlet(host), popup);
      expect(reply.ok ? undefined : reply.error.code, host).toBe('invalid-message');
    }
    expect(apiCalls).toEqual([]);
  });
});

describe('get-outlet through the network guard', () => {
  it('shares the API’s circuit: an API paused by failed lookups is not asked about outlets', async () => {
    let now = 0;
    const guard = createNetworkGuard({
      now: () => now,
      sleep: async (ms) => {
        now += ms;
      },
      random: () => 0.5,
    });
    const api = 'http://127.0.0.1:8787';
    const down: LookupClient = {
      lookup: async () => {
        throw new LookupError('unreachable', 'down');
      },
      getStory: async () => story,
      checkHealth: async () => 1,
    };
    for (let i = 0; i < 3; i += 1) await expect(guard.wrap(api, down).lookup(items)).rejects.toThrow('down');
    const asked: string[] = [];
    const { route } = setup({
      fetchOutlet: (domain) =>
        guard.call(api, async () => {
          asked.push(domain);
          return serviceOutlet(domain);
        }),
    });
    const reply = await route(getOutlet('axios.com'), popup);
    expect(reply).toMatchObject({ ok: true, data: { id: 'axios', source: 'directory' } });
    expect(asked).toEqual([]);
  });
});
