/**
 * Where a headline link's badge goes, so that it moves the page by no more than its own width:
 * right after a link that flows in a line of text; inside a link laid out as a block (a card link
 * wrapping its heading), at the end of that heading or of the link, since a badge after a block
 * would open a line of its own. A badge inside a link keeps its clicks to itself (badge-element.ts).
 */

const HEADING = 'h1, h2, h3, h4, h5, h6, [role="heading"]';

/** The badge's place: after `after`, or as the last child of `inside`. */
export type BadgeSpot = { after: Element } | { inside: Element };

/**
 * Reads the link's computed display (a style read, no layout): call it for a batch of links before
 * drawing any of their badges, so the page's style is worked out once for the batch.
 */
export function badgeSpot(link: HTMLAnchorElement): BadgeSpot {
  const display = link.ownerDocument.defaultView?.getComputedStyle(link).display ?? 'inline';
  if (display.startsWith('inline') || display === 'contents') return { after: link };
  return { inside: link.querySelector(HEADING) ?? link };
}

export function placeBadge(host: HTMLElement, spot: BadgeSpot): void {
  if ('after' in spot) spot.after.after(host);
  else spot.inside.append(host);
}
