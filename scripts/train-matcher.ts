/**
 * `npm run train`: rebuilds data/models/term-stats.json and data/models/matcher.json from the
 * development data in ../shared/eval/stories (never from anything else, never naming a case):
 * 1. term statistics: document frequencies over the UCI News Aggregator headlines and the training
 *    split of the AllSides roundups (val is kept out so val figures stay honest);
 * 2. two lookup models, logistic regressions over the match features fitted on leave-one-out
 *    candidates, queries whose story is present and queries whose story is left out alike: the dated
 *    one on a seeded UCI sample (±3-day window), the undated one on the roundups' training split (no
 *    time); each first on the index's top candidates, then on its own first fit's two best;
 * 3. for the undated model, boosted trees fitted on the regression's two best candidates of each query,
 *    which it reranks (the story-size feature left out of both: every roundup story holds three
 *    articles, so leaving one out would mark the query's own story as the only one of two);
 *    each lookup model's threshold: the lowest at which its training sets answer at most 4% wrong (8%
 *    for absent UCI stories, which the aggregator sometimes split in two);
 * 4. the join model, a third logistic regression over the same features, fitted on the first half of
 *    the UCI stream replayed in time order: first on the candidates each article meets among its gold
 *    stories as they stand mid-stream, then (twice) on the two best candidates each article meets when
 *    the model so far clusters the stream itself (stories built by the clusterer, its mistakes
 *    included), rows of every such replay kept, labelled by whether the candidate is mostly the
 *    article's gold story;
 * 5. the cluster threshold: the best B-cubed F1 replaying the first part of the UCI stream;
 * 6. the merge rule (when an article shows two candidate stories are one): the best B-cubed F1 on the
 *    same replay at that threshold, or none when no rule improves it. The cluster threshold is not
 *    chosen again with merges: UCI stories last seconds, and a stricter join that scores better there
 *    splits stories whose articles come hours apart (one of the demo corpus's, at 0.5).
 * The second half of the UCI stream is never fitted on by the join model (the evaluation reports it).
 */
import { writeFileSync } from 'node:fs';
import { articleTerms } from '../src/server/matching/article-terms.js';
import { clusterArticle } from '../src/server/matching/assign-story.js';
import { boostedProbability, type BoostedTrees } from '../src/server/matching/boosted-trees.js';
import { JOIN_DECISION, scoreCandidates } from '../src/server/matching/best-match.js';
import { FEATURE_NAMES, weighItem } from '../src/server/matching/match-features.js';
import {
  logisticProbability,
  RERANKED,
  parseMatchModel,
  type Logistic,
  type MatchModel,
} from '../src/server/matching/match-model.js';
import { StoryIndex } from '../src/server/matching/story-index.js';
import { windowAround } from '../src/server/matching/time-window.js';
import { TermStatistics, type BackgroundStatistics } from '../src/server/matching/term-statistics.js';
import { MATCH_MODEL_FILE, TERM_STATS_FILE } from '../src/server/paths.js';
import { scoreClustering } from '../bench/lib/clustering-metrics.js';
import { fitBoostedTrees } from './fit-boosted-trees.js';
import {
  bestOf,
  indexGold,
  leaveOneOut,
  outcomeAt,
  type GoldEntry,
  type GoldIndex,
  type QueryResult,
} from '../bench/lib/leave-one-out.js';
import { inTimeOrder, replayClustering } from '../bench/lib/replay-clustering.js';
import {
  readStoryData,
  ROUNDUPS_FILE,
  sample,
  splitOf,
  UCI_FILE,
  type GoldArticle,
} from '../bench/lib/story-data.js';

const UCI_TRAIN_QUERIES = 6000;
const UCI_TRAIN_SEED = 7;
const CLUSTER_REPLAY_ARTICLES = 40_000;
const CLUSTER_THRESHOLDS = [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6];
/** The merge rules tried (join probability of the other story, centroid cosine of the two), on the same replay. */
const MERGE_THRESHOLDS = [0.5, 0.6, 0.7, 0.8, 0.9];
const MERGE_COSINES = [0.1, 0.2, 0.3, 0.4];
/** A merge threshold no probability reaches: no merges. */
const NEVER = 2;
/**
 * The join thresholds of the replays the join model is refitted on, one per round: about where the
 * previous round's model clustered best (the gold-fitted one lower, the replay-fitted ones higher).
 */
const FOLLOW_THRESHOLDS = [0.3, 0.35];
const L2 = 1e-3;

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

