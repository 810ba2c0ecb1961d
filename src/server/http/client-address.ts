/**
 * Who is asking, for rate limiting. WARNING: X-Forwarded-For is written by whoever sends the request;
 * it is read only when the operator says a proxy of theirs stands in front, and then only the entry
 * that proxy appended (the last one), never the client-supplied ones before it.
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/** Requests that arrive without a socket (in-process `app.request`) share this key. */
export const UNKNOWN_CLIENT = 'unknown';

function socketAddress(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined;
  }
}

/** An IPv6 client usually holds a whole /64: its addresses count as one. */
function clientKey(address: string): string {
  const plain = address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
  if (!plain.includes(':')) return plain;
  const [head = '', tail = ''] = plain.toLowerCase().split('::');
  const groups = head === '' ? [] : head.split(':');
  const tailGroups = tail === '' ? [] : tail.split(':');
  const full = [
    ...groups,
    ...Array<string>(Math.max(0, 8 - groups.length - tailGroups.length)).fill('0'),
    ...tailGroups,
  ];
  return `${full.slice(0, 4).join(':')}::/64`;
}

export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded) return clientKey(forwarded);
  }
  const address = socketAddress(c);
  return address ? clientKey(address) : UNKNOWN_CLIENT;
}
