/**
 * Inline badges in real Chromium, on fixture pages that imitate real front pages, served under real
 * outlet host names: a newspaper home page with 200+ headline links, an aggregator, an
 * infinite-scroll feed and a single-page app; every lookup counted at a recording API.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LookupItem, StorySummary } from '../../src/core/contract.js';
import {
  accessibleNodes,
  hostCount,
  startBadgesBrowser,
  storyFor,
  tabTo,
  waitForHosts,
  type BadgesBrowser,
} from './badges-harness.js';

const OPTIONS = 'src/extension/options/index.html';

let run: BadgesBrowser;
const pageErrors: string[] = [];

beforeAll(async () => {
  run = await startBadgesBrowser();
  run.browser.context.on('page', (page: Page) => {
    page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
  });
});

afterAll(async () => {
  await run?.close();
});

afterEach(() => {
  expect(run.browser.errors.splice(0)).toEqual([]);
  expect(pageErrors.splice(0)).toEqual([]);
});

/** The lookup requests made while `action` runs. */
async function lookupsDuring(action: () => Promise<void>): Promise<LookupItem[][]> {
  const before = run.lookups().length;
  await action();
  return run.lookups().slice(before);
}

const known = (items: LookupItem[]) => items.filter((item) => storyFor(item) !== null).length;

