/**
 * Inline badges in Debian's Firefox ESR, driven over WebDriver BiDi: automatic mode turned on from
 * the options page with a real click, then a newspaper front page served under its real host name.
 *
 * Host names: Firefox has no `--host-resolver-rules`, so the profile sends plain-http traffic
 * through the fixture server as its proxy (`network.proxy.*`); the server answers by the Host
 * header. The API on 127.0.0.1 is reached directly, as Firefox never proxies loopback addresses.
 * The badges' insides are in closed shadow roots: BiDi reaches them, the page's scripts do not.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LookupItem, StorySummary } from '../../../src/core/contract.js';
import { siteUrl, startBadgeSites, storyFor, type BadgeSites } from '../badge-sites.js';
import { FIREFOX_EXTENSION_DIR } from '../extension-dir.js';
import {
  launchFirefoxWithExtension,
  type FirefoxExtensionBrowser,
  type FirefoxTab,
  type NodeRef,
} from './firefox-extension-browser.js';
import { turnOffAutomaticMode, turnOnAutomaticMode, useApi } from './options-page.js';

const TAB_KEY = '\uE004';
const ESCAPE_KEY = '\uE00C';
const BADGES = `document.querySelectorAll('coverage-lens-badge')`;

let sites: BadgeSites;
let firefox: FirefoxExtensionBrowser;
let page: FirefoxTab;

beforeAll(async () => {
  sites = await startBadgeSites();
  firefox = await launchFirefoxWithExtension(FIREFOX_EXTENSION_DIR, {
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': sites.port,
    'extensions.webextOptionalPermissionPrompts': false,
  });
  await useApi(firefox, sites.api.url);
});

afterAll(async () => {
  await Promise.all([firefox?.close(), sites?.close()]);
});

afterEach(() => {
  expect(firefox.errors.splice(0)).toEqual([]);
});

const known = (items: LookupItem[]) => items.filter((item) => storyFor(item) !== null);

/** A badge's link: the block link around it, or the inline link before it. */
const LINK_OF = `(host) => host.closest('a') ?? host.previousElementSibling`;
/** That link's address without its fragment, as the badge's lookup sent it. */
const LINK_OF_BADGE = `(host) => {
  const link = (${LINK_OF})(host);
  return link instanceof HTMLAnchorElement ? link.href.replace(/#.*/, '') : '';
}`;

/** Whether a badge's card is open, read in its shadow root (`undefined`: never built). */
const CARD_OPEN = `(root) => {
  const card = root.querySelector('[role="dialog"]');
  return card ? !card.hidden && card.matches(':popover-open') : undefined;
}`;

const nameOf = ({ sourceCount, distribution: { left, center, right } }: StorySummary) =>
  `Coverage Lens: ${sourceCount} sources: ${left} Left, ${center} Center, ${right} Right`;

const badge = (index: number) => `${BADGES}[${index}]`;
const shadowOf = (index: number): Promise<NodeRef> => page.node(badge(index), 'shadowRoot');

/** The story the fake API gave for the `index`th badge's link. */
async function storyOfBadge(index: number) {
  const url = await page.evaluateOn<string>(await page.node(badge(index)), LINK_OF_BADGE);
  const item = sites
    .lookups()
    .flat()
    .find((sent) => sent.url === url);
  const story = item === undefined ? null : storyFor(item);
  if (story === null) throw new Error(`badge ${index} sits beside ${url}, which has no story`);
  return story;
}

