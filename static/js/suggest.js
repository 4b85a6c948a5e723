// Suggests actors’ names as someone types in a field marked data-suggest="names": the first
// few actors whose name holds what was typed, as the options of the field’s datalist, each
// with its kind and first language in the language of the page.
(function () {
  'use strict';
  function kindWords(kind) {
    switch (kind) {
      case 'migrant': return relaymapT('js-suggest-kind-migrant');
      case 'organisation': return relaymapT('js-suggest-kind-organisation');
      case 'responder': return relaymapT('js-suggest-kind-responder');
      case 'city': return relaymapT('js-suggest-kind-city');
      default: return kind;
    }
  }

  // A language by its name as the page names it (the server’s <datalist id="known-languages">:
  // option value the name, text the code), else the browser’s name for it, else its code.
  let known = null;
  function languageName(code) {
    if (!code) return '';
    if (!known) {
      known = new Map();
      document.querySelectorAll('#known-languages option').forEach(function (option) {
        known.set(option.textContent.trim(), option.value);
      });
    }
    if (known.has(code)) return known.get(code);
    try {
      return new Intl.DisplayNames([document.documentElement.lang || 'en'], { type: 'language' }).of(code) || code;
    } catch (e) {
      return code;
    }
  }

  document.querySelectorAll('input[data-suggest="names"]').forEach(function (input) {
    const list = document.getElementById(input.getAttribute('list'));
    let timer = null;
    let asked = '';
    input.addEventListener('input', function () {
      clearTimeout(timer);
      const typed = input.value.trim();
      if (typed.length < 2 || typed === asked) return;
      timer = setTimeout(async function () {
        asked = typed;
        const query = new URLSearchParams({ q: typed, limit: '8' });
        try {
          const response = await fetch('/api/v1/actors?' + query.toString(), {
            credentials: 'same-origin', headers: { accept: 'application/json' },
          });
          if (!response.ok) return;
          const found = (await response.json()).actors || [];
          list.replaceChildren.apply(list, found.map(function (actor) {
            const option = document.createElement('option');
            option.value = actor.name;
            option.textContent = [kindWords(actor.kind), languageName((actor.languages || [])[0]), actor.id].filter(Boolean).join(' · ');
            return option;
          }));
        } catch (e) {
          // Suggestions are a help, not a need: the form still takes a typed name or id.
        }
      }, 250);
    });
  });
})();
