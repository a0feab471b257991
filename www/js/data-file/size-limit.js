// The one size limit on a dataset file, and its one message, for every reader of the file:
// the page's loader (js/data.js), the preview and ./dev check-data (js/data-file.js) and the
// bake (tools/bake.mjs).

/** Far above any real dataset file (about 320 KB today): a larger one is a mistake or worse. */
export const MAX_DATASET_BYTES = 5 * 1024 * 1024;

/** Why a file of `bytes` bytes (or of which `bytes` were read before stopping) is refused. */
export const tooLargeMessage = (bytes) =>
  `the file is larger than ${MAX_DATASET_BYTES / 1024 / 1024} MB (${bytes} bytes or more), the most the page reads; a real dataset is far smaller`;
