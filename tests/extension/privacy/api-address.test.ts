import { describe, expect, it } from 'vitest';
import { ApiBaseUrl } from '../../../src/core/settings.js';

describe('API address', () => {
  it('is https, or http only on this computer (as the CSP allows)', () => {
    for (const ok of [
      'https://lens.example',
      'https://lens.example/api',
      'http://127.0.0.1:8787',
      'http://localhost:9',
    ]) {
      expect(ApiBaseUrl.safeParse(ok).success).toBe(true);
    }
    for (const bad of [
      'http://lens.example',
      'http://192.168.1.5:8787',
      'http://127.0.0.1.evil.example',
      'ftp://x.example',
    ]) {
      expect(ApiBaseUrl.safeParse(bad).success).toBe(false);
    }
  });
});