function termStatistics(articles: readonly GoldArticle[]): BackgroundStatistics {
  const df = new Map<string, number>();
  for (const article of articles) {
    for (const term of articleTerms(article.title, article.description).text)
      df.set(term, (df.get(term) ?? 0) + 1);
  }
  // Terms seen once weigh the same as unseen ones: leaving them out keeps the file small.
  return { documents: articles.length, df: new Map([...df].filter(([, n]) => n >= 2).sort()) };
}

/** Solves A x = b (A is d×d, row-major) by Gaussian elimination with partial pivoting. */
function solve(a: Float64Array, b: Float64Array): Float64Array {
  const d = b.length;
  const m = new Float64Array(d * (d + 1));
  for (let i = 0; i < d; i += 1) {
    for (let j = 0; j < d; j += 1) m[i * (d + 1) + j] = a[i * d + j] ?? 0;
    m[i * (d + 1) + d] = b[i] ?? 0;
  }
  const at = (r: number, c: number) => m[r * (d + 1) + c] ?? 0;
  for (let col = 0; col < d; col += 1) {
    let pivot = col;
    for (let r = col + 1; r < d; r += 1) if (Math.abs(at(r, col)) > Math.abs(at(pivot, col))) pivot = r;
    for (let c = 0; c <= d; c += 1) {
      const t = at(col, c);
      m[col * (d + 1) + c] = at(pivot, c);
      m[pivot * (d + 1) + c] = t;
    }
    for (let r = 0; r < d; r += 1) {
      if (r === col) continue;
      const factor = at(r, col) / at(col, col);
      for (let c = col; c <= d; c += 1) m[r * (d + 1) + c] = at(r, c) - factor * at(col, c);
    }
  }
  return Float64Array.from({ length: d }, (_, i) => at(i, d) / at(i, i));
}

/** Logistic regression by Newton's method with a small L2 penalty; the last weight is the bias. */
function fitLogistic(rows: readonly number[][], labels: readonly number[]): number[] {
  const d = (rows[0]?.length ?? 0) + 1;
  const n = rows.length;
  const x = new Float64Array(n * d);
  rows.forEach((row, i) => {
    row.forEach((v, j) => (x[i * d + j] = v));
    x[i * d + d - 1] = 1;
  });
  const w = new Float64Array(d);
  for (let iteration = 0; iteration < 12; iteration += 1) {
    const gradient = new Float64Array(d);
    const hessian = new Float64Array(d * d);
    for (let i = 0; i < n; i += 1) {
      const o = i * d;
      let z = 0;
      for (let j = 0; j < d; j += 1) z += (x[o + j] ?? 0) * (w[j] ?? 0);
      const p = 1 / (1 + Math.exp(-z));
      const residual = p - (labels[i] ?? 0);
      const curvature = Math.max(p * (1 - p), 1e-9);
      for (let j = 0; j < d; j += 1) {
        const xj = x[o + j] ?? 0;
        gradient[j] = (gradient[j] ?? 0) + residual * xj;
        const cj = curvature * xj;
        for (let k = j; k < d; k += 1) hessian[j * d + k] = (hessian[j * d + k] ?? 0) + cj * (x[o + k] ?? 0);
      }
    }
    for (let j = 0; j < d; j += 1) {
      const penalty = j < d - 1 ? L2 : 0;
      gradient[j] = (gradient[j] ?? 0) / n + penalty * (w[j] ?? 0);
      for (let k = j; k < d; k += 1) {
        const h = (hessian[j * d + k] ?? 0) / n + (j === k ? penalty : 0);
        hessian[j * d + k] = h;
        hessian[k * d + j] = h;
      }
    }
    const step = solve(hessian, gradient);
    let largest = 0;
    for (let j = 0; j < d; j += 1) {
      w[j] = (w[j] ?? 0) - (step[j] ?? 0);
      largest = Math.max(largest, Math.abs(step[j] ?? 0));
    }
    if (largest < 1e-5) break;
  }
  return [...w];
}

/** The lowest threshold at which at most `maxWrong` of the queries get a wrong story. */
function thresholdFor(results: readonly QueryResult[], maxWrong: number): number {
  const best = bestOf(results);
  const scores = [...new Set(best.map((r) => r.score))].sort((a, b) => a - b);
  for (const threshold of [0, ...scores]) {
    if (outcomeAt(best, threshold).wrong <= maxWrong * best.length) return threshold;
  }
  return 1;
}

