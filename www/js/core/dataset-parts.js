// The dataset file in two parts, as the baked site ships it (tools/bake.mjs cuts the one file
// editors keep): the figures — every number, its period, source, outlet, date and grade, the
// charts, the conflicts' ids, and every word of the figures the charts draw (the tooltips' notes,
// and what the core's chart rules read) — load with the core; the words of the other records —
// quotes, notes, definitions, the sources' titles, grade reasons and addresses, the conflicts'
// titles and explanations, the list of changes — when a reader opens a table, a source list or
// a download.
//
// The build cuts one pair per reader language, each text in that language only
// (tools/dataset-parts.mjs; `split.lang`): a page loads the pair of the language it speaks.
// Both parts carry a digest of the figures part (`split.of`), so words are joined only to the
// figures they were cut with, never to a figures file edited since. The core reads a figures part
// as the whole file less those words (src/data/types.rs, `Split`).

/** The fields that are words, per list. */
export const WORD_FIELDS = {
  facts: ['quote', 'note', 'definition', 'sum_note'],
  reference: ['quote', 'note', 'definition', 'sum_note'],
  sources: ['title', 'grade_reason', 'date_note', 'url', 'seed_file'],
  conflicts: ['title', 'explanation'],
};
/** Lists that move to the words part whole. */
const WORD_LISTS = ['changelog'];

const isObject = (x) => x !== null && typeof x === 'object' && !Array.isArray(x);

/**
 * A digest of the figures part `figures` as JSON, its `split` left out: the same in the build
 * and in the browser (JSON.stringify keeps the parsed order). cyrb53 (public domain): 53 bits,
 * enough to tell two versions of the figures apart; not a defence against forgery.
 */
export function figuresDigest(figures) {
  const text = JSON.stringify({ ...figures, split: undefined });
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return `cyrb53:${(4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0')}`;
}

/**
 * Cut the parsed whole file `whole` in two: { figures, words }. The figures the charts draw, and
 * the records whose id is in `keep`, keep their words in the figures part. `whole` is not
 * changed.
 */
export function splitDataset(whole, keep = new Set()) {
  const drawn = new Set((Array.isArray(whole.charts) ? whole.charts : []).flatMap((chart) => (isObject(chart) && Array.isArray(chart.facts) ? chart.facts : [])));
  const figures = { ...whole };
  const words = {};
  for (const [list, fields] of Object.entries(WORD_FIELDS)) {
    if (!Array.isArray(whole[list])) continue;
    words[list] = {};
    figures[list] = whole[list].map((record) => {
      if (!isObject(record) || keep.has(record.id) || drawn.has(record.id)) return record;
      const kept = { ...record };
      const moved = {};
      for (const field of fields) {
        if (!(field in record)) continue;
        moved[field] = record[field];
        delete kept[field];
      }
      if (Object.keys(moved).length) words[list][record.id] = moved;
      return kept;
    });
  }
  for (const list of WORD_LISTS) {
    if (!(list in whole)) continue;
    words[list] = whole[list];
    delete figures[list];
  }
  const of = figuresDigest(figures);
  figures.split = { part: 'figures', of };
  words.split = { part: 'words', of };
  return { figures, words };
}

/**
 * Add the words part `words` to the figures part `figures`, in place (every index of its records
 * then sees the words), and mark it whole. Returns null, or the reason the parts do not belong
 * together (then nothing is changed).
 */
export function joinWords(figures, words) {
  if (!isObject(words) || !isObject(words.split) || words.split.part !== 'words') return 'not the words of a dataset file';
  if (!isObject(figures) || !isObject(figures.split) || words.split.of !== figuresDigest(figures)) return 'the words were cut from other figures than these';
  for (const [list, fields] of Object.entries(WORD_FIELDS)) {
    const byId = isObject(words[list]) ? words[list] : {};
    for (const record of Array.isArray(figures[list]) ? figures[list] : []) {
      const moved = isObject(record) ? byId[record.id] : null;
      if (!isObject(moved)) continue;
      for (const field of fields) if (field in moved) record[field] = moved[field];
    }
  }
  for (const list of WORD_LISTS) if (list in words) figures[list] = words[list];
  delete figures.split;
  return null;
}
