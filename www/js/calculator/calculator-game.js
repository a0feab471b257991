// The strategy game in words: the 2×2 table at the reader's AGI year (each side's NPV and
// value per unit invested for the four pairs of strategies, best replies and equilibria
// marked), how sure the Monte Carlo is of the US firms' choice, and "Steadier?" (the risk
// chart's table, tooltip and one sentence per side). Functions of the context `ctx` and the
// core's results: every figure is the engine's (projection.game, monteCarlo.*_risk).

import { h, morph } from '../lib/dom.js';
import { sideMoney, valueText, joinSentences } from './calculator-text.js';

const STRATEGIES = ['sprint', 'pace'];
const SIDES = ['us', 'cn'];
/** The risk chart's bars, in its order (src/charts/risk_chart.rs). */
const RISK_PATHS = ['us_sprint', 'us_pace', 'cn_sprint', 'cn_pace'];

/** A fraction as a percentage with at most one decimal ("14.5", "21"). */
const percentOf = (ctx, fraction) => ctx.fmt.number(fraction * 100, 1);

const cellOf = (game, us, cn) => game.cells.find((c) => c.us_strategy === us && c.cn_strategy === cn);

/**
 * The marks of one cell: which sides' strategy there is a best reply to the other's (with its
 * call: a best reply can be too close to call), and whether the pair is an equilibrium.
 */
function cellMarks(game, us, cn) {
  const usReply = game.us_best_responses.find((r) => r.against === cn && r.best === us);
  const cnReply = game.cn_best_responses.find((r) => r.against === us && r.best === cn);
  return {
    us: usReply || null,
    cn: cnReply || null,
    equilibrium: game.equilibria.some((e) => e.us === us && e.cn === cn),
  };
}

/** One side's figures in a cell, in words: its NPV, its value per unit invested, its best-reply mark (or null). */
function sideFigures(ctx, p, cell, side, reply) {
  const { t } = ctx;
  return {
    npv: sideMoney(ctx, side, cell[`${side}_npv`], p.cny_per_usd),
    perUnit: valueText(ctx, cell[`${side}_value_per_unit`]),
    mark: reply ? t(`calculator.game.${reply.call === 'too_close_to_call' ? 'best_close' : 'best'}`) : null,
  };
}

/** One side's line in a cell: its NPV, its value per unit invested and its best-reply mark. */
function sideLine(ctx, p, cell, side, reply) {
  const { t } = ctx;
  const { npv, perUnit, mark } = sideFigures(ctx, p, cell, side, reply);
  const space = ctx.lang === 'en' ? ' ' : '';
  return h(
    'p',
    { class: ['game-side', `game-${side}`, reply && 'game-best'] },
    h('span', { class: 'game-who' }, t(`calculator.firms_label.${side}`)),
    space,
    t('calculator.game.npv', { money: npv }),
    ctx.lang === 'en' ? ' · ' : '；',
    t('calculator.game.per_unit', { value: perUnit }),
    mark ? [space, h('span', { class: 'game-mark' }, mark)] : null,
  );
}

/** The table's caption: the reader's AGI year and the discount rate. */
function gameCaption(ctx, game, scenario) {
  const { t } = ctx;
  const agi = typeof game.agi_year === 'number' ? t('calculator.at.agi_in', { year: ctx.fmt.year(game.agi_year) }) : t('calculator.at.no_agi');
  return t('calculator.game.caption', { agi, rate: `${ctx.fmt.number(scenario.discount_rate, 2)}%` });
}

/** The table: rows the US firms' strategy, columns China's; each cell both sides' figures. */
function gameTable(ctx, p, scenario) {
  const { t } = ctx;
  const { game } = p;
  const cell = (us, cn) => {
    const c = cellOf(game, us, cn);
    const marks = cellMarks(game, us, cn);
    // On phones the table stacks: each cell then names China's strategy itself.
    return h(
      'td',
      { class: ['game-cell', marks.equilibrium && 'game-equilibrium'], dataset: { us, cn, column: t(`calculator.sides.cn_${cn}`) } },
      sideLine(ctx, p, c, 'us', marks.us),
      sideLine(ctx, p, c, 'cn', marks.cn),
      marks.equilibrium ? h('p', { class: 'game-eq-mark' }, t('calculator.game.equilibrium')) : null,
    );
  };
  return h(
    'table',
    { class: 'game-table' },
    h('caption', {}, gameCaption(ctx, game, scenario)),
    h(
      'thead',
      {},
      h('tr', {}, h('td', { class: 'game-corner' }, t('calculator.game.corner')), STRATEGIES.map((cn) => h('th', { attrs: { scope: 'col' } }, t(`calculator.sides.cn_${cn}`)))),
    ),
    h(
      'tbody',
      {},
      STRATEGIES.map((us) => h('tr', {}, h('th', { attrs: { scope: 'row' } }, t(`calculator.sides.us_${us}`)), STRATEGIES.map((cn) => cell(us, cn)))),
    ),
  );
}

