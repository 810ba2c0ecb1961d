import { describe, expect, it } from 'vitest';
import type { BadgeStory } from '../../../src/extension/badge-replies.js';
import {
  badgeLabel,
  shortCount,
  sideShares,
  type BadgeWords,
} from '../../../src/extension/content/badges/badge-text.js';

const words: BadgeWords = {
  sources: (count) => (count === 1 ? '1 source' : `${count} sources`),
  side: (side) => side[0]?.toUpperCase() + side.slice(1),
};
const story = (left: number, center: number, right: number, unrated = 0): BadgeStory => ({
  storyId: 's',
  title: 'A story',
  sourceCount: left + center + right + unrated,
  left,
  center,
  right,
  unrated,
});

describe('a badge’s words and bar', () => {
  it('names every number, unrated only when there are some', () => {
    expect(badgeLabel(story(5, 4, 3), words)).toBe('12 sources: 5 Left, 4 Center, 3 Right');
    expect(badgeLabel(story(0, 1, 0, 2), words)).toBe('3 sources: 0 Left, 1 Center, 0 Right, 2 Unrated');
    expect(badgeLabel(story(0, 1, 0), words)).toBe('1 source: 0 Left, 1 Center, 0 Right');
  });

  it('splits the bar among the rated outlets, in whole percent that add up to 100', () => {
    expect(sideShares(story(1, 1, 1, 7))).toEqual({ left: 34, center: 33, right: 33 });
    expect(sideShares(story(2, 0, 1))).toEqual({ left: 67, center: 0, right: 33 });
    expect(sideShares(story(0, 0, 0, 4))).toEqual({ left: 0, center: 0, right: 0 });
  });

  it('prints at most four characters of count', () => {
    expect(shortCount(7)).toBe('7');
    expect(shortCount(999)).toBe('999');
    expect(shortCount(1000)).toBe('999+');
  });
});
