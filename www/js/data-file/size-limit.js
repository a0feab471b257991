// The one size limit on a dataset file, and its one message, for every reader of the file:
// the page's loader (js/core/data.js), the preview and ./dev check-data
// (js/data-file/data-file.js), the bake (tools/bake.mjs) and the single file (tools/dist.mjs). The
// page, the preview and check-data check the size before reading or decoding the file; the two
// build tools read the editors' own working file and check it before using it.

/** Far above any real dataset file (about 360 KB today): a larger one is a mistake or worse. */
export const MAX_DATASET_BYTES = 5 * 1024 * 1024;

/** Why a file of `bytes` bytes (or of which `bytes` were read before stopping) is refused. */
export const tooLargeMessage = (bytes) =>
  `the file is larger than ${MAX_DATASET_BYTES / 1024 / 1024} MB (${bytes} bytes or more), the most the page reads; a real dataset is far smaller`;

/**
 * The body of `response`, read no further than MAX_DATASET_BYTES: `size` is its length, or how
 * much was seen before stopping (a Content-Length over the limit stops it before reading), and
 * `bytes` is empty when `size` is over the limit.
 * @param {Response} response
 * @returns {Promise<{bytes: Uint8Array, size: number}>}
 */
export async function readWithinLimit(response) {
  const tooLarge = (size) => ({ bytes: new Uint8Array(0), size });
  const declared = Number(response.headers.get('content-length'));
  if (declared > MAX_DATASET_BYTES) return tooLarge(declared);
  if (!response.body) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    return bytes.length > MAX_DATASET_BYTES ? tooLarge(bytes.length) : { bytes, size: bytes.length };
  }
  const reader = response.body.getReader();
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > MAX_DATASET_BYTES) {
      reader.cancel().catch(() => {});
      return tooLarge(size);
    }
    chunks.push(value);
  }
  return { bytes: new Uint8Array(await new Blob(chunks).arrayBuffer()), size };
}
