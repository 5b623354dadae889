// The benefits screens: one more member row on the new-application form; a confirmation before a refusal or a
// cancellation. No inline script (the content security policy forbids it).
(function () {
  'use strict';

  function addMemberRow() {
    var body = document.querySelector('#members tbody');
    if (!body) {
      return;
    }
    var rows = body.querySelectorAll('tr.member-row');
    var last = rows[rows.length - 1];
    var n = rows.length;
    var copy = last.cloneNode(true);
    copy.setAttribute('data-row', String(n));
    copy.querySelector('td').textContent = String(n + 1);
    copy.querySelectorAll('input, select').forEach(function (el) {
      ['name', 'id'].forEach(function (attr) {
        var v = el.getAttribute(attr);
        if (v) {
          el.setAttribute(attr, v.replace(/members(\[|)(\d+)/, function (m, b) {
            return 'members' + b + n;
          }));
        }
      });
      if (el.type === 'checkbox') {
        el.checked = false;
      } else if (el.tagName === 'INPUT' && el.type !== 'hidden') {
        el.value = '';
      }
    });
    body.appendChild(copy);
  }

  document.addEventListener('DOMContentLoaded', function () {
    var add = document.getElementById('add-member');
    if (add) {
      add.addEventListener('click', addMemberRow);
    }
    document.querySelectorAll('form.step.danger').forEach(function (form) {
      form.addEventListener('submit', function (e) {
        var ask = document.documentElement.lang === 'en' ? 'Are you sure?' : '确定吗？';
        if (!window.confirm(ask)) {
          e.preventDefault();
        }
      });
    });
  });
})();
