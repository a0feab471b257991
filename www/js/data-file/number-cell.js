// Number cells as editors type them: full-width characters, thousands separators, 万 / 亿 /
// 万亿 read into the row's unit exactly, or refused with how to write them.

/** What each unit counts, with the README's example; `power` is 10^power of the thing counted. */
const UNITS = {
  usd_bn: { words: 'billions of US dollars', currency: 'usd', power: 9, example: '364 for 3640亿美元' },
  cny_bn: { words: 'billions of yuan', currency: 'cny', power: 9, example: '380 for 3800亿元' },
  usd_m: { words: 'millions of US dollars', currency: 'usd', power: 6, example: '130 for 1.3亿美元' },
  cny_m: { words: 'millions of yuan', currency: 'cny', power: 6, example: '7.475 for 747.5万元' },
  percent: { words: 'a percentage on a 0–100 scale', example: '27 for 27%' },
  multiple: { words: 'times', example: '17 for 17倍' },
  count_m: { words: 'millions of things', power: 6, example: '650 for 6.5亿' },
  count: { words: 'a plain count', power: 0, example: '40 for 40人' },
  gw: { words: 'gigawatts', example: '59 for 59GW' },
};

const MAGNITUDES = { 万: 4, 亿: 8, 万亿: 12 };
const CURRENCY_WORDS = { 元: 'cny', 人民币: 'cny', 元人民币: 'cny', 美元: 'usd', 美金: 'usd' };
const CURRENCY_NAMES = { usd: 'US dollars', cny: 'yuan' };

const NUMBER_CELL =
  /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?\s*(万亿|亿|万|兆)?\s*(元人民币|人民币|元|美元|美金)?\s*(%)?$/;

/** Full-width digits, signs, point, comma and space (what Chinese input methods type) as ASCII. */
function halfWidth(cell) {
  return cell
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\u3000\u00A0]/g, ' ')
    .replace(/\u2212/g, '-')
    .trim();
}

/** `digits` (integer and fraction) times 10^shift, by moving the point: exact, no rounding. */
function shiftPoint(sign, integer, fraction, shift) {
  let digits = integer + fraction;
  let point = integer.length + shift;
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  digits = digits.padEnd(point, '0');
  return Number(`${sign}${digits.slice(0, point) || '0'}.${digits.slice(point) || '0'}`);
}

/**
 * Reads a number cell. For `value` and `value_high` pass the row's unit: then 万, 亿 and 万亿,
 * a currency word that agrees with the unit, and % in a percent cell are accepted and converted
 * exactly into the unit (3800亿 in cny_bn → 380). Anything that would need a guess is refused
 * with how to write it. Other number cells (years, rates) take plain numbers only.
 * @param {string} cell
 * @param {{unit?: string, example?: string}} expect  the row's unit, or an example for plain numbers
 * @returns {{value: number} | {problem: string}}
 */
export function readNumberCell(cell, { unit, example } = {}) {
  const text = halfWidth(cell);
  const match = NUMBER_CELL.exec(text);
  const unitInfo = UNITS[unit];
  const howTo = unitInfo
    ? `write the number in ${unit} (${unitInfo.words}), e.g. ${unitInfo.example}`
    : `write a plain number, e.g. ${example ?? '380'}`;
  const refuse = (why) => ({ problem: `"${cell}" ${why}; ${howTo}` });
  if (!match) {
    if (/^[+-]?\d+,\d+$/.test(text.replace(/[^\d,+-]/g, ''))) return refuse('uses a comma that is not a thousands separator (a decimal point is written ".")');
    return refuse('is not a number');
  }
  const [, sign, integer, fraction = '', exponent, magnitude, currencyWord, percent] = match;
  const plain = Number(`${sign}${integer.replaceAll(',', '')}.${fraction || '0'}${exponent ? `e${exponent}` : ''}`);
  // Digits past what a number can hold (1e999) would reach the file as null: say so here.
  if (!Number.isFinite(plain)) return refuse('is too large to be a number');
  if (!magnitude && !currencyWord && !percent) return { value: plain };
  const suffix = text.slice(text.search(/[万亿兆元人美%]/));
  if (!unitInfo) return refuse(`has "${suffix}" in it, which can only be read once unit is one of ${Object.keys(UNITS).join(', ')}`);
  if (percent) {
    return unit === 'percent' && !magnitude && !currencyWord && !exponent ? { value: plain } : refuse(`has "${suffix}" in it, which does not fit unit ${unit}`);
  }
  if (magnitude === '兆') return refuse('uses 兆, which means a million in some places and a trillion in others');
  if (exponent) return refuse('mixes an exponent with a Chinese unit');
  const currency = CURRENCY_WORDS[currencyWord];
  if (currency && !unitInfo.currency) return refuse(`is money (${currencyWord}) but unit ${unit} is not`);
  const digits = integer.replaceAll(',', '');
  if (currency && currency !== unitInfo.currency) {
    const sameScale = Object.keys(UNITS).find((u) => UNITS[u].currency === currency && UNITS[u].power === unitInfo.power);
    const converted = magnitude ? ` and write ${shiftPoint(sign, digits, fraction, MAGNITUDES[magnitude] - unitInfo.power)}` : '';
    return {
      problem: `"${cell}" is in ${CURRENCY_NAMES[currency]} but unit ${unit} is ${unitInfo.words}; money stays in the currency the source used: set unit ${sameScale}${converted}`,
    };
  }
  if (!magnitude) return refuse(`has "${currencyWord}" without 万 or 亿, so its scale is unclear`);
  if (unitInfo.power === undefined) return refuse(`uses ${magnitude}, which does not fit unit ${unit}`);
  const value = shiftPoint(sign, digits, fraction, MAGNITUDES[magnitude] - unitInfo.power);
  return Number.isFinite(value) ? { value } : refuse('is too large to be a number');
}