/** Focuses the link the page's first badge sits beside, and gives the story that badge shows. */
async function focusLinkBeforeFirstBadge(page: Page): Promise<StorySummary> {
  const url = await page.evaluate(() => {
    const link = document.querySelector('coverage-lens-badge')?.previousElementSibling;
    if (!(link instanceof HTMLAnchorElement)) return '';
    link.focus();
    return link.href.replace(/#.*/, '');
  });
  const item = run
    .lookups()
    .flat()
    .find((sent) => sent.url === url);
  const story = item === undefined ? null : storyFor(item);
  if (story === null) throw new Error(`no story was drawn beside ${url}`);
  return story;
}

/**
 * Scrolls down in steps, as a reader does, letting each step's lookups answer, until the page
 * stops growing (an infinite feed adds stories as the end comes near).
 */
async function scrollThrough(page: Page): Promise<void> {
  let still = 0;
  for (let step = 0; step < 120 && still < 4; step += 1) {
    const grew = await page.evaluate(async () => {
      const height = document.documentElement.scrollHeight;
      window.scrollBy(0, window.innerHeight * 0.8);
      await new Promise((resolve) => setTimeout(resolve, 150));
      return (
        document.documentElement.scrollHeight > height || window.scrollY + window.innerHeight < height - 2
      );
    });
    still = grew ? 0 : still + 1;
  }
  await page.waitForTimeout(400);
}

describe('a newspaper home page with 221 headline links', () => {
  let page: Page;
  let first: LookupItem[][];

  it('looks up only the links near the viewport, in one batch of at most 50, on the outlet only', async () => {
    first = await lookupsDuring(async () => {
      page = await run.open('newspaper');
      await waitForHosts(page, 3);
    });
    expect(first).toHaveLength(1);
    const items = first.flat();
    expect(items.length).toBeGreaterThan(5);
    expect(items.length).toBeLessThanOrEqual(50);
    for (const item of items) expect(item.url).toMatch(/^http:\/\/www\.wfaa\.com\/article\/news\//);
    // Only what the privacy gate allows: the headline and the canonical URL, no tracking, no fragment.
    for (const item of items) expect(Object.keys(item).sort()).toEqual(['title', 'url']);
    expect(items.map((item) => item.url).join(' ')).not.toMatch(/utm_|#/);
    expect(await hostCount(page)).toBe(known(items));
  });

  it("draws beside an inline link, at the end of a block link's heading, in a closed shadow root, without taking its click", async () => {
    const facts = await page.evaluate(() => {
      const hosts = [...document.querySelectorAll('coverage-lens-badge')];
      const display = (element: Element) => getComputedStyle(element).display;
      return {
        open: hosts.filter((host) => host.shadowRoot !== null).length,
        afterInlineLinks: hosts.filter((host) => {
          const link = host.previousElementSibling;
          return link?.localName === 'a' && display(link) === 'inline' && host.closest('a') === null;
        }).length,
        // The page's cards are flex rows whose links (blockified) wrap an h3.
        inBlockLinkHeadings: hosts.filter((host) => {
          const link = host.closest('a');
          return link !== null && display(link) === 'block' && host.parentElement?.localName === 'h3';
        }).length,
        hosts: hosts.length,
      };
    });
    expect(facts.open).toBe(0);
    expect(facts.afterInlineLinks + facts.inBlockLinkHeadings).toBe(facts.hosts);
    expect(facts.afterInlineLinks).toBeGreaterThan(0);
    const link = page.locator('h1.lead-headline a');
    const href = await link.getAttribute('href');
    await link.click();
    await page.waitForURL(`**${href ?? ''}`);
    await page.goBack();
    await waitForHosts(page, 3);
  });

  it('names each badge with its numbers and opens its card from the keyboard', async () => {
    const session = await page.context().newCDPSession(page);
    const story = await focusLinkBeforeFirstBadge(page);
    const { left, center, right } = story.distribution;
    const name = `Coverage Lens: ${story.sourceCount} sources: ${left} Left, ${center} Center, ${right} Right`;
    const buttons = (await accessibleNodes(session)).filter((node) => node.role === 'button');
    expect(buttons.map((node) => node.name)).toContain(name);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe('coverage-lens-badge');
    const focused = (await accessibleNodes(session)).filter(
      (node) => node.focused && node.role !== 'RootWebArea',
    );
    expect(focused.map((node) => node.name)).toEqual([name]);
    await expect
      .poll(async () => (await accessibleNodes(session)).some((n) => n.role === 'dialog'))
      .toBe(true);
    expect(await accessibleNodes(session)).toContainEqual({
      role: 'dialog',
      name: story.title,
      focused: false,
    });
    // Three other takes, one per side; only the https ones are links.
    const takes = async () => (await accessibleNodes(session)).filter((n) => / take \d on /.test(n.name));
    await expect.poll(async () => (await takes()).length).toBeGreaterThanOrEqual(3);
    const shown = await takes();
    expect(shown.filter((n) => n.role === 'link').map((n) => n.name.split(' ')[0])).toEqual([
      'left',
      'center',
    ]);
    expect(shown.some((n) => n.role !== 'link' && n.name.startsWith('right take'))).toBe(true);
    await page.keyboard.press('Escape');
    await expect
      .poll(async () => (await accessibleNodes(session)).some((n) => n.role === 'dialog'))
      .toBe(false);
    await session.detach();
  });

  it('looks up the rest while scrolling, each link once, at most 50 a request', async () => {
    const more = await lookupsDuring(() => scrollThrough(page));
    expect(more.length).toBeGreaterThan(1);
    for (const items of more) expect(items.length).toBeLessThanOrEqual(50);
    const urls = [...first, ...more].flat().map((item) => item.url);
    expect(new Set(urls).size).toBe(urls.length);
    // 221 links, the menu and footer links never among them.
    expect(urls.length).toBe(221);
    expect(await hostCount(page)).toBe(known([...first, ...more].flat()));
  });

  it('sends nothing on a reload within the cache TTL', async () => {
    const again = await lookupsDuring(async () => {
      await page.reload();
      await waitForHosts(page, 3);
      await page.evaluate(() => window.scrollTo(0, 0));
      await scrollThrough(page);
    });
    expect(again).toEqual([]);
    expect(await hostCount(page)).toBe(
      known(
        run
          .lookups()
          .flat()
          .filter((i) => i.url?.includes('wfaa.com')),
      ),
    );
    await page.close();
  });
});

describe('a front page whose headline links are laid out as blocks', () => {
  let page: Page;

  /** Where every element of the page's main part is, by its place in the document. */
  const layout = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('main *')]
        .filter((element) => element.localName !== 'coverage-lens-badge')
        .map((element) => {
          const { top, height } = element.getBoundingClientRect();
          return { top: Math.round(top), height: Math.round(height) };
        }),
    );

  it('puts each badge inside the link, at the end of its heading or text, moving nothing down', async () => {
    page = await run.open('cards');
    const hosts = await waitForHosts(page, 3);
    const places = await page.evaluate(() =>
      [...document.querySelectorAll('coverage-lens-badge')].map((host) => ({
        parent: host.parentElement?.localName,
        last: host.parentElement?.lastElementChild === host,
        width: host.getBoundingClientRect().width,
      })),
    );
    expect(places).toHaveLength(hosts);
    for (const place of places) {
      expect(['h3', 'a']).toContain(place.parent);
      expect(place.last).toBe(true);
    }
    expect(places.some((place) => place.parent === 'h3')).toBe(true);
    expect(places.some((place) => place.parent === 'a')).toBe(true);
    // With the badges and without them, every element has the same top and height: each badge
    // took room on its headline's line, never a line of its own.
    const withBadges = await layout();
    await page.evaluate(() => {
      for (const host of document.querySelectorAll('coverage-lens-badge')) host.remove();
    });
    expect(await layout()).toEqual(withBadges);
    for (const { width } of places) expect(width).toBeLessThan(80);
    await page.close();
  });

  it("opens the card on the badge's click, which neither follows the link nor reaches the page", async () => {
    page = await run.open('cards');
    await waitForHosts(page, 3);
    const session = await page.context().newCDPSession(page);
    const start = page.url();
    await page.locator('main h3 coverage-lens-badge').first().click();
    await expect
      .poll(async () => (await accessibleNodes(session)).some((node) => node.role === 'dialog'))
      .toBe(true);
    expect(page.url()).toBe(start);
    expect(await page.evaluate('window.linkClicks')).toEqual([]);
    // The link's own click is untouched (with the card, which lies over the link, closed).
    await page.keyboard.press('Escape');
    await expect
      .poll(async () => (await accessibleNodes(session)).some((node) => node.role === 'dialog'))
      .toBe(false);
    const link = page.locator('main a.tile').first();
    const href = await link.getAttribute('href');
    await link.locator('p').click();
    await page.waitForURL(`**${href ?? ''}`);
    await session.detach();
    await page.close();
  });
});

describe('an article page', () => {
  it('gets one badge, at the end of its headline, from the one lookup automatic mode makes', async () => {
    const sent = await lookupsDuring(async () => {
      const page = await run.open('article');
      await waitForHosts(page, 1);
      await page.waitForTimeout(500);
      expect(await hostCount(page)).toBe(1);
      expect(
        await page.evaluate(() => document.querySelector('coverage-lens-badge')?.parentElement?.localName),
      ).toBe('h1');
      await page.close();
    });
    expect(sent).toEqual([
      [
        {
          title: 'Harbor tunnel opens after five years of work',
          url: 'http://www.khou.com/article/news/local/harbor-tunnel-opens-after-five-years-of-work/285-1',
          description: 'Drivers used the new tunnel for the first time on Friday.',
        },
      ],
    ]);
  });
});

describe('an aggregator linking to many outlets', () => {
  it('sends only links to outlets of the directory', async () => {
    const sent = await lookupsDuring(async () => {
      const page = await run.open('aggregator');
      await waitForHosts(page, 3);
      await scrollThrough(page);
      await page.close();
    });
    const urls = sent.flat().map((item) => item.url ?? '');
    expect(urls.length).toBeGreaterThan(40);
    expect(urls.filter((url) => url.includes('unlisted-blog.example'))).toEqual([]);
    expect(new Set(urls.map((url) => new URL(url).hostname)).size).toBeGreaterThan(3);
  });
});

describe('an infinite-scroll feed', () => {
  it('badges stories as the page adds them, asking only for the new ones', async () => {
    const page = await run.open('scroll');
    await waitForHosts(page, 2);
    const atFirst = await hostCount(page);
    const sent = await lookupsDuring(() => scrollThrough(page));
    expect(await page.locator('article.story').count()).toBe(100);
    // The feed's own stories, each asked once (the aggregator links to other kare11.com stories).
    const urls = run
      .lookups()
      .flat()
      .map((item) => item.url ?? '')
      .filter((url) => url.startsWith('http://www.kare11.com/article/news/local/'));
    expect(new Set(urls).size).toBe(urls.length);
    expect(urls).toHaveLength(100);
    expect(sent.length).toBeGreaterThan(1);
    expect(await hostCount(page)).toBeGreaterThan(atFirst);
    await page.close();
  });
});

/** In the page: badges are drawn, and all of them beside links whose address contains `part`. */
function besideOnly(part: string): boolean {
  const hosts = [...document.querySelectorAll('coverage-lens-badge')];
  return (
    hosts.length > 0 &&
    hosts.every((host) => host.previousElementSibling?.getAttribute('href')?.includes(part))
  );
}

describe('a single-page app', () => {
  it('follows route changes and history navigation without asking twice', async () => {
    const page = await run.open('app');
    await waitForHosts(page, 2);
    const news = await hostCount(page);
    const sports = await lookupsDuring(async () => {
      await page.getByRole('button', { name: 'Sports' }).click();
      await page.waitForURL('**/app/sports');
      await page.waitForFunction(besideOnly, '/article/sports/');
    });
    expect(sports.flat().every((item) => item.url?.includes('/article/sports/'))).toBe(true);
    expect(sports.flat()).toHaveLength(25);
    const back = await lookupsDuring(async () => {
      await page.goBack();
      await page.waitForURL('**/app/news');
      await page.waitForFunction(besideOnly, '/article/news/');
    });
    expect(back).toEqual([]);
    await expect.poll(() => hostCount(page)).toBe(news);
    await page.close();
  });
});

describe("the card's actions and the options switch", () => {
  it('opens the full coverage in a tab of the extension', async () => {
    const page = await run.open('newspaper');
    await waitForHosts(page, 3);
    const session = await page.context().newCDPSession(page);
    const story = await focusLinkBeforeFirstBadge(page);
    await tabTo(page, session, 'Open full coverage');
    const opened = page.context().waitForEvent('page');
    await page.keyboard.press('Enter');
    const tab = await opened;
    expect(tab.url()).toBe(
      `chrome-extension://${run.browser.extensionId}/src/extension/popup/index.html?story=${story.id}`,
    );
    // The popup's view of that story, with the other outlets' headlines.
    await tab.getByText(story.title).first().waitFor();
    await tab.getByText(`left take 1 on ${story.title}`).first().waitFor();
    await tab.close();
    await page.close();
  });

  it('turns badges off for the site from the card, and on again from the options page', async () => {
    const page = await run.open('newspaper');
    await waitForHosts(page, 3);
    const session = await page.context().newCDPSession(page);
    await focusLinkBeforeFirstBadge(page);
    await tabTo(page, session, 'Badges on this site');
    await page.keyboard.press('Space');
    await expect.poll(() => hostCount(page)).toBe(0);
    const quiet = await lookupsDuring(async () => {
      await page.reload();
      await page.waitForTimeout(1000);
    });
    expect(quiet).toEqual([]);
    expect(await hostCount(page)).toBe(0);

    const options = await run.browser.openExtensionPage(OPTIONS);
    const toggle = options.getByRole('checkbox', { name: 'Badges on wfaa.com' });
    await expect.poll(() => toggle.isChecked()).toBe(false);
    await toggle.check();
    await options.getByText('Badges are on for wfaa.com.').waitFor();
    await options.close();
    await page.reload();
    await waitForHosts(page, 3);
    await page.close();
  });
});

describe('when badges may no longer be shown', () => {
  it('removes them from an open page when the reader turns them off in the options page', async () => {
    const page = await run.open('newspaper');
    await waitForHosts(page, 3);
    const options = await run.browser.openExtensionPage(OPTIONS);
    await options.getByRole('checkbox', { name: 'Badges on wfaa.com' }).uncheck();
    await expect.poll(() => hostCount(page), { timeout: 5000 }).toBe(0);
    await options.getByRole('checkbox', { name: 'Badges on wfaa.com' }).check();
    await options.close();
    await page.reload();
    await waitForHosts(page, 3);
    await page.close();
  });

  it("removes them from an open page at once when the site's access is revoked", async () => {
    const page = await run.open('scroll');
    await waitForHosts(page, 2);
    await run.revoke('scroll');
    await expect.poll(() => hostCount(page), { timeout: 5000 }).toBe(0);
    await run.grant('scroll');
    await page.close();
  });
});

describe('when the extension goes away', () => {
  it('removes every badge from open pages and stops watching them', async () => {
    const page = await run.open('scroll');
    await waitForHosts(page, 2);
    await run.browser.serviceWorker.evaluate(() => {
      const { chrome } = globalThis as unknown as { chrome: { runtime: { reload(): void } } };
      chrome.runtime.reload();
    });
    // Without scrolling or any other page event: the orphaned script notices on its own.
    await expect.poll(() => hostCount(page), { timeout: 5000 }).toBe(0);
    // The observers are gone too: stories the page adds now draw nothing.
    await scrollThrough(page);
    expect(await page.locator('article.story').count()).toBeGreaterThan(10);
    expect(await hostCount(page)).toBe(0);
    await page.close();
  });
});
