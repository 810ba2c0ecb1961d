/** The toolbar badge of automatic mode: the story's source count, coloured by its dominant side. */
import type { StorySummary } from '../../core/contract.js';

export const SIDE_COLORS = { left: '#2563eb', center: '#7c3aed', right: '#dc2626', none: '#6b7280' };

/** The side with the most outlets, or none on a tie or when no outlet is rated. */
export function dominantSide(summary: StorySummary): keyof typeof SIDE_COLORS {
  const { left, center, right } = summary.distribution;
  const top = Math.max(left, center, right);
  if (top === 0) return 'none';
  const leaders = (['left', 'center', 'right'] as const).filter((side) => summary.distribution[side] === top);
  return leaders.length === 1 ? (leaders[0] ?? 'none') : 'none';
}

export interface BadgeApi {
  setBadgeText(details: { tabId: number; text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { tabId: number; color: string }): Promise<void>;
}

export async function showCount(action: BadgeApi, tabId: number, story: StorySummary | null): Promise<void> {
  if (story === null) {
    await action.setBadgeText({ tabId, text: '' });
    return;
  }
  await action.setBadgeBackgroundColor({ tabId, color: SIDE_COLORS[dominantSide(story)] });
  await action.setBadgeText({ tabId, text: story.sourceCount > 999 ? '999+' : String(story.sourceCount) });
}
