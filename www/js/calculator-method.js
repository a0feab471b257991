// "How this is calculated": the method's paragraphs, then every input's default, range and
// origin in one table.

import { h } from './dom.js';
import { valueText, rangeText, originText } from './calculator-text.js';
import { tableRegion } from './calculator-outputs.js';

/** The block for `specs` with their `defaults`; `scenario` is the current one (horizon). */
export function methodSection(ctx, specs, defaults, scenario) {
  const { t } = ctx;
  const paragraphs = t.raw('calculator.how.paragraphs');
  const heading = t('calculator.method.defaults_heading');
  const rows = specs.map((spec) => [
    t(`calculator.inputs.${spec.field}.label`),
    spec.field in defaults ? valueText(ctx, spec, defaults[spec.field], scenario.horizon_end) : '–',
    spec.range ? rangeText(ctx, spec) : t('calculator.method.choice', { count: spec.options.length }),
    originText(ctx, spec),
  ]);
  return h(
    'details',
    { class: 'calc-method', id: 'how-calculated' },
    h('summary', {}, t('calculator.how.title')),
    Array.isArray(paragraphs) ? paragraphs.map((p) => h('p', {}, String(p))) : null,
    h('h3', {}, heading),
    tableRegion(
      heading,
      'defaults',
      ['input', 'default', 'range', 'origin'].map((c) => t(`calculator.method.col.${c}`)),
      rows,
    ),
  );
}
