// The calculator's form: the preset buttons and one control per input spec. DOM only; the
// calculator owns the state and gets every change through the callbacks.

import { h } from './dom.js';
import { inputText, originText } from './calculator-text.js';

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
 * slider's change event).
 * Returns { el, input, output, error }; the calculator fills in value and error.
 */
export function buildControl(ctx, spec, onInput) {
  const { t } = ctx;
  const id = `in-${spec.field}`;
  const output = h('output', { id: `out-${spec.field}`, class: 'control-value', attrs: { for: id } });
  const error = h('p', { class: 'control-error', hidden: true, attrs: { role: 'alert' } });
  const originEl = h('p', { class: 'control-origin', id: `origin-${spec.field}` }, originText(ctx, spec));
  const help = t.has(`calculator.inputs.${spec.field}.help`)
    ? h('p', { class: 'control-help', id: `help-${spec.field}` }, t(`calculator.inputs.${spec.field}.help`))
    : null;
  const describedBy = [help && `help-${spec.field}`, `origin-${spec.field}`].filter(Boolean).join(' ');
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
    ends,
    help,
    originEl,
    error,
  );
  return { el, input, output, error };
}
