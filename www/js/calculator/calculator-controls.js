// The calculator's form: the preset buttons and one control per input spec. DOM only; the
// calculator owns the state and gets every change through the callbacks.

import { h } from '../lib/dom.js';
import { inputText, originText, choiceWords } from './calculator-text.js';

/** The preset bar's content: its label, one button per preset, then "reset" (onPreset(null)). */
export function presetButtons(ctx, presets, onPreset) {
  const { t } = ctx;
  return [
    h('span', { id: 'presets-label', class: 'switch-label' }, t('calculator.presets_label')),
    presets.map((id) =>
      h(
        'button',
        {
          type: 'button',
          class: 'preset',
          title: t.has(`calculator.presets.${id}.description`) ? t(`calculator.presets.${id}.description`) : null,
          dataset: { preset: id },
          attrs: { 'aria-pressed': 'false' },
          on: { click: () => onPreset(id) },
        },
        t(`calculator.presets.${id}.name`),
      ),
    ),
    h('button', { type: 'button', class: 'preset preset-reset', on: { click: () => onPreset(null) } }, t('calculator.reset')),
  ];
}

/**
 * One input's control: label and live value, a slider with its ends, help, origin and error
 * line. Calls onInput(spec, raw, final) on every move (`final` once the reader lets go: the
 * slider's change event). `track`: drawn under the slider, in line with it; `note`: a line
 * under the slider's ends, part of its description (the AGI year's call strip).
 * Returns { el, input, output, error }; the calculator fills in value and error.
 */
export function buildControl(ctx, spec, onInput, { track = null, note = null } = {}) {
  const { t } = ctx;
  const id = `in-${spec.field}`;
  const output = h('output', { id: `out-${spec.field}`, class: 'control-value', attrs: { for: id } });
  const error = h('p', { class: 'control-error', hidden: true, attrs: { role: 'alert' } });
  const originEl = h('p', { class: 'control-origin', id: `origin-${spec.field}` }, originText(ctx, spec));
  const help = t.has(`calculator.inputs.${spec.field}.help`)
    ? h('p', { class: 'control-help', id: `help-${spec.field}` }, t(`calculator.inputs.${spec.field}.help`))
    : null;
  const describedBy = [note && note.id, help && `help-${spec.field}`, `origin-${spec.field}`].filter(Boolean).join(' ');
  const input = h('input', {
    type: 'range',
    id,
    min: String(spec.range.min),
    max: String(spec.range.max),
    step: String(spec.range.step),
    attrs: { 'aria-describedby': describedBy },
  });
  input.addEventListener('input', () => onInput(spec, input.value, false));
  input.addEventListener('change', () => onInput(spec, input.value, true));
  const ends = h(
    'p',
    { class: 'range-ends', attrs: { 'aria-hidden': 'true' } },
    h('span', {}, inputText(ctx, spec, spec.range.min)),
    h('span', {}, inputText(ctx, spec, spec.range.max)),
  );
  const el = h(
    'div',
    { class: ['control', 'control-range'], dataset: { field: spec.field } },
    h('div', { class: 'control-head' }, h('label', { attrs: { for: id } }, t(`calculator.inputs.${spec.field}.label`)), output),
    input,
    track,
    ends,
    note,
    help,
    originEl,
    error,
  );
  /** Show `value` (as the scenario holds it) and its words. */
  const show = (value, text) => {
    if (input.value !== String(value)) input.value = String(value);
    if (output.textContent !== text) {
      output.textContent = text;
      input.setAttribute('aria-valuetext', text);
    }
  };
  return { el, show, error };
}

/**
 * Whether `spec` is a choice between two framings (values 0 and 1, each with its words in
 * calculator.inputs.<field>.option_0/1): it gets radio buttons, not a slider.
 */
export function isChoice(ctx, spec) {
  return choiceWords(ctx, spec) !== null;
}

/**
 * A choice input's control: a fieldset of two radio buttons (their value is what the URL
 * writes, 0 or 1), help, origin and error line. Calls onInput(spec, value, true) on a choice.
 * Returns { el, show, error }, as buildControl does.
 */
