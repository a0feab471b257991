// For the page that embeds the explainer (a news article): size each
// <iframe data-ai-capex> to the height the explainer reports (js/host.js inside the frame
// posts {type: 'ai-capex:height', height}). Only messages from the frame's own window are
// used, and the height is clamped, so nothing else on the host page can be moved.
// A classic script (no module needed), safe to include once per page.

(function () {
  'use strict';
  if (window.__aiCapexHost) return;
  window.__aiCapexHost = true;

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.type !== 'ai-capex:height' || typeof data.height !== 'number' || !isFinite(data.height)) return;
    var frames = document.querySelectorAll('iframe[data-ai-capex]');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.max(150, Math.min(60000, Math.round(data.height))) + 'px';
      }
    }
  });
})();
