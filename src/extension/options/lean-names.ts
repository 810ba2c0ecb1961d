/** The options page's names for the lean scale and for the raters it knows by name. */
import { LEANS, type Lean } from '../../core/bias-scale.js';
import { CONSENSUS_RATER } from '../../core/outlet.js';

const LEAN_NAMES: Record<Lean, string> = {
  'far-left': 'Far left',
  left: 'Left',
  'lean-left': 'Lean left',
  center: 'Center',
  'lean-right': 'Lean right',
  right: 'Right',
  'far-right': 'Far right',
};

export const LEAN_CHOICES: readonly Lean[] = LEANS;

export function leanName(lean: Lean | null): string {
  return lean === null ? 'Unrated' : LEAN_NAMES[lean];
}

const RATER_NAMES: Record<string, string> = {
  [CONSENSUS_RATER]: 'Coverage Lens consensus',
  allsides: 'AllSides',
  mbfc: 'Media Bias/Fact Check',
};

export function raterName(rater: string): string {
  return RATER_NAMES[rater] ?? rater;
}