describe('inline badges in Firefox', () => {
  it('are turned on from the options page, for the known news sites', async () => {
    await turnOnAutomaticMode(firefox, 'wfaa.com');
  });

  it('are drawn beside the known headline links near the viewport, from one batch', async () => {
    page = await firefox.openTab(siteUrl('newspaper'));
    await page.waitFor(`${BADGES}.length >= 3`, 'the first badges');
    const batches = sites.lookups();
    expect(batches).toHaveLength(1);
    const items = batches.flat();
    expect(items.length).toBeLessThanOrEqual(50);
    for (const item of items) expect(item.url).toMatch(/^http:\/\/www\.wfaa\.com\/article\/news\//);
    expect(await page.evaluate<number>(`${BADGES}.length`)).toBe(known(items).length);
  });

  it('name each badge with its numbers, and draw none beside unknown links', async () => {
    const drawn = await page.evaluate<number>(`${BADGES}.length`);
    const beside = await page.evaluate<string[]>(`[...${BADGES}].map(${LINK_OF_BADGE})`);
    const looked = sites.lookups().flat();
    const knownUrls = new Set(known(looked).map((item) => item.url));
    // Some links looked up have no story (one in three): none of them may get a badge.
    expect(knownUrls.size).toBeLessThan(looked.length);
    expect(beside.filter((url) => !knownUrls.has(url))).toEqual([]);
    expect(new Set(beside).size).toBe(drawn);
    for (const index of [0, drawn - 1]) {
      const root = await shadowOf(index);
      // As the browser's accessibility engine computes them, which is what a screen reader hears.
      expect(await page.accessible('button', nameOf(await storyOfBadge(index)), root)).toHaveLength(1);
      expect(await page.evaluateOn(root, CARD_OPEN)).toBeUndefined();
    }
  });

  it('open the card on keyboard focus, with the other takes, and close it on Escape', async () => {
    const story = await storyOfBadge(0);
    const host = await page.node(badge(0));
    await page.evaluateOn(host, `(host) => (${LINK_OF})(host).focus()`);
    await page.press(TAB_KEY);
    expect(await page.evaluate<string>(`document.activeElement?.localName`)).toBe('coverage-lens-badge');
    const root = await shadowOf(0);
    await expect.poll(() => page.evaluateOn(root, CARD_OPEN)).toBe(true);
    expect(await page.accessible('dialog', story.title, root)).toHaveLength(1);
    // One take per side, fetched when the card opens; the right's is plain http, so text only.
    const take = (side: string, n: number) => `${side} take ${n} on ${story.title}`;
    await expect.poll(async () => (await page.accessible('link', take('center', 2), root)).length).toBe(1);
    expect(await page.accessible('link', take('left', 1), root)).toHaveLength(1);
    expect(await page.accessible('link', take('right', 3), root)).toEqual([]);
    expect(
      await page.evaluateOn(root, `(root) => root.textContent.includes(${JSON.stringify(take('right', 3))})`),
    ).toBe(true);
    await page.press(ESCAPE_KEY);
    await expect.poll(() => page.evaluateOn(root, CARD_OPEN)).toBe(false);
  });

  it('open the card when the mouse rests on the badge', async () => {
    const index = (await page.evaluate<number>(`${BADGES}.length`)) - 1;
    const story = await storyOfBadge(index);
    const host = await page.node(badge(index));
    // The mouse reaches only what is in view. Scrolling closes cards: its event must come first.
    await page.evaluateOn(
      host,
      `(host) => new Promise((scrolled) => {
        const from = scrollY;
        host.scrollIntoView({ block: 'center' });
        if (scrollY === from) scrolled();
        else addEventListener('scroll', scrolled, { once: true });
      })`,
    );
    await page.pointAt(host);
    const root = await shadowOf(index);
    await expect.poll(() => page.evaluateOn(root, CARD_OPEN)).toBe(true);
    expect(await page.accessible('dialog', story.title, root)).toHaveLength(1);
  });

  it('follow the reader down the page, each link looked up once, at most 50 a request', async () => {
    const before = sites.lookups().length;
    await page.evaluate(`(async () => {
      const end = () => scrollY + innerHeight >= document.documentElement.scrollHeight - 2;
      for (let step = 0; step < 60 && !end(); step += 1) {
        scrollBy(0, innerHeight * 0.8);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })()`);
    // Settled: no new request since the last look, and every known link has its badge.
    let seen = -1;
    await expect
      .poll(
        async () => {
          const batches = sites.lookups();
          const drawn = await page.evaluate<number>(`${BADGES}.length`);
          const settled = batches.length === seen && drawn === known(batches.flat()).length;
          seen = batches.length;
          return settled;
        },
        { interval: 300, timeout: 10_000 },
      )
      .toBe(true);
    const batches = sites.lookups();
    expect(batches.length).toBeGreaterThan(before);
    for (const items of batches) expect(items.length).toBeLessThanOrEqual(50);
    const urls = batches.flat().map((item) => item.url ?? '');
    expect(new Set(urls).size).toBe(urls.length);
    // The page's 221 headline links, as in Chromium; the menu and footer links never among them.
    expect(urls).toHaveLength(221);
    for (const url of urls) expect(url).toMatch(/^http:\/\/www\.wfaa\.com\/article\/news\//);
  });

  it("are removed from the open page at once when the site's automatic mode is turned off", async () => {
    expect(await page.evaluate<number>(`${BADGES}.length`)).toBeGreaterThan(0);
    await turnOffAutomaticMode(firefox, 'wfaa.com');
    await page.waitFor(`${BADGES}.length === 0`, 'the badges to go');
    await page.close();
  });
});
