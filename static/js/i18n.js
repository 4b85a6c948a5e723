// The pages' words for scripts, in the page's language: the server sends every message whose
// id starts with js- in <script type="application/json" id="messages"> (locales/<tag>/*.ftl),
// each with its values left as {$name}. relaymapT(id, values) fills them in; numbers as the
// page's language writes them. A message chosen by a count has one id per CLDR plural category
// (id-one, id-other, ...), picked by relaymapT.plural(id, count, values).
// The language switch in the header changes as soon as a language is picked.
(function () {
  'use strict';
  let messages = null;
  const lang = document.documentElement.lang || 'en';
  const numbers = new Intl.NumberFormat(lang);
  const plurals = new Intl.PluralRules(lang);

  function load() {
    if (messages) return messages;
    const element = document.getElementById('messages');
    try { messages = JSON.parse(element ? element.textContent : '{}'); } catch (e) { messages = {}; }
    return messages;
  }

  function t(id, values) {
    const text = load()[id];
    if (text === undefined) return id;
    return text.replace(/\{\$([A-Za-z0-9_-]+)\}/g, function (whole, name) {
      if (!values || !(name in values)) return whole;
      const value = values[name];
      return typeof value === 'number' ? numbers.format(value) : String(value);
    });
  }

  t.plural = function (id, count, values) {
    const all = Object.assign({ count: count }, values || {});
    const category = id + '-' + plurals.select(count);
    return load()[category] !== undefined ? t(category, all) : t(id + '-other', all);
  };
  t.number = function (n) { return numbers.format(n); };
  t.lang = lang;
  window.relaymapT = t;

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('select[data-autosubmit]').forEach(function (select) {
      select.addEventListener('change', function () { select.form.submit(); });
    });
  });
})();
