import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/core/headline-text.js';

describe('tokenize', () => {
  it('lower-cases, drops stop words and punctuation', () => {
    const tokens = tokenize('The Fed cuts rates: what it means for you');
    expect(tokens).toEqual(tokenize('fed cut rate mean'));
    expect(tokens).toHaveLength(4);
    expect(tokens[0]).toBe('fed');
  });

  it('folds plurals and inflections to one term', () => {
    const [a] = tokenize('crashes');
    expect(tokenize('crashed')).toEqual([a]);
    expect(tokenize('crash')).toEqual([a]);
    expect(tokenize('conventions')).toEqual(tokenize('convention'));
    expect(tokenize('withdrawing')).toEqual(tokenize('withdraws'));
    expect(tokenize('policies')).toEqual(tokenize('policy'));
  });

  it('treats typographic and straight quotes alike and drops possessives', () => {
    expect(tokenize('Russia’s “historic” exit')).toEqual(tokenize('Russia\'s "historic" exit'));
    expect(tokenize('Putin’s law')).toEqual(['putin', 'law']);
  });

  it('keeps acronyms in capitals, including dotted ones, unless the headline shouts', () => {
    expect(tokenize('US troops')).toEqual(['us', 'troop']);
    expect(tokenize('U.S. troops')).toEqual(['us', 'troop']);
    expect(tokenize('Let us go')).toEqual(['let', 'go']);
    expect(tokenize('LET US GO')).toEqual(['let', 'go']);
  });

  it('applies NFKC so compatibility forms match', () => {
    expect(tokenize('ﬁnal ＴＥＳＴ')).toEqual(tokenize('final TEST'));
  });

  it('keeps numbers and non-Latin letters', () => {
    const tokens = tokenize('Flight 10 carries 242 people');
    expect(tokens).toHaveLength(5);
    expect(tokens).toContain('10');
    expect(tokens).toContain('242');
    expect(tokenize('Путин подписал закон')).toHaveLength(3);
  });

  it('gives nothing for empty or stop-word-only text', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize('and the of')).toEqual([]);
  });
});
