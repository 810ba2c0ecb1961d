/** The options page's ratings requests: choose a rater, override outlets, import a ratings file. */
import type { DirectoryIndex } from '../../core/compact-directory.js';
import {
  availableRaters,
  isConsensusOnly,
  leanChooser,
  withImported,
  type LeanChooser,
  type RatingChoices,
} from '../../core/rating-choices.js';
import { CONSENSUS_RATER } from '../../core/outlet.js';
import { OVERRIDE_RATER, parseRatingsFile } from '../../core/ratings-file.js';
import { fail, ok, type Reply } from '../messages.js';
import { MAX_REPORTED_REJECTIONS, type ImportReport, type RatingChoicesView } from '../rating-replies.js';
import type { RatingsToBackground } from '../rating-requests.js';
import type { RatingChoicesStore } from './rating-choices-store.js';

export interface RatingsDeps {
  store: RatingChoicesStore;
  directory: DirectoryIndex;
}

export function viewOf(choices: RatingChoices, directory: DirectoryIndex): RatingChoicesView {
  const raters = availableRaters(directory.raters, choices).map((name) => ({
    name,
    directoryOutlets: directory.outlets.filter((outlet) => outlet.leans[name] !== undefined).length,
    importedOutlets: choices.imported.filter((rating) => rating.rater === name).length,
  }));
  const overrides = Object.entries(choices.overrides).map(([outletId, lean]) => ({ outletId, lean }));
  return { rater: choices.rater, fallback: choices.fallback, overrides, raters };
}

/** How the reader's choices re-rate an outlet, or null when they leave the consensus as it is. */
export async function chooserOf(
  store: RatingChoicesStore,
  directory: DirectoryIndex,
): Promise<LeanChooser | null> {
  const choices = await store.load();
  if (isConsensusOnly(choices)) return null;
  return leanChooser(choices, (outletId, rater) => directory.byId(outletId)?.leans[rater]);
}

/**
 * WARNING: trust boundary. The request is parsed by the router; here each outlet and rater named
 * must exist (in the directory or the imports), and a ratings file is parsed row by row against the
 * shipped directory before anything of it is stored.
 */
export async function handleRatingsRequest(
  request: RatingsToBackground,
  deps: RatingsDeps,
): Promise<Reply<unknown>> {
  const { store, directory } = deps;
  const choices = await store.load();
  const saved = async (next: RatingChoices) => {
    await store.save(next);
    return viewOf(next, directory);
  };
  switch (request.type) {
    case 'get-rating-choices':
      return ok(viewOf(choices, directory));
    case 'choose-rater':
      if (!availableRaters(directory.raters, choices).includes(request.rater))
        return fail('invalid-message', `no ratings by ${request.rater}: import a file of its ratings first`);
      return ok(await saved({ ...choices, rater: request.rater, fallback: request.fallback }));
    case 'set-override':
      if (directory.byId(request.outletId) === null)
        return fail('invalid-message', `no outlet ${request.outletId} in the directory`);
      return ok(
        await saved({ ...choices, overrides: { ...choices.overrides, [request.outletId]: request.lean } }),
      );
    case 'remove-override': {
      const { [request.outletId]: _removed, ...overrides } = choices.overrides;
      return ok(await saved({ ...choices, overrides }));
    }
    case 'remove-imported': {
      const imported = choices.imported.filter((rating) => rating.rater !== request.rater);
      // A rater whose ratings are gone cannot stay chosen: the consensus takes over.
      const gone = choices.rater === request.rater && !directory.raters.includes(request.rater);
      return ok(await saved({ ...choices, imported, rater: gone ? CONSENSUS_RATER : choices.rater }));
    }
    case 'import-ratings': {
      const report = parseRatingsFile(request.text, directory);
      const view =
        report.accepted.length > 0
          ? await saved(withImported(choices, report.accepted))
          : viewOf(choices, directory);
      const overrides = report.accepted.filter((rating) => rating.rater === OVERRIDE_RATER).length;
      const result: ImportReport = {
        format: report.format,
        accepted: report.accepted.length,
        overrides,
        rejectedCount: report.rejected.length,
        rejected: report.rejected.slice(0, MAX_REPORTED_REJECTIONS),
        ...(report.error === undefined ? {} : { error: report.error }),
        view,
      };
      return ok(result);
    }
  }
}
