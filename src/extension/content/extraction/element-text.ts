/**
 * Reads the text a reader sees in an element, as text (never as markup).
 * textContent alone glues a kicker to its headline ("Kicker<span>Headline</span>" reads
 * "KickerHeadline") and includes screen-reader-only labels, so this walks the tree, treats every
 * element boundary except inline formatting as a word break, and skips hidden and non-text parts.
 */

const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'BUTTON', 'SELECT', 'IFRAME']);
/** Inline formatting that can sit inside a word ("<b>Trump</b>'s"); every other element breaks words. */
const INLINE = new Set([
  'A',
  'ABBR',
  'B',
  'BDI',
  'BDO',
  'CITE',
  'CODE',
  'EM',
  'FONT',
  'I',
  'MARK',
  'Q',
  'S',
  'SMALL',
  'STRONG',
  'SUB',
  'SUP',
  'TIME',
  'U',
  'WBR',
]);
/** Class names sites use for text meant only for screen readers. */
const SCREEN_READER_ONLY =
  /(^|[\s_-])(sr-only|visually-?hidden|screen-?reader|visuallyhidden|a11y|offscreen)/i;

/** Whether an element of this tag name flows inside a line of text rather than starting a new part. */
export function isInlineTag(tagName: string): boolean {
  return INLINE.has(tagName.toUpperCase());
}

/** Whether an element holds no text a reader sees (scripts, controls, hidden and screen-reader labels). */
export function isUnseen(el: Element): boolean {
  return (
    SKIPPED.has(el.tagName.toUpperCase()) ||
    el.hasAttribute('hidden') ||
    el.getAttribute('aria-hidden') === 'true' ||
    SCREEN_READER_ONLY.test(el.getAttribute('class') ?? '')
  );
}

/** The element's visible text, with element boundaries as spaces; not yet normalised. */
export function elementText(root: Element): string {
  // Most links and headings hold text alone: nothing to walk.
  if (root.firstElementChild === null) return root.textContent ?? '';
  const parts: string[] = [];
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        parts.push(child.nodeValue ?? '');
      } else if (child.nodeType === 1) {
        const el = child as Element;
        const tag = el.tagName.toUpperCase();
        if (isUnseen(el)) continue;
        const breaks = !INLINE.has(tag);
        if (breaks) parts.push(' ');
        walk(el);
        if (breaks) parts.push(' ');
      }
    }
  };
  walk(root);
  return parts.join('');
}