/** The first fit's rows: the candidates the index ranks highest, as a first guess at the decision's. */
const FIRST_CANDIDATES = 6;
/**
 * The final fit's rows: the first fit's two best candidates of each query. A lookup's answer is decided
 * between those; candidates far down teach the model little but outnumber them.
 */
const DECIDING_CANDIDATES = 2;

function trainingRows(
  results: readonly QueryResult[],
  top: number,
  rows: number[][],
  labels: number[],
): void {
  for (const { gold, candidates } of results) {
    for (const candidate of candidates.slice(0, top)) {
      rows.push(candidate.features);
      labels.push(candidate.story.id === gold ? 1 : 0);
    }
  }
}

/** The same queries with their candidates weighed by `weights` (bias last), best first. */
function rescored(results: readonly QueryResult[], weights: readonly number[]): QueryResult[] {
  const decision = { weights: weights.slice(0, -1), bias: weights[weights.length - 1] ?? 0, threshold: 0 };
  return results.map(({ gold, candidates }) => ({
    gold,
    candidates: candidates
      .map((candidate) => ({ ...candidate, probability: logisticProbability(decision, candidate.features) }))
      .sort((a, b) => b.probability - a.probability),
  }));
}

/** Queries ranked by a regression with their best RERANKED weighed again by `trees` (as lookups do). */
function reranked(results: readonly QueryResult[], trees: BoostedTrees): QueryResult[] {
  return results.map(({ gold, candidates }) => ({
    gold,
    candidates: [
      ...candidates
        .slice(0, RERANKED)
        .map((candidate) => ({ ...candidate, probability: boostedProbability(trees, candidate.features) }))
        .sort((a, b) => b.probability - a.probability),
      ...candidates.slice(RERANKED),
    ],
  }));
}

type LookupSets = readonly { results: QueryResult[]; maxWrong: number }[];

/** The lowest threshold at which each set answers at most its share of wrong stories. */
const thresholdOf = (sets: LookupSets, rescore: (results: QueryResult[]) => QueryResult[]) =>
  Math.max(...sets.map((set) => thresholdFor(rescore(set.results), set.maxWrong)));

/** The trees of the undated rerank: few and shallow, as each lookup walks all of them for two candidates. */
const RERANK_BOOSTING = { rounds: 60, depth: 3, rate: 0.25, bins: 32, minLeaf: 20, lambda: 1 };

/**
 * The undated lookup model: a regression as `fitLookup` fits it, then trees fitted on its RERANKED
 * best candidates of each query, the threshold applying to theirs.
 */
function fitUndated(sets: LookupSets): MatchModel['undated'] {
  const ranking = fitLookup(sets);
  const rows: number[][] = [];
  const labels: number[] = [];
  const w = [...ranking.weights, ranking.bias];
  for (const set of sets) trainingRows(rescored(set.results, w), RERANKED, rows, labels);
  log(`  reranking trees on ${rows.length} candidates (${labels.filter((l) => l === 1).length} right)`);
  const rerank = fitBoostedTrees(rows, labels, RERANK_BOOSTING);
  const threshold = thresholdOf(sets, (results) => reranked(rescored(results, w), rerank));
  return { ...ranking, threshold, rerank };
}

/** The queries with one feature set to zero in every candidate: a feature a model must not learn. */
function withoutFeature(results: readonly QueryResult[], feature: number): QueryResult[] {
  return results.map(({ gold, candidates }) => ({
    gold,
    candidates: candidates.map((candidate) => ({
      ...candidate,
      features: candidate.features.map((value, i) => (i === feature ? 0 : value)),
    })),
  }));
}

/**
 * A lookup model fitted on leave-one-out queries (present and absent stories alike) in two passes, and
 * the lowest threshold at which each set answers at most its share of wrong stories.
 */
function fitLookup(sets: LookupSets): Logistic {
  const fitOn = (results: readonly QueryResult[][], top: number) => {
    const rows: number[][] = [];
    const labels: number[] = [];
    for (const set of results) trainingRows(set, top, rows, labels);
    log(`  fitting on ${rows.length} candidates (${labels.filter((l) => l === 1).length} right)`);
    return fitLogistic(rows, labels);
  };
  const first = fitOn(
    sets.map((set) => set.results),
    FIRST_CANDIDATES,
  );
  const w = fitOn(
    sets.map((set) => rescored(set.results, first)),
    DECIDING_CANDIDATES,
  );
  const threshold = thresholdOf(sets, (results) => rescored(results, w));
  return { weights: w.slice(0, -1), bias: w[w.length - 1] ?? 0, threshold };
}

