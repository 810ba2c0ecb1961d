/** The feed list (`data/feeds.json`): which feeds each outlet of the directory publishes. */
import { readFile } from 'node:fs/promises';
import * as z from 'zod/mini';

const feedUrl = z.url({ protocol: /^https?$/ });

export const FeedSource = z.object({
  /** An outlet id of `data/outlets.json`. */
  outlet: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/)),
  /** The outlet's registrable domain: items whose links the directory cannot place are filed under it. */
  domain: z.string().check(z.regex(/^[a-z0-9.-]+\.[a-z]{2,}$/)),
  feeds: z.array(feedUrl).check(z.minLength(1)),
});
export type FeedSource = z.infer<typeof FeedSource>;

export const FeedList = z.object({
  version: z.string(),
  feeds: z.array(FeedSource),
});
export type FeedList = z.infer<typeof FeedList>;

/** One feed to fetch, with the outlet it belongs to. */
export interface FeedTarget {
  url: string;
  outlet: string;
  domain: string;
}

/** Every feed of the list once, in list order (a URL listed under two outlets keeps the first). */
export function feedTargets(list: FeedList): FeedTarget[] {
  const seen = new Set<string>();
  const targets: FeedTarget[] = [];
  for (const source of list.feeds) {
    for (const url of source.feeds) {
      if (seen.has(url)) continue;
      seen.add(url);
      targets.push({ url, outlet: source.outlet, domain: source.domain });
    }
  }
  return targets;
}

/** Reads and validates a feed list; throws naming the file and the first problem. */
export async function loadFeedList(path: string): Promise<FeedList> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: ${(error as Error).message}`);
  }
  const parsed = FeedList.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${path}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}