export function buildChoiceControl(ctx, spec, onInput) {
  const { t } = ctx;
  const name = `in-${spec.field}`;
  const error = h('p', { class: 'control-error', hidden: true, attrs: { role: 'alert' } });
  const help = t.has(`calculator.inputs.${spec.field}.help`) ? h('p', { class: 'control-help' }, t(`calculator.inputs.${spec.field}.help`)) : null;
  const radios = [0, 1].map((value) => {
    const radio = h('input', { type: 'radio', name, id: `${name}-${value}`, value: String(value) });
    radio.addEventListener('change', () => radio.checked && onInput(spec, radio.value, true));
    return radio;
  });
  const el = h(
    'fieldset',
    { class: ['control', 'control-choice'], dataset: { field: spec.field } },
    h('legend', {}, t(`calculator.inputs.${spec.field}.label`)),
    h(
      'div',
      { class: 'choice-options' },
      radios.map((radio, value) => h('label', { class: 'choice-option' }, radio, ' ', t(`calculator.inputs.${spec.field}.option_${value}`))),
    ),
    help,
    h('p', { class: 'control-origin' }, originText(ctx, spec)),
    error,
  );
  const show = (value) => {
    for (const radio of radios) {
      const checked = radio.value === String(value);
      if (radio.checked !== checked) radio.checked = checked;
    }
  };
  return { el, show, error };
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The three calls, in the strip's legend order. */
const CALLS = ['sprint', 'pace', 'too_close_to_call'];

/**
 * The strip under the AGI-year slider: the slider's steps coloured by the US firms' call if AGI
 * arrives that year (sprinting pays, pacing pays, too close to call; the last step "no AGI by
 * 2060"), one rectangle per run of steps with the same call, so the break-even year is where
 * the colour changes; and a note that says it. Returns { track, note, update(projection) }
 * (buildControl's `track` and `note`).
 */
export function agiCallStrip(ctx, spec) {
  const { t } = ctx;
  const steps = Math.round((spec.range.max - spec.range.min) / spec.range.step) + 1;
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('class', 'agi-strip');
  svg.setAttribute('viewBox', `0 0 ${steps} 1`);
  svg.setAttribute('preserveAspectRatio', 'none');
  svg.setAttribute('shape-rendering', 'crispEdges');
  svg.setAttribute('aria-hidden', 'true');
  const caption = h('span', { class: 'agi-strip-text' });
  const note = h(
    'p',
    { class: 'agi-strip-legend', id: `strip-${spec.field}` },
    CALLS.map((call) => [h('span', { class: `swatch call-${call}`, attrs: { 'aria-hidden': 'true' } }), t(`calculator.agi_strip.${call}`), ' ']),
    caption,
  );
  return {
    track: svg,
    note,
    /** Colour the steps from `projection` (null: leave them blank) and say where it changes. */
    update(projection) {
      const choice = projection && projection.us_choice;
      const calls = new Map((choice ? choice.by_agi_year : []).map((pt) => [pt.agi_year, pt.call]));
      const callAt = (i) => (i === steps - 1 && choice ? choice.without_agi.call : calls.get(spec.range.min + i * spec.range.step));
      const runs = [];
      for (let i = 0; i < steps; i++) {
        const call = callAt(i);
        if (!call) continue;
        const last = runs[runs.length - 1];
        if (last && last.call === call && last.x + last.width === i) last.width += 1;
        else runs.push({ call, x: i, width: 1 });
      }
      while (svg.childElementCount > runs.length) svg.lastElementChild.remove();
      while (svg.childElementCount < runs.length) {
        const rect = document.createElementNS(SVG_NS, 'rect');
        rect.setAttribute('height', '1');
        svg.append(rect);
      }
      // Attributes only where they changed: this runs on every frame of a slider drag.
      const set = (el, name, value) => el.getAttribute(name) !== value && el.setAttribute(name, value);
      runs.forEach((run, i) => {
        const rect = svg.children[i];
        set(rect, 'x', String(run.x));
        set(rect, 'width', String(run.width));
        set(rect, 'class', `call-${run.call}`);
      });
      const close = choice && choice.runs.some((run) => run.call === 'too_close_to_call');
      const everyYear = choice && (choice.kind === 'always' || choice.kind === 'never');
      const key = choice && (choice.kind === 'too_close_to_call' ? 'kind_too_close_to_call' : everyYear && close ? `${choice.kind}_except` : choice.kind);
      const year = choice && typeof choice.break_even_agi_year === 'number' ? ctx.fmt.year(choice.break_even_agi_year) : '';
      const text = choice ? t(`calculator.agi_strip.${key}`, { year }) : '';
      if (caption.textContent !== text) caption.textContent = text;
    },
  };
}
