/**
 * Recognises a site's own name in any spelling it uses ("derStandard.at", "DER STANDARD", "Fox News"
 * on foxnews.com), so that it can be stripped from titles and never returned as a headline.
 */

/** Letters and digits only, lower case, umlauts spelled out and accents dropped. */
export function compactName(text: string): string {
  if (!/[^\p{ASCII}]/u.test(text))
    return text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '')
      .replace(/^the/, '');
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[^\p{L}\p{N}]+/gu, '')
    .replace(/^the/, '');
}

/** Words sites add to their brand ("BBC News", "Kurier Online") that the host name leaves out. */
const BRAND_SUFFIXES =
  /^(news|online|nachrichten|zeitung|newspaper|times|post|daily|tv|radio|media|digital|net|de|com|at|ch|uk|it|es|fr|now|live|today|magazin|magazine|noticias|nieuws|nyheter|nyheder)*$/;

export class SiteNames {
  private readonly names = new Set<string>();
  private readonly hostLabels: string[];

  constructor(names: Iterable<string>, url: string) {
    for (const name of names) {
      const compact = compactName(name);
      if (compact.length >= 2) this.names.add(compact);
    }
    let host = '';
    try {
      host = new URL(url).hostname.replace(/^(www|m|amp|mobile)\./, '');
    } catch {
      // An unparsable URL gives no host evidence; the page's own names still apply.
    }
    const labels = host.split('.');
    // The registrable label and the whole host ("spiegel", "spiegelde"); short TLD labels say nothing.
    this.hostLabels = [
      compactName(host),
      ...labels
        .slice(0, -1)
        .filter((l) => l.length >= 3)
        .map(compactName),
    ];
    this.names.add(compactName(host));
  }

  /** Whether a title segment is nothing but the site's name. */
  isSiteName(segment: string): boolean {
    const compact = compactName(segment);
    if (compact.length === 0) return false;
    if (this.names.has(compact)) return true;
    for (const label of this.hostLabels) {
      if (label.length < 3) continue;
      if (compact === label) return true;
      if (compact.startsWith(label) && BRAND_SUFFIXES.test(compact.slice(label.length))) return true;
      if (
        label.startsWith(compact) &&
        compact.length >= 4 &&
        BRAND_SUFFIXES.test(label.slice(compact.length))
      ) {
        return true;
      }
    }
    return false;
  }

  /** The page's own names, for callers that report one. */
  has(name: string): boolean {
    return this.names.has(compactName(name));
  }
}
