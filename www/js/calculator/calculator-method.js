// "How this is calculated": the method's paragraphs, then every input's default, range and
// origin in one table, and the model's fixed figures with their sources in another. Built the
// first time it opens (a closed block costs no DOM); without JavaScript the tables page has it.

import { h } from '../lib/dom.js';
import { inputText, readerRangeText, originText, constantText, constantOrigin } from './calculator-text.js';
import { tableRegion } from './calculator-outputs.js';
import { lazyDetails } from '../page/tables.js';

/** The block's id: the tables page keeps it under the same name (tools/bake.mjs). */
export const METHOD_ID = 'how-calculated';

/** The block for `specs` with their `defaults`, and the model's `constants`. */
export function methodSection(ctx, specs, defaults, constants) {
  const { t } = ctx;
  const details = lazyDetails(ctx, {
    className: 'calc-method',
    summary: t('calculator.how.title'),
    fallback: { text: t('calculator.method.fallback'), href: `tables.html#${METHOD_ID}` },
    build: () => methodContent(ctx, specs, defaults, constants),
  });
  details.id = METHOD_ID;
  return details;
}

function methodContent(ctx, specs, defaults, constants) {
  const { t } = ctx;
  const paragraphs = t.raw('calculator.how.paragraphs');
  const heading = t('calculator.method.defaults_heading');
  const constantsHeading = t('calculator.method.constants_heading');
  return [
    Array.isArray(paragraphs) ? paragraphs.map((p) => h('p', {}, String(p))) : null,
    h('h3', {}, heading),
    tableRegion(
      heading,
      'defaults',
      ['input', 'default', 'range', 'origin'].map((c) => t(`calculator.method.col.${c}`)),
      specs.map((spec) => [
        t(`calculator.inputs.${spec.field}.label`),
        spec.field in defaults ? inputText(ctx, spec, defaults[spec.field]) : '–',
        readerRangeText(ctx, spec),
        originText(ctx, spec),
      ]),
    ),
    h('h3', {}, constantsHeading),
    tableRegion(
      constantsHeading,
      'defaults',
      ['constant', 'value', 'plausible', 'origin'].map((c) => t(`calculator.method.col.${c}`)),
      constants.map((c) => [
        t(`calculator.constants.${c.name}`),
        constantText(ctx, c.name, c.value),
        c.plausible[0] === c.plausible[1] ? '–' : `${constantText(ctx, c.name, c.plausible[0])} – ${constantText(ctx, c.name, c.plausible[1])}`,
        constantOrigin(ctx, c, constants),
      ]),
    ),
  ].flat();
}
