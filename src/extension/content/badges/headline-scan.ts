/**
 * The headline links in a part of the page: the whole document at first, then only the subtrees a
 * page adds (infinite scroll, client-side navigation), so a page that keeps growing is never
 * rescanned whole.
 */
import { findHeadlineLinks, type HeadlineLink } from '../extraction/find-headline-links.js';

/** Menus, footers and banners hold section links, not headlines (as the link finder decides). */
const CHROME = 'nav, footer, [role="navigation"], [role="contentinfo"], [role="menu"], [role="toolbar"]';

const isDocument = (node: Node): node is Document => node.nodeType === node.DOCUMENT_NODE;

/**
 * The headline links under `root`. The link finder takes a document, but reads it only through
 * `querySelectorAll` and `getElementsByTagName`, which an element offers with the same meaning for
 * its subtree; a subtree inside a menu or footer (which the finder sees only from above) is skipped.
 */
export function findHeadlinesIn(root: Document | Element, pageUrl: string, max: number): HeadlineLink[] {
  if (isDocument(root)) return findHeadlineLinks(root, pageUrl, { max });
  if (root.closest(CHROME) !== null) return [];
  // An added anchor is scanned from its parent: the finder looks at anchors below its root.
  const scope = root instanceof HTMLAnchorElement ? root.parentElement : root;
  return scope === null ? [] : findHeadlineLinks(scope as unknown as Document, pageUrl, { max });
}

/** The added elements worth scanning: connected, not inside another of them, not our own badges. */
export function scanRoots(added: Iterable<Node>, ours: (element: Element) => boolean): Element[] {
  const elements = new Set<Element>();
  for (const node of added)
    if (node instanceof Element && node.isConnected && !ours(node)) elements.add(node);
  return [...elements].filter((element) => {
    for (let parent = element.parentElement; parent !== null; parent = parent.parentElement) {
      if (elements.has(parent)) return false;
    }
    return true;
  });
}
