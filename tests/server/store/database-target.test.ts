import { describe, expect, it } from 'vitest';
import { databaseLabel, databaseTarget } from '../../../src/server/cli/database-target.js';
import { DEFAULT_DB_PATH } from '../../../src/server/paths.js';

describe('databaseTarget', () => {
  it('takes --db first, then DATABASE_URL, then the default SQLite file', () => {
    expect(databaseTarget('x.db', 'postgres://h/db')).toBe('x.db');
    expect(databaseTarget('postgresql://h/db', undefined)).toBe('postgresql://h/db');
    expect(databaseTarget(undefined, 'postgres://h/db')).toBe('postgres://h/db');
    expect(databaseTarget(undefined, undefined)).toBe(DEFAULT_DB_PATH);
    expect(databaseTarget(undefined, '')).toBe(DEFAULT_DB_PATH);
  });

  it('refuses a DATABASE_URL that is not PostgreSQL', () => {
    expect(() => databaseTarget(undefined, 'mysql://h/db')).toThrow('DATABASE_URL');
  });

  it('prints a URL without its password', () => {
    expect(databaseLabel('postgres://app:secret@db.internal:5432/coverage')).toBe(
      'postgres://app:***@db.internal:5432/coverage',
    );
    expect(databaseLabel('./.data/coverage.db')).toBe('./.data/coverage.db');
  });
});
