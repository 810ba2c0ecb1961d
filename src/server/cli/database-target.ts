import { DEFAULT_DB_PATH } from '../paths.js';
import { isPostgresUrl } from '../store/postgres-connection.js';

/**
 * The database a command works on: `--db` (a SQLite file or a postgres:// URL), else `DATABASE_URL`
 * (PostgreSQL), else the default SQLite file. Throws on a `DATABASE_URL` that is not postgres://.
 */
export function databaseTarget(dbOption: string | undefined, databaseUrl: string | undefined): string {
  if (dbOption !== undefined) return dbOption;
  if (databaseUrl === undefined || databaseUrl === '') return DEFAULT_DB_PATH;
  if (!isPostgresUrl(databaseUrl)) throw new Error('DATABASE_URL: not a postgres:// URL');
  return databaseUrl;
}

/** The target as printed: a URL without its password. */
export function databaseLabel(target: string): string {
  if (!isPostgresUrl(target)) return target;
  const url = new URL(target);
  if (url.password !== '') url.password = '***';
  return url.toString();
}