/**
 * One side's reading of its best replies: the same answer whatever the other side does
 * ("Whatever China does, pacing pays the US firms"), too close to call either way, or what
 * it depends on.
 */
function sideReading(ctx, side, replies) {
  const { t } = ctx;
  const calls = STRATEGIES.map((against) => replies.find((r) => r.against === against).call);
  if (calls[0] === calls[1]) {
    if (calls[0] === 'too_close_to_call') return t(`calculator.game.reading.${side}_close`);
    return t(`calculator.game.reading.${side}_same`, { call: t(`calculator.call_words.${calls[0]}`) });
  }
  const [ifSprint, ifPace] = calls.map((call) => t(`calculator.call_words.${call}`));
  return t(`calculator.game.reading.${side}_depends`, { if_sprint: ifSprint, if_pace: ifPace });
}

/** The equilibria in words: none, one or several (never one picked silently). */
function equilibriaSentence(ctx, game) {
  const { t } = ctx;
  const list = game.equilibria;
  if (!list.length) return t('calculator.game.equilibria.none');
  const verb = (s) => t(`calculator.game.verb.${s}`);
  const pairs = ctx.fmt.joined(list.map((e) => t('calculator.game.pair', { us: verb(e.us), cn: verb(e.cn) })), '; ');
  return t(`calculator.game.equilibria.${list.length === 1 ? 'one' : 'many'}`, { pairs, n: ctx.fmt.number(list.length, 0) });
}


/** The smallest reach the separate sentence names (bn, in the side's currency). */
const SEPARATE_FLOOR_BN = 0.01;

/**
 * How much the other side's choice moves a side's NPV (the largest change over its own two
 * strategies), said only when neither side's moves beyond its band: then the two choices are
 * separate, and "answering with its best reply" changes nothing.
 */
function separateSentence(ctx, p) {
  const reach = (side) => {
    const other = side === 'us' ? 'cn_strategy' : 'us_strategy';
    const own = side === 'us' ? 'us_strategy' : 'cn_strategy';
    return Math.max(
      ...STRATEGIES.map((s) => {
        const [a, b] = p.game.cells.filter((c) => c[own] === s).sort((x, y) => (x[other] < y[other] ? -1 : 1));
        return Math.abs(a[`${side}_npv`] - b[`${side}_npv`]);
      }),
    );
  };
  const reaches = Object.fromEntries(SIDES.map((side) => [side, reach(side)]));
  // Beyond the band at the reader's AGI year (the engine's `band`), the choices interact.
  if (SIDES.some((side) => reaches[side] > p[`${side}_choice`].at_agi_year.band)) return '';
  // "At most" a floor of US$/¥10 m rather than a bare 0: a bound, not false precision.
  const money = (side) => sideMoney(ctx, side, Math.max(reaches[side], SEPARATE_FLOOR_BN), p.cny_per_usd);
  return ctx.t('calculator.game.separate', { us: money('us'), cn: money('cn') });
}

/** The table's reading: each side's best replies, the equilibria, and whether the choices are separate. */
const gameReading = (ctx, p) =>
  joinSentences(ctx, [...SIDES.map((side) => sideReading(ctx, side, p.game[`${side}_best_responses`])), equilibriaSentence(ctx, p.game), separateSentence(ctx, p)]);

/**
 * The table as rows of words for the results CSV: its title and caption, a head, one row per
 * pair (each side's NPV, value per unit invested and best-reply mark, and the equilibrium
 * mark, as the page writes them; `no` where the page marks nothing) and the reading.
 */
