/** What a badge says and how its bar splits, from the story's counts. Pure. */
import { sharesOf } from '../../../core/bias-distribution.js';
import type { BadgeStory } from '../../badge-replies.js';

export const SIDES = ['left', 'center', 'right'] as const;
export type BadgeSide = (typeof SIDES)[number];

/** The words a badge needs; the content script fills them from the locale files. */
export interface BadgeWords {
  sources(count: number): string;
  side(side: BadgeSide | 'unrated'): string;
}

/** "12 sources: 5 Left, 4 Center, 2 Right, 1 Unrated": the badge's accessible name. */
export function badgeLabel(story: BadgeStory, words: BadgeWords): string {
  const parts = SIDES.map((side) => `${story[side]} ${words.side(side)}`);
  if (story.unrated > 0) parts.push(`${story.unrated} ${words.side('unrated')}`);
  return `${words.sources(story.sourceCount)}: ${parts.join(', ')}`;
}

/** Each side's share of the rated outlets, in whole percent summing to 100 (all 0 when none is rated). */
export function sideShares(story: BadgeStory): Record<BadgeSide, number> {
  const { left, center, right } = sharesOf({
    left: story.left,
    center: story.center,
    right: story.right,
    unrated: 0,
  });
  return { left, center, right };
}

/** The count as the badge prints it: up to three characters. */
export function shortCount(count: number): string {
  return count > 999 ? '999+' : String(count);
}
