/**
 * The toolbar count for lookups the popup makes: once a tab's lookup resolves, its icon shows the
 * story's source count colored by the dominant side (`showCount`, shared with automatic mode), and
 * nothing when the page has no story or could not be looked up.
 */
import type { Runtime } from 'webextension-polyfill';
import * as z from 'zod/mini';
import { LookupTabData, type Reply } from '../messages.js';
import { showCount, type BadgeApi } from './toolbar-count.js';

type Route = (message: unknown, sender: Runtime.MessageSender) => Promise<Reply<unknown>>;

const LookupTabRequest = z.object({ type: z.literal('lookup-tab'), tabId: z.int() });

/** Wraps the router: its replies pass through unchanged, lookups of a tab also set that tab's badge. */
export function withToolbarBadge(route: Route, action: BadgeApi): Route {
  return async (message, sender) => {
    const reply = await route(message, sender);
    const request = LookupTabRequest.safeParse(message);
    // Only the router's own verdicts count: an answered lookup, or "not an article" (no badge).
    const settled = reply.ok || reply.error.code === 'not-article';
    if (!request.success || !settled) return reply;
    const data = reply.ok ? LookupTabData.safeParse(reply.data) : undefined;
    const story = data?.success ? data.data.result.story : null;
    // A closed tab or a browser without badges must not turn a good answer into an error.
    await showCount(action, request.data.tabId, story).catch(() => undefined);
    return reply;
  };
}