export function gameRows(ctx, p, scenario) {
  const { t } = ctx;
  const no = t('share.csv.game.no');
  const sideHead = (side) =>
    ['npv', 'per_unit', 'best_reply'].map((output) => t('share.csv.side_column', { side: t(`calculator.firms_label.${side}`), output: t(`share.csv.game.${output}`) }));
  const rows = STRATEGIES.flatMap((us) =>
    STRATEGIES.map((cn) => {
      const cell = cellOf(p.game, us, cn);
      const marks = cellMarks(p.game, us, cn);
      const side = (name) => {
        const { npv, perUnit, mark } = sideFigures(ctx, p, cell, name, marks[name]);
        return [npv, perUnit, mark || no];
      };
      return [t(`calculator.game.verb.${us}`), t(`calculator.game.verb.${cn}`), ...side('us'), ...side('cn'), marks.equilibrium ? t('calculator.game.equilibrium') : no];
    }),
  );
  return [
    [t('calculator.game.title')],
    [gameCaption(ctx, p.game, scenario)],
    [t('share.csv.game.us_strategy'), t('share.csv.game.cn_strategy'), ...sideHead('us'), ...sideHead('cn'), t('share.csv.game.equilibrium')],
    ...rows,
    [gameReading(ctx, p)],
  ];
}

/**
 * Everything of the projection and the scenario the table and its reading are made from (with
 * the block's ctx): the game, the rate of exchange, each side's band at the reader's AGI year,
 * the discount rate. Keep it whole: the block is built again only when this changes.
 */
const gameInputs = (p, scenario) =>
  JSON.stringify([p.game, p.cny_per_usd, p.us_choice?.at_agi_year?.band, p.cn_choice?.at_agi_year?.band, scenario.discount_rate]);

/**
 * The game block: heading, the table and its reading. `update(projection, scenario)` changes
 * the table only when what it is made from changed (a slider move usually leaves the game as
 * it was: then nothing is built, which took about 5 ms a frame on a phone), and then in place.
 */
export function gameBlock(ctx) {
  const { t } = ctx;
  const tableSlot = h('div', { class: 'game-table-slot' });
  const readingEl = h('p', { class: 'game-reading' });
  const el = h(
    'section',
    { class: 'calc-game', id: 'calc-game', attrs: { 'aria-labelledby': 'calc-game-heading' } },
    h('h3', { id: 'calc-game-heading' }, t('calculator.game.title')),
    tableSlot,
    readingEl,
  );
  let shown = '';
  return {
    el,
    update(p, scenario) {
      if (!p || !p.game) return;
      const inputs = gameInputs(p, scenario);
      if (inputs === shown) return;
      shown = inputs;
      const table = gameTable(ctx, p, scenario);
      if (tableSlot.firstChild) morph(tableSlot.firstChild, table);
      else tableSlot.append(table);
      const reading = gameReading(ctx, p);
      if (readingEl.textContent !== reading) readingEl.textContent = reading;
    },
  };
}

// ---- how sure --------------------------------------------------------------------------------

/**
 * The US firms' shares of scenarios in which sprinting pays, pacing pays or it is too close
 * to call, largest first: [{call, share}] with share in percent (one decimal), or [] without a
 * Monte Carlo run.
 */
function usShares(ctx, mc) {
  if (!mc || typeof mc.us_share_sprint_pays !== 'number') return [];
  return [
    { call: 'sprint', fraction: mc.us_share_sprint_pays },
    { call: 'pace', fraction: mc.us_share_pace_pays },
    { call: 'too_close_to_call', fraction: mc.us_share_too_close },
  ]
    .sort((a, b) => b.fraction - a.fraction)
    .map(({ call, fraction }) => ({ call, share: percentOf(ctx, fraction) }));
}

/**
 * "How sure, as a share of scenarios: …" after the US firms' choice: each call with a swatch
 * in its colour (too close to call grey, a state of its own). Returns {nodes, text}: empty
 * without a Monte Carlo run.
 */
