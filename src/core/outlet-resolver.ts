/**
 * Finds the outlet behind a host or URL in the outlet directory: exact host first, then its parent
 * domains (`a.b.news.example.co.uk` → `b.news.example.co.uk` → … → `example.co.uk`), never a bare
 * public suffix. Pure: runs in the browser (extension) and in Node (server, evaluations).
 */
import type { Lean } from './bias-scale.js';
import { CONSENSUS_RATER, type Outlet } from './outlet.js';

/**
 * Second-level public suffixes of the markets the directory covers: a host is never matched on
 * one of these (nor on a bare top-level domain), whatever the directory holds.
 */
const MULTI_LABEL_SUFFIXES = new Set(
  [
    // United Kingdom, Ireland
    'co.uk org.uk me.uk ltd.uk plc.uk net.uk ac.uk gov.uk nhs.uk sch.uk gov.ie',
    // Australia, New Zealand
    'com.au net.au org.au edu.au gov.au asn.au id.au co.nz net.nz org.nz govt.nz ac.nz geek.nz school.nz',
    // Asia
    'co.in net.in org.in gen.in firm.in ind.in gov.in nic.in ac.in res.in',
    'co.jp ne.jp or.jp ac.jp go.jp gr.jp ad.jp ed.jp lg.jp',
    'co.kr or.kr ne.kr go.kr re.kr pe.kr ac.kr',
    'com.cn net.cn org.cn gov.cn edu.cn com.hk org.hk net.hk gov.hk edu.hk idv.hk',
    'com.tw org.tw net.tw gov.tw idv.tw com.sg org.sg net.sg edu.sg gov.sg per.sg',
    'com.my net.my org.my gov.my com.ph net.ph org.ph gov.ph com.pk net.pk org.pk gov.pk',
    'com.bd net.bd org.bd gov.bd com.lk org.lk gov.lk com.np org.np gov.np',
    'co.id or.id web.id go.id ac.id co.th or.th in.th go.th ac.th com.vn net.vn gov.vn',
    // Middle East
    'co.il org.il net.il gov.il ac.il muni.il com.tr org.tr net.tr gov.tr gen.tr web.tr',
    'com.sa net.sa org.sa gov.sa com.qa net.qa org.qa gov.qa co.ae net.ae org.ae gov.ae',
    'com.eg org.eg gov.eg com.lb org.lb com.jo com.kw com.bh com.om co.ir ac.ir gov.ir',
    // Africa
    'co.za org.za net.za web.za gov.za ac.za com.ng org.ng gov.ng net.ng edu.ng',
    'co.ke or.ke ne.ke go.ke ac.ke co.tz or.tz go.tz co.ug or.ug go.ug com.gh org.gh gov.gh',
    'co.zw org.zw co.zm org.zm co.bw org.bw com.et gov.et',
    // Americas
    'com.br net.br org.br gov.br art.br blog.br jor.br com.ar org.ar net.ar gob.ar gov.ar',
    'com.mx org.mx net.mx gob.mx edu.mx com.co org.co net.co gov.co com.pe org.pe gob.pe',
    'cl.cl gob.cl com.ve org.ve gob.ve com.uy org.uy com.py com.bo com.ec org.ec com.do com.cu',
    'com.pr com.gt com.sv com.hn com.ni com.pa co.cr or.cr gc.ca',
    // Europe
    'com.pl net.pl org.pl gov.pl co.at or.at gv.at ac.at com.pt org.pt gov.pt com.es org.es nom.es gob.es',
    'com.gr org.gr gov.gr com.cy org.cy com.mt org.mt com.ua org.ua net.ua gov.ua in.ua',
    'com.ru org.ru net.ru msk.ru spb.ru co.rs org.rs in.rs com.hr com.ro org.ro co.hu org.hu',
    'co.no priv.no co.it gov.it com.de co.de',
  ]
    .join(' ')
    .split(' '),
);

/** True for a bare TLD (`uk`) or a known second-level public suffix (`co.uk`). */
export function isPublicSuffix(host: string): boolean {
  return !host.includes('.') || MULTI_LABEL_SUFFIXES.has(host);
}

/**
 * The host of a URL or host string, lower case, without `www.`, port, trailing dot or credentials;
 * null when there is no plausible host.
 */
export function normalizeHost(hostOrUrl: string): string | null {
  let text = hostOrUrl.trim().toLowerCase();
  if (text === '') return null;
  if (text.startsWith('//')) text = `http:${text}`;
  let host: string;
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(text)) {
    try {
      host = new URL(text).hostname;
    } catch {
      return null;
    }
  } else {
    // A bare host, possibly with a path, query or port.
    host = text.split(/[/?#]/, 1)[0] ?? '';
    host = host.replace(/^[^@]*@/, '').replace(/:\d*$/, '');
  }
  host = host.replace(/\.+$/, '');
  while (/^www\d*\./.test(host)) host = host.replace(/^www\d*\./, '');
  if (!/^[a-z0-9.-]+$/.test(host) || host.includes('..') || host.startsWith('.') || host.startsWith('-'))
    return null;
  return host;
}

/** What the resolver needs of an outlet: the full directory entry, or the extension's compact one. */
export interface ResolvableOutlet {
  id: string;
  domains: readonly string[];
}

export interface OutletResolver<T extends ResolvableOutlet = Outlet> {
  /** The outlet publishing on this host or URL, or null when the directory does not know it. */
  resolve(hostOrUrl: string): T | null;
  /** The directory entry with this id. */
  byId(id: string): T | null;
}

export function createOutletResolver<T extends ResolvableOutlet = Outlet>(directory: {
  outlets: readonly T[];
}): OutletResolver<T> {
  const byDomain = new Map<string, T>();
  const byId = new Map<string, T>();
  for (const outlet of directory.outlets) {
    byId.set(outlet.id, outlet);
    for (const domain of outlet.domains) {
      const host = domain.toLowerCase().replace(/^www\./, '');
      // A suffix can never be claimed; the first claim of a domain wins (the checks forbid two).
      if (isPublicSuffix(host) || byDomain.has(host)) continue;
      byDomain.set(host, outlet);
    }
  }
  return {
    resolve(hostOrUrl: string): T | null {
      const host = normalizeHost(hostOrUrl);
      if (host === null) return null;
      let candidate = host;
      for (;;) {
        if (isPublicSuffix(candidate)) return null;
        const hit = byDomain.get(candidate);
        if (hit) return hit;
        const dot = candidate.indexOf('.');
        if (dot < 0) return null;
        candidate = candidate.slice(dot + 1);
      }
    },
    byId(id: string): T | null {
      return byId.get(id) ?? null;
    },
  };
}

/** The project's own consensus lean of an outlet, or null when it is unrated. */
export function consensusLean(outlet: Pick<Outlet, 'ratings'>): Lean | null {
  return outlet.ratings.find((r) => r.rater === CONSENSUS_RATER)?.lean ?? null;
}
