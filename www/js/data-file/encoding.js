// What a data file's bytes say: the encodings Chinese spreadsheets and editors save in.

/**
 * Decodes a file's bytes: a BOM decides (UTF-8, UTF-16LE, UTF-16BE); zero bytes on one side of
 * the byte pairs throughout mean UTF-16 without a BOM (text in UTF-8 or GBK has none, but may
 * carry a stray one: that is a NUL character, see unreadableCharacters); then strict UTF-8,
 * else GBK — what Excel and WPS save as "CSV" on a Chinese Windows — decoded as GB18030, its
 * superset (Node's "gbk" decoder, unlike browsers', misses the four-byte codes, e.g. ¥).
 * @param {Uint8Array} bytes
 * @returns {{text: string, encoding: string}}
 */
export function decodeText(bytes) {
  const startsWith = (...signature) => signature.every((b, i) => bytes[i] === b);
  const decode = (label, from = 0) => new TextDecoder(label, { ignoreBOM: true }).decode(bytes.subarray(from));
  if (startsWith(0xef, 0xbb, 0xbf)) return { text: decode('utf-8', 3), encoding: 'UTF-8 with BOM' };
  if (startsWith(0xff, 0xfe)) return { text: decode('utf-16le', 2), encoding: 'UTF-16LE' };
  if (startsWith(0xfe, 0xff)) return { text: decode('utf-16be', 2), encoding: 'UTF-16BE' };
  const utf16 = utf16ByZeroBytes(bytes);
  if (utf16) return { text: decode(utf16.toLowerCase()), encoding: `${utf16} without BOM` };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { text: decode('gb18030'), encoding: 'GBK (GB18030)' };
  }
}

/**
 * 'UTF-16LE' or 'UTF-16BE' when zero bytes fall on one side of the byte pairs as often as UTF-16
 * puts them there (every comma, digit, Latin letter and line end of a sheet or JSON file gives
 * one: at least one pair in eight), and seldom on the other side; else null.
 */
function utf16ByZeroBytes(bytes) {
  const sample = bytes.subarray(0, 4096);
  let even = 0;
  let odd = 0;
  sample.forEach((b, i) => {
    if (b === 0) i % 2 ? odd++ : even++;
  });
  const [most, least] = odd > even ? [odd, even] : [even, odd];
  if (most < 2 || most * 8 < sample.length / 2 || least * 4 > most) return null;
  return odd > even ? 'UTF-16LE' : 'UTF-16BE';
}

export const isUtf8 = (encoding) => encoding.startsWith('UTF-8');

/**
 * A problem on every line that holds a character the decoder could not read, and on every line
 * that holds a NUL (a zero byte: never text, a sign of a damaged or joined file).
 */
export function unreadableCharacters(text, file, encoding) {
  return text.split('\n').flatMap((lineText, i) => [
    ...(lineText.includes('\uFFFD')
      ? [{ file, line: i + 1, where: 'text', what: `characters that are not valid ${encoding} (shown as \uFFFD); save the file as UTF-8` }]
      : []),
    ...(lineText.includes('\0')
      ? [{ file, line: i + 1, where: 'text', what: `a NUL character (a zero byte, never text) at column ${lineText.indexOf('\0') + 1}; delete it (editors show it as \\0, ^@ or NUL)` }]
      : []),
  ]);
}
