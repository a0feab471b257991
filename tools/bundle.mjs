// The page's module script and everything it imports (the wasm-bindgen glue included) as one
// minified ES module, for the single file (tools/dist.mjs) and the baked site (tools/bake.mjs).

async function loadEsbuild() {
  try {
    return await import('esbuild');
  } catch {
    throw new Error('npm package esbuild is not installed (run npm ci, or ./dev build)');
  }
}

/** A classic script (no imports), minified. */
export async function minifyScript(code) {
  const esbuild = await loadEsbuild();
  return (await esbuild.transform(code, { loader: 'js', minify: true, legalComments: 'none', charset: 'utf8' })).code;
}

/** A stylesheet, minified: the comments that explain it stay in www/css, not on the wire. */
export async function minifyCss(css) {
  const esbuild = await loadEsbuild();
  return (await esbuild.transform(css, { loader: 'css', minify: true, legalComments: 'none', charset: 'utf8' })).code;
}

/**
 * Bundle `entry` (a path), with `define` (global name → JSON value) replaced in the code.
 * Resolves to { js, inputs } (the files it contains); throws on any esbuild warning — a
 * dynamic import it cannot follow would fetch at run time.
 *
 * `apart` maps an import specifier, as the source writes it, to the address the bundle loads it
 * from instead: a module loaded only when the reader asks for it (bundled on its own) stays
 * out of the bundle.
 */
export async function bundleModule(entry, { define = {}, apart = {} } = {}) {
  const esbuild = await loadEsbuild();
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'silent',
    metafile: true,
    define: Object.fromEntries(Object.entries(define).map(([name, value]) => [name, JSON.stringify(value)])),
    plugins: [
      {
        name: 'apart',
        setup(build) {
          build.onResolve({ filter: /.*/ }, (args) => (Object.hasOwn(apart, args.path) ? { path: apart[args.path], external: true } : undefined));
        },
      },
    ],
  });
  if (result.warnings.length) {
    const text = await esbuild.formatMessages(result.warnings, { kind: 'warning' });
    throw new Error(`esbuild warnings (a dynamic import it cannot follow would fetch at run time):\n${text.join('\n')}`);
  }
  return { js: result.outputFiles[0].text, inputs: Object.keys(result.metafile.inputs) };
}
