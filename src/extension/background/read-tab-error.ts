/** A tab that could not be read: a browser page, the web store, a closed tab, a page that hung. */
export class ReadTabError extends Error {
  override name = 'ReadTabError';
}
