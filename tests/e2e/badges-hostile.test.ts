/**
 * Badges on a hostile page: CSS aimed at every element and at anything an extension adds, a
 * transparent overlay above everything the page can stack, DOM methods replaced by traps,
 * headlines with markup in them, and a link whose address is too long for a lookup. The badges stay whole, nothing the page set is called, and no
 * text from the page or the API becomes markup.
 */
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  accessibleNodes,
  hostCount,
  startBadgesBrowser,
  storyFor,
  waitForHosts,
  type BadgesBrowser,
} from './badges-harness.js';

let run: BadgesBrowser;
let page: Page;
let session: CDPSession;
const dialogs: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  run = await startBadgesBrowser();
  run.browser.context.on('page', (opened: Page) => {
    opened.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    opened.on('pageerror', (error) => pageErrors.push(error.message));
  });
  page = await run.open('hostile');
  session = await page.context().newCDPSession(page);
});

afterAll(async () => {
  await run?.close();
});

afterEach(() => {
  expect(run.browser.errors.splice(0)).toEqual([]);
  expect(pageErrors.splice(0)).toEqual([]);
  expect(dialogs).toEqual([]);
});

interface DomNode {
  nodeId: number;
  localName: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

/** Every element, closed shadow roots included, as the browser's inspector sees them. */
async function allElements(): Promise<DomNode[]> {
  const { root } = (await session.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  const found: DomNode[] = [];
  const walk = (node: DomNode) => {
    if (node.localName) found.push(node);
    for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) walk(child);
  };
  walk(root);
  return found;
}

describe('a hostile page', () => {
  it('gets its badges, calling none of the DOM methods the page replaced', async () => {
    await waitForHosts(page, 1);
    const sent = run.lookups().flat();
    // Not the link whose address is too long for a lookup, which would have the whole batch refused.
    expect(sent).toHaveLength(5);
    expect(sent.every((item) => (item.url ?? '').length <= 2048)).toBe(true);
    expect(await hostCount(page)).toBe(sent.filter((item) => storyFor(item) !== null).length);
    expect(await page.evaluate(() => (window as unknown as { patchedCalls: string[] }).patchedCalls)).toEqual(
      [],
    );
  });

  it('sends the headlines as their text, markup and all as characters', async () => {
    const titles = run
      .lookups()
      .flat()
      .map((item) => item.title);
    expect(titles).toContain('City hall <img src=x onerror=alert(1)> budget vote set for tonight');
    expect(titles).toContain('Ferry fares rise <script>alert(2)</script> for winter season riders');
  });

  it('keeps each badge whole under page CSS aimed at every element', async () => {
    const styles = await page.evaluate(() =>
      [...document.querySelectorAll('coverage-lens-badge')].map((host) => {
        const style = getComputedStyle(host);

        return {
          display: style.display,
          visibility: style.visibility,
          opacity: style.opacity,
          transform: style.transform,
          // offsetWidth: the page replaced getBoundingClientRect with a trap.
          sized: (host as HTMLElement).offsetWidth > 20 && (host as HTMLElement).offsetHeight > 8,
        };
      }),
    );
    for (const style of styles) {
      expect(style).toEqual({
        display: 'inline-block',
        visibility: 'visible',
        opacity: '1',
        transform: 'none',
        sized: true,
      });
    }
  });

  it('shows its card above the overlay, with the text of the headline as text', async () => {
    await page.evaluate(() => {
      const link = document.querySelector('coverage-lens-badge')?.previousElementSibling;
      if (link instanceof HTMLElement) link.focus();
    });
    await page.keyboard.press('Tab');
    await expect
      .poll(async () => (await accessibleNodes(session)).some((node) => node.role === 'dialog'))
      .toBe(true);
    const dialog = (await accessibleNodes(session)).find((node) => node.role === 'dialog');
    expect(dialog?.name).toMatch(/^Story: /);
    const card = (await allElements()).find((node) => {
      const role = node.attributes?.indexOf('role') ?? -1;
      return role >= 0 && node.attributes?.[role + 1] === 'dialog' && !node.attributes.includes('hidden');
    });
    expect(card).toBeDefined();
    const { model } = (await session.send('DOM.getBoxModel', { nodeId: card?.nodeId ?? 0 })) as {
      model: { content: number[] };
    };
    const [x1 = 0, y1 = 0, x2 = 0, , , y3 = 0] = model.content;
    const hit = await page.evaluate(
      ([x, y]) => document.elementFromPoint(x ?? 0, y ?? 0)?.localName,
      [(x1 + x2) / 2, (y1 + y3) / 2],
    );
    // The top layer is above any z-index; a point in the card hits the badge's host, not the overlay.
    expect(hit).toBe('coverage-lens-badge');
  });

  it('adds no element from page or API text inside its shadow roots', async () => {
    const inBadges = (await allElements()).filter((node) =>
      ['img', 'script', 'svg', 'iframe'].includes(node.localName),
    );
    const inPage = await page.evaluate(() => document.querySelectorAll('img, script, svg, iframe').length);
    // The page's own: its one trap script and the svg in a headline; nothing more anywhere.
    expect(inBadges).toHaveLength(inPage);
    const names = (await accessibleNodes(session)).map((node) => node.name).join('\n');
    expect(names).toContain('<img src=x onerror=alert(1)>');
  });
});
