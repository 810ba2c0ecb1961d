/** How each side frames the story: the words that set its headlines apart, when there is enough text. */
import { SIDES } from '../../core/bias-scale.js';
import type { StoryArticle } from '../../core/contract.js';
import { framingWordsOf, MIN_SIDE_HEADLINES } from '../../core/framing-words.js';
import { t } from './i18n.js';
import { sideLabel } from './lean-label.js';
import { sideOfArticle } from './story-facts.js';

export function FramingView({ articles }: { articles: StoryArticle[] }) {
  const sided = articles.flatMap((article) => {
    const side = sideOfArticle(article);
    return side === 'unrated' ? [] : [{ side, text: article.title }];
  });
  const words = framingWordsOf(sided);
  // Three columns of "nothing distinctive" would be noise: the section shows when a side has words.
  if (words === null || SIDES.every((side) => words[side].length === 0)) return null;
  return (
    <section class="framing" aria-labelledby="framing-heading">
      <h2 id="framing-heading">{t('framingHeading')}</h2>
      <p class="framing-note">{t('framingNote')}</p>
      <dl class="framing-sides">
        {SIDES.map((side) => {
          const enough = sided.filter((s) => s.side === side).length >= MIN_SIDE_HEADLINES;
          return (
            <div key={side} class={`framing-side framing-${side}`}>
              <dt>
                <span class={`swatch side-${side}`} aria-hidden="true" />
                {sideLabel(side)}
              </dt>
              {words[side].length > 0 ? (
                words[side].map((w) => (
                  <dd key={w.word} class="framing-word">
                    {w.word}
                  </dd>
                ))
              ) : (
                <dd class="framing-empty">{t(enough ? 'framingNone' : 'framingTooFew')}</dd>
              )}
            </div>
          );
        })}
      </dl>
    </section>
  );
}
