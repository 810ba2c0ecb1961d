/**
 * A site adapter handles one site family whose markup the generic extractor cannot read. Each has its
 * own fixture pages (tests/fixtures/extraction/adapters/<id>/) and is kept only while it is needed.
 */
export interface SiteAdapter {
  id: string;
  /** Registrable domains of the family, e.g. ["example-news.com"]; subdomains match too. */
  domains: string[];
  /** The headline as the site shows it, or null to leave the page to the generic path. */
  headline(doc: Document): string | null;
}
