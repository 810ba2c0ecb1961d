/**
 * Automatic mode's two registrations: a granted site's front page gets the script without the
 * article extractor, every other page of the site the full one, and no page both.
 */
import type { Scripting } from 'webextension-polyfill';
import { describe, expect, it } from 'vitest';
import {
  AUTO_SCRIPT_ID,
  FRONT_SCRIPT_ID,
  frontPagePattern,
  registerAutoScript,
  type ScriptingApi,
} from '../../../src/extension/background/content-registration.js';

/** The registrations in force after each call, by id, as the browser keeps them. */
function registrations() {
  let live: Scripting.RegisteredContentScript[] = [];
  const api: ScriptingApi = {
    getRegisteredContentScripts: async (filter) => live.filter((s) => filter?.ids?.includes(s.id) ?? true),
    registerContentScripts: async (list) => {
      if (list.some((s) => live.some((kept) => kept.id === s.id))) throw new Error('duplicate id');
      live = [...live, ...list];
    },
    unregisterContentScripts: async (filter) => {
      live = live.filter((s) => !(filter?.ids ?? []).includes(s.id));
    },
  };
  return { api, byId: () => Object.fromEntries(live.map((s) => [s.id, s])) };
}

describe("a granted site's front page", () => {
  it('is the "/" address of a whole-site pattern, and of no other', () => {
    expect(frontPagePattern('*://*.wfaa.com/*')).toBe('*://*.wfaa.com/');
    expect(frontPagePattern('https://news.example/*')).toBe('https://news.example/');
    expect(frontPagePattern('*://*/*')).toBe('*://*/');
    expect(frontPagePattern('https://news.example/politics/*')).toBeNull();
    expect(frontPagePattern('<all_urls>')).toBeNull();
  });

  it('gets the front script, excluded from the full one, both replaced on each sync', async () => {
    const { api, byId } = registrations();
    await registerAutoScript(api, ['*://*.wfaa.com/*'], 'auto.js', 'auto-front.js');
    await registerAutoScript(api, ['*://*.wfaa.com/*', 'https://news.example/*'], 'auto.js', 'auto-front.js');
    const fronts = ['*://*.wfaa.com/', 'https://news.example/'];
    expect(byId()[AUTO_SCRIPT_ID]).toMatchObject({
      matches: ['*://*.wfaa.com/*', 'https://news.example/*'],
      excludeMatches: fronts,
      js: ['auto.js'],
    });
    expect(byId()[FRONT_SCRIPT_ID]).toMatchObject({ matches: fronts, js: ['auto-front.js'] });
    await registerAutoScript(api, [], 'auto.js', 'auto-front.js');
    expect(byId()).toEqual({});
  });

  it('is left to the full script when no granted pattern has one', async () => {
    const { api, byId } = registrations();
    await registerAutoScript(api, ['https://news.example/politics/*'], 'auto.js', 'auto-front.js');
    expect(Object.keys(byId())).toEqual([AUTO_SCRIPT_ID]);
    expect(byId()[AUTO_SCRIPT_ID]?.excludeMatches).toBeUndefined();
  });
});
