import { describe, expect, it } from 'vitest';
import { isReply } from '../../../src/extension/popup/reply-shape.js';

describe('isReply', () => {
  it('accepts the two reply shapes', () => {
    expect(isReply({ ok: true, data: { page: {}, result: {} } })).toBe(true);
    expect(isReply({ ok: false, error: { code: 'unreachable', message: 'down' } })).toBe(true);
    // "Nothing known", e.g. no outlet for a site.
    expect(isReply({ ok: true, data: null })).toBe(true);
  });

  it('refuses anything else', () => {
    for (const raw of [
      undefined,
      null,
      'ok',
      {},
      { ok: true },
      { ok: true, data: 'text' },
      { ok: 'true', data: {} },
      { ok: false },
      { ok: false, error: 'down' },
      { ok: false, error: { message: 'no code' } },
    ]) {
      expect(isReply(raw), JSON.stringify(raw)).toBe(false);
    }
  });
});
