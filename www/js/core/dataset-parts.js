// The dataset file in two parts, as the baked site ships it (tools/bake.mjs cuts the one file
// editors keep): the figures — every number, its period, source, outlet, date and grade, the
// charts and the conflicts' ids — load with the core; the words — quotes, notes, definitions,
// the sources' titles, grade reasons and addresses, the conflicts' titles and explanations, the
// list of changes — when a reader opens a table, a source list, a tooltip's note or a download.
//
// A figure the page shows before anything is asked for (a calculator input's source line)
// keeps its words in the figures part. Both parts carry the whole file's content hash
// (`split.of`), so the words of one file are never joined to the figures of another. The core
// reads a figures part as the whole file less its words (src/data/types.rs, `Split`).

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
 * Cut the parsed whole file `whole` in two: { figures, words }. `of` is the whole file's content
 * hash; the records whose id is in `keep` keep their words in the figures part. `whole` is not
 * changed.
 */
export function splitDataset(whole, of, keep = new Set()) {
  const figures = { ...whole, split: { part: 'figures', of } };
  const words = { split: { part: 'words', of } };
  for (const [list, fields] of Object.entries(WORD_FIELDS)) {
    if (!Array.isArray(whole[list])) continue;
    words[list] = {};
    figures[list] = whole[list].map((record) => {
      if (!isObject(record) || keep.has(record.id)) return record;
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
  return { figures, words };
}

/**
 * Add the words part `words` to the figures part `figures`, in place (every index of its records
 * then sees the words), and mark it whole. Returns null, or the reason the parts do not belong
 * together (then nothing is changed).
 */
export function joinWords(figures, words) {
  const of = isObject(figures) && isObject(figures.split) ? figures.split.of : undefined;
  if (!isObject(words) || !isObject(words.split) || words.split.part !== 'words') return 'not the words of a dataset file';
  if (typeof of !== 'string' || words.split.of !== of) return `the words are of another version of the file (${String(words.split.of)}, not ${String(of)})`;
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
