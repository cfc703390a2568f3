// Live sending progress: polls the progress as JSON and updates the bar and the figures. Without
// JavaScript the page has a "refresh" link; the status line is a polite live region, so a
// screen reader hears when sending finishes, not every figure.
(function () {
  'use strict';
  var box = document.querySelector('[data-progress-url]');
  if (!box || !window.fetch) return;
  var url = box.getAttribute('data-progress-url');
  var bar = box.querySelector('progress');
  var figures = box.querySelector('[data-figures]');
  var status = box.querySelector('[data-status]');
  var template = box.getAttribute('data-template');
  var labels = JSON.parse(box.getAttribute('data-status-labels') || '{}');
  function fill(p) {
    return template.replace(/\{(\w+)\}/g, function (m, k) {
      if (!(k in p)) return m;
      // As the server writes numbers (formatNumber in @qn/web-ui): grouped from 10,000 on.
      var v = p[k];
      return typeof v === 'number' && Math.abs(v) >= 10000
        ? v.toLocaleString(document.documentElement.lang)
        : String(v);
    });
  }
  function tick() {
    fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) {
        return r.ok ? r.json() : null;
      })
      .then(function (p) {
        if (!p) return;
        bar.max = Math.max(1, p.total);
        bar.value = p.sent + p.failed + p.skipped;
        figures.textContent = fill(p);
        var label = labels[p.status] || p.status;
        if (status.textContent !== label) status.textContent = label;
        if (p.status === 'sending' || p.status === 'scheduled') setTimeout(tick, 1500);
        // Finished or stopped: reload once so the actions offered match the new state.
        else if (box.getAttribute('data-initial-status') !== p.status)
          setTimeout(function () {
            location.replace(location.pathname);
          }, 1500);
      })
      .catch(function () {
        setTimeout(tick, 5000);
      });
  }
  setTimeout(tick, 1000);
})();
