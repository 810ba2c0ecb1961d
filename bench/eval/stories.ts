/**
 * `npm run eval -- stories [--data FILE ...] [--queries N] [--json]`
 * Story matching (leave one out: right story / wrong story / no match, and wrong answers when the
 * query's whole story is left out) beside the TF-IDF nearest-headline baseline of matching.md, and
 * online clustering (B-cubed and pairwise scores replaying dated sets in time order). Any file in
 * the ../shared/eval/stories format works; dated sets use the ±3-day window, undated ones none.
 * Sets with `-train-` / `-val-` ids get a row per split: the shipped model was fitted on train only.
 */
import { basename } from 'node:path';
import { loadMatchModel, type MatchModel } from '../../src/server/matching/match-model.js';
import { loadBackgroundStatistics, TermStatistics } from '../../src/server/matching/term-statistics.js';
import { MATCH_MODEL_FILE, TERM_STATS_FILE } from '../../src/server/paths.js';
import { scoreClustering, type ClusteringScores } from '../lib/clustering-metrics.js';
import { bestOf, indexGold, leaveOneOut, outcomeAt, type Outcome } from '../lib/leave-one-out.js';
import { inTimeOrder, replayClustering } from '../lib/replay-clustering.js';
import {
  ALLSIDES_2021_FILE,
  readStoryData,
  ROUNDUPS_FILE,
  sample,
  splitOf,
  UCI_FILE,
  type GoldArticle,
} from '../lib/story-data.js';
import { tfidfNearestHeadline, type BaselineResult } from '../lib/tfidf-baseline.js';
import type { Report, Runner, Table } from '../report.js';
import { optionValues } from '../lib/cli-args.js';

const QUERY_SEED = 42;
const MAX_BASELINE_WRONG = 0.05;

const pct = (n: number, d: number) => (d === 0 ? null : Math.round((1000 * n) / d) / 10);

/** The threshold with the most right answers among those with at most `maxWrong` wrong. */
function calibrated(results: readonly BaselineResult[], maxWrong: number): number {
  let best = { threshold: 1, right: -1 };
  for (const threshold of [...new Set(results.map((r) => r.score))]) {
    const o = outcomeAt(results, threshold);
    if (o.wrong <= maxWrong * results.length && o.right > best.right) best = { threshold, right: o.right };
  }
  return best.threshold;
}

interface Row {
  method: string;
  split: string;
  present: Outcome;
  absent: Outcome;
  queries: number;
  threshold: number;
}

function toCells(row: Row): (string | number | null)[] {
  return [
    row.method,
    row.split,
    row.queries,
    pct(row.present.right, row.queries),
    pct(row.present.wrong, row.queries),
    pct(row.present.none, row.queries),
    pct(row.absent.right + row.absent.wrong, row.queries),
    row.threshold,
  ];
}

