// The baked charts, as the core draws them (Explainer.svg) less what only restates SVG's
// defaults: every chart is baked twice (phone and desktop width), and these attributes repeat
// on every element. The drawing is the same, element by element (tests/e2e/baked.test.mjs holds the
// live chart to the baked one through this function).

/** Attribute values SVG takes anyway: full opacity, no stroke, text anchored at its start. */
const DEFAULTS = [' opacity="1"', ' stroke="none"', ' text-anchor="start"'];

/** `markup` (plotters' SVG) without default attributes, numbers to a hundredth of a pixel. */
export function slimSvg(markup) {
  return (
    markup
      // Only inside tags: the text of labels is left alone.
      .replace(/<[^<>]+>/g, (tag) => {
        let slim = DEFAULTS.reduce((t, attr) => t.split(attr).join(''), tag);
        // A width for a line that is not drawn.
        if (!/ stroke="/.test(slim)) slim = slim.replace(/ stroke-width="[^"]*"/, '');
        return slim.replace(/="(-?\d+\.\d{3,})"/g, (_, n) => `="${Number(Number(n).toFixed(2))}"`);
      })
      // A text's own line breaks, which SVG drops (xml:space default).
      .replace(/(<text[^>]*>)\n([^<\n]*)\n(<\/text>)/g, '$1$2$3')
  );
}
