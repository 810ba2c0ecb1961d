/**
 * The outlet of the page being read: its lean, owner, and each rater's rating with the
 * factual-reporting level and when it was made, as the background found them. Until they arrive,
 * or for a site the directory does not know, the name and lean the story's data gives.
 */
import type { Story } from '../../core/contract.js';
import type { ExtractedPage } from '../messages.js';
import type { FactualLevel, OutletDetails, OutletRating, Ownership } from '../outlet-details.js';
import { t, type MessageKey } from './i18n.js';
import { LeanBadge } from './lean-badge.js';
import { leanLabel } from './lean-label.js';
import { pageOutletOf } from './page-outlet.js';

const OWNERSHIP_KEYS: Record<Ownership, MessageKey> = {
  'public-broadcaster': 'ownershipPublicBroadcaster',
  state: 'ownershipState',
  corporate: 'ownershipCorporate',
  independent: 'ownershipIndependent',
  'non-profit': 'ownershipNonProfit',
};

const FACTUAL_KEYS: Record<FactualLevel, MessageKey> = {
  'very-low': 'factualVeryLow',
  low: 'factualLow',
  mixed: 'factualMixed',
  'mostly-factual': 'factualMostlyFactual',
  high: 'factualHigh',
  'very-high': 'factualVeryHigh',
};

const RATER_KEYS: Partial<Record<string, MessageKey>> = {
  'coverage-lens': 'raterCoverageLens',
  allsides: 'raterAllsides',
  mbfc: 'raterMbfc',
};

const monthYear = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', timeZone: 'UTC' });

interface Props {
  page: ExtractedPage;
  story?: Story;
  outlet?: OutletDetails | null;
}

export function PageOutletView({ page, story, outlet }: Props) {
  const inStory = story ? pageOutletOf(page, story) : null;
  const name = outlet?.name ?? inStory?.name;
  if (name === undefined) return null;
  // The story's lean already follows the reader's rating choices; the ratings list names each rater's.
  const lean =
    inStory !== null && (!outlet || inStory.id === outlet.id) ? inStory.lean : (outlet?.lean ?? null);
  return (
    <section class="page-outlet" aria-labelledby="page-outlet-heading">
      <h2 id="page-outlet-heading">{t('pageOutletHeading')}</h2>
      <p class="page-outlet-line">
        <span class="outlet-name">{name}</span> <LeanBadge lean={lean} />
      </p>
      {outlet && <OutletFacts outlet={outlet} />}
    </section>
  );
}

function OutletFacts({ outlet }: { outlet: OutletDetails }) {
  const ownership = [
    outlet.ownership && t(OWNERSHIP_KEYS[outlet.ownership]),
    outlet.stateMedia && t('stateMedia'),
  ].filter(Boolean);
  return (
    <>
      {outlet.owner && (
        <p class="outlet-owner">
          {t('outletOwner', outlet.owner)}
          {ownership.length > 0 && ` (${ownership.join(', ')})`}
        </p>
      )}
      {outlet.ratings.length === 0 ? (
        <p class="detail outlet-unrated">{t('outletNoRatings')}</p>
      ) : (
        <ul class="outlet-ratings" aria-label={t('outletRatingsLabel')}>
          {outlet.ratings.map((rating) => (
            <RatingItem key={rating.rater} rating={rating} />
          ))}
        </ul>
      )}
      {outlet.source === 'directory' ? (
        <p class="detail outlet-source">{t('outletFromDirectory')}</p>
      ) : (
        outlet.ratings.every((rating) => rating.factual === undefined) && (
          <p class="detail outlet-no-factual">{t('outletNoFactual')}</p>
        )
      )}
    </>
  );
}

function RatingItem({ rating }: { rating: OutletRating }) {
  const rater = RATER_KEYS[rating.rater];
  const when =
    rating.date === undefined
      ? NaN
      : Date.parse(rating.date.length === 7 ? `${rating.date}-01` : rating.date);
  return (
    <li class="outlet-rating">
      <span class="rater">{rater ? t(rater) : rating.rater}</span>
      {': '}
      <span class="rating-lean">{leanLabel(rating.lean)}</span>
      {rating.label && rating.label !== leanLabel(rating.lean) && (
        <span class="rating-label"> ({t('raterOwnLabel', rating.label)})</span>
      )}
      {rating.factual && (
        <span class="rating-factual">; {t('factualLevel', t(FACTUAL_KEYS[rating.factual]))}</span>
      )}
      {!Number.isNaN(when) && (
        <>
          {'; '}
          <time class="rating-date" dateTime={rating.date}>
            {t('ratedWhen', monthYear.format(when))}
          </time>
        </>
      )}
      {rating.basis && <span class="rating-basis">{rating.basis}</span>}
    </li>
  );
}
