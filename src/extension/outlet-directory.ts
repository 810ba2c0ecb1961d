/**
 * The outlet directory shipped with the extension (compact, generated at build time): for the
 * background and the extension pages only. Content scripts never import it: they stay small and
 * leave every decision about outlets to the background.
 */
import compact from 'virtual:outlet-directory';
import { createDirectoryIndex } from '../core/compact-directory.js';

export const outletDirectory = createDirectoryIndex(compact);
