import { getDomain, getPublicSuffix } from 'tldts-icann';

/**
 * The host and each parent domain down to the registrable one, most specific first
 * (`www.bbc.co.uk`, `bbc.co.uk`; never `co.uk`), for looking a host up in a directory of registrable
 * domains and known subdomains. A host with no registrable domain (an IP address, `localhost`, a bare
 * public suffix) gives itself only when it is not a public suffix.
 */
export function domainSuffixes(host: string): string[] {
  const name = host.toLowerCase().replace(/\.$/, '');
  const registrable = getDomain(name);
  if (registrable === null) return getPublicSuffix(name) === name ? [] : [name];
  const suffixes = [name];
  let rest = name;
  while (rest !== registrable) {
    rest = rest.slice(rest.indexOf('.') + 1);
    suffixes.push(rest);
  }
  return suffixes;
}
