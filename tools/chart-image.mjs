// Charts below the first screen, baked as SVG files of their own that the page shows as lazy
// images (tools/bake.mjs): the first HTML carries only the first chart's drawing, so it stays
// small, and a reader with JavaScript off still sees every chart (browsers load every image
// when scripts are off, and for print). An image cannot see the page's style sheet, so each
// file carries its own: the same rules as css/chart.css's for the inline drawing, with the
// page's own colour values, light and dark.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const CHART_CSS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'www', 'css', 'chart.css');

/**
 * The rules of css/chart.css that give a baked drawing the reader's colours, without their
 * `.chart-svg` scope: [{ selector, property, variable }].
 */
export function colourRules(css = fs.readFileSync(CHART_CSS, 'utf8')) {
  const rules = [...css.matchAll(/\.chart-svg (\[[^\]]+\]) \{\s*(fill|stroke): var\((--[\w-]+)\);\s*\}/g)];
  if (!rules.length) throw new Error('css/chart.css has no .chart-svg colour rule');
  return rules.map(([, selector, property, variable]) => ({ selector, property, variable }));
}

/** The media query at which css/chart.css shows a chart's wide drawing instead of its narrow one. */
export function wideMedia(css = fs.readFileSync(CHART_CSS, 'utf8')) {
  const found = /@media (\([^)]*\)) \{\s*\.chart-svg-narrow \{\s*display: none;/.exec(css);
  if (!found) throw new Error('css/chart.css no longer hides .chart-svg-narrow at a min-width');
  return found[1];
}

/**
 * `markup` (one drawing as the core wrote it, slimmed) as a file: its colours from a style sheet
 * inside it, light unless the system is dark, and the page's ?theme when the image's address
 * ends in #light or #dark (js/head.js adds it; the fragment names the group it targets).
 * `palette` holds the page's values of the rules' variables: { light: {'--bg': …}, dark: {…} }.
 */
export function chartImage(markup, rules, palette) {
  const values = (scheme) => Object.entries(palette[scheme]).map(([name, value]) => `${name}:${value}`).join(';');
  const style = [
    `:root{${values('light')}}`,
    `@media screen and (prefers-color-scheme:dark){:root{${values('dark')}}}`,
    `#light:target{${values('light')}}`,
    `#dark:target{${values('dark')}}`,
    ...rules.map(({ selector, property, variable }) => `${selector}{${property}:var(${variable})}`),
  ].join('\n');
  const open = /^<svg\b[^>]*>/.exec(markup);
  if (!open || !markup.trimEnd().endsWith('</svg>')) throw new Error('not one <svg> element');
  const root = open[0].replace(/ (width|height)="[^"]*"/g, '');
  const body = markup.slice(open[0].length, markup.trimEnd().length - '</svg>'.length);
  return `${root}<style>\n${style}\n</style><g id="light"><g id="dark">${body}</g></g></svg>\n`;
}
