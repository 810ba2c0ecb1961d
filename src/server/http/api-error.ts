import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiError } from '../../core/contract.js';

/** Answers with the contract's error shape: `{"error": {"code", "message", "field"?}}`. */
export function apiError(
  c: Context,
  status: ContentfulStatusCode,
  code: string,
  message: string,
  field?: string,
): Response {
  const error: ApiError['error'] = field ? { code, message, field } : { code, message };
  return c.json({ error }, status);
}
