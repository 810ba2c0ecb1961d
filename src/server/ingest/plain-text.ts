/** Feed and corpus text arrives with markup and entities; the store keeps plain text only. Pure. */

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  lsquo: '\u2018',
  rsquo: '\u2019',
  ldquo: '\u201C',
  rdquo: '\u201D',
  ndash: '\u2013',
  mdash: '\u2014',
  hellip: '\u2026',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, name: string) => {
    if (name.startsWith('#')) {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? entity;
  });
}

// Control characters are no text, and PostgreSQL refuses NUL in a text value outright.
const CONTROL_CHARACTERS = /\p{Cc}/gu;

/** Tags removed (line-breaking ones become spaces), entities decoded, control characters and runs of white space made one space. */
export function toPlainText(markup: string): string {
  const withoutTags = markup.replace(/<(br|\/p|\/div|\/li|\/h\d)\b[^>]*>/gi, ' ').replace(/<[^>]*>/g, '');
  return decodeEntities(withoutTags).replace(CONTROL_CHARACTERS, ' ').replace(/\s+/g, ' ').trim();
}
