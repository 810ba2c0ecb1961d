/**
 * A fresh, empty database for a test run or a benchmark, removed after: a SQLite file in a new
 * temporary directory, or a PostgreSQL database with a random name on a server.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectPostgres } from './postgres-connection.js';

export type StoreKind = 'sqlite' | 'postgres';

/** The local server tests and benches use unless `TEST_DATABASE_URL` names another. */
export const LOCAL_POSTGRES_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface ScratchDatabase {
  /** What `openStore` takes: the SQLite file's path, or the new database's postgres:// URL. */
  target: string;
  /** Removes the database (PostgreSQL: ending sessions still connected to it). */
  drop(): Promise<void>;
}

/** `prefix` names the temporary directory or database (lower case, digits, underscores). */
export async function createScratchDatabase(
  kind: StoreKind,
  prefix: string,
  serverUrl = LOCAL_POSTGRES_URL,
): Promise<ScratchDatabase> {
  if (!/^[a-z_][a-z0-9_]*$/.test(prefix)) throw new Error(`not a database name prefix: ${prefix}`);
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
    return {
      target: join(dir, 'coverage.db'),
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const run = async (statement: string) => {
    const sql = connectPostgres(serverUrl, { max: 1 });
    try {
      await sql.unsafe(statement);
    } finally {
      await sql.end();
    }
  };
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { target: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
