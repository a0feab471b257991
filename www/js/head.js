// The one script a baked page runs before its first paint (tools/bake.mjs puts it in <head>,
// after the stylesheet): it applies ?theme=, ?chrome= and ?section= at once, so the first paint
// is right, asks at once for the files the interactive page will need (data-fetch: data, words,
// wasm; and js/main.js itself), and runs that page only after the paint; if that script fails or
// takes longer than data-timeout ms, the page says so and disables its controls. Until the page
// is live it keeps what the reader does to its controls. Classic script, no modules, under
// 1.3 KB gzip.
(function () {
  var root = document.documentElement;
  var query = new URLSearchParams(location.search);
  var me = document.currentScript;
  var main = me && me.getAttribute('data-main');
  var files = ((me && me.getAttribute('data-fetch')) || '').split(' ').filter(Boolean);
  // Its last two are the core without the dataset's rules, then the whole core: the first where
  // the page can take the figures' digest (crypto.subtle, only in a secure context:
  // js/core/wasm.js), else the second.
  var core = files.splice(-2)[window.crypto && crypto.subtle ? 0 : 1];
  // The figures and words are the page's language's: an address naming another of the three
  // (?lang=, as the embed builder writes it) has the page fetch that one's instead. Other
  // spellings (en-US, zh-TW: js/lib/i18n.js reads them) and unknown values get this page's
  // prefetched, at worst for nothing: reading them as the page does would cost every visit
  // 120 bytes of this script.
  var asked = (query.get('lang') || '').toLowerCase();
  if (/^(en|zh-hans|zh-hant)$/.test(asked) && asked != root.lang.toLowerCase()) files = [];
  if (core) files.push(core);
  // The files the live page needs are asked for first thing (this script waits for the
  // stylesheet: the rest of it can wait for these requests), while the browser lays out and
  // paints the first view, at low priority so the rest of the page arrives first; the bundle is
  // fetched now too, but runs only after that paint. js/assets.js takes these responses instead
  // of asking again.
  if (main && window.fetch) {
    var started = (window.__explainerFetches = {});
    files.forEach(function (file) {
      var url = new URL(file, document.baseURI).href;
      started[url] = fetch(url, { priority: 'low' });
      started[url].catch(function () {}); // a failure is reported by whoever reads it
    });
    var preload = document.createElement('link');
    preload.rel = 'modulepreload';
    preload.href = main;
    document.head.appendChild(preload);
  }
  root.setAttribute('data-js', '');
  var theme = (query.get('theme') || '').toLowerCase();
  if (theme === 'dark' || theme === 'light') {
    root.setAttribute('data-theme', theme);
    // The baked chart images carry their own colours (tools/chart-image.mjs): their address's
    // fragment picks the theme asked for.
    document.addEventListener('DOMContentLoaded', function () {
      document.querySelectorAll('picture.chart-svg > *').forEach(function (el) {
        var at = el.tagName === 'SOURCE' ? 'srcset' : 'src';
        el.setAttribute(at, el.getAttribute(at).split('#')[0] + '#' + theme);
      });
    });
  }
  // No masthead or footer in an article's frame (css/base.css); js/page/url-state.js reports
  // bad values.
  if ((query.get('chrome') || '').trim().toLowerCase() === 'none') root.setAttribute('data-chrome', 'none');
  // The baked stylesheet hides every section whose id is not in this list: only the ids the bake
  // listed (data-section-ids), in any case, split as js/page/url-state.js splits them. None
  // known: all.
  var known = ((me && me.getAttribute('data-section-ids')) || '').split(' ');
  var shown = [];
  (query.get('section') || '').split(/[\s,]+/).forEach(function (id) {
    id = id.toLowerCase();
    if (id && known.indexOf(id) >= 0 && shown.indexOf(id) < 0) shown.push(id);
  });
  if (shown.length) root.setAttribute('data-sections', shown.join(' '));
  // A tap, a slider let go or a table opened before the live page has taken over (the baked
  // control has no handler yet) is kept, and applied once its part of the page is live
  // (js/page/early-input.js): the control, as its id or its nearest id and its place below it, and
  // its value. A kept button is shown waiting (data-kept, css/base.css).
  var kept = (window.__explainerEarly = []);
  function keep(event) {
    if (window.__explainerEarly !== kept) return; // applied: the page is live
    var type = event.type;
    var el = event.target;
    if (type === 'click' ? !(el = el.closest && el.closest('button')) : type === 'change' ? el.tagName !== 'INPUT' : el.tagName !== 'DETAILS') return;
    // Once the article is live (data-live) only a part still coming (data-pending: the
    // calculator) is kept; the rest answers for itself.
    if (root.hasAttribute('data-live') && !el.closest('[data-pending]')) return;
    var path = [];
    for (var at = el; at && !at.id; at = at.parentElement) path.unshift([].indexOf.call(at.parentElement ? at.parentElement.children : [], at));
    if (!at) return;
    if (type === 'click') el.setAttribute('data-kept', '');
    kept.push({ type: type, target: el, id: at.id, path: path, value: el.type === 'radio' ? el.checked : el.value, open: el.open });
  }
  ['click', 'change', 'toggle'].forEach(function (type) {
    document.addEventListener(type, keep, true);
  });
  // The first frame that shows a baked chart.
  (function markFirstChart() {
    if (document.querySelector('svg.chart-svg')) performance.mark('explainer:first-chart');
    else if (document.readyState === 'loading') requestAnimationFrame(markFirstChart);
  })();
  // In an article's frame, tell the host our height now and whenever it changes (js/embed/host.js's
  // message, which js/embed-host.js reads), so the frame is sized to the page.
  function tellHost() {
    parent.postMessage({ type: 'ai-capex:height', height: Math.ceil(root.getBoundingClientRect().height) }, '*');
  }
  // The interactive page never started (js/page/page.js moves data-state on): keep the baked page,
  // say so (the three-language line), and let no control move without effect.
  function stalled() {
    if (root.getAttribute('data-state') !== 'baked') return;
    root.setAttribute('data-state', 'error');
    var line = document.getElementById('boot-error'); // not there yet if the page is still arriving
    if (line) line.hidden = false;
    window.__explainerEarly = null; // nothing kept will be applied, nor shown waiting
    document.querySelectorAll('button, input, select, textarea').forEach(function (control) {
      control.disabled = true;
      control.removeAttribute('data-kept');
    });
    if (parent !== window && window.ResizeObserver) new ResizeObserver(tellHost).observe(root);
  }
  requestAnimationFrame(function () {
    if (!main) return;
    setTimeout(function () {
      var script = document.createElement('script');
      script.type = 'module';
      script.src = main;
      script.onerror = stalled;
      setTimeout(stalled, Number(me.getAttribute('data-timeout')) || 15000);
      document.head.appendChild(script);
    }, 0);
  });
})();
