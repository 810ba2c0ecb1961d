import { describe, expect, it } from 'vitest';
import { BadgeReplies, MAX_STORY_ID_LENGTH } from '../../../src/extension/badge-replies.js';

const story = {
  storyId: 's1',
  title: 'Harbour tunnel',
  sourceCount: 6,
  left: 2,
  center: 1,
  right: 2,
  unrated: 1,
};
const take = { outlet: 'Outlet', side: 'left', title: 'A take', url: 'https://left.example/a' };
const ok = (data: unknown) => ({ ok: true, data });
const words = {
  sourcesOne: 'Coverage Lens: 1 source',
  sourcesOther: 'Coverage Lens: $1 sources',
  left: 'Left',
  center: 'Center',
  right: 'Right',
  unrated: 'Unrated',
};

describe("reading the background's replies to badges", () => {
  it('reads a lookup reply, keeping only the fields a badge draws', () => {
    const reply = ok({ enabled: true, stories: [{ ...story, extra: '<b>x</b>' }, null], words });
    expect(BadgeReplies.lookup(reply)).toEqual({ enabled: true, stories: [story, null], words });
    expect(BadgeReplies.lookup(ok({ enabled: false, stories: [], words }))).toEqual({
      enabled: false,
      stories: [],
      words,
    });
  });

  it('draws nothing from a failure, no answer or garbage', () => {
    const garbage = [
      undefined,
      null,
      'ok',
      { ok: false, error: { code: 'x', message: 'y' } },
      ok({ enabled: 'yes', stories: [], words }),
      ok({ enabled: true, stories: {}, words }),
      ok({ enabled: true, stories: [{ ...story, left: -1 }], words }),
      ok({ enabled: true, stories: [{ ...story, sourceCount: 1.5 }], words }),
      ok({ enabled: true, stories: [{ ...story, storyId: '' }], words }),
      ok({ enabled: true, stories: [{ ...story, storyId: 'x'.repeat(MAX_STORY_ID_LENGTH + 1) }], words }),
      ok({ enabled: true, stories: [{ ...story, title: 7 }], words }),
      ok({ enabled: true, stories: [[story]], words }),
      ok({ enabled: true, stories: [story] }),
      ok({ enabled: true, stories: [story], words: { ...words, left: null } }),
    ];
    for (const reply of garbage) expect(BadgeReplies.lookup(reply)).toBeUndefined();
  });

  it('reads at most three takes, each with an https address or none', () => {
    expect(BadgeReplies.takes(ok([take, { ...take, side: 'unrated', url: null }]))).toEqual([
      take,
      { ...take, side: 'unrated', url: null },
    ]);
    expect(BadgeReplies.takes(ok([take, take, take, take]))).toBeUndefined();
    expect(BadgeReplies.takes(ok([{ ...take, side: 'far-left' }]))).toBeUndefined();
    expect(BadgeReplies.takes(ok([{ ...take, url: 3 }]))).toBeUndefined();
  });

  it("reads an article page's lookup result as the story its badge draws", () => {
    const result = {
      story: {
        id: 's1',
        title: 'Harbour tunnel',
        sourceCount: 6,
        distribution: { left: 2, center: 1, right: 2, unrated: 1 },
        blindspot: null,
      },
      matchedBy: 'url',
    };
    expect(BadgeReplies.autoLookup(ok(result))).toEqual({ story });
    expect(BadgeReplies.autoLookup(ok({ story: null }))).toEqual({ story: null });
    expect(BadgeReplies.autoLookup(ok({ story: { ...result.story, distribution: null } }))).toBeUndefined();
    expect(BadgeReplies.autoLookup(ok({}))).toBeUndefined();
  });

  it('reads "done" only from a successful reply', () => {
    expect(BadgeReplies.done(ok(null))).toBeNull();
    expect(BadgeReplies.done({ ok: false })).toBeUndefined();
  });
});
