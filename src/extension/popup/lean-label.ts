/** Reader-facing names of the seven-step scale. */
import type { Lean } from '../../core/bias-scale.js';

const LABELS: Record<Lean, string> = {
  'far-left': 'Far left',
  left: 'Left',
  'lean-left': 'Lean left',
  center: 'Center',
  'lean-right': 'Lean right',
  right: 'Right',
  'far-right': 'Far right',
};

export function leanLabel(lean: Lean | null): string {
  return lean === null ? 'Unrated' : LABELS[lean];
}
