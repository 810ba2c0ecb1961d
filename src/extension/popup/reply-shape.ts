/**
 * The shape of a background reply, `{ok: true, data}` or `{ok: false, error: {code, …}}`; `data`
 * is an object, or null for "nothing known" (no outlet for a site). Pure.
 */
import type { Reply } from '../messages.js';

export function isReply(raw: unknown): raw is Reply<unknown> {
  if (typeof raw !== 'object' || raw === null || !('ok' in raw)) return false;
  if (raw.ok === true) return 'data' in raw && typeof raw.data === 'object';
  if (raw.ok !== false || !('error' in raw)) return false;
  const error = raw.error;
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string';
}
