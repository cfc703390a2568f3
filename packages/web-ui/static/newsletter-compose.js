// Live preview of a newsletter draft: the page works without this (the "save and update the
// preview" button); with it, the preview follows the text as it is typed.
(function () {
  'use strict';
  var form = document.querySelector('form[data-live-preview]');
  var frame = document.getElementById('preview-frame');
  if (!form || !frame || !window.fetch) return;
  var timer = null;
  var seq = 0;
  function update() {
    var mine = ++seq;
    var body = new URLSearchParams(new FormData(form));
    fetch(form.getAttribute('data-live-preview'), {
      method: 'POST',
      body: body,
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    })
      .then(function (r) {
        return r.ok ? r.text() : null;
      })
      .then(function (html) {
        if (html !== null && mine === seq) frame.setAttribute('srcdoc', html);
      })
      .catch(function () {});
  }
  form.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(update, 400);
  });
  var hint = document.getElementById('preview-live-hint');
  if (hint) hint.hidden = false;
})();
