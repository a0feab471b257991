// What a data file's bytes say: the encodings Chinese spreadsheets and editors save in.

/**
 * Decodes a file's bytes: a BOM decides (UTF-8, UTF-16LE, UTF-16BE); zero bytes on one side of
 * the byte pairs mean UTF-16 without a BOM (text in UTF-8 or GBK has none, but may carry a stray
 * one: that is a NUL character, see unreadableCharacters); then strict UTF-8,
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
  const utf8 = strictly('utf-8', bytes);
  const utf16 = utf16ByZeroBytes(bytes, utf8 === null);
  if (utf16) return { text: decode(utf16.toLowerCase()), encoding: `${utf16} without BOM` };
  if (utf8 !== null) return { text: utf8, encoding: 'UTF-8' };
  return { text: decode('gb18030'), encoding: 'GBK (GB18030)' };
}

/** The text, or null when the bytes are not valid in the encoding `label`. */
function strictly(label, bytes) {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * 'UTF-16LE' or 'UTF-16BE' when zero bytes fall on one side of the byte pairs and seldom on the
 * other; else null. A file that is valid UTF-8 must also have them as often as UTF-16 puts them
 * there in Latin text (every comma, digit, letter and line end: at least one pair in eight), so a
 * stray NUL or two in UTF-8 stays a NUL; one that is not (text mostly in Chinese, whose UTF-16
 * has few zero bytes) needs the sides to differ, four zero bytes at least (a sheet's first row
 * and its line end give more; a GBK file with a stray NUL or two has fewer), a line end written
 * as UTF-16 writes it, and to be valid UTF-16 (GBK read as UTF-16 seldom is: its lead bytes make
 * lone surrogates).
 */
function utf16ByZeroBytes(bytes, notUtf8) {
  const sample = bytes.subarray(0, 4096);
  let even = 0;
  let odd = 0;
  sample.forEach((b, i) => {
    if (b === 0) i % 2 ? odd++ : even++;
  });
  const [most, least] = odd > even ? [odd, even] : [even, odd];
  if (most < 2 || least * 4 > most) return null;
  const encoding = odd > even ? 'UTF-16LE' : 'UTF-16BE';
  if (notUtf8) return most >= 4 && hasUtf16LineEnd(sample, encoding) && strictly(encoding.toLowerCase(), bytes) !== null ? encoding : null;
  return most * 8 < sample.length / 2 ? null : encoding;
}

/** Whether `sample` holds a line feed as a whole UTF-16 code unit (00 0A or 0A 00 on a pair). */
function hasUtf16LineEnd(sample, encoding) {
  const [feed, zero] = encoding === 'UTF-16LE' ? [0, 1] : [1, 0];
  for (let i = 0; i + 1 < sample.length; i += 2) if (sample[i + feed] === 0x0a && sample[i + zero] === 0) return true;
  return false;
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
