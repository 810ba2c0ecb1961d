/**
 * The matcher's calibrated constants. Scores are TF-IDF cosine similarities in [0, 1] between an
 * item's headline (+ description) terms and a story's term vector. The evaluation baselines
 * (shared/design/matching.md) show a plain cosine cannot separate "same story, other framing" from
 * "same topic, other story" well, so lookups answer only above a threshold: a wrong story is worse
 * than none.
 */

/** A lookup answers with a story only at or above this score (UCI, ±3 days: 0.4 ≈ 85% precision). */
export const MATCH_THRESHOLD = 0.35;
/**
 * An ingested article joins the best story at or above this score, else it starts a new story.
 * Replaying allsides-2021 (three framings per story, titles only): 0.2 gives pairwise precision
 * 0.65 / recall 0.68, 0.25 gives 0.73 / 0.59, 0.3 gives 0.80 / 0.47. Merging two stories is the
 * worse error, so precision leads.
 */
export const CLUSTER_THRESHOLD = 0.25;
/** Stories are compared only when their time span comes within this of the item's publication time. */
export const TIME_WINDOW_MS = 3 * 24 * 60 * 60 * 1000;
/** Candidate stories are found through the item's rarest terms only: common terms find everything. */
export const PROBE_TERMS = 8;
/** How many candidate stories are scored in full. */
export const CANDIDATE_LIMIT = 50;
