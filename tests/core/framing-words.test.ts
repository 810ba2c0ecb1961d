import { describe, expect, it } from 'vitest';
import type { Side } from '../../src/core/bias-scale.js';
import { framingWordsOf, logOddsZ, MIN_Z, type SidedText } from '../../src/core/framing-words.js';

const sided = (side: Side, ...texts: string[]): SidedText[] => texts.map((text) => ({ side, text }));

/** One event, two framings: the left says "crackdown" and "protesters", the right "rioters" and "order". */
const story: SidedText[] = [
  ...sided(
    'left',
    'Police crackdown on protesters draws outrage',
    'Protesters face brutal crackdown in capital',
    'Rights groups condemn crackdown as protesters detained',
    'Crackdown on peaceful protesters widens',
    'Protesters vow to return after crackdown',
  ),
  ...sided(
    'center',
    'Police clear square after protest in capital',
    'Hundreds detained as police clear protest',
    'Capital protest ends with arrests',
  ),
  ...sided(
    'right',
    'Police restore order as rioters clash in capital',
    'Rioters torch cars before police restore order',
    'Order restored after night of rioters clashing with police',
    'Mayor thanks police for restoring order against rioters',
  ),
];

describe('framing words (weighted log-odds, informative Dirichlet prior)', () => {
  it('finds the words each side uses and the others do not', () => {
    const words = framingWordsOf(story);
    expect(words).not.toBeNull();
    expect(words?.left.map((w) => w.word)).toEqual(expect.arrayContaining(['crackdown', 'protesters']));
    expect(words?.right.map((w) => w.word)).toEqual(expect.arrayContaining(['rioters', 'order']));
    // Words every side uses ("police", "capital") set no side apart.
    for (const side of ['left', 'center', 'right'] as const) {
      expect(words?.[side].map((w) => w.word)).not.toContain('police');
      expect(words?.[side].map((w) => w.word)).not.toContain('capital');
    }
  });

  it('orders words by z, all above the threshold, each in at least two headlines', () => {
    const words = framingWordsOf(story);
    for (const side of ['left', 'right'] as const) {
      const list = words?.[side] ?? [];
      expect(list.length).toBeGreaterThan(0);
      expect(list.map((w) => w.z)).toEqual([...list.map((w) => w.z)].sort((a, b) => b - a));
      for (const w of list) {
        expect(w.z).toBeGreaterThanOrEqual(MIN_Z);
        expect(w.headlines).toBeGreaterThanOrEqual(2);
      }
    }
    expect(words?.left.find((w) => w.word === 'crackdown')?.headlines).toBe(5);
  });

  it('shows the word as the headlines write it, not its stem', () => {
    const words = framingWordsOf(story);
    expect(words?.right.map((w) => w.word)).toContain('rioters');
    expect(words?.right.map((w) => w.word)).not.toContain('rioter');
  });

  it('says nothing when there is too little text', () => {
    expect(framingWordsOf(story.slice(0, 7))).toBeNull();
    // Enough headlines, but all from one side: nothing to compare with.
    expect(framingWordsOf(sided('left', ...story.map((s) => s.text)))).toBeNull();
  });

  it('leaves a side with too few headlines empty', () => {
    const twoCenter = story.filter((s, i) => s.side !== 'center' || i < 7);
    const words = framingWordsOf(twoCenter);
    expect(words?.center).toEqual([]);
    expect(words?.left.length).toBeGreaterThan(0);
  });

  it('finds nothing distinctive when the sides write alike', () => {
    const same = (side: Side) =>
      sided(
        side,
        'Storm closes coastal road',
        'Coastal road closed by storm',
        'Storm shuts the coastal road',
      );
    const words = framingWordsOf([...same('left'), ...same('center'), ...same('right')]);
    expect(words).toEqual({ left: [], center: [], right: [] });
  });

  it('computes the log-odds z-score of Monroe et al. (2008)', () => {
    // 5 of 30 words on one side, 0 of 60 on the other, prior half the pooled counts (5 of 90).
    const a = 2.5;
    const a0 = 45;
    const delta = Math.log((5 + a) / (30 + a0 - 5 - a)) - Math.log((0 + a) / (60 + a0 - 0 - a));
    expect(logOddsZ(5, 30, 0, 60, 5, 90)).toBeCloseTo(delta / Math.sqrt(1 / 7.5 + 1 / 2.5), 10);
    // Symmetric: the other side sees the same evidence against.
    expect(logOddsZ(0, 60, 5, 30, 5, 90)).toBeCloseTo(-logOddsZ(5, 30, 0, 60, 5, 90), 10);
    expect(logOddsZ(2, 20, 2, 20, 4, 40)).toBeCloseTo(0, 10);
  });
});
