/**
 * Seeded generator of malformed requests to the API: bad JSON, wrong types, huge strings, deep
 * nesting, unicode garbage, search operators, wrong methods and content types, oversize bodies,
 * too many items, path and header junk. Deterministic for a seed, so a failure can be replayed.
 */
import { seededRandom } from '../../../bench/lib/seeded-random.js';

export interface FuzzRequest {
  kind: string;
  path: string;
  init: RequestInit;
}

type Random = () => number;

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const int = (random: Random, max: number): number => Math.floor(random() * max);

const GARBAGE_CHARS = [
  '\u0000',
  '\u0007',
  '\ud800',
  '\udfff',
  '\u202e',
  '\u200b',
  '\ufeff',
  '\uffff',
  '𝕏',
  '🏳️‍🌈',
  'é',
  'ß',
  '中',
  'ع',
  '"',
  '\\',
  '<',
  '>',
  '&',
  "'",
  '\n',
  '\r',
  '\t',
  '%',
  '*',
  '^',
  '(',
  ')',
  '{',
  '}',
  '[',
  ']',
];

function garbage(random: Random, length: number): string {
  let text = '';
  for (let i = 0; i < length; i += 1) {
    text += random() < 0.5 ? pick(random, GARBAGE_CHARS) : String.fromCharCode(int(random, 0x10000));
  }
  return text;
}

/** Headlines full of the query syntax of SQLite FTS5, PostgreSQL tsquery and SQL itself. */
const OPERATOR_TITLES = [
  '"Biden" OR "Trump" NEAR(election fraud, 3)',
  'NOT AND OR NEAR',
  'title:Ukraine* ^ceasefire -Russia',
  "Senate passes bill'; DROP TABLE stories; --",
  '"unbalanced quote in a headline',
  'a & b | !c <-> d:*',
  '(((nested (parens',
  '* * * *',
  'Ukraine AND (ceasefire OR truce) NOT "peace deal"',
  '%_% LIKE \\ escape',
  'NEAR/2 {col1 col2}: x',
  '—',
];

const WRONG_VALUES: unknown[] = [
  null,
  true,
  0,
  -1,
  1e308,
  'text',
  '',
  [],
  {},
  [null],
  [[]],
  { title: null },
  'NaN',
  ' ',
];

function item(random: Random): Record<string, unknown> {
  const base: Record<string, unknown> = { title: pick(random, OPERATOR_TITLES) };
  const mutation = int(random, 10);
  if (mutation === 0) base.title = pick(random, WRONG_VALUES);
  if (mutation === 1) base.title = 'x'.repeat(501 + int(random, 5000));
  if (mutation === 2)
    base.url = pick(random, [
      'javascript:alert(1)',
      'http://',
      'ftp://a.b/c',
      '//x',
      'http://[::1',
      pick(random, WRONG_VALUES),
    ]);
  if (mutation === 3) base.description = 'd'.repeat(2001 + int(random, 3000));
  if (mutation === 4) base.publishedAt = pick(random, ['yesterday', '2025-13-45T99:99:99Z', 1e20, '', null]);
  if (mutation === 5) base.title = garbage(random, 1 + int(random, 200));
  if (mutation === 6) base[garbage(random, 5)] = garbage(random, 50);
  if (mutation === 7) delete base.title;
  if (mutation === 8) base.url = `https://www.example.com/${garbage(random, 40)}`;
  return base;
}

/** URLs cannot carry lone surrogates (encodeURIComponent throws on them). */
const wellFormed = (text: string): string => text.replace(/[\ud800-\udfff]/g, '\ufffd');

function nested(depth: number, open: string, close: string, inner: string): string {
  return `${open.repeat(depth)}${inner}${close.repeat(depth)}`;
}

const json = (body: string, method = 'POST'): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json' },
  body,
});

type CaseMaker = (random: Random) => FuzzRequest;

