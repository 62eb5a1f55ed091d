// Where the built first-run knowledge base lives inside the extension package (written under public/ by the build).

/** Path of the default data inside the extension, for `browser.runtime.getURL(DEFAULT_DATA_PATH)`. */
export const DEFAULT_DATA_PATH = '/data/defaults.json';

/** Path of the default data's stamp (its `builtFrom` alone): a woken background compares it without reading the data. */
export const DEFAULT_DATA_STAMP_PATH = '/data/defaults-stamp.json';
