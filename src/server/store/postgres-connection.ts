/**
 * A pool of connections to PostgreSQL through the `postgres` client. bigint (epoch milliseconds,
 * ids, counts) comes back as a number: every value the stores keep is far below 2^53.
 */
import postgres from 'postgres';

export type Sql = postgres.Sql;
/** A pool or one transaction of it: what queries run on. */
export type Queryable = postgres.ISql;

export interface ConnectOptions {
  /** Every transaction of the pool's sessions is read-only (`default_transaction_read_only`). */
  readOnly?: boolean;
  /** Connections in the pool. */
  max?: number;
}

/** Opens a pool on `url` (postgres://…); connections open on first use. */
export function connectPostgres(url: string, options: ConnectOptions = {}): Sql {
  return postgres(url, {
    max: options.max ?? 10,
    onnotice: () => undefined,
    types: {
      bigint: { to: 20, from: [20], serialize: (value: number) => String(value), parse: Number },
    },
    connection: options.readOnly ? { default_transaction_read_only: true } : {},
  });
}

/** Whether `target` (a `--db` value or `DATABASE_URL`) names a PostgreSQL database. */
export function isPostgresUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//.test(target);
}
