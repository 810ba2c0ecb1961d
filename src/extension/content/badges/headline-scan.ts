/**
 * The headline links in a part of the page: the whole document at first, then only the subtrees a
 * page adds (infinite scroll, client-side navigation), so a page that keeps growing is never
 * rescanned whole.
 */
import { findHeadlineLinks, type HeadlineLink } from '../extraction/find-headline-links.js';

/**
 * The headline links under `root`. A subtree inside a menu or footer holds none, as the link finder
 * decides; an added anchor is scanned from its parent, since the finder looks at anchors below its root.
 */
export function findHeadlinesIn(root: Document | Element, pageUrl: string, max: number): HeadlineLink[] {
  const scope = root instanceof HTMLAnchorElement ? root.parentElement : root;
  return scope === null ? [] : findHeadlineLinks(scope, pageUrl, { max });
}

/** The added elements worth scanning: connected, not inside another of them. */
export function scanRoots(added: Iterable<Node>): Element[] {
  const elements = new Set<Element>();
  for (const node of added) if (node instanceof Element && node.isConnected) elements.add(node);
  return [...elements].filter((element) => {
    for (let parent = element.parentElement; parent !== null; parent = parent.parentElement) {
      if (elements.has(parent)) return false;
    }
    return true;
  });
}