/** The gold story most of a story's articles belong to. */
function mostlyOf(golds: ReadonlyMap<string, number> | undefined): string | undefined {
  let best: string | undefined;
  let most = 0;
  for (const [gold, count] of golds ?? []) if (count > most) [best, most] = [gold, count];
  return best;
}

/**
 * Join-decision rows: each article of `stream`, in time order, against its `top` candidates by the
 * model's join probability, labelled 1 when the candidate story is mostly the article's gold story.
 * Each article then joins its gold story or, with `follow`, goes where `model` puts it: the stories
 * the clusterer itself builds, its earlier mistakes included, are the ones it must decide among.
 */
function joinRows(
  stream: readonly GoldArticle[],
  model: MatchModel,
  background: BackgroundStatistics,
  { top, follow }: { top: number; follow: boolean },
): { rows: number[][]; labels: number[] } {
  const index = new StoryIndex(new TermStatistics(background));
  const golds = new Map<string, Map<string, number>>();
  const rows: number[][] = [];
  const labels: number[] = [];
  for (const article of inTimeOrder(stream)) {
    const terms = articleTerms(article.title, article.description);
    const item = weighItem(terms, article.publishedAt, article.description !== null, index.stats);
    const window = windowAround(article.publishedAt);
    const candidates = scoreCandidates(index, model, item, window, null, JOIN_DECISION);
    for (const candidate of candidates.slice(0, top)) {
      rows.push(candidate.features);
      labels.push(mostlyOf(golds.get(candidate.story.id)) === article.story ? 1 : 0);
    }
    const storyId = follow
      ? clusterArticle(index, model, { ...article, key: `id:${article.sourceId}` }).storyId
      : article.story;
    if (!follow) index.add({ ...article, storyId, terms });
    const counts = golds.get(storyId) ?? new Map<string, number>();
    counts.set(article.story, (counts.get(article.story) ?? 0) + 1);
    golds.set(storyId, counts);
  }
  return { rows, labels };
}

/** The model file's text, a line a tree: its thousands of nodes would otherwise take a line a number. */
function modelJson(model: MatchModel): string {
  const trees = model.undated.rerank.trees.map((tree) => JSON.stringify(tree));
  const rerank = { ...model.undated.rerank, trees: trees.map((_, i) => `tree ${i}`) };
  const text = JSON.stringify({ ...model, undated: { ...model.undated, rerank } }, null, 2);
  return `${text.replace(/"tree (\d+)"/g, (_, i: string) => trees[Number(i)] ?? '')}\n`;
}

