/**
 * Gathers the places a page states its headline, each cleaned of the site's name and weighted by how
 * often that kind of source holds the headline readers and feeds see.
 */
import { cleanTitle } from './clean-title.js';
import { elementText, isInlineTag, isUnseen } from './element-text.js';
import type { JsonLdSummary } from './json-ld.js';
import { firstMeta, type MetaTags } from './meta-tags.js';
import { agreement, keyed, type Candidate } from './score-candidates.js';
import type { SiteNames } from './site-names.js';

/** Where a page's own headline lives, as opposed to a site-wide banner or a teaser list. */
const MAIN_AREA = 'article, main, [role="main"], [itemprop="articleBody"], [itemtype*="Article"]';
const CHROME = 'footer, aside, [role="contentinfo"]';
/**
 * Breadcrumb trails: many CMSs repeat the SEO title as the last crumb, in an h1, while the headline
 * readers see is set elsewhere, often in an h2 with its kicker. The crumb only repeats <title>.
 */
const CRUMB = 'nav, li, [role="navigation"], [class*="crumb" i], [aria-label*="crumb" i]';
const MAX_HEADINGS = 6;
const MAX_SUBHEADINGS = 15;

/**
 * og:title is what the publisher wrote for sharing and feeds, which is also what other outlets and
 * aggregators quote; the visible heading and JSON-LD come next; <title> carries SEO additions.
 */
export const WEIGHTS = {
  ogTitle: 3.5,
  jsonLd: 3,
  mainHeading: 3,
  itemprop: 2,
  title: 1.25,
  twitterTitle: 1,
  otherMeta: 0.75,
  otherHeading: 0.75,
  /** The URL's slug: written once from the headline, but often shortened or from a first draft. */
  urlSlug: 1.5,
  /** A site adapter knows its family's markup, but still has to agree with something. */
  adapter: 4,
} as const;

type Clean = (raw: string) => string;

/**
 * The heading's text in parts split at its block-level children (a kicker <span>, a <div>): inline
 * formatting and bare text run together, so "Storm closes <em>three</em> passes" stays one part.
 */
function headingParts(heading: Element): string[] {
  const parts: string[] = [];
  let run = '';
  const flush = (): void => {
    if (run.trim()) parts.push(run);
    run = '';
  };
  for (let node = heading.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 3) run += node.nodeValue ?? '';
    if (node.nodeType !== 1 || isUnseen(node as Element)) continue;
    const el = node as Element;
    if (isInlineTag(el.tagName)) {
      run += elementText(el);
    } else {
      flush();
      run = elementText(el);
      flush();
    }
  }
  flush();
  return parts;
}

/** A heading as a candidate; a kicker + headline heading also offers its headline part alone. */
function headingCandidate(el: Element, source: string, weight: number, clean: Clean): Candidate {
  const text = clean(elementText(el));
  const parts = headingParts(el);
  const tail = parts.length >= 2 ? clean(parts[parts.length - 1] ?? '') : '';
  const candidate: Candidate = { source, text, weight, rendered: true };
  return tail && tail !== text ? { ...candidate, tail } : candidate;
}

function headingCandidates(doc: Document, metadata: Candidate[], clean: Clean): Candidate[] {
  const headings: Element[] = [];
  for (const h1 of doc.getElementsByTagName('h1')) {
    if (headings.length >= MAX_HEADINGS) break;
    if (!h1.closest(CHROME) && !h1.closest(CRUMB) && clean(elementText(h1))) headings.push(h1);
  }
  if (headings.length > 0) {
    // The main heading: the first inside the article area, else the first on the page.
    const main = headings.find((h) => h.closest(MAIN_AREA)) ?? headings[0];
    return headings.map((h) =>
      h === main
        ? headingCandidate(h, 'h1', WEIGHTS.mainHeading, clean)
        : headingCandidate(h, 'h1-other', WEIGHTS.otherHeading, clean),
    );
  }
  // No h1 outside the chrome: the display headline is the first h2 that states what the metadata says.
  const stated = metadata.map(keyed);
  let seen = 0;
  for (const h2 of doc.getElementsByTagName('h2')) {
    if (seen >= MAX_SUBHEADINGS) break;
    if (h2.closest(CHROME) || h2.closest(CRUMB)) continue;
    seen += 1;
    const candidate = headingCandidate(h2, 'h2', WEIGHTS.mainHeading, clean);
    if (!candidate.text) continue;
    const heading = keyed(candidate);
    if (stated.some((m) => agreement(heading, m.loose) > 0 || agreement(m, heading.loose) > 0))
      return [candidate];
  }
  return [];
}

export function collectCandidates(
  doc: Document,
  meta: MetaTags,
  jsonLd: JsonLdSummary,
  names: SiteNames,
  sections: ReadonlySet<string>,
): Candidate[] {
  const clean = (raw: string): string => cleanTitle(raw, names, sections);
  const candidates: Candidate[] = [];
  const add = (source: string, raw: string | null | undefined, weight: number, shared = false): void => {
    const text = raw ? clean(raw) : '';
    if (text) candidates.push(shared ? { source, text, weight, shared } : { source, text, weight });
  };
  const article = jsonLd.articles[0];
  add('json-ld', article?.headline ?? article?.name, WEIGHTS.jsonLd);
  add('og:title', firstMeta(meta, 'og:title'), WEIGHTS.ogTitle, true);
  add('twitter:title', firstMeta(meta, 'twitter:title'), WEIGHTS.twitterTitle);
  add(
    'meta',
    firstMeta(meta, 'parsely-title', 'sailthru.title', 'dc.title', 'dcterms.title'),
    WEIGHTS.otherMeta,
  );
  add('title', doc.querySelector('head title')?.textContent ?? doc.title, WEIGHTS.title);
  const itemprop = doc.querySelector('[itemprop="headline"]:not(meta)');
  if (itemprop && !/^H[12]$/.test(itemprop.tagName)) add('itemprop', elementText(itemprop), WEIGHTS.itemprop);
  candidates.push(...headingCandidates(doc, [...candidates], clean));
  return candidates;
}
