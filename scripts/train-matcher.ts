/**
 * `npm run train`: rebuilds data/models/term-stats.json and data/models/matcher.json from the
 * development data in ../shared/eval/stories (never from anything else, never naming a case):
 * 1. term statistics: document frequencies over the UCI News Aggregator headlines and the training
 *    split of the AllSides roundups (val is kept out so val figures stay honest);
 * 2. a logistic regression over the match features, fitted on leave-one-out candidates of the
 *    roundups' training split (no time) and a seeded UCI sample (±3-day window), queries whose story
 *    is present and queries whose story is left out alike;
 * 3. the match threshold: the lowest at which each training set answers at most 4% wrong (8% for
 *    absent UCI stories, which the aggregator sometimes split in two);
 * 4. the join model, a second logistic regression over the same features, fitted on the candidates
 *    each article of the first half of the UCI stream meets when the stream is replayed in time order
 *    into its gold stories: stories as they stand mid-stream, partial, not whole as in leave one out;
 * 5. the cluster threshold: the best B-cubed F1 replaying the first part of the UCI stream.
 * The second half of the UCI stream is never fitted on by the join model (the evaluation reports it).
 */
import { writeFileSync } from 'node:fs';
import { articleTerms } from '../src/server/matching/article-terms.js';
import { scoreCandidates } from '../src/server/matching/best-match.js';
import { FEATURE_NAMES, weighItem } from '../src/server/matching/match-features.js';
import { joinProbability, parseMatchModel, type MatchModel } from '../src/server/matching/match-model.js';
import { StoryIndex } from '../src/server/matching/story-index.js';
import { windowAround } from '../src/server/matching/time-window.js';
import { TermStatistics, type BackgroundStatistics } from '../src/server/matching/term-statistics.js';
import { MATCH_MODEL_FILE, TERM_STATS_FILE } from '../src/server/paths.js';
import { scoreClustering } from '../bench/lib/clustering-metrics.js';
import { bestOf, indexGold, leaveOneOut, outcomeAt, type QueryResult } from '../bench/lib/leave-one-out.js';
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
const CLUSTER_THRESHOLDS = [0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5];
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

/** The top candidates of each query: those the decision is between. */
const TRAINING_CANDIDATES = 6;

function trainingRows(results: readonly QueryResult[], rows: number[][], labels: number[]): void {
  for (const { gold, candidates } of results) {
    for (const candidate of candidates.slice(0, TRAINING_CANDIDATES)) {
      rows.push(candidate.features);
      labels.push(candidate.story.id === gold ? 1 : 0);
    }
  }
}

/**
 * Join-decision rows: each article of `stream`, in time order, against the candidates it meets among
 * the gold stories built so far (labelled 1 for its own story), then added to its own story.
 */
function joinRows(
  stream: readonly GoldArticle[],
  model: MatchModel,
  background: BackgroundStatistics,
  rows: number[][],
  labels: number[],
): void {
  const index = new StoryIndex(new TermStatistics(background));
  for (const article of inTimeOrder(stream)) {
    const terms = articleTerms(article.title, article.description);
    const item = weighItem(terms, article.publishedAt, article.description !== null, index.stats);
    const window = windowAround(article.publishedAt);
    const candidates = scoreCandidates(index, model, item, window, null, joinProbability);
    for (const candidate of candidates.slice(0, TRAINING_CANDIDATES)) {
      rows.push(candidate.features);
      labels.push(candidate.story.id === article.story ? 1 : 0);
    }
    index.add({ ...article, storyId: article.story, terms });
  }
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

  const blank: MatchModel = {
    features: [...FEATURE_NAMES],
    weights: FEATURE_NAMES.map(() => 0),
    bias: 0,
    matchThreshold: 0.5,
    clusterWeights: FEATURE_NAMES.map(() => 0),
    clusterBias: 0,
    clusterThreshold: 0.5,
  };
  const roundupIndex = indexGold(roundups, new TermStatistics(background));
  const uciIndex = indexGold(uci, new TermStatistics(background));
  const uciQueries = sample(uciIndex.entries, UCI_TRAIN_QUERIES, UCI_TRAIN_SEED);
  const sets = (model: MatchModel) => ({
    roundups: leaveOneOut(roundupIndex, model, roundupIndex.entries, { timed: false, absent: false }),
    roundupsAbsent: leaveOneOut(roundupIndex, model, roundupIndex.entries, { timed: false, absent: true }),
    uci: leaveOneOut(uciIndex, model, uciQueries, { timed: true, absent: false }),
    uciAbsent: leaveOneOut(uciIndex, model, uciQueries, { timed: true, absent: true }),
  });
  const candidates = sets(blank);
  const rows: number[][] = [];
  const labels: number[] = [];
  for (const results of Object.values(candidates)) trainingRows(results, rows, labels);
  log(`fitting on ${rows.length} candidates (${labels.filter((l) => l === 1).length} right)`);
  const w = fitLogistic(rows, labels);
  const fitted: MatchModel = { ...blank, weights: w.slice(0, -1), bias: w[w.length - 1] ?? 0 };

  const scored = sets(fitted);
  const matchThreshold = Math.max(
    thresholdFor(scored.roundups, 0.04),
    thresholdFor(scored.roundupsAbsent, 0.04),
    thresholdFor(scored.uci, 0.04),
    thresholdFor(scored.uciAbsent, 0.08),
  );
  log(`match threshold ${matchThreshold.toFixed(3)}`);

  const joinTraining = inTimeOrder(uci).slice(0, Math.floor(uci.length / 2));
  const joinRowsOut: number[][] = [];
  const joinLabels: number[] = [];
  joinRows(joinTraining, blank, background, joinRowsOut, joinLabels);
  const joinRight = joinLabels.filter((l) => l === 1).length;
  log(`fitting the join model on ${joinRowsOut.length} candidates (${joinRight} right)`);
  const j = fitLogistic(joinRowsOut, joinLabels);
  const joined: MatchModel = { ...fitted, clusterWeights: j.slice(0, -1), clusterBias: j[j.length - 1] ?? 0 };

  const stream = joinTraining.slice(0, CLUSTER_REPLAY_ARTICLES);
  let clusterThreshold = 0.5;
  let bestF1 = -1;
  for (const threshold of CLUSTER_THRESHOLDS) {
    const model = { ...joined, clusterThreshold: threshold };
    const assigned = replayClustering(stream, model, new TermStatistics(background));
    const { f1 } = scoreClustering(
      assigned,
      stream.map((a) => a.story),
    ).bcubed;
    log(`cluster threshold ${threshold}: B-cubed F1 ${f1.toFixed(4)}`);
    if (f1 > bestF1) [bestF1, clusterThreshold] = [f1, threshold];
  }

  const round = (v: number) => Math.round(v * 1e6) / 1e6;
  const model = parseMatchModel({
    ...joined,
    weights: joined.weights.map(round),
    bias: round(joined.bias),
    clusterWeights: joined.clusterWeights.map(round),
    clusterBias: round(joined.clusterBias),
    matchThreshold: Math.round(matchThreshold * 1e4) / 1e4,
    clusterThreshold,
  });
  writeFileSync(MATCH_MODEL_FILE, `${JSON.stringify(model, null, 2)}\n`);
  log(`wrote ${MATCH_MODEL_FILE}`);
  FEATURE_NAMES.forEach((name, i) =>
    log(`  ${name.padEnd(18)} ${model.weights[i]?.toFixed(3)} ${model.clusterWeights[i]?.toFixed(3)}`),
  );
}

await main();
