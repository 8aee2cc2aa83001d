// WhatsAppFlowHub dashboard: CSRF on htmx requests, live task events, review-queue keys. No inline scripts (CSP).
(function () {
  'use strict';

  function meta(name) {
    var el = document.querySelector('meta[name="' + name + '"]');
    return el ? el.getAttribute('content') : null;
  }

  // every htmx request carries the session's CSRF token (forms carry it as a hidden field)
  document.addEventListener('htmx:configRequest', function (event) {
    var header = meta('csrf-header');
    var token = meta('csrf-token');
    if (header && token) {
      event.detail.headers[header] = token;
    }
  });

  // one server-sent-events connection per page; a task event makes the page re-read what it shows
  function live() {
    if (!document.body.hasAttribute('data-live') || !window.EventSource) {
      return;
    }
    var source = new EventSource('/events');
    source.addEventListener('ready', function () {
      document.body.setAttribute('data-stream', 'open');
    });
    source.addEventListener('task', function (message) {
      var detail = {};
      try {
        detail = JSON.parse(message.data);
      } catch (ignored) {
        return;
      }
      document.body.dispatchEvent(new CustomEvent('task-changed', { detail: detail }));
      document.body.dispatchEvent(new CustomEvent('task-changed-' + detail.id, { detail: detail }));
    });
    source.addEventListener('error', function () {
      document.body.setAttribute('data-stream', 'reconnecting');
    });
    window.addEventListener('pagehide', function () { source.close(); });
  }

  // review queue: j / k move, c confirm, e correct (task page), r reject
  function review() {
    if (document.body.getAttribute('data-live') !== 'review') {
      return;
    }
    var index = 0;
    function items() { return Array.prototype.slice.call(document.querySelectorAll('li.suggestion')); }
    function select(i) {
      var all = items();
      if (all.length === 0) { return null; }
      index = Math.max(0, Math.min(i, all.length - 1));
      all.forEach(function (li, n) { li.classList.toggle('selected', n === index); li.setAttribute('aria-current', n === index ? 'true' : 'false'); });
      all[index].focus({ preventScroll: false });
      return all[index];
    }
    document.addEventListener('htmx:afterSwap', function () { select(index); });
    document.addEventListener('focusin', function (event) {
      var li = event.target.closest && event.target.closest('li.suggestion');
      if (li) {
        var n = items().indexOf(li);
        if (n >= 0 && n !== index) { select(n); }
      }
    });
    document.addEventListener('keydown', function (event) {
      if (event.ctrlKey || event.metaKey || event.altKey) { return; }
      var tag = (event.target && event.target.tagName) || '';
      if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') { return; }
      var key = event.key;
      if (key === 'j') { select(index + 1); event.preventDefault(); return; }
      if (key === 'k') { select(index - 1); event.preventDefault(); return; }
      if (key !== 'c' && key !== 'e' && key !== 'r') { return; }
      var current = items()[index];
      if (!current) { return; }
      var control = current.querySelector('[data-key="' + key + '"]');
      if (control) { event.preventDefault(); control.click(); }
    });
    select(0);
  }

  // rules editor: nothing to do here, htmx posts the condition as it is typed

  document.addEventListener('DOMContentLoaded', function () {
    live();
    review();
  });
})();
