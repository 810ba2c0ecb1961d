/**
 * The left/center/right split as a bar, with the same numbers as text for every reader: the bar is
 * an image whose label reads the numbers, the legend shows them, and unrated sources always show.
 */
import { foldToSide, LEANS } from '../../core/bias-scale.js';
import { sharesOf, type Distribution } from '../../core/bias-distribution.js';
import type { StoryArticle } from '../../core/contract.js';
import { plural, t } from './i18n.js';
import { leanLabel, sideLabel } from './lean-label.js';
import { sevenStepCounts } from './story-facts.js';

const PARTS = ['left', 'center', 'right', 'unrated'] as const;

export function SplitBar({
  distribution,
  articles,
  articlesPending = false,
}: {
  distribution: Distribution;
  articles?: StoryArticle[];
  /** The articles are on their way: their seven-step line is held for them. */
  articlesPending?: boolean;
}) {
  const shares = sharesOf(distribution);
  const parts = PARTS.map((key) => ({
    key,
    label: sideLabel(key),
    share: shares[key],
    outlets: plural(distribution[key], 'outletCountOne', 'outletCountOther'),
  }));
  const spoken = parts.map((p) => t('distributionPart', p.label, p.share, p.outlets)).join('; ');
  return (
    <section class="split" aria-labelledby="split-heading">
      <h2 id="split-heading">{t('distributionHeading')}</h2>
      <div class="split-bar" role="img" aria-label={spoken}>
        {parts.map((p) =>
          p.share > 0 ? (
            <span key={p.key} class={`segment side-${p.key}`} style={{ flexGrow: p.share }} />
          ) : null,
        )}
      </div>
      <ul class="split-legend">
        {parts.map((p) => (
          <li key={p.key} class={`legend-${p.key}`}>
            <span class={`swatch side-${p.key}`} aria-hidden="true" />
            <span class="legend-label">{p.label}</span> <span class="legend-share">{p.share}%</span>{' '}
            <span class="legend-count">({p.outlets})</span>
          </li>
        ))}
      </ul>
      {distribution.unrated > 0 && <p class="unrated-note">{t('unratedNote')}</p>}
      {articles && <SevenSteps articles={articles} />}
      {!articles && articlesPending && (
        // Held so that the blindspot note under it does not move when the articles arrive.
        <p class="seven-steps pending" aria-hidden="true">
          <span class="bone" />
        </p>
      )}
    </section>
  );
}

function SevenSteps({ articles }: { articles: StoryArticle[] }) {
  const counts = sevenStepCounts(articles);
  const max = Math.max(1, ...Object.values(counts));
  return (
    <details class="seven-steps">
      <summary>{t('sevenStepSummary')}</summary>
      <table>
        <tbody>
          {[...LEANS, null].map((lean) => {
            const count = counts[lean ?? 'unrated'];
            return (
              <tr key={lean ?? 'unrated'} class={`step-${lean ?? 'unrated'}`}>
                <th scope="row">{leanLabel(lean)}</th>
                <td class="step-count">{count}</td>
                <td class="step-bar" aria-hidden="true">
                  <span
                    class={`side-${lean === null ? 'unrated' : foldToSide(lean)}`}
                    style={{ width: `${(count / max) * 100}%` }}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </details>
  );
}
