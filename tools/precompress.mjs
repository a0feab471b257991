// Precompressed copies beside each text file and the wasm in dist/: `x.gz` (gzip, level 9) and
// `x.br` (Brotli, quality 11), for hosts that serve them as they are (nginx gzip_static and
// brotli_static, Caddy's precompressed, many CDNs) instead of compressing on every request.

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** What is worth compressing: text and the wasm (PNG is compressed already). */
export const COMPRESSIBLE = /\.(html|js|css|json|wasm|svg|csv|txt|md)$/;

/** The gzip and Brotli bytes of `content`, as written beside its file. */
export function compressed(content) {
  return {
    gz: zlib.gzipSync(content, { level: 9 }),
    br: zlib.brotliCompressSync(content, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: content.length,
      },
    }),
  };
}

/** Writes `file`.gz and `file`.br from `file`'s current bytes. */
export function precompressFile(file) {
  const { gz, br } = compressed(fs.readFileSync(file));
  fs.writeFileSync(`${file}.gz`, gz);
  fs.writeFileSync(`${file}.br`, br);
}

/** Every compressible file below `root` (copies from an earlier run are rewritten); their count. */
export function precompressTree(root) {
  let count = 0;
  for (const entry of fs.readdirSync(root, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !COMPRESSIBLE.test(entry.name)) continue;
    precompressFile(path.join(entry.parentPath ?? entry.path, entry.name));
    count += 1;
  }
  return count;
}