async function evaluate(file: string, model: MatchModel, maxQueries: number) {
  const articles = await readStoryData(file);
  const started = performance.now();
  const stats = new TermStatistics(loadBackgroundStatistics(TERM_STATS_FILE));
  const gold = indexGold(articles, stats);
  const timed = articles.filter((a) => a.publishedAt !== null).length > articles.length / 2;
  const positions = sample(
    gold.entries.map((_, i) => i),
    maxQueries,
    QUERY_SEED,
  ).sort((a, b) => a - b);
  const queries = positions.map((i) => gold.entries[i] as (typeof gold.entries)[number]);
  const ours = bestOf(leaveOneOut(gold, model, queries, { timed, absent: false }));
  const oursAbsent = bestOf(leaveOneOut(gold, model, queries, { timed, absent: true }));
  const base = tfidfNearestHeadline(gold.entries, positions, { timed, absent: false });
  const baseAbsent = tfidfNearestHeadline(gold.entries, positions, { timed, absent: true });
  const baseThreshold = calibrated(base, MAX_BASELINE_WRONG);

  const splits = [...new Set(queries.map((q) => splitOf(q.article.sourceId)))];
  const rows: Row[] = [];
  for (const split of splits.length > 1 ? ['all', ...splits] : splits) {
    const keep = (_: unknown, i: number) =>
      split === 'all' || splitOf(queries[i]?.article.sourceId ?? '') === split;
    const add = (method: string, present: BaselineResult[], absent: BaselineResult[], threshold: number) => {
      const p = present.filter(keep);
      rows.push({
        method,
        split,
        queries: p.length,
        present: outcomeAt(p, threshold),
        absent: outcomeAt(absent.filter(keep), threshold),
        threshold,
      });
    };
    add('baseline: TF-IDF nearest headline, no threshold', base, baseAbsent, 0);
    add(`baseline, best threshold with ≤${MAX_BASELINE_WRONG * 100}% wrong`, base, baseAbsent, baseThreshold);
    add('engine, no threshold', ours, oursAbsent, 0);
    add(
      'engine, shipped threshold',
      ours,
      oursAbsent,
      timed ? model.dated.threshold : model.undated.threshold,
    );
  }
  const matchingSeconds = (performance.now() - started) / 1000;

  let clustering = null;
  if (timed) {
    const clusterStarted = performance.now();
    const assigned = replayClustering(
      articles,
      model,
      new TermStatistics(loadBackgroundStatistics(TERM_STATS_FILE)),
    );
    const seconds = (performance.now() - clusterStarted) / 1000;
    const gold = articles.map((a: GoldArticle) => a.story);
    // The join model is fitted on the first half of the UCI stream in time: the second half is unseen.
    const order = inTimeOrder(articles.map((a, i) => ({ publishedAt: a.publishedAt, i })));
    const later = order.slice(Math.floor(order.length / 2)).map(({ i }) => i);
    clustering = {
      ...scoreClustering(assigned, gold),
      secondHalf: scoreClustering(
        later.map((i) => assigned[i] ?? ''),
        later.map((i) => gold[i] ?? ''),
      ),
      seconds,
    };
  }
  return { file, articles: articles.length, timed, rows, matchingSeconds, clustering };
}

const run: Runner = async (args) => {
  const files = optionValues(args, '--data');
  const maxQueries = Number(optionValues(args, '--queries')[0] ?? 5000);
  const model = loadMatchModel(MATCH_MODEL_FILE);
  const results = [];
  for (const file of files.length > 0 ? files : [ROUNDUPS_FILE, ALLSIDES_2021_FILE, UCI_FILE])
    results.push(await evaluate(file, model, maxQueries));

  const tables: Table[] = results.map((r) => ({
    title: `Story matching, leave one out — ${basename(r.file)} (${r.articles} articles, ${
      r.timed ? '±3-day window' : 'no time window'
    }, title${r.rows.length > 0 ? ' + description when given' : ''})`,
    columns: [
      'method',
      'split',
      'queries',
      'right %',
      'wrong %',
      'no match %',
      'absent: wrong %',
      'threshold',
    ],
    rows: r.rows.map(toCells),
    note: `absent: the query's whole story left out, any answer is wrong. ${r.matchingSeconds.toFixed(0)} s.`,
  }));
  const clustered = results.filter((r) => r.clustering !== null);
  if (clustered.length > 0) {
    tables.push({
      title: 'Online clustering, replayed in time order',
      columns: [
        'data',
        'part',
        'articles',
        'gold stories',
        'stories',
        'B³ P',
        'B³ R',
        'B³ F1',
        'pair P',
        'pair R',
        'pair F1',
        'articles/s',
      ],
      rows: clustered.flatMap((r) => {
        const c = r.clustering;
        if (c === null) return [];
        const row = (part: string, articles: number, scores: ClusteringScores) => [
          basename(r.file),
          part,
          articles,
          scores.goldClusters,
          scores.clusters,
          scores.bcubed.precision,
          scores.bcubed.recall,
          scores.bcubed.f1,
          scores.pairwise.precision,
          scores.pairwise.recall,
          scores.pairwise.f1,
        ];
        const half = r.articles - Math.floor(r.articles / 2);
        return [
          [...row('all', r.articles, c), Math.round(r.articles / c.seconds)],
          [...row('second half', half, c.secondHalf), null],
        ];
      }),
      note:
        'Target: B³ F1 ≥ 0.90 on uci-news-2014 (in-memory index, no store). Second half: the later ' +
        'half in time of the same replay; the join model is fitted on the first half of uci-news-2014 only.',
    });
  }
  const report: Report = { name: 'stories', tables, data: { model: MATCH_MODEL_FILE, results } };
  return report;
};

export default run;
