/** The seven-step lean scale every rater's label is mapped onto, and its fold to three sides. */
export const LEANS = ['far-left', 'left', 'lean-left', 'center', 'lean-right', 'right', 'far-right'] as const;
export type Lean = (typeof LEANS)[number];

export const SIDES = ['left', 'center', 'right'] as const;
export type Side = (typeof SIDES)[number];

const SIDE_OF_LEAN: Record<Lean, Side> = {
  'far-left': 'left',
  left: 'left',
  'lean-left': 'left',
  center: 'center',
  'lean-right': 'right',
  right: 'right',
  'far-right': 'right',
};

export function foldToSide(lean: Lean): Side {
  return SIDE_OF_LEAN[lean];
}
