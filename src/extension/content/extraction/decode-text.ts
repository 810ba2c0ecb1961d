/**
 * Cleans headline strings that come from attributes and JSON-LD, where publishers often leave a second
 * layer of entities ("&amp;quot;") or inline tags ("<em>"). The DOM has already decoded one layer;
 * this decodes what is left without ever handing the text to an HTML parser.
 */

const NAMED: Record<string, string> = {
  amp: '&',
  quot: '"',
  apos: "'",
  lt: '<',
  gt: '>',
  nbsp: ' ',
  shy: '',
  hellip: '…',
  ndash: '–',
  mdash: '—',
  lsquo: '‘',
  rsquo: '’',
  sbquo: '‚',
  ldquo: '“',
  rdquo: '”',
  bdquo: '„',
  laquo: '«',
  raquo: '»',
  lsaquo: '‹',
  rsaquo: '›',
  euro: '€',
  pound: '£',
  copy: '©',
  reg: '®',
  trade: '™',
  middot: '·',
  bull: '•',
  deg: '°',
  eacute: 'é',
  egrave: 'è',
  agrave: 'à',
  ccedil: 'ç',
  auml: 'ä',
  ouml: 'ö',
  uuml: 'ü',
  Auml: 'Ä',
  Ouml: 'Ö',
  Uuml: 'Ü',
  szlig: 'ß',
  aacute: 'á',
  iacute: 'í',
  oacute: 'ó',
  uacute: 'ú',
  ntilde: 'ñ',
  ecirc: 'ê',
  ocirc: 'ô',
  acirc: 'â',
  atilde: 'ã',
  otilde: 'õ',
};

const ENTITY = /&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,8});/gi;
/** Inline formatting tags that leak into meta titles; other angle-bracket text is kept as text. */
const INLINE_TAG = /<\/?(?:em|i|b|strong|span|br|a|sup|sub|u|mark|small|wbr|q|cite)(?:\s[^<>]*)?\/?>/gi;

function decodeOnce(text: string): string {
  return text.replace(ENTITY, (whole, body: string) => {
    if (body[0] === '#') {
      const code =
        body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)
        ? String.fromCodePoint(code)
        : whole;
    }
    return NAMED[body] ?? NAMED[body.toLowerCase()] ?? whole;
  });
}

/** Decodes up to two leftover entity layers and drops inline formatting tags. */
export function decodeText(text: string): string {
  let out = decodeOnce(text);
  if (out.includes('&')) out = decodeOnce(out);
  return out.replace(INLINE_TAG, '');
}
