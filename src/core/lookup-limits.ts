/**
 * The lookup contract's size limits, apart from its schemas: the content script clips to them and
 * must not bundle the whole contract to know three numbers.
 */
export const MAX_TITLE_LENGTH = 500;
export const MAX_DESCRIPTION_LENGTH = 2000;
export const MAX_BATCH = 50;
