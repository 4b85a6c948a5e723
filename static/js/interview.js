// The ego-network interview, one question per screen, built from the protocol
// (GET /api/v1/interview-protocol) and made to work without a connection: the interview in
// progress and every finished one are kept in this browser (IndexedDB) until the server has
// them, and sent (POST /api/v1/interviews, each under its own key, so that a retry never writes
// twice) as soon as it answers. The service worker /interview-sw.js keeps the page itself.
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
    ['in_person', 'In person'], ['phone', 'Phone call'], ['sms', 'SMS'], ['whatsapp', 'WhatsApp'],
    ['radio', 'Radio'], ['social_media', 'Social media'], ['email', 'Email']
  ];
  const KINDS = { migrant: 'A person', organisation: 'A group or organisation', responder: 'An office or service' };
  const PURPOSES = ['warnings', 'partners', 'research'];
  // ISO 639-3 code → its BCP 47 tag (for lang attributes) and its name in itself.
  const LANGUAGES = JSON.parse(root.dataset.languages || '{}');
  function tagOf(code) { return (LANGUAGES[code] && LANGUAGES[code].tag) || code; }

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
          item.problem = 'Sign in again to send it.';
          await outbox.put(item);
          break;
        } else if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429) {
          let message = 'The server refused it (' + response.status + ').';
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
      outboxStatus.textContent = 'Every interview has been sent.';
    } else if (waiting.length > 0) {
      outboxStatus.textContent = waiting.length + (waiting.length === 1 ? ' interview waits' : ' interviews wait') +
        ' to be sent. It is kept on this phone and sent when the connection is back.';
    } else {
      outboxStatus.textContent = 'Nothing waits to be sent; the server refused what is listed below.';
    }
    items.forEach(function (item) {
      const line = el('li', { class: item.refused ? 'refused' : 'waiting' }, [
        el('span', { text: item.label + ' (' + item.document.conducted_on + '): ' +
          (item.refused ? 'refused – ' + item.refused : (item.problem || 'waiting')) })
      ]);
      if (item.refused) {
        const discard = el('button', { type: 'button', class: 'link-button', text: 'Discard it' });
        discard.addEventListener('click', async function () {
          if (window.confirm('Discard this interview? Its answers are lost.')) {
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

  function text(texts, language) {
    return (texts && (texts[language || state.language] || texts.eng)) || '';
  }
  /** Attributes of text in the interview's language (Arabic runs right to left). */
  function speaking(attributes) {
    return Object.assign({ lang: tagOf(state.language), dir: state.language === 'ara' ? 'rtl' : 'ltr' }, attributes);
  }

  /** A question about someone: in the interview's language, with English beneath for the
   * interviewer when it is another. */
  function asked(tag, attributes, texts, name) {
    const fill = function (t) { return t.split('{name}').join(name); };
    const node = el(tag, attributes, [el('span', speaking({ class: 'asked', text: fill(text(texts)) }))]);
    if (state.language !== 'eng') node.append(el('span', { class: 'hint translation', lang: 'en', text: fill(text(texts, 'eng')) }));
    return node;
  }

  /** The question in the interview's language, and in English beneath it for the interviewer. */
  function question(texts, name) {
    const fill = function (t) { return t.split('{name}').join(name || ''); };
    const main = fill(text(texts));
    const nodes = [el('h1', speaking({ class: 'question', text: main }))];
    if (state.language !== 'eng') nodes.push(el('p', { class: 'hint', lang: 'en', text: fill(text(texts, 'eng')) }));
    return nodes;
  }

  function fresh() {
    return {
      key: newKey(),
      protocol_version: protocol.version,
      language: 'eng',
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
          results.append(el('li', { class: 'hint', text: 'The roster needs the connection: add them as someone new (duplicates can be merged later).' }));
          return;
        }
        if (found.length === 0) results.append(el('li', { class: 'hint', text: 'Nobody known by that name: add them as someone new.' }));
        const names = {};
        found.forEach(function (a) { names[a.id] = a.name + (a.city ? ' (' + a.city + ')' : ''); });
        found.forEach(function (actor) {
          const button = el('button', { type: 'button', class: 'button secondary pick', 'data-id': actor.id },
            [actor.name + ' · ' + (KINDS[actor.kind] || actor.kind) + (actor.city ? ' · ' + actor.city : '')]);
          button.addEventListener('click', function () { pick({ id: actor.id, label: actor.name, kind: actor.kind }); });
          const item = el('li', {}, [button]);
          if (actor.alike && actor.alike.length) {
            item.append(el('p', { class: 'hint', text: 'May be the same as ' + actor.alike.map(function (id) { return names[id] || id; }).join(', ') + ': ask which one.' }));
          }
          results.append(item);
        });
      }, 250);
    });
    return el('div', { class: 'field' }, [
      el('label', { for: 'roster-q', text: 'Find someone known' }),
      el('p', { class: 'hint', id: 'roster-hint', text: 'Type two letters or more of the name.' }),
      input, results
    ]);
  }

  function newPersonFields(kinds, prefix) {
    return el('fieldset', { class: 'field new-person' }, [
      el('legend', { text: 'Or add someone new' }),
      el('label', { for: prefix + '-name', text: 'Name' }),
      el('input', { id: prefix + '-name', type: 'text', autocomplete: 'off', maxlength: '200' }),
      kinds.length > 1 ? el('div', { class: 'choices big', role: 'radiogroup', 'aria-label': 'Who they are' }, kinds.map(function (kind, i) {
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
      form.append(el('h1', { text: 'A new interview' }),
        el('p', { text: 'Choose the language you will hold it in: the questions are shown in it, with English beneath.' }),
        el('div', { class: 'choices big', role: 'radiogroup', 'aria-label': 'Interview language' }, protocol.languages.map(function (code) {
          return el('label', { class: 'check' }, [
            el('input', { type: 'radio', name: 'language', value: code, checked: state.language === code }),
            el('span', { lang: tagOf(code), text: protocol.language_names[code] || code })
          ]);
        })));
    },
    consent: function () {
      form.append.apply(form, question(protocol.consent.statement));
      form.append(el('p', { class: 'hint', text: 'Read it to them, or let them read it. Tick only what they agree to: each on its own.' }));
      form.append(el('fieldset', { class: 'field' }, [el('legend', { text: 'They agree to' })].concat(PURPOSES.map(function (purpose) {
        return el('label', { class: 'check consent' }, [
          el('input', { type: 'checkbox', name: 'purpose', value: purpose, checked: state.consent.purposes.includes(purpose) }),
          el('span', speaking({ text: text(protocol.consent.purposes[purpose]) }))
        ]);
      }))));
      form.append(el('p', { class: 'note', text: 'Recorded on ' + state.conducted_on + ' by ' + root.dataset.interviewer + '.' }));
    },
    ego: function () {
      form.append(el('h1', { text: 'Who is being interviewed?' }));
      if (state.ego) {
        form.append(el('p', { class: 'chosen', text: 'Chosen: ' + label(state.ego) + ' ' }, []));
        const change = el('button', { type: 'button', class: 'link-button', text: 'Choose someone else' });
        change.addEventListener('click', function () { state.ego = null; show(); });
        form.querySelector('.chosen').append(change);
        return;
      }
      form.append(rosterSearch(['migrant', 'organisation'], function (person) { state.ego = person; save(); show(); }, 'Name'));
      const fields = newPersonFields(['migrant', 'organisation'], 'ego');
      fields.append(
        el('label', { for: 'ego-languages', text: 'Languages they speak (first language first)' }),
        languageInput('ego-languages', state.language !== 'eng' ? [state.language] : []),
        el('label', { for: 'ego-city', text: 'Where they live' }),
        el('select', { id: 'ego-city' }, [el('option', { value: '', text: 'Not said' })]),
        el('p', { class: 'field-label', text: 'How they can be reached' }),
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
        const remove = el('button', { type: 'button', class: 'link-button', text: 'Remove' });
        remove.addEventListener('click', function () { unname(n, id); });
        return el('li', {}, [el('span', { text: n.label + ' ' }), remove]);
      }));
      form.append(el('h2', { class: 'small', text: here.length ? 'Named here' : 'Nobody named yet' }), list);
      const others = state.named.filter(function (n) { return !n.generators.includes(id) && generator.kinds.includes(n.kind); });
      if (others.length) {
        form.append(el('p', { class: 'field-label', text: 'Someone they named already' }), el('div', { class: 'choices' }, others.map(function (n) {
          const again = el('button', { type: 'button', class: 'button secondary small', text: n.label });
          again.addEventListener('click', function () { n.generators.push(id); save(); show(); });
          return again;
        })));
      }
      form.append(rosterSearch(generator.kinds, function (person) { name(person, id); }, 'Name'));
      const fields = newPersonFields(generator.kinds, 'named');
      const add = el('button', { type: 'button', class: 'button secondary', id: 'add-new', text: 'Add them' });
      add.addEventListener('click', function () {
        const person = readNewPerson(generator.kinds, 'named');
        if (!person) return problem('Write their name first.');
        name({ new: person, label: person.name, kind: person.kind }, id);
      });
      fields.append(add);
      form.append(fields);
    },
    about: function (ref) {
      const n = state.named.find(function (p) { return p.ref === ref; });
      const i = protocol.interpreters;
      form.append(el('h1', { text: 'About ' + n.label }));
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
            el('span', speaking({ text: text(choice.label) }))]);
        }))
      ]));
    },
    sociogram: function () {
      form.append.apply(form, question(protocol.sociogram));
      if (state.named.length < 2) {
        form.append(el('p', { text: 'Fewer than two people were named: there is nobody to link.' }));
        return;
      }
      form.append(el('p', { class: 'hint', text: 'Tap one person, then another who knows them. Optional.' }));
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
        const remove = el('button', { type: 'button', class: 'link-button', text: 'Remove' });
        remove.addEventListener('click', function () { state.sociogram.splice(index, 1); save(); show(); });
        return el('li', {}, [byRef(link.a) + ' – ' + byRef(link.b) + ' ', remove]);
      })));
    },
    summary: function () {
      form.append(el('h1', { text: 'Check before sending' }));
      const purposes = state.consent.purposes.map(function (p) { return text(protocol.consent.purposes[p], 'eng'); });
      const rows = [
        ['Language', protocol.language_names[state.language] || state.language],
        ['Consent', purposes.join(' · ')],
        ['Person interviewed', label(state.ego) + (state.ego && state.ego.new ? ' (new)' : '')]
      ];
      form.append(el('dl', { class: 'summary' }, rows.flatMap(function ([term, value]) { return [el('dt', { text: term }), el('dd', { text: value })]; })));
      form.append(el('h2', { text: state.named.length + (state.named.length === 1 ? ' person named' : ' people named') }));
      form.append(el('ul', { id: 'summary-named' }, state.named.map(function (n) {
        const questions = n.generators.map(function (g) { return text(protocol.generators.find(function (x) { return x.id === g; }).prompt, 'eng'); });
        return el('li', { text: n.label + (n.new ? ' (new)' : '') + ': ' + questions.join(' / ') +
          (n.trust ? ' · trust ' + n.trust + '/5' : '') + (n.frequency ? ' · ' + text(protocol.interpreters.frequencies.find(function (c) { return c.id === n.frequency; }).label, 'eng') : '') });
      })));
      if (state.sociogram.length) form.append(el('p', { text: state.sociogram.length + ' link(s) between people named.' }));
    },
    done: function (message) {
      form.append(el('h1', { text: 'Interview saved' }), el('p', { id: 'done', role: 'status', text: message }));
      const again = el('button', { type: 'button', class: 'button', id: 'another', text: 'Start another interview' });
      again.addEventListener('click', function () { state = fresh(); save(); show(); });
      form.append(again);
    }
  };

  function name(person, generatorId) {
    const known = person.id && state.named.find(function (n) { return n.id === person.id; });
    if (known) {
      if (!known.generators.includes(generatorId)) known.generators.push(generatorId);
    } else {
      if (person.id && state.ego && state.ego.id === person.id) return problem('That is the person interviewed.');
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
        return problem('Without consent to at least one use, nothing is recorded: end the interview here.');
      }
    } else if (kind === 'ego') {
      if (!state.ego) {
        const person = readNewPerson(['migrant', 'organisation'], 'ego');
        if (!person) return problem('Find the person in the roster, or write their name to add them.');
        const codes = languageCodes(form.querySelector('#ego-languages').value);
        if (codes.includes(null)) return problem('Give languages as listed, or as three-letter codes, separated by commas.');
        person.languages = codes;
        person.channels = ticked('ego-channel');
        const city = form.querySelector('#ego-city').value;
        if (city) person.city = city;
        state.ego = { new: person, label: person.name, kind: person.kind };
      }
    } else if (kind === 'about') {
      const n = state.named.find(function (p) { return p.ref === id; });
      const codes = languageCodes(form.querySelector('#about-languages').value);
      if (codes.includes(null)) return problem('Give languages as listed, or as three-letter codes, separated by commas.');
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
    render.done('Kept on this phone; sending it now.');
    await flush();
    const left = (await outbox.all()).length;
    const done = document.getElementById('done');
    if (done) {
      done.textContent = left === 0 ? 'Sent: the network has it.' : 'Kept on this phone: it is sent as soon as the connection is back.';
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
    document.getElementById('progress-text').textContent = 'Step ' + (state.at + 1) + ' of ' + list.length;
    document.getElementById('progress-fill').style.width = Math.round(100 * (state.at + 1) / list.length) + '%';
    back.disabled = state.at === 0;
    next.textContent = kind === 'summary' ? 'Send the interview' : 'Next';
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
      form.replaceChildren(el('h1', { text: 'Interview' }), el('p', { class: 'error', text: 'The questions could not be loaded: open this page once with a connection.' }));
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
