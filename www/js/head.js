// The one script a baked page runs before its first paint (tools/bake.mjs puts it first in
// <head>): it applies ?theme= and ?section= at once, so the first paint is already right, and
// starts the interactive page (js/main.js) only after that paint. Classic script, no modules,
// well under 1 KB gzip.
(function () {
  var root = document.documentElement;
  var query = new URLSearchParams(location.search);
  var main = document.currentScript && document.currentScript.getAttribute('data-main');
  root.setAttribute('data-js', '');
  var theme = (query.get('theme') || '').toLowerCase();
  if (theme === 'dark' || theme === 'light') root.setAttribute('data-theme', theme);
  // The baked stylesheet hides every section whose id is not in this list.
  var sections = query.get('section');
  if (sections) root.setAttribute('data-sections', sections.split(',').map(function (s) { return s.trim(); }).join(' '));
  // The first frame that shows a baked chart.
  (function markFirstChart() {
    if (document.querySelector('svg.chart-svg')) performance.mark('explainer:first-chart');
    else if (document.readyState === 'loading') requestAnimationFrame(markFirstChart);
  })();
  requestAnimationFrame(function () {
    if (!main) return;
    setTimeout(function () {
      var script = document.createElement('script');
      script.type = 'module';
      script.src = main;
      document.head.appendChild(script);
    }, 0);
  });
})();
