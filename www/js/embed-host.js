// For the page that embeds the explainer (a news article): size each
// <iframe data-ai-capex> to the height the explainer reports (js/embed/host.js inside the frame
// posts {type: 'ai-capex:height', height}). Only messages from one of these frames' own
// windows count, only the height is read, and it is clamped, so nothing else on the host page
// can be moved, navigated or stretched without end.
//
// The handshake: on start (and each time the script runs again, e.g. after a CMS adds a frame)
// and whenever a frame loads, it says {type: 'ai-capex:hello'} to the frame, which answers with
// its height at once — so a script that loads after the frame still sizes it.
// A frame taller than MAX_HEIGHT, or held shorter by the article's CSS (max-height, an
// !important height), scrolls inside, so its end stays in reach; so does a frame that has not
// reported a height yet (or never will: a page that failed to start).
// A classic script (no module needed), safe to include more than once per page. It reads no
// name the article can shadow: an element's id becomes a window property and a form's name a
// document one, so the guard is a symbol and the query is the prototype's.

(function () {
  'use strict';
  var MIN_HEIGHT = 150;
  var MAX_HEIGHT = 200000;
  var STARTED = Symbol.for('ai-capex:host');
  var querySelectorAll = Document.prototype.querySelectorAll;

  function frames() {
    return querySelectorAll.call(document, 'iframe[data-ai-capex]');
  }

  function hello(frame) {
    if (frame.contentWindow) frame.contentWindow.postMessage({ type: 'ai-capex:hello' }, '*');
  }

  function adopt(frame) {
    if (!frame.hasAttribute('data-ai-capex-host')) {
      frame.setAttribute('data-ai-capex-host', '');
      frame.addEventListener('load', function () {
        hello(frame);
      });
    }
    hello(frame);
  }

  function onMessage(event) {
    var data = event.data;
    if (!data || data.type !== 'ai-capex:height' || typeof data.height !== 'number' || !isFinite(data.height)) return;
    var all = frames();
    var height = Math.max(MIN_HEIGHT, Math.min(MAX_HEIGHT, Math.round(data.height)));
    for (var i = 0; i < all.length; i++) {
      if (all[i].contentWindow === event.source) {
        // content-box: under an article's `* { box-sizing: border-box }` the frame's border
        // would take its 4 px from the content and leave a scrollbar.
        all[i].style.setProperty('box-sizing', 'content-box', 'important');
        all[i].style.setProperty('height', height + 'px', 'important');
        // Sized to its content, the frame needs no scrollbar, unless it is clamped or the box
        // the article's CSS lets it have is shorter than asked.
        all[i].setAttribute('scrolling', height === MAX_HEIGHT || all[i].clientHeight + 1 < height ? 'auto' : 'no');
      }
    }
  }

  function start() {
    var all = frames();
    for (var i = 0; i < all.length; i++) adopt(all[i]);
  }

  if (!window[STARTED]) {
    window[STARTED] = true;
    window.addEventListener('message', onMessage);
  }
  // Frames parsed so far now, the rest once the document is parsed (if it is not yet).
  start();
  window.addEventListener('DOMContentLoaded', start);
})();
