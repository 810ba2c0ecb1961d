/**
 * What the background may ask the on-demand content script, in a module of its own so that the
 * content script bundles this one schema rather than every message of the extension.
 */
import * as z from 'zod/mini';

export const BackgroundToContent = z.discriminatedUnion('type', [z.object({ type: z.literal('extract') })]);
export type BackgroundToContent = z.infer<typeof BackgroundToContent>;
