/** Where an article page's badge goes: its main headline, the `h1` that carries the extracted title. */
import { normalizeHeadline } from '../../../core/headline-normalize.js';

/** The `h1` whose text is (or contains) the page's headline; else the first `h1`; else null. */
export function mainHeadline(doc: Document, title: string): HTMLElement | null {
  const headings = [...doc.getElementsByTagName('h1')];
  const wanted = normalizeHeadline(title).toLowerCase();
  const matching = headings.find((heading) =>
    normalizeHeadline(heading.textContent ?? '')
      .toLowerCase()
      .includes(wanted),
  );
  return matching ?? headings[0] ?? null;
}
