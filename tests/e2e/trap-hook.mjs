// A test hook that makes the core trap on demand, as a Rust panic does in the release build
// (it aborts: the browser throws a RuntimeError out of the call). Pass `trapHook` as a page's
// init script; then `window.__trapNext = 'explainer_svg'` (an export's name) makes the next call
// of that export trap. A method of the Explainer (explainer_…) really panics inside the core, in
// its test-only testHookPanic, so the object is left borrowed as a real panic leaves it; any
// other export throws the RuntimeError before entering the core. Every instance of the module
// is wrapped, however it is made.

export function trapHook() {
  const wrap = (instance) => {
    // The real exports are frozen: a copy whose getters can hand out a trapping function.
    const exports = {};
    for (const name of Object.keys(instance.exports)) {
      Object.defineProperty(exports, name, {
        enumerable: true,
        get() {
          const value = instance.exports[name];
          if (typeof value !== 'function' || name !== window.__trapNext) return value;
          const isMethod = name.startsWith('explainer_') && name !== 'explainer_new';
          return (self) => {
            window.__trapNext = null;
            if (isMethod) instance.exports.explainer_testHookPanic(self);
            throw new WebAssembly.RuntimeError('unreachable');
          };
        },
      });
    }
    return { exports };
  };
  for (const name of ['instantiateStreaming', 'instantiate']) {
    const original = WebAssembly[name];
    WebAssembly[name] = (...args) =>
      original.apply(WebAssembly, args).then((result) => (result.instance ? { module: result.module, instance: wrap(result.instance) } : wrap(result)));
  }
  WebAssembly.Instance = new Proxy(WebAssembly.Instance, { construct: (target, args) => wrap(Reflect.construct(target, args)) });
}
