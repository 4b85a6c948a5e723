// Suggests actors' names as someone types in a field marked data-suggest="names": the first
// few actors whose name holds what was typed, as the options of the field's datalist.
(function () {
  'use strict';
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
            option.textContent = [actor.kind, (actor.languages || [])[0], actor.id].filter(Boolean).join(' · ');
            return option;
          }));
        } catch (e) {
          // Suggestions are a help, not a need: the form still takes a typed name or id.
        }
      }, 250);
    });
  });
})();
