// Files carried inside the page itself, for the single-file build (tools/dist.mjs).
//
// The served page fetches its files. The single file (dist/ai-capex-explainer.html), opened
// from disk, cannot: file:// blocks fetch() and module loads. So the build writes each file
// into the page as a block
//
//   <script type="application/json" id="inline-NAME">…</script>
//
// and the loaders (js/core/data.js, i18n.js, js/core/wasm.js) ask here before they fetch. On
// the served page there are no such blocks: everything here returns null and the loaders
// fetch as always.
//
// Names: "dataset" (data/capex-dataset.json, as it is), "i18n-<lang>" (i18n/<lang>.json, as
// it is), "wasm" (pkg/ai_capex_explainer_bg.wasm as a JSON string: gzip, then base64).

/** The text of inlined file `name`, or null when the page does not carry it. */
export function inlineText(name) {
  const el = typeof document === 'object' && document ? document.getElementById(`inline-${name}`) : null;
  return el ? el.textContent : null;
}

/**
 * The bytes of inlined binary file `name` (a JSON string of gzip+base64), or null when the
 * page does not carry it. Rejects when the block is damaged.
 */
export async function inlineBytes(name) {
  const text = inlineText(name);
  if (text === null) return null;
  const packed = Uint8Array.from(atob(JSON.parse(text)), (c) => c.charCodeAt(0));
  const stream = new Blob([packed]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
