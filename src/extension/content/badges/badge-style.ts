/**
 * The badge's looks, inlined: the host's own inline style (important declarations there beat any
 * page rule, even `* { … !important }`) and constructed style sheets adopted by each closed shadow
 * root (the card's only once it is opened), which page style sheets cannot reach and page CSPs do
 * not govern.
 */

/**
 * Resets everything a page could set on the host; the badge takes its own width and nothing more.
 * Set through the CSSOM, which no page CSP blocks (a style attribute could be).
 */
export const HOST_STYLE: readonly (readonly [string, string])[] = [
  ['all', 'initial'],
  ['display', 'inline-block'],
  ['position', 'static'],
  // Negative block margins: the badge takes no height in its line, so a line of any font size
  // keeps its height and nothing below moves.
  ['margin', '-8px 0 -8px 0.4em'],
  ['padding', '0'],
  ['vertical-align', 'middle'],
  ['line-height', '0'],
  ['visibility', 'visible'],
  ['opacity', '1'],
  ['transform', 'none'],
  ['filter', 'none'],
  ['pointer-events', 'auto'],
  ['float', 'none'],
];

/** The badge's own rules, adopted by every shadow root. */
export const SHADOW_CSS = `
:host { all: initial; }
/* The sides' colours, set on every element in here: the page's own custom properties cannot reach them. */
* { box-sizing: border-box; --left: #2563eb; --center: #7c3aed; --right: #dc2626; --unrated: #9ca3af; }
.badge {
  all: initial; display: inline-flex; align-items: center; gap: 4px; cursor: pointer;
  font: 600 11px/14px system-ui, sans-serif; color: #1f2937; background: #f3f4f6;
  border: 1px solid #d1d5db; border-radius: 8px; padding: 1px 5px; height: 16px; white-space: nowrap;
}
.badge:focus-visible { outline: 2px solid #2563eb; outline-offset: 1px; }
.bar { display: inline-block; width: 30px; height: 6px; border-radius: 3px; background: #d1d5db; }
`;

/** The card's rules, adopted only by the shadow roots whose card was opened: most never are. */
export const CARD_CSS = `
.card {
  position: fixed; inset: auto; margin: 0; z-index: 2147483647; width: 300px; max-width: 90vw;
  padding: 10px 12px; border: 1px solid #d1d5db; border-radius: 8px; background: #fff; color: #111827;
  box-shadow: 0 6px 20px rgba(0, 0, 0, 0.18); font: 13px/1.4 system-ui, sans-serif; text-align: start;
}
.card[hidden] { display: none; }
.left { background: var(--left); } .center { background: var(--center); } .right { background: var(--right); }
.unrated { background: var(--unrated); }
.title { font-weight: 600; margin: 0 0 6px; }
/* Page and API text cannot reorder the card around it (a right-to-left override stays inside). */
.title, .takes a, .takes span { unicode-bidi: isolate; }
.split { display: flex; gap: 10px; margin: 0 0 8px; padding: 0; list-style: none; font-size: 12px; }
.swatch { display: inline-block; width: 8px; height: 8px; border-radius: 2px; margin-inline-end: 4px; }
.takes-heading { font-weight: 600; font-size: 12px; margin: 0 0 4px; }
.takes { margin: 0 0 8px; padding: 0; list-style: none; }
.takes li { margin: 0 0 4px; }
.takes .outlet { display: block; font-size: 11px; color: #4b5563; }
.takes a { color: #1d4ed8; }
.actions { display: flex; justify-content: space-between; align-items: center; gap: 8px; }
.actions button {
  font: inherit; font-size: 12px; padding: 3px 8px; border: 1px solid #9ca3af; border-radius: 6px;
  background: #f9fafb; color: #111827; cursor: pointer;
}
.actions button:focus-visible, .takes a:focus-visible { outline: 2px solid #2563eb; outline-offset: 1px; }
.actions [role='switch'][aria-checked='true'] { border-color: #16a34a; box-shadow: inset 3px 0 0 #16a34a; }
`;
