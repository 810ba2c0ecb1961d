import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { LookupRequest, type LookupResponse } from '../../core/contract.js';
import { lookupItems } from '../matching/lookup.js';
import { storyEngineOf } from '../stories/engine-of-store.js';
import type { Store } from '../store/store.js';
import { apiError } from './api-error.js';

/** 50 items at the contract's maximum lengths fit well under this. */
export const MAX_LOOKUP_BODY_BYTES = 256 * 1024;

/** `POST /lookup`: one headline or a batch, answered in the order of the items. */
export function lookupRoute(store: Store): Hono {
  return new Hono().post(
    '/lookup',
    bodyLimit({
      maxSize: MAX_LOOKUP_BODY_BYTES,
      onError: (c) =>
        apiError(c, 413, 'payload_too_large', `request body over ${MAX_LOOKUP_BODY_BYTES} bytes`),
    }),
    async (c) => {
      let body: unknown;
      try {
        body = await c.req.json();
      } catch {
        return apiError(c, 400, 'invalid_json', 'request body is not valid JSON');
      }
      const parsed = LookupRequest.safeParse(body);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return apiError(
          c,
          422,
          'invalid_request',
          issue?.message ?? 'invalid request',
          issue?.path.join('.'),
        );
      }
      const response: LookupResponse = {
        results: await lookupItems(await storyEngineOf(store), parsed.data.items),
      };
      return c.json(response);
    },
  );
}
