/**
 * Imported first by every extension entry: the extension CSP forbids eval, so zod must not build
 * its JIT parsers. Schemas read this flag when they are created, hence "first".
 */
import * as z from 'zod/mini';

z.config({ jitless: true });
