import { Hono } from 'hono';
import { domainSuffixes } from '../../core/domain-suffixes.js';
import type { OutletResponse } from '../../core/outlet.js';
import type { RatingsStore } from '../ratings/ratings-store.js';
import type { Store } from '../store/store.js';
import { apiError } from './api-error.js';

const DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/;

/**
 * `GET /outlets/:domain`: the directory entry (with every rater's rating) of the outlet owning a
 * domain or host. Ratings imported with `import-ratings` replace the directory's of the same rater;
 * `lean` stays the consensus.
 */
export function outletsRoute(store: Store, imported?: Pick<RatingsStore, 'ratingsFor'>): Hono {
  return new Hono().get('/outlets/:domain', async (c) => {
    const domain = c.req.param('domain').toLowerCase().replace(/\.$/, '');
    if (!DOMAIN.test(domain)) return apiError(c, 422, 'invalid_request', 'not a domain name', 'domain');
    const found = await store.outletByDomains(domainSuffixes(domain));
    if (found === null) return apiError(c, 404, 'not_found', 'no outlet in the directory owns this domain');
    const extra = (await imported?.ratingsFor(found.outlet.id)) ?? [];
    const ratings = [
      ...found.outlet.ratings.filter((rating) => !extra.some((other) => other.rater === rating.rater)),
      ...extra,
    ];
    const answer: OutletResponse = { ...found.outlet, ratings, lean: found.lean };
    return c.json(answer);
  });
}