const GENERATORS: Record<string, CaseMaker> = {
  'bad-json': (random) => {
    const good = JSON.stringify({ items: [{ title: 'Flood waters rise' }] });
    const body = pick(random, [
      good.slice(0, int(random, good.length)),
      `${good},`,
      "{'items': [{'title': 'single quotes'}]}",
      '{"items": [{"title": "x",}]}',
      '{"items": NaN}',
      '/* comment */ {"items": []}',
      garbage(random, 1 + int(random, 300)),
      '',
      'null',
      '"just a string"',
      '[]',
      '123',
    ]);
    return { kind: 'bad-json', path: '/v1/lookup', init: json(body) };
  },
  'wrong-types': (random) => {
    const body = pick<unknown>(random, [
      { items: pick(random, WRONG_VALUES) },
      { item: [{ title: 'x' }] },
      { items: [pick(random, WRONG_VALUES)] },
      { items: Array.from({ length: 1 + int(random, 5) }, () => item(random)) },
      { items: [{ title: 'ok' }], extra: garbage(random, 100) },
      JSON.parse('{"__proto__": {"items": []}, "items": [{"title": "x", "__proto__": {"polluted": true}}]}'),
    ]);
    return { kind: 'wrong-types', path: '/v1/lookup', init: json(JSON.stringify(body)) };
  },
  'operators-as-text': (random) => {
    const items = Array.from({ length: 1 + int(random, 10) }, () => ({
      title: pick(random, OPERATOR_TITLES),
    }));
    return { kind: 'operators-as-text', path: '/v1/lookup', init: json(JSON.stringify({ items })) };
  },
  'unicode-garbage': (random) => {
    const items = Array.from({ length: 1 + int(random, 5) }, () => ({
      title: garbage(random, 1 + int(random, 400)),
      description: garbage(random, int(random, 500)),
    }));
    return { kind: 'unicode-garbage', path: '/v1/lookup', init: json(JSON.stringify({ items })) };
  },
  'huge-strings': (random) => {
    const size = pick(random, [501, 2001, 10_000, 200_000]);
    const field = pick(random, ['title', 'description', 'url', 'publishedAt']);
    const items = [{ title: 'Flood waters rise', [field]: 'a'.repeat(size) }];
    return { kind: 'huge-strings', path: '/v1/lookup', init: json(JSON.stringify({ items })) };
  },
  'deep-nesting': (random) => {
    const depth = pick(random, [100, 1_000, 10_000, 50_000]);
    const body = pick(random, [
      `{"items": ${nested(depth, '[', ']', '{"title": "x"}')}}`,
      nested(depth, '{"items": ', '}', '[]'),
      `{"items": [{"title": ${nested(depth, '{"a": ', '}', '1')}}]}`,
      nested(depth, '[', ']', ''),
    ]);
    return { kind: 'deep-nesting', path: '/v1/lookup', init: json(body) };
  },
  'batch-size': (random) => {
    const count = pick(random, [0, 51, 52, 100, 1000]);
    const items = Array.from({ length: count }, (_, i) => ({ title: `Headline ${i}` }));
    return { kind: 'batch-size', path: '/v1/lookup', init: json(JSON.stringify({ items })) };
  },
  oversize: (random) => {
    const body = JSON.stringify({
      items: [{ title: 'x', description: 'y'.repeat(300_000 + int(random, 100_000)) }],
    });
    return { kind: 'oversize', path: '/v1/lookup', init: json(body) };
  },
  'wrong-method': (random) => {
    const method = pick(random, ['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'PROPFIND']);
    const path = pick(random, ['/v1/lookup', '/v1/stories/abc', '/v1/outlets/bbc.co.uk', '/healthz']);
    const init: RequestInit = { method };
    if (method !== 'GET' && method !== 'HEAD') init.body = '{"items": [{"title": "x"}]}';
    return { kind: 'wrong-method', path, init };
  },
  'wrong-content-type': (random) => {
    const type = pick(random, [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=xyz',
      'application/xml',
      'application/json; charset=utf-16',
      '',
      garbage(random, 20).replace(/[^\x20-\x7e]/g, ''),
    ]);
    const body = pick(random, [
      '{"items": [{"title": "x"}]}',
      'items=1&title=x',
      '--xyz\r\n\r\nx\r\n--xyz--',
      '<items/>',
    ]);
    const headers: Record<string, string> = type === '' ? {} : { 'content-type': type };
    return { kind: 'wrong-content-type', path: '/v1/lookup', init: { method: 'POST', headers, body } };
  },
  'path-junk': (random) => {
    const path = pick(random, [
      '/v1/stories/%',
      '/v1/stories/%E0%A4%A',
      '/v1/stories/%00',
      `/v1/stories/${encodeURIComponent(wellFormed(garbage(random, 30))).slice(0, 200)}`,
      '/v1/stories/' + 'a'.repeat(10_000),
      '/v1/outlets/..%2F..%2Fetc%2Fpasswd',
      '/v1/outlets/%ff%fe',
      `/v1/outlets/${encodeURIComponent(wellFormed(garbage(random, 20)))}`,
      '/v1//lookup',
      '/v1/lookup/',
      '/v1/lookup?items=1&title=%ZZ',
      '/v1/../openapi.json',
      '/v2/lookup',
      '/v1',
      `/v1/${'x/'.repeat(500)}`,
    ]);
    return { kind: 'path-junk', path, init: { method: pick(random, ['GET', 'POST']) } };
  },
  'header-junk': (random) => {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'x-forwarded-for': pick(random, [
        ',,,',
        '999.999.1.1',
        'not an address',
        '::ffff:1.2.3.4',
        '1.2.3.4, ::1',
        'x'.repeat(5000),
      ]),
      origin: pick(random, [
        'chrome-extension://abc',
        'https://evil.example',
        'null',
        garbage(random, 10).replace(/[^\x20-\x7e]/g, ''),
      ]),
      accept: pick(random, ['*/*', 'text/html', '', 'application/json;q=0']),
    };
    return {
      kind: 'header-junk',
      path: '/v1/lookup',
      init: { method: 'POST', headers, body: '{"items": [{"title": "x"}]}' },
    };
  },
};

/** The generators by name, for reporting coverage. */
export const FUZZ_KINDS = Object.keys(GENERATORS);

export function* malformedRequests(seed: number, count: number): Generator<FuzzRequest> {
  const random = seededRandom(seed);
  const generators = Object.values(GENERATORS);
  for (let i = 0; i < count; i += 1) yield pick(random, generators)(random);
}
