/** An outlet's lean as a small badge: a letter and the label in text, so color is never the only signal. */
import { foldToSide, type Lean } from '../../core/bias-scale.js';
import { leanLabel } from './lean-label.js';

export function LeanBadge({ lean }: { lean: Lean | null }) {
  const side = lean === null ? 'unrated' : foldToSide(lean);
  return <span class={`lean side-${side}`}>{leanLabel(lean)}</span>;
}
