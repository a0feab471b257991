// The calculator's part of the page address, applied to the core: the preset first, then each
// input by an earlier name, then by its current name, so that a current name in the same link
// wins. Apart from the calculator's DOM so that tools/fuzz-url-state.mjs can run it against
// the core a million times.

/**
 * Apply `params` (URLSearchParams) to `ex` (the core, at its defaults). `specs` are the inputs
 * ({field, …}), `aliases` the [old, current] parameter names, `presets` the preset ids the page
 * offers. Returns { preset: id | null, refused: [{param, value, spec, error}] } for the page to
 * word (`spec` and `error` are absent for a refused preset).
 */
export function applyUrlScenario(ex, params, { specs, aliases, presets }) {
  const refused = [];
  let preset = null;
  const rawPreset = params.get('preset');
  if (rawPreset !== null) {
    const id = rawPreset.trim();
    if (presets.includes(id)) {
      ex.apply_preset(id);
      preset = id;
    } else {
      refused.push({ param: 'preset', value: rawPreset });
    }
  }
  const specByField = new Map(specs.map((spec) => [spec.field, spec]));
  const named = [...aliases.map(([old, current]) => [old, specByField.get(current)]), ...specs.map((spec) => [spec.field, spec])];
  for (const [param, spec] of named) {
    const raw = params.get(param);
    if (raw === null || !spec) continue;
    const result = ex.set_input(param, raw);
    if (!result || !result.ok) refused.push({ param, value: raw, spec, error: result && result.error });
  }
  return { preset, refused };
}
