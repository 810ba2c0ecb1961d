/** The left/center/right split as a bar, with the same numbers as text for every reader. */
import { sharesOf, type Distribution } from '../../core/bias-distribution.js';

const PARTS = [
  { key: 'left', label: 'Left' },
  { key: 'center', label: 'Center' },
  { key: 'right', label: 'Right' },
  { key: 'unrated', label: 'Unrated' },
] as const;

export function SplitBar({ distribution }: { distribution: Distribution }) {
  const shares = sharesOf(distribution);
  const shown = PARTS.filter(({ key }) => key !== 'unrated' || distribution.unrated > 0);
  return (
    <div class="split">
      <div class="split-bar" aria-hidden="true">
        {shown.map(({ key }) =>
          shares[key] > 0 ? (
            <span key={key} class={`segment side-${key}`} style={{ flexGrow: shares[key] }} />
          ) : null,
        )}
      </div>
      <ul class="split-legend">
        {shown.map(({ key, label }) => (
          <li key={key} class={`legend-${key}`}>
            <span class={`dot side-${key}`} aria-hidden="true" />
            <span class="legend-label">{label}</span> <span class="legend-share">{shares[key]}%</span>{' '}
            <span class="legend-count">
              ({distribution[key]} {distribution[key] === 1 ? 'outlet' : 'outlets'})
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
