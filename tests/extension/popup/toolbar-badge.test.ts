import type { Runtime } from 'webextension-polyfill';
import { describe, expect, it } from 'vitest';
import { withToolbarBadge } from '../../../src/extension/background/toolbar-badge.js';
import { SIDE_COLORS } from '../../../src/extension/background/toolbar-count.js';
import { fail, ok, type Reply } from '../../../src/extension/messages.js';
import { summary } from '../api-fixtures.js';

const sender: Runtime.MessageSender = { id: 'x', url: 'chrome-extension://x/popup.html' };
const page = { title: 'Harbour bridge reopens', isArticle: true };

function setup(reply: Reply<unknown>) {
  const calls: string[] = [];
  const action = {
    setBadgeText: async ({ tabId, text }: { tabId: number; text: string }) => {
      calls.push(`text ${tabId} "${text}"`);
    },
    setBadgeBackgroundColor: async ({ tabId, color }: { tabId: number; color: string }) => {
      calls.push(`color ${tabId} ${color}`);
    },
  };
  const route = withToolbarBadge(async () => reply, action);
  return { route, calls };
}

describe('toolbar badge for the popup’s lookups', () => {
  it('shows the source count in the dominant side’s color once a lookup resolves', async () => {
    const reply = ok({ page, result: { story: summary, matchedBy: 'text', score: 0.9 } });
    const { route, calls } = setup(reply);
    expect(await route({ type: 'lookup-tab', tabId: 7 }, sender)).toBe(reply);
    expect(calls).toEqual([`color 7 ${SIDE_COLORS.left}`, 'text 7 "4"']);
  });

  it('shows nothing for a page without a story or that is not an article', async () => {
    for (const reply of [
      ok({ page, result: { story: null, matchedBy: null, score: null } }),
      fail('not-article', 'no'),
    ]) {
      const { route, calls } = setup(reply);
      await route({ type: 'lookup-tab', tabId: 7 }, sender);
      expect(calls).toEqual(['text 7 ""']);
    }
  });

  it('leaves the badge alone on failures and on other messages', async () => {
    for (const [message, reply] of [
      [{ type: 'lookup-tab', tabId: 7 }, fail('unreachable', 'down')],
      [{ type: 'lookup-tab', tabId: 7 }, fail('forbidden', 'no')],
      [{ type: 'get-story', id: 's' }, ok(summary)],
    ] as const) {
      const { route, calls } = setup(reply);
      expect(await route(message, sender)).toBe(reply);
      expect(calls).toEqual([]);
    }
  });

  it('never turns a good answer into an error when the badge cannot be set', async () => {
    const reply = ok({ page, result: { story: summary, matchedBy: 'text', score: 0.9 } });
    const broken = {
      setBadgeText: async () => Promise.reject(new Error('No tab with id: 7')),
      setBadgeBackgroundColor: async () => Promise.reject(new Error('No tab with id: 7')),
    };
    expect(await withToolbarBadge(async () => reply, broken)({ type: 'lookup-tab', tabId: 7 }, sender)).toBe(
      reply,
    );
  });
});