async function main(): Promise<void> {
  const roundups = (await readStoryData(ROUNDUPS_FILE)).filter((a) => splitOf(a.sourceId) === 'train');
  const uci = await readStoryData(UCI_FILE);
  log(`read ${roundups.length} roundup (train) and ${uci.length} UCI articles`);

  const background = termStatistics([...uci, ...roundups]);
  writeFileSync(
    TERM_STATS_FILE,
    `${JSON.stringify({
      source:
        'document frequencies of npm run train over UCI News Aggregator headlines (CC BY 4.0) and the AllSides roundups training split',
      documents: background.documents,
      df: Object.fromEntries(background.df),
    })}\n`,
  );
  log(`term statistics: ${background.df.size} terms over ${background.documents} documents`);

  const blankPart: Logistic = { weights: FEATURE_NAMES.map(() => 0), bias: 0, threshold: 0.5 };
  const blank: MatchModel = {
    features: [...FEATURE_NAMES],
    dated: blankPart,
    undated: { ...blankPart, rerank: { trees: [], bias: 0 } },
    join: blankPart,
    merge: { threshold: NEVER, cosine: 0 },
  };
  const roundupIndex = indexGold(roundups, new TermStatistics(background));
  const uciIndex = indexGold(uci, new TermStatistics(background));
  const uciQueries = sample(uciIndex.entries, UCI_TRAIN_QUERIES, UCI_TRAIN_SEED);
  // Candidates and their features do not depend on the model: one leave-one-out pass serves every fit.
  const lookups = (index: GoldIndex, queries: readonly GoldEntry[], timed: boolean) =>
    [false, true].map((absent) => leaveOneOut(index, blank, queries, { timed, absent })) as [
      QueryResult[],
      QueryResult[],
    ];
  log('the dated lookup model (UCI, ±3-day window):');
  const [uciPresent, uciAbsent] = lookups(uciIndex, uciQueries, true);
  const dated = fitLookup([
    { results: uciPresent, maxWrong: 0.04 },
    { results: uciAbsent, maxWrong: 0.08 },
  ]);
  log('the undated lookup model (roundups, no time window):');
  const [roundupsPresent, roundupsAbsent] = lookups(roundupIndex, roundupIndex.entries, false).map(
    (results) => withoutFeature(results, FEATURE_NAMES.indexOf('storySize')),
  ) as [QueryResult[], QueryResult[]];
  const undated = fitUndated([
    { results: roundupsPresent, maxWrong: 0.04 },
    { results: roundupsAbsent, maxWrong: 0.04 },
  ]);
  log(`match thresholds: dated ${dated.threshold.toFixed(3)}, undated ${undated.threshold.toFixed(3)}`);

  const joinTraining = inTimeOrder(uci).slice(0, Math.floor(uci.length / 2));
  // The threshold is chosen last, by replaying.
  const fitJoin = ({ rows, labels }: { rows: number[][]; labels: number[] }): Logistic => {
    log(`  fitting on ${rows.length} candidates (${labels.filter((l) => l === 1).length} right)`);
    const j = fitLogistic(rows, labels);
    return { weights: j.slice(0, -1), bias: j[j.length - 1] ?? 0, threshold: 0 };
  };
  log('the join model: on the gold stories, then on its own replays:');
  let join = fitJoin(joinRows(joinTraining, blank, background, { top: FIRST_CANDIDATES, follow: false }));
  // Each refit sees the candidates met in every replay so far (its own and its predecessors' choices).
  const met = { rows: [] as number[][], labels: [] as number[] };
  for (const threshold of FOLLOW_THRESHOLDS) {
    const model = { ...blank, join: { ...join, threshold } };
    const replayed = joinRows(joinTraining, model, background, { top: DECIDING_CANDIDATES, follow: true });
    met.rows = met.rows.concat(replayed.rows);
    met.labels = met.labels.concat(replayed.labels);
    join = fitJoin(met);
  }

  const stream = joinTraining.slice(0, CLUSTER_REPLAY_ARTICLES);
  const replayF1 = (model: MatchModel) =>
    scoreClustering(
      replayClustering(stream, model, new TermStatistics(background)),
      stream.map((a) => a.story),
    ).bcubed.f1;
  let bestF1 = -1;
  for (const threshold of CLUSTER_THRESHOLDS) {
    const f1 = replayF1({ ...blank, join: { ...join, threshold } });
    log(`cluster threshold ${threshold}: B-cubed F1 ${f1.toFixed(4)}`);
    if (f1 > bestF1) [bestF1, join.threshold] = [f1, threshold];
  }
  let merge = blank.merge;
  for (const threshold of MERGE_THRESHOLDS) {
    for (const cosine of MERGE_COSINES) {
      const f1 = replayF1({ ...blank, join, merge: { threshold, cosine } });
      log(`merge at join probability ${threshold}, cosine ${cosine}: B-cubed F1 ${f1.toFixed(4)}`);
      if (f1 > bestF1) [bestF1, merge] = [f1, { threshold, cosine }];
    }
  }

  const round = (v: number) => Math.round(v * 1e6) / 1e6;
  const rounded = ({ weights, bias, threshold }: Logistic): Logistic => ({
    weights: weights.map(round),
    bias: round(bias),
    threshold: Math.round(threshold * 1e4) / 1e4,
  });
  const model = parseMatchModel({
    features: [...FEATURE_NAMES],
    dated: rounded(dated),
    undated: {
      ...rounded(undated),
      rerank: {
        trees: undated.rerank.trees.map((tree) => tree.map(round)),
        bias: round(undated.rerank.bias),
      },
    },
    join: rounded(join),
    merge,
  });
  writeFileSync(MATCH_MODEL_FILE, modelJson(model));
  log(`wrote ${MATCH_MODEL_FILE}; weights dated / undated / join:`);
  FEATURE_NAMES.forEach((name, i) =>
    log(
      `  ${name.padEnd(18)} ${[model.dated, model.undated, model.join].map((part) => part.weights[i]?.toFixed(3)).join(' ')}`,
    ),
  );
}

await main();
