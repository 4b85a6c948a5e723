// The ego-network interview, one question per screen, built from the protocol
// (GET /api/v1/interview-protocol) and made to work without a connection: the interview in
// progress and every finished one are kept in this browser (IndexedDB) until the server has
// them, and sent (POST /api/v1/interviews, each under its own key, so that a retry never writes
// twice) as soon as it answers. The service worker /interview-sw.js keeps the page itself.
// Two languages meet here: the interface (steps, buttons, hints, status lines) speaks the
// interviewer’s, the page’s own (relaymapT, static/js/i18n.js); the questions are asked in the
// interview’s language, picked on the first screen, with the interviewer’s beneath when it is
// another (data-interface on #interview, from the server).
(function () {
  'use strict';
  const root = document.getElementById('interview');
  if (!root) return;
  const form = document.getElementById('step');
  const actions = document.getElementById('step-actions');
  const back = document.getElementById('back');
  const next = document.getElementById('next');
  const progress = document.getElementById('progress');
  const outboxStatus = document.getElementById('outbox-status');
  const outboxList = document.getElementById('outbox-list');
  const sendNow = document.getElementById('send-now');
  const RETRY_MS = 5000;

  const CHANNELS = [
    ['in_person', relaymapT('js-interview-channel-in-person')], ['phone', relaymapT('js-interview-channel-phone')],
    ['sms', relaymapT('js-interview-channel-sms')], ['whatsapp', relaymapT('js-interview-channel-whatsapp')],
    ['radio', relaymapT('js-interview-channel-radio')], ['social_media', relaymapT('js-interview-channel-social-media')],
    ['email', relaymapT('js-interview-channel-email')]
  ];
  const KINDS = {
    migrant: relaymapT('js-interview-kind-migrant'),
    organisation: relaymapT('js-interview-kind-organisation'),
    responder: relaymapT('js-interview-kind-responder')
  };
  const PURPOSES = ['warnings', 'partners', 'research'];
  // ISO 639-3 code → its BCP 47 tag (for lang attributes), its direction, its name in itself and
  // its name in the interface language.
  const LANGUAGES = JSON.parse(root.dataset.languages || '{}');
  function tagOf(code) { return (LANGUAGES[code] && LANGUAGES[code].tag) || code; }
  function dirOf(code) { return (LANGUAGES[code] && LANGUAGES[code].dir) || 'ltr'; }
  /** Attributes of text in a language (ISO 639-3): its tag, its direction. */
  function written(code, attributes) {
    return Object.assign({ lang: tagOf(code), dir: dirOf(code) }, attributes);
  }
  // The interviewer’s language (ISO 639-3): the interface’s, as the server says it.
  const INTERVIEWER = root.dataset.interface || 'eng';

  // ----- Storage: the interview in progress and the outbox, in IndexedDB. -----
  let dbPromise = null;
  function db() {
    if (!dbPromise) {
      dbPromise = new Promise(function (resolve, reject) {
        const open = indexedDB.open('relaymap-interviews', 1);
        open.onupgradeneeded = function () {
          open.result.createObjectStore('outbox', { keyPath: 'key' });
          open.result.createObjectStore('draft');
        };
        open.onsuccess = function () { resolve(open.result); };
        open.onerror = function () { reject(open.error); };
      });
    }
    return dbPromise;
  }
  async function withStore(name, mode, work) {
    const database = await db();
    return new Promise(function (resolve, reject) {
      const tx = database.transaction(name, mode);
      const request = work(tx.objectStore(name));
      tx.oncomplete = function () { resolve(request ? request.result : undefined); };
      tx.onerror = function () { reject(tx.error); };
    });
  }
  const outbox = {
    all: function () { return withStore('outbox', 'readonly', function (s) { return s.getAll(); }); },
    put: function (item) { return withStore('outbox', 'readwrite', function (s) { return s.put(item); }); },
    remove: function (key) { return withStore('outbox', 'readwrite', function (s) { return s.delete(key); }); }
  };
  const draft = {
    get: function () { return withStore('draft', 'readonly', function (s) { return s.get('current'); }); },
    put: function (value) { return withStore('draft', 'readwrite', function (s) { return s.put(value, 'current'); }); },
    clear: function () { return withStore('draft', 'readwrite', function (s) { return s.delete('current'); }); }
  };

  function csrfToken() {
    const meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.content : '';
  }

  function newKey() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, function (b) { return b.toString(16).padStart(2, '0'); }).join('');
  }

  function el(tag, attributes, children) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(function ([name, value]) {
      if (value === false || value === null || value === undefined) return;
      if (name === 'text') node.textContent = value;
      else node.setAttribute(name, value === true ? '' : value);
    });
    (children || []).forEach(function (child) { if (child) node.append(child); });
    return node;
  }

  // ----- Sending: the outbox goes out whenever the server answers. -----
  let sending = false;
  async function flush() {
    if (sending) return;
    sending = true;
    try {
      for (const item of await outbox.all()) {
        if (item.refused) continue;
        let response;
        try {
          response = await fetch('/api/v1/interviews', {
            method: 'POST',
            credentials: 'same-origin',
            headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken() },
            body: JSON.stringify(item.document)
          });
        } catch (e) {
          break; // No connection: everything waits.
        }
        if (response.ok) {
          await outbox.remove(item.key);
        } else if (response.status === 401 || response.status === 403) {
          item.problem = 'signin';
          await outbox.put(item);
          break;
        } else if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429) {
          let message = relaymapT('js-interview-refused-status', { status: String(response.status) });
          try {
            const body = await response.json();
            message = body.error.message + ((body.error.errors || []).map(function (e) {
              return ' ' + e.file + ' ' + e.line + ' ' + e.field + ': ' + e.reason;
            }).join(';'));
          } catch (e) { /* keep the status */ }
          item.refused = message;
          await outbox.put(item);
        } else {
          break; // The server is busy or failing: try again later.
        }
      }
    } finally {
      sending = false;
      await showOutbox();
    }
  }

  async function showOutbox() {
    const items = await outbox.all();
    outboxList.replaceChildren();
    const waiting = items.filter(function (i) { return !i.refused; });
    if (items.length === 0) {
      outboxStatus.textContent = relaymapT('js-interview-outbox-all-sent');
    } else if (waiting.length > 0) {
      outboxStatus.textContent = relaymapT.plural('js-interview-outbox-waiting', waiting.length);
    } else {
      outboxStatus.textContent = relaymapT('js-interview-outbox-refused');
    }
    items.forEach(function (item) {
      let said;
      if (item.refused) said = relaymapT('js-interview-item-refused', { reason: item.refused });
      else if (item.problem === 'signin') said = relaymapT('js-interview-item-sign-in-again');
      else said = item.problem || relaymapT('js-interview-item-waiting');
      const line = el('li', { class: item.refused ? 'refused' : 'waiting' }, [
        el('span', { text: relaymapT('js-interview-item', { name: item.label, day: item.document.conducted_on, state: said }) })
      ]);
      if (item.refused) {
        const discard = el('button', { type: 'button', class: 'link-button', text: relaymapT('js-interview-discard') });
        discard.addEventListener('click', async function () {
          if (window.confirm(relaymapT('js-interview-discard-confirm'))) {
            await outbox.remove(item.key);
            showOutbox();
          }
        });
        line.append(' ', discard);
      }
      outboxList.append(line);
    });
    sendNow.hidden = waiting.length === 0;
  }
  sendNow.addEventListener('click', flush);
  window.addEventListener('online', flush);
  setInterval(flush, RETRY_MS);

  // ----- The interview. -----
  let protocol = null;
  let state = null;

  /** The language (ISO 639-3) a protocol text is given in: `language` when the protocol has it
   * in that language, else English. */
  function usable(texts, language) {
    return texts && texts[language] ? language : 'eng';
  }
  /** A protocol text in a language (the interview’s when none is said), else in English. */
  function text(texts, language) {
    return (texts && texts[usable(texts, language || state.language)]) || '';
  }
  /** Attributes of a protocol text in the interview’s language (Arabic runs right to left). */
  function speaking(texts, attributes) {
    return written(usable(texts, state.language), attributes);
  }
  /** A protocol text for the interviewer: in the interface language, else in English. */
  function forInterviewer(texts, attributes) {
    const code = usable(texts, INTERVIEWER);
    return el('span', written(code, Object.assign({ text: texts ? texts[code] || '' : '' }, attributes)));
  }
  /** Whether the interviewer needs a protocol text again in their own language: when the
   * interview is held in another. */
  function translated(texts) {
    return usable(texts, state.language) !== usable(texts, INTERVIEWER);
  }

  /** A question about someone: in the interview’s language, with the interviewer’s language
   * beneath when it is another. */
  function asked(tag, attributes, texts, name) {
    const fill = function (words) { return words.split('{name}').join(name); };
    const node = el(tag, attributes, [el('span', speaking(texts, { class: 'asked', text: fill(text(texts)) }))]);
    if (translated(texts)) {
      const code = usable(texts, INTERVIEWER);
      node.append(el('span', written(code, { class: 'hint translation', text: fill(text(texts, code)) })));
    }
    return node;
  }

  /** The question in the interview’s language, and in the interviewer’s language beneath it
   * when it is another. */
  function question(texts, name) {
    const fill = function (words) { return words.split('{name}').join(name || ''); };
    const nodes = [el('h1', speaking(texts, { class: 'question', text: fill(text(texts)) }))];
    if (translated(texts)) {
      const code = usable(texts, INTERVIEWER);
      nodes.push(el('p', written(code, { class: 'hint', text: fill(text(texts, code)) })));
    }
    return nodes;
  }

  /** A choice read to the person interviewed (a purpose, a frequency): in the interview’s
   * language, with the interviewer’s language beneath when it is another. */
  function choiceText(texts) {
    const node = el('span', {}, [el('span', speaking(texts, { class: 'asked', text: text(texts) }))]);
    if (translated(texts)) node.append(forInterviewer(texts, { class: 'hint translation' }));
    return node;
  }

  /** A message whose values are nodes: the message is asked for with those placeholders left
   * in, then each is replaced by its node. */
  function composed(message, nodes) {
    const out = [];
    message.split(/(\{\$[A-Za-z0-9_-]+\})/).forEach(function (piece) {
      const placeholder = /^\{\$([A-Za-z0-9_-]+)\}$/.exec(piece);
      if (placeholder && nodes[placeholder[1]]) out.push(nodes[placeholder[1]]);
      else if (piece) out.push(piece);
    });
    return out;
  }

  function fresh() {
    return {
      key: newKey(),
      protocol_version: protocol.version,
      // The interviewer’s own language when the protocol has it, else English: either may be
      // changed on the first screen.
      language: protocol.languages.includes(INTERVIEWER) ? INTERVIEWER : 'eng',
      conducted_on: new Date().toISOString().slice(0, 10),
      consent: { purposes: [] },
      ego: null,
      named: [],
      sociogram: [],
      at: 0,
      next_ref: 1
    };
  }

  function steps() {
    const list = ['language', 'consent', 'ego'];
    protocol.generators.forEach(function (g) { list.push('generator:' + g.id); });
    state.named.forEach(function (n) { list.push('about:' + n.ref); });
    list.push('sociogram', 'summary');
    return list;
  }

  function label(person) {
    return person ? person.label : '';
  }

  /** The codes of languages typed as listed ("Tigrinya (tir)") or as codes; null for a part
   * that is neither. */
  function languageCodes(raw) {
    return raw.split(',').filter(function (part) { return part.trim() !== ''; }).map(function (part) {
      const trimmed = part.trim();
      const code = /\(([a-z]{3})\)$/.exec(trimmed);
      if (code) return code[1];
      return /^[a-z]{3}$/.test(trimmed) ? trimmed : null;
    });
  }

  function languageInput(id, codes) {
    const options = document.getElementById('language-list');
    const names = {};
    Array.from(options ? options.options : []).forEach(function (o) {
      const m = /\(([a-z]{3})\)$/.exec(o.value);
      if (m) names[m[1]] = o.value;
    });
    return el('input', { id: id, type: 'text', list: 'language-list', autocomplete: 'off',
      value: (codes || []).map(function (c) { return names[c] || c; }).join(', ') });
  }

  function channelBoxes(name, chosen) {
    return el('div', { class: 'choices big' }, CHANNELS.map(function ([value, words]) {
      return el('label', { class: 'check' }, [
        el('input', { type: 'checkbox', name: name, value: value, checked: (chosen || []).includes(value) }),
        words
      ]);
    }));
  }

  function ticked(name) {
    return Array.from(form.querySelectorAll('input[name="' + name + '"]:checked')).map(function (i) { return i.value; });
  }

  function problem(message) {
    const old = form.querySelector('.error-summary');
    if (old) old.remove();
    if (!message) return true;
    const box = el('div', { class: 'error-summary', role: 'alert' }, [el('p', { text: message })]);
    form.prepend(box);
    box.focus && box.setAttribute('tabindex', '-1');
    box.focus();
    return false;
  }

  /** A search of the roster (needs the connection), with someone new as the way out. */
  function rosterSearch(kinds, pick, placeholder) {
    const input = el('input', { type: 'search', id: 'roster-q', placeholder: placeholder, autocomplete: 'off', 'aria-describedby': 'roster-hint' });
    const results = el('ul', { class: 'plain roster', id: 'roster-results', 'aria-live': 'polite' });
    let timer = null;
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(async function () {
        const q = input.value.trim();
        results.replaceChildren();
        if (q.length < 2) return;
        const found = [];
        try {
          for (const kind of kinds) {
            const response = await fetch('/api/v1/roster?q=' + encodeURIComponent(q) + '&kind=' + kind, { credentials: 'same-origin' });
            if (!response.ok) throw new Error(String(response.status));
            found.push.apply(found, (await response.json()).actors);
          }
        } catch (e) {
          results.append(el('li', { class: 'hint', text: relaymapT('js-interview-roster-offline') }));
          return;
        }
        if (found.length === 0) results.append(el('li', { class: 'hint', text: relaymapT('js-interview-roster-nobody') }));
        const names = {};
        found.forEach(function (a) { names[a.id] = a.name + (a.city ? ' (' + a.city + ')' : ''); });
        found.forEach(function (actor) {
          const button = el('button', { type: 'button', class: 'button secondary pick', 'data-id': actor.id },
            [actor.name + ' · ' + (KINDS[actor.kind] || actor.kind) + (actor.city ? ' · ' + actor.city : '')]);
          button.addEventListener('click', function () { pick({ id: actor.id, label: actor.name, kind: actor.kind }); });
          const item = el('li', {}, [button]);
          if (actor.alike && actor.alike.length) {
            item.append(el('p', { class: 'hint', text: relaymapT('js-interview-roster-alike', {
              names: actor.alike.map(function (id) { return names[id] || id; }).join(relaymapT('js-interview-list-separator'))
            }) }));
          }
          results.append(item);
        });
      }, 250);
    });
    return el('div', { class: 'field' }, [
      el('label', { for: 'roster-q', text: relaymapT('js-interview-roster-label') }),
      el('p', { class: 'hint', id: 'roster-hint', text: relaymapT('js-interview-roster-hint') }),
      input, results
    ]);
  }

  function newPersonFields(kinds, prefix) {
    return el('fieldset', { class: 'field new-person' }, [
      el('legend', { text: relaymapT('js-interview-new-person') }),
      el('label', { for: prefix + '-name', text: relaymapT('js-interview-name') }),
      el('input', { id: prefix + '-name', type: 'text', autocomplete: 'off', maxlength: '200' }),
      kinds.length > 1 ? el('div', { class: 'choices big', role: 'radiogroup', 'aria-label': relaymapT('js-interview-who-they-are') }, kinds.map(function (kind, i) {
        return el('label', { class: 'check' }, [el('input', { type: 'radio', name: prefix + '-kind', value: kind, checked: i === 0 }), KINDS[kind]]);
      })) : null
    ]);
  }

  function readNewPerson(kinds, prefix) {
    const name = form.querySelector('#' + prefix + '-name').value.trim();
    if (!name) return null;
    const chosen = form.querySelector('input[name="' + prefix + '-kind"]:checked');
    return { kind: chosen ? chosen.value : kinds[0], name: name };
  }

  const render = {
    language: function () {
      form.append(el('h1', { text: relaymapT('js-interview-new-title') }),
        el('p', { text: relaymapT('js-interview-language-intro') }),
        el('div', { class: 'choices big', role: 'radiogroup', 'aria-label': relaymapT('js-interview-language-label') }, protocol.languages.map(function (code) {
          return el('label', { class: 'check' }, [
            el('input', { type: 'radio', name: 'language', value: code, checked: state.language === code }),
            el('span', written(code, { text: protocol.language_names[code] || code }))
          ]);
        })));
    },
    consent: function () {
      form.append.apply(form, question(protocol.consent.statement));
      form.append(el('p', { class: 'hint', text: relaymapT('js-interview-consent-hint') }));
      form.append(el('fieldset', { class: 'field' }, [el('legend', { text: relaymapT('js-interview-consent-legend') })].concat(PURPOSES.map(function (purpose) {
        return el('label', { class: 'check consent' }, [
          el('input', { type: 'checkbox', name: 'purpose', value: purpose, checked: state.consent.purposes.includes(purpose) }),
          choiceText(protocol.consent.purposes[purpose])
        ]);
      }))));
      form.append(el('p', { class: 'note', text: relaymapT('js-interview-recorded', { day: state.conducted_on, by: root.dataset.interviewer }) }));
    },
    ego: function () {
      form.append(el('h1', { text: relaymapT('js-interview-ego-title') }));
      if (state.ego) {
        form.append(el('p', { class: 'chosen', text: relaymapT('js-interview-ego-chosen', { name: label(state.ego) }) + ' ' }, []));
        const change = el('button', { type: 'button', class: 'link-button', text: relaymapT('js-interview-ego-change') });
        change.addEventListener('click', function () { state.ego = null; show(); });
        form.querySelector('.chosen').append(change);
        return;
      }
      form.append(rosterSearch(['migrant', 'organisation'], function (person) { state.ego = person; save(); show(); }, relaymapT('js-interview-name')));
      const fields = newPersonFields(['migrant', 'organisation'], 'ego');
      fields.append(
        el('label', { for: 'ego-languages', text: relaymapT('js-interview-ego-languages') }),
        languageInput('ego-languages', state.language !== 'eng' ? [state.language] : []),
        el('label', { for: 'ego-city', text: relaymapT('js-interview-ego-city') }),
        el('select', { id: 'ego-city' }, [el('option', { value: '', text: relaymapT('js-interview-ego-city-unsaid') })]),
        el('p', { class: 'field-label', text: relaymapT('js-interview-ego-channels') }),
        channelBoxes('ego-channel', [])
      );
      form.append(fields);
      loadCities(form.querySelector('#ego-city'));
    },
    generator: function (id) {
      const generator = protocol.generators.find(function (g) { return g.id === id; });
      form.append.apply(form, question(generator.prompt));
      const here = state.named.filter(function (n) { return n.generators.includes(id); });
      const list = el('ul', { class: 'plain named', id: 'named-here' }, here.map(function (n) {
        const remove = el('button', { type: 'button', class: 'link-button', text: relaymapT('js-interview-remove') });
        remove.addEventListener('click', function () { unname(n, id); });
        return el('li', {}, [el('span', { text: n.label + ' ' }), remove]);
      }));
      form.append(el('h2', { class: 'small', text: here.length ? relaymapT('js-interview-named-here') : relaymapT('js-interview-named-none') }), list);
      const others = state.named.filter(function (n) { return !n.generators.includes(id) && generator.kinds.includes(n.kind); });
      if (others.length) {
        form.append(el('p', { class: 'field-label', text: relaymapT('js-interview-named-already') }), el('div', { class: 'choices' }, others.map(function (n) {
          const again = el('button', { type: 'button', class: 'button secondary small', text: n.label });
          again.addEventListener('click', function () { n.generators.push(id); save(); show(); });
          return again;
        })));
      }
      form.append(rosterSearch(generator.kinds, function (person) { name(person, id); }, relaymapT('js-interview-name')));
      const fields = newPersonFields(generator.kinds, 'named');
      const add = el('button', { type: 'button', class: 'button secondary', id: 'add-new', text: relaymapT('js-interview-add') });
      add.addEventListener('click', function () {
        const person = readNewPerson(generator.kinds, 'named');
        if (!person) return problem(relaymapT('js-interview-name-first'));
        name({ new: person, label: person.name, kind: person.kind }, id);
      });
      fields.append(add);
      form.append(fields);
    },
    about: function (ref) {
      const n = state.named.find(function (p) { return p.ref === ref; });
      const i = protocol.interpreters;
      form.append(el('h1', { text: relaymapT('js-interview-about', { name: n.label }) }));
      form.append(el('div', { class: 'field' }, [
        asked('label', { for: 'about-languages' }, i.languages, n.label),
        languageInput('about-languages', n.languages)
      ]));
      form.append(el('fieldset', { class: 'field' }, [
        asked('legend', {}, i.channels, n.label),
        channelBoxes('about-channel', n.channels)
      ]));
      form.append(el('fieldset', { class: 'field' }, [
        asked('legend', {}, i.trust, n.label),
        el('div', { class: 'scale', role: 'radiogroup' }, [1, 2, 3, 4, 5].map(function (value) {
          return el('label', { class: 'scale-point' }, [el('input', { type: 'radio', name: 'trust', value: String(value), checked: n.trust === value }), String(value)]);
        }))
      ]));
      form.append(el('fieldset', { class: 'field' }, [
        asked('legend', {}, i.frequency, n.label),
        el('div', { class: 'choices big' }, i.frequencies.map(function (choice) {
          return el('label', { class: 'check' }, [el('input', { type: 'radio', name: 'frequency', value: choice.id, checked: n.frequency === choice.id }),
            choiceText(choice.label)]);
        }))
      ]));
    },
    sociogram: function () {
      form.append.apply(form, question(protocol.sociogram));
      if (state.named.length < 2) {
        form.append(el('p', { text: relaymapT('js-interview-sociogram-too-few') }));
        return;
      }
      form.append(el('p', { class: 'hint', text: relaymapT('js-interview-sociogram-hint') }));
      let first = null;
      const people = el('div', { class: 'choices sociogram' }, state.named.map(function (n) {
        const button = el('button', { type: 'button', class: 'button secondary', 'aria-pressed': 'false', 'data-ref': n.ref, text: n.label });
        button.addEventListener('click', function () {
          if (!first) {
            first = n;
            button.setAttribute('aria-pressed', 'true');
            return;
          }
          if (first.ref !== n.ref && !state.sociogram.some(function (l) {
            return (l.a === first.ref && l.b === n.ref) || (l.a === n.ref && l.b === first.ref);
          })) {
            state.sociogram.push({ a: first.ref, b: n.ref });
            save();
          }
          show();
        });
        return button;
      }));
      form.append(people);
      const byRef = function (ref) { return label(state.named.find(function (n) { return n.ref === ref; })); };
      form.append(el('ul', { class: 'plain links', id: 'links' }, state.sociogram.map(function (link, index) {
        const remove = el('button', { type: 'button', class: 'link-button', text: relaymapT('js-interview-remove') });
        remove.addEventListener('click', function () { state.sociogram.splice(index, 1); save(); show(); });
        return el('li', {}, [byRef(link.a) + ' – ' + byRef(link.b) + ' ', remove]);
      })));
    },
    summary: function () {
      form.append(el('h1', { text: relaymapT('js-interview-summary-title') }));
      // For the interviewer: the protocol’s words in the interface language (else English).
      const joined = function (nodes, separator) {
        return nodes.flatMap(function (node, i) { return i ? [separator, node] : [node]; });
      };
      const purposes = state.consent.purposes.map(function (p) { return forInterviewer(protocol.consent.purposes[p]); });
      const spoken = LANGUAGES[state.language] || {};
      const who = function (person) {
        return person && person.new ? relaymapT('js-interview-summary-new', { name: label(person) }) : label(person);
      };
      const rows = [
        [relaymapT('js-interview-summary-language'), [spoken.name || protocol.language_names[state.language] || state.language]],
        [relaymapT('js-interview-summary-consent'), joined(purposes, ' · ')],
        [relaymapT('js-interview-summary-person'), [who(state.ego)]]
      ];
      form.append(el('dl', { class: 'summary' }, rows.flatMap(function ([term, value]) { return [el('dt', { text: term }), el('dd', {}, value)]; })));
      form.append(el('h2', { text: relaymapT.plural('js-interview-summary-named', state.named.length) }));
      form.append(el('ul', { id: 'summary-named' }, state.named.map(function (n) {
        const questions = n.generators.map(function (g) { return forInterviewer(protocol.generators.find(function (x) { return x.id === g; }).prompt); });
        const line = composed(relaymapT('js-interview-summary-answers', { name: who(n) }), { questions: el('span', {}, joined(questions, ' / ')) });
        if (n.trust) line.push(' · ', relaymapT('js-interview-summary-trust', { trust: String(n.trust) }));
        if (n.frequency) line.push(' · ', forInterviewer(protocol.interpreters.frequencies.find(function (c) { return c.id === n.frequency; }).label));
        return el('li', {}, line);
      })));
      if (state.sociogram.length) form.append(el('p', { text: relaymapT.plural('js-interview-summary-links', state.sociogram.length) }));
    },
    done: function (message) {
      form.append(el('h1', { text: relaymapT('js-interview-saved') }), el('p', { id: 'done', role: 'status', text: message }));
      const again = el('button', { type: 'button', class: 'button', id: 'another', text: relaymapT('js-interview-another') });
      again.addEventListener('click', function () { state = fresh(); save(); show(); });
      form.append(again);
    }
  };

  function name(person, generatorId) {
    const known = person.id && state.named.find(function (n) { return n.id === person.id; });
    if (known) {
      if (!known.generators.includes(generatorId)) known.generators.push(generatorId);
    } else {
      if (person.id && state.ego && state.ego.id === person.id) return problem(relaymapT('js-interview-named-is-ego'));
      state.named.push({
        ref: 'p' + state.next_ref++, id: person.id, new: person.new, label: person.label, kind: person.kind,
        generators: [generatorId], languages: [], channels: [], trust: null, frequency: null
      });
    }
    save();
    show();
  }

  function unname(n, generatorId) {
    n.generators = n.generators.filter(function (g) { return g !== generatorId; });
    if (n.generators.length === 0) {
      state.named = state.named.filter(function (p) { return p !== n; });
      state.sociogram = state.sociogram.filter(function (l) { return l.a !== n.ref && l.b !== n.ref; });
    }
    save();
    show();
  }

  async function loadCities(select) {
    try {
      const response = await fetch('/api/v1/roster?kind=city', { credentials: 'same-origin' });
      if (!response.ok) return;
      (await response.json()).actors.forEach(function (city) {
        select.append(el('option', { value: city.id, text: city.name }));
      });
    } catch (e) { /* offline: the city stays unsaid */ }
  }

  /** Reads the current screen into the interview; false (with a message) when it cannot go on. */
  function collect(step) {
    const [kind, id] = step.split(':');
    if (kind === 'language') {
      const chosen = form.querySelector('input[name="language"]:checked');
      state.language = chosen ? chosen.value : 'eng';
    } else if (kind === 'consent') {
      state.consent.purposes = ticked('purpose');
      if (state.consent.purposes.length === 0) {
        return problem(relaymapT('js-interview-consent-none'));
      }
    } else if (kind === 'ego') {
      if (!state.ego) {
        const person = readNewPerson(['migrant', 'organisation'], 'ego');
        if (!person) return problem(relaymapT('js-interview-ego-missing'));
        const codes = languageCodes(form.querySelector('#ego-languages').value);
        if (codes.includes(null)) return problem(relaymapT('js-interview-languages-unreadable'));
        person.languages = codes;
        person.channels = ticked('ego-channel');
        const city = form.querySelector('#ego-city').value;
        if (city) person.city = city;
        state.ego = { new: person, label: person.name, kind: person.kind };
      }
    } else if (kind === 'about') {
      const n = state.named.find(function (p) { return p.ref === id; });
      const codes = languageCodes(form.querySelector('#about-languages').value);
      if (codes.includes(null)) return problem(relaymapT('js-interview-languages-unreadable'));
      n.languages = codes;
      n.channels = ticked('about-channel');
      const trust = form.querySelector('input[name="trust"]:checked');
      n.trust = trust ? Number(trust.value) : null;
      const frequency = form.querySelector('input[name="frequency"]:checked');
      n.frequency = frequency ? frequency.value : null;
    }
    return problem(null);
  }

  /** The document the API takes, from the interview as kept. */
  function documentOf() {
    const person = function (p) { return p.id ? { id: p.id } : { new: p.new }; };
    return {
      key: state.key,
      protocol_version: state.protocol_version,
      language: state.language,
      conducted_on: state.conducted_on,
      consent: { purposes: state.consent.purposes },
      ego: person(state.ego),
      named: state.named.map(function (n) {
        const named = Object.assign({ ref: n.ref, generators: n.generators, languages: n.languages, channels: n.channels }, person(n));
        if (n.trust) named.trust = n.trust;
        if (n.frequency) named.frequency = n.frequency;
        return named;
      }),
      sociogram: state.sociogram
    };
  }

  async function submit() {
    await outbox.put({ key: state.key, label: label(state.ego), document: documentOf() });
    await draft.clear();
    state = { done: true };
    form.replaceChildren();
    actions.hidden = true;
    progress.hidden = true;
    render.done(relaymapT('js-interview-done-sending'));
    await flush();
    const left = (await outbox.all()).length;
    const done = document.getElementById('done');
    if (done) {
      done.textContent = left === 0 ? relaymapT('js-interview-done-sent') : relaymapT('js-interview-done-kept');
    }
  }

  function save() {
    if (state && !state.done) draft.put(state);
  }

  function show() {
    form.replaceChildren();
    if (state.done) return;
    const list = steps();
    state.at = Math.min(state.at, list.length - 1);
    const step = list[state.at];
    const [kind, id] = step.split(':');
    render[kind](id);
    progress.hidden = false;
    actions.hidden = false;
    document.getElementById('progress-text').textContent = relaymapT('js-interview-step', { step: state.at + 1, steps: list.length });
    document.getElementById('progress-fill').style.width = Math.round(100 * (state.at + 1) / list.length) + '%';
    back.disabled = state.at === 0;
    next.textContent = kind === 'summary' ? relaymapT('js-interview-send') : relaymapT('js-interview-next');
    next.classList.toggle('warning', kind === 'summary');
  }

  back.addEventListener('click', function () {
    const step = steps()[state.at];
    if (!step.startsWith('ego') || state.ego) collect(step);
    state.at = Math.max(0, state.at - 1);
    save();
    show();
    window.scrollTo(0, 0);
  });
  next.addEventListener('click', async function () {
    const list = steps();
    const step = list[state.at];
    if (!collect(step)) return;
    if (step === 'summary') {
      next.disabled = true;
      try { await submit(); } finally { next.disabled = false; }
      return;
    }
    state.at += 1;
    save();
    show();
    window.scrollTo(0, 0);
    const heading = form.querySelector('h1');
    if (heading) { heading.setAttribute('tabindex', '-1'); heading.focus(); }
  });
  form.addEventListener('submit', function (event) { event.preventDefault(); });

  async function loadProtocol() {
    const response = await fetch('/api/v1/interview-protocol', { credentials: 'same-origin' });
    if (!response.ok) throw new Error('the protocol: ' + response.status);
    const loaded = await response.json();
    loaded.language_names = {};
    loaded.languages.forEach(function (code) {
      loaded.language_names[code] = (LANGUAGES[code] && LANGUAGES[code].autonym) || code;
    });
    return loaded;
  }

  async function start() {
    try {
      protocol = await loadProtocol();
    } catch (e) {
      form.replaceChildren(el('h1', { text: relaymapT('js-interview-title') }), el('p', { class: 'error', text: relaymapT('js-interview-protocol-unavailable') }));
      return;
    }
    const kept = await draft.get();
    state = kept && kept.protocol_version === protocol.version ? kept : fresh();
    save();
    show();
    await showOutbox();
    flush();
  }

  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/interview-sw.js', { scope: '/interview' }).catch(function () { /* online only */ });
  }
  start();
})();