export function certainty(ctx, mc) {
  const { t } = ctx;
  const shares = usShares(ctx, mc);
  if (!shares.length) return { nodes: [], text: '' };
  const item = ({ call, share }) => t('calculator.game.certainty.item', { call: t(`calculator.call_words.${call}`), share });
  const separator = ctx.lang === 'en' ? ', ' : '、';
  const template = t('calculator.game.certainty.sentence', { items: '\u0000', runs: ctx.fmt.number(mc.runs, 0) });
  const [before, after] = template.split('\u0000');
  const nodes = [
    before,
    shares.map((s, i) => [
      i ? separator : '',
      h('span', { class: ['calc-share', `call-${s.call}`] }, h('span', { class: ['swatch', `call-${s.call}`], attrs: { 'aria-hidden': 'true' } }), item(s)),
    ]),
    after,
  ];
  return { nodes, text: `${before}${shares.map(item).join(separator)}${after}` };
}

// ---- steadier? ------------------------------------------------------------------------------

/** A side's figures for the words: share losing, P10, peak funding need in its money. */
function riskWords(ctx, cnyPerUsd, side, figures) {
  return {
    share: percentOf(ctx, figures.share_loss),
    p10: sideMoney(ctx, side, figures.npv_p10, cnyPerUsd),
    need: sideMoney(ctx, side, figures.peak_funding_need, cnyPerUsd),
  };
}

/**
 * One sentence per side: which path is steadier (the engine's verdict: better by more than 5%
 * on some measure and worse by more than that on none), about as steady, or mixed, with both
 * paths' figures. [] without a run.
 */
export function riskSentences(ctx, mc, cnyPerUsd) {
  const { t } = ctx;
  if (!mc || !mc.us_risk) return [];
  return SIDES.map((side) => {
    const r = mc[`${side}_risk`];
    const sprint = riskWords(ctx, cnyPerUsd, side, r.sprint);
    const pace = riskWords(ctx, cnyPerUsd, side, r.pace);
    const sideName = t(`calculator.firms.${side}`);
    if (r.steadier === 'sprint' || r.steadier === 'pace') {
      const [steady, other] = r.steadier === 'sprint' ? [sprint, pace] : [pace, sprint];
      return t(`calculator.game.risk.${r.steadier}`, {
        side: sideName,
        steady: steady.share,
        other: other.share,
        steady_p10: steady.p10,
        other_p10: other.p10,
        steady_need: steady.need,
        other_need: other.need,
      });
    }
    return t(`calculator.game.risk.${r.steadier}`, {
      side: sideName,
      sprint: sprint.share,
      pace: pace.share,
      sprint_p10: sprint.p10,
      pace_p10: pace.p10,
      sprint_need: sprint.need,
      pace_need: pace.need,
    });
  });
}

/** A path's risk figures ('us_sprint' → mc.us_risk.sprint). */
const riskOf = (mc, path) => mc[`${path.slice(0, 2)}_risk`][path.slice(3)];

/** The cells of a path's row: share losing, P10, peak funding need and its multiple. */
function riskCells(ctx, mc, cnyPerUsd, path) {
  const side = path.slice(0, 2);
  const r = riskOf(mc, path);
  const words = riskWords(ctx, cnyPerUsd, side, r);
  return [`${words.share}%`, words.p10, words.need, ctx.t('calculator.game.risk.multiple', { x: ctx.fmt.number(r.peak_funding_need_to_ocf, 1) })];
}

/** The risk chart's table: one row per path. */
export function riskTable(ctx, mc, cnyPerUsd) {
  const { t } = ctx;
  return {
    head: ['path', 'share_loss', 'npv_p10', 'peak_need', 'need_multiple'].map((k) => t(`calculator.game.risk.${k}`)),
    rows: RISK_PATHS.map((path) => [t(`calculator.sides.${path}`), ...riskCells(ctx, mc, cnyPerUsd, path)]),
  };
}

/** The tooltip of a bar of the risk chart, or null. */
export function describeRiskHit(ctx, mc, cnyPerUsd, mark) {
  if (!mc || !RISK_PATHS.includes(mark)) return null;
  const { t } = ctx;
  const [share, p10, need, multiple] = riskCells(ctx, mc, cnyPerUsd, mark);
  return [
    { text: t(`calculator.sides.${mark}`), class: 'tooltip-title' },
    { text: ctx.fmt.labelled(t('calculator.game.risk.share_loss'), share), class: 'tooltip-value' },
    { text: ctx.fmt.labelled(t('calculator.game.risk.npv_p10'), p10), class: null },
    { text: `${ctx.fmt.labelled(t('calculator.game.risk.peak_need'), need)}${ctx.fmt.aside(multiple)}`, class: 'tooltip-period' },
  ];
}
