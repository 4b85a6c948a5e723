// The crisis scenario: an area drawn on the map (with undo, cancel and clear) or read from a
// GeoJSON file, conditions from the form, POST /api/v1/coverage, and the answer as numbers,
// tables that name people (with their languages and channels), a sheet to print with the
// conditions, and markers in one colour meaning: reliability on a colour-blind-safe scale
// (viridis), the cut off as hollow rings, responders as squares, the area as a dashed outline.
// A reached migrant’s relay path shows on tap, on hover, and on keyboard focus of its row.
(function () {
  'use strict';
  const R = window.relaymap;
  const element = document.getElementById('map');
  const areaStatus = document.getElementById('area-status');
  const runStatus = document.getElementById('run-status');
  const pathStatus = document.getElementById('path-status');
  const AREA = '#5a2d82';
  // Rows a results table shows on screen; the CSV and the printed sheet have them all.
  const SHOWN_ROWS = 100;
  const twoDecimals = new Intl.NumberFormat(relaymapT.lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const oneDecimal = new Intl.NumberFormat(relaymapT.lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  /** Items of a list, as the page’s language separates them. */
  function list(items) { return items.join(relaymapT('js-scenario-list-separator')); }
  /** A name kept whole inside text of the other direction (FSI … PDI). */
  function isolated(text) { return '\u2068' + text + '\u2069'; }
  /** A moment as the page’s language writes it. */
  function when(date) { return date.toLocaleString(relaymapT.lang); }
  let area = null; // a GeoJSON geometry
  let areaLabel = ''; // how the area was made, for the conditions
  let drawn = null; // the layer showing it

  /** Viridis, from 0 (dark purple: weak) to 1 (yellow: reliable). */
  const VIRIDIS = [[68, 1, 84], [59, 82, 139], [33, 145, 140], [94, 201, 98], [253, 231, 37]];
  function viridis(t) {
    const x = Math.max(0, Math.min(1, t)) * (VIRIDIS.length - 1);
    const i = Math.min(VIRIDIS.length - 2, Math.floor(x));
    const f = x - i;
    const c = VIRIDIS[i].map(function (v, k) { return Math.round(v + f * (VIRIDIS[i + 1][k] - v)); });
    return 'rgb(' + c.join(',') + ')';
  }

  function showArea(geometry, layer, view, label) {
    if (drawn) view.map.removeLayer(drawn);
    area = geometry;
    areaLabel = label;
    drawn = layer;
    drawn.addTo(view.map);
    element.dataset.area = JSON.stringify(area);
    areaStatus.textContent = relaymapT('js-scenario-area-set', { how: label });
    document.getElementById('area-clear').disabled = false;
  }

  function clearArea(view) {
    if (drawn) view.map.removeLayer(drawn);
    drawn = null;
    area = null;
    areaLabel = '';
    delete element.dataset.area;
    areaStatus.textContent = relaymapT('js-scenario-no-area');
    document.getElementById('area-clear').disabled = true;
  }

  /** A number already written out, for a cell: right-aligned like the numbers. */
  function numeric(text) { return { numeric: text }; }

  /** Appends a row of text cells; numbers right-aligned; a cell may be an element. */
  function row(tbody, cells, labels) {
    const tr = document.createElement('tr');
    cells.forEach(function (value, i) {
      const td = document.createElement('td');
      if (value instanceof Element) td.append(value);
      else if (typeof value === 'number') td.textContent = relaymapT.number(value);
      else if (value && value.numeric !== undefined) td.textContent = value.numeric;
      else td.textContent = String(value);
      if (typeof value === 'number' || (value && value.numeric !== undefined)) td.className = 'num';
      if (labels && labels[i]) td.dataset.label = labels[i];
      tr.append(td);
    });
    tbody.append(tr);
    return tr;
  }

  /** Fills a results table: at most SHOWN_ROWS rows on screen, all of them in print. */
  function fill(table, entries, cells) {
    const body = document.querySelector(table + ' tbody');
    body.replaceChildren();
    const labels = Array.from(document.querySelectorAll(table + ' thead th')).map(function (th) { return th.textContent; });
    entries.forEach(function (entry, i) {
      const tr = row(body, cells(entry), labels);
      if (i >= SHOWN_ROWS) tr.classList.add('print-only-row');
    });
    const more = document.querySelector(table + ' + .more');
    if (more) more.textContent = entries.length > SHOWN_ROWS ? relaymapT.plural('js-scenario-more', entries.length - SHOWN_ROWS) : '';
    document.querySelector(table).closest('.result-table').hidden = entries.length === 0;
  }

  /**
   * The headline of the results: the page’s language’s whole sentence, each number in bold
   * (the sentence is cut at its placeholders, so that each language orders them its own way).
   */
  function headline(report) {
    const values = {
      reached: ['strong', 'result-reached', relaymapT.number(report.reached_count)],
      targets: ['strong', 'result-targets', relaymapT.number(report.targets)],
      coverage: ['span', 'result-coverage', relaymapT('js-scenario-percent', { value: oneDecimal.format(100 * report.coverage) })],
      unreached: ['strong', 'result-unreached', relaymapT.number(report.unreached.length)],
    };
    // Chosen by the count of targets; the placeholders are left in ({$reached}...).
    const sentence = relaymapT.plural('js-scenario-headline', report.targets);
    const parts = sentence.split(/\{\$([A-Za-z0-9_-]+)\}/);
    const line = document.getElementById('headline');
    line.replaceChildren();
    parts.forEach(function (part, i) {
      if (i % 2 === 0) {
        if (part) line.append(part);
        return;
      }
      const value = values[part];
      if (!value) { line.append('{$' + part + '}'); return; }
      const element = document.createElement(value[0]);
      element.id = value[1];
      element.textContent = value[2];
      line.append(element);
    });
  }

  /** Offers text (or a Blob) as a file to download. */
  function download(name, type, text) {
    const link = document.createElement('a');
    link.href = URL.createObjectURL(text instanceof Blob ? text : new Blob([text], { type: type }));
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  }

  /** A moment as a file name part: 2026-12-03-1142. */
  function stamp(date) {
    const pad = function (n) { return String(n).padStart(2, '0'); };
    return date.getFullYear() + '-' + pad(date.getMonth() + 1) + '-' + pad(date.getDate()) + '-' + pad(date.getHours()) + pad(date.getMinutes());
  }

  /** Who an id is, in words: their name, or the id when unknown. */
  function nameOf(view, id) {
    const actor = view.byId.get(id);
    return actor ? (actor.name || id) : id;
  }

  /**
   * The result as GeoJSON: each located target as a Point with its outcome, name, languages
   * and channels, and the area with the conditions.
   */
  function asGeoJson(report, view, conditions) {
    const features = [];
    const point = function (id, properties) {
      const marker = view.markers.get(id);
      if (!marker) return;
      const actor = view.byId.get(id) || {};
      const at = marker.getLatLng();
      properties.name = actor.name || id;
      properties.languages = actor.languages || [];
      properties.channels = actor.channels || [];
      features.push({ type: 'Feature', id: id, geometry: { type: 'Point', coordinates: [at.lng, at.lat] }, properties: properties });
    };
    report.reached.forEach(function (hit) {
      point(hit.id, {
        reached: true, hops: hit.hops, reliability: hit.reliability, path: hit.path,
        path_names: hit.path.map(function (id) { return nameOf(view, id); }),
      });
    });
    report.unreached.forEach(function (id) { point(id, { reached: false }); });
    if (area) features.push({ type: 'Feature', geometry: area, properties: { area: true, conditions: conditions } });
    return JSON.stringify({ type: 'FeatureCollection', features: features });
  }

  let last = null;
  let lastQuery = null;
  let lastConditions = null;
  let ranAt = null;
  let pathLine = null;
  let pinned = null; // the migrant whose path stays shown (tapped or focused)

  /** Draws a reached migrant’s relay path on the map and says it in words. */
  function showPath(id, view) {
    if (pathLine) view.map.removeLayer(pathLine);
    pathLine = null;
    const marker = id && view.markers.get(id);
    if (!marker || !marker.relayPath) {
      pathStatus.textContent = '';
      return;
    }
    const points = marker.relayPath
      .map(function (p) { return view.markers.get(p); })
      .filter(Boolean)
      .map(function (m) { return m.getLatLng(); });
    pathLine = L.polyline(points, { color: '#1b1b1b', weight: 3.5, dashArray: '8 4', interactive: false, className: 'relay-path' });
    pathLine.addTo(view.map);
    pathStatus.textContent = relaymapT.plural('js-scenario-path', marker.relayPath.length - 1, {
      name: nameOf(view, id), path: pathWords(marker.relayPath, view), reliability: twoDecimals.format(marker.reliability),
    });
  }

  /** A relay path in words: its actors’ names in the reading order. */
  function pathWords(path, view) {
    return path.map(function (id) { return isolated(nameOf(view, id)); }).join(relaymapT('js-scenario-path-separator'));
  }

  /** The conditions of a query, in words, as [term, description] pairs. */
  function conditionsOf(query, view, at) {
    const channels = query.channels && query.channels.length ? R.channelWords(query.channels) : relaymapT('js-scenario-cond-all-channels');
    const excluded = (query.exclude || []).map(function (id) { return nameOf(view, id); });
    return [
      [relaymapT('js-scenario-cond-run-at'), when(at)],
      [relaymapT('js-scenario-cond-area'), query.area ? areaLabel || relaymapT('js-scenario-cond-area-drawn') : relaymapT('js-scenario-cond-area-none')],
      [relaymapT('js-scenario-cond-channels'), channels],
      [relaymapT('js-scenario-cond-hops'), relaymapT('js-scenario-cond-at-most', { count: query.max_hops })],
      [relaymapT('js-scenario-cond-trust'), relaymapT('js-scenario-cond-at-least', { value: query.min_trust })],
      [relaymapT('js-scenario-cond-language'), query.language_check ? relaymapT('js-scenario-cond-language-shared') : relaymapT('js-scenario-cond-language-not-required')],
      [relaymapT('js-scenario-cond-unavailable'), excluded.length ? list(excluded) : relaymapT('js-scenario-cond-nobody')],
    ];
  }

  function show(report, view, query) {
    last = report;
    ranAt = new Date();
    lastConditions = conditionsOf(query, view, ranAt);
    const conditions = document.getElementById('conditions');
    conditions.replaceChildren();
    lastConditions.forEach(function (pair) {
      const dt = document.createElement('dt');
      dt.textContent = pair[0];
      const dd = document.createElement('dd');
      dd.textContent = pair[1];
      conditions.append(dt, dd);
    });
    // Markers: everything faded first; then the targets by outcome.
    view.markers.forEach(function (marker) {
      marker.relayPath = null;
      if (marker.setStyle) marker.setStyle({ fillColor: '#b1b4b6', fillOpacity: 0.35, color: '#b1b4b6', weight: 0.5, radius: 3 });
      const path = marker.getElement && marker.getElement();
      if (path) path.classList.remove('reached', 'unreached');
    });
    report.reached.forEach(function (hit) {
      const marker = view.markers.get(hit.id);
      if (!marker || !marker.setStyle) return;
      marker.relayPath = hit.path;
      marker.reliability = hit.reliability;
      marker.setStyle({ fillColor: viridis(hit.reliability), fillOpacity: 1, color: '#1b1b1b', weight: 0.5, radius: 5 });
      const path = marker.getElement();
      if (path) path.classList.add('reached');
    });
    report.unreached.forEach(function (id) {
      const marker = view.markers.get(id);
      if (!marker || !marker.setStyle) return;
      marker.setStyle({ fillColor: '#ffffff', fillOpacity: 1, color: '#0b0c0c', weight: 2.5, radius: 6 });
      marker.bringToFront();
      const path = marker.getElement();
      if (path) path.classList.add('unreached');
    });
    pinned = null;
    showPath(null, view);
    headline(report);
    const languages = function (entry) { return list((entry.languages || []).map(R.languageName)) || '–'; };
    const channels = function (entry) { return R.channelWords(entry.channels) || '–'; };
    const person = function (id, name) {
      const link = document.createElement('a');
      link.href = '/actors/' + encodeURIComponent(id);
      link.textContent = name || id;
      return link;
    };
    fill('#call-list', report.call_list, function (entry) {
      return [person(entry.id, entry.name), R.KIND_WORDS[entry.kind] || entry.kind || '', languages(entry), channels(entry), entry.covers, entry.inside_area ? relaymapT('js-scenario-yes') : relaymapT('js-scenario-no')];
    });
    fill('#failures', report.single_points_of_failure, function (entry) {
      return [person(entry.id, entry.name), R.KIND_WORDS[entry.kind] || entry.kind || '', languages(entry), channels(entry), entry.cut_off];
    });
    fill('#by-language', Object.entries(report.unreached_by_language), function (entry) {
      return [R.languageName(entry[0]), entry[1]];
    });
    fill('#cut-off', report.unreached, function (id) {
      const actor = view.byId.get(id) || {};
      return [person(id, actor.name), languages(actor), channels(actor)];
    });
    // The most fragile first: whom to check on after the cut off.
    const fragile = report.reached.slice().sort(function (a, b) { return a.reliability - b.reliability; });
    fill('#reached', fragile, function (hit) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'link-button show-path';
      button.dataset.id = hit.id;
      button.textContent = nameOf(view, hit.id);
      const pin = function () { pinned = hit.id; showPath(hit.id, view); };
      button.addEventListener('focus', pin);
      button.addEventListener('click', pin);
      return [button, numeric(twoDecimals.format(hit.reliability)), hit.hops, pathWords(hit.path, view)];
    });
    document.getElementById('results').hidden = false;
    document.getElementById('printed-heading').textContent = relaymapT('js-scenario-printed', { when: when(ranAt) });
  }

  R.networkMap(element, areaStatus).then(function (view) {
    areaStatus.textContent = relaymapT('js-scenario-no-area-yet');
    R.legend(view.map, relaymapT('js-scenario-legend-title'), [
      { svg: R.shapeSvg('responder', '#33415c'), label: relaymapT('js-scenario-legend-responder') },
      { svg: R.shapeSvg('organisation', '#fff', { stroke: '#33415c' }), label: relaymapT('js-scenario-legend-organisation') },
      { svg: '<span class="ramp" aria-hidden="true"></span>', label: relaymapT('js-scenario-legend-reached') },
      { svg: R.shapeSvg('migrant', '#fff', { stroke: '#0b0c0c', strokeWidth: 3 }), label: relaymapT('js-scenario-legend-cut-off') },
      { svg: R.shapeSvg('migrant', '#b1b4b6', { stroke: '#b1b4b6' }), label: relaymapT('js-scenario-legend-outside') },
      { svg: '<svg width="16" height="16" aria-hidden="true" focusable="false"><rect x="1" y="3" width="14" height="10" fill="none" stroke="' + AREA + '" stroke-width="2" stroke-dasharray="4 2"/></svg>', label: relaymapT('js-scenario-legend-area') },
      { svg: '<svg width="16" height="16" aria-hidden="true" focusable="false"><line x1="1" y1="8" x2="15" y2="8" stroke="#1b1b1b" stroke-width="3" stroke-dasharray="4 2"/></svg>', label: relaymapT('js-scenario-legend-path') },
    ]);
    // Responders in one neutral colour: colour on this map means reliability only.
    view.markers.forEach(function (marker) {
      const actor = marker.actor;
      if (actor.kind === 'city') {
        view.map.removeLayer(marker); // a place, named on its outline; it relays nothing
      } else if (actor.kind !== 'migrant' && marker.setIcon) {
        const hollow = actor.kind === 'organisation';
        const svg = R.shapeSvg(actor.kind, hollow ? '#fff' : '#33415c', { stroke: '#33415c', strokeWidth: hollow ? 2 : 1.5 });
        marker.setIcon(L.divIcon({ html: svg, className: 'actor actor-' + actor.kind, iconSize: [16, 16], iconAnchor: [8, 8] }));
      }
      if (actor.kind === 'migrant') {
        marker.setStyle({ fillColor: '#b1b4b6', color: '#b1b4b6', fillOpacity: 0.5 });
        marker.on('mouseover', function () { if (!pinned) showPath(actor.id, view); });
        marker.on('mouseout', function () { if (!pinned) showPath(null, view); });
        marker.on('click', function () { pinned = actor.id; showPath(actor.id, view); });
      }
    });

    // Drawing: each click on the map adds a corner; Undo takes the last one back, Cancel
    // stops, Finish closes the polygon; Clear takes the area away.
    const drawButton = document.getElementById('draw-start');
    const finishButton = document.getElementById('draw-finish');
    const undoButton = document.getElementById('draw-undo');
    const cancelButton = document.getElementById('draw-cancel');
    let corners = [];
    let sketch = null;
    function redraw() {
      if (sketch) view.map.removeLayer(sketch);
      sketch = corners.length ? L.polygon(corners, { color: AREA, dashArray: '4 4', interactive: false, className: 'sketch' }).addTo(view.map) : null;
      finishButton.disabled = corners.length < 3;
      undoButton.disabled = corners.length === 0;
      element.dataset.corners = String(corners.length);
      areaStatus.textContent = corners.length < 3
        ? relaymapT.plural('js-scenario-corners-more', corners.length)
        : relaymapT.plural('js-scenario-corners-finish', corners.length);
    }
    function stopDrawing() {
      element.classList.remove('drawing');
      view.map.off('click', addCorner);
      drawButton.disabled = false;
      finishButton.disabled = true;
      undoButton.disabled = true;
      cancelButton.disabled = true;
      if (sketch) view.map.removeLayer(sketch);
      sketch = null;
    }
    function addCorner(event) {
      corners.push(event.latlng);
      redraw();
    }
    drawButton.addEventListener('click', function () {
      corners = [];
      element.classList.add('drawing');
      view.map.on('click', addCorner);
      drawButton.disabled = true;
      cancelButton.disabled = false;
      redraw();
    });
    undoButton.addEventListener('click', function () {
      corners.pop();
      redraw();
    });
    cancelButton.addEventListener('click', function () {
      stopDrawing();
      areaStatus.textContent = area ? relaymapT('js-scenario-cancelled-kept') : relaymapT('js-scenario-cancelled-none');
    });
    finishButton.addEventListener('click', function () {
      const polygon = L.polygon(corners, { color: AREA, weight: 2.5, dashArray: '8 4', fillOpacity: 0.06, interactive: false, className: 'area' });
      const count = corners.length;
      stopDrawing();
      showArea(polygon.toGeoJSON().geometry, polygon, view, relaymapT.plural('js-scenario-area-drawn', count));
    });
    document.getElementById('area-clear').addEventListener('click', function () { clearArea(view); });
    document.addEventListener('keydown', function (event) {
      if (!element.classList.contains('drawing')) return;
      if (event.key === 'Escape') cancelButton.click();
      if ((event.ctrlKey || event.metaKey) && event.key === 'z') { event.preventDefault(); undoButton.click(); }
    });
    document.getElementById('area-file').addEventListener('change', async function (event) {
      const file = event.target.files[0];
      if (!file) return;
      try {
        const geojson = JSON.parse(await file.text());
        const layer = L.geoJSON(geojson, { style: { color: AREA, dashArray: '8 4', fillOpacity: 0.06 }, interactive: false });
        const geometry = geojson.type === 'FeatureCollection' ? geojson.features[0].geometry
          : geojson.type === 'Feature' ? geojson.geometry : geojson;
        showArea(geometry, layer, view, relaymapT('js-scenario-area-from-file', { file: file.name }));
      } catch (error) {
        areaStatus.textContent = relaymapT('js-scenario-not-geojson', { error: error.message });
      }
    });

    // Unavailable actors, picked by name.
    const excluded = [];
    const excludeInput = document.getElementById('exclude');
    const excludeList = document.getElementById('excluded');
    const excludeError = document.getElementById('exclude-error');
    const names = document.getElementById('exclude-names');
    view.actors.filter(function (a) { return a.kind === 'organisation' || a.kind === 'responder'; }).forEach(function (actor) {
      const option = document.createElement('option');
      option.value = actor.name || actor.id;
      option.textContent = R.KIND_WORDS[actor.kind];
      names.append(option);
    });
    function drawExcluded() {
      excludeList.replaceChildren();
      excluded.forEach(function (id, i) {
        const item = document.createElement('li');
        item.textContent = nameOf(view, id) + ' ';
        const remove = document.createElement('button');
        remove.type = 'button';
        remove.className = 'link-button';
        remove.textContent = relaymapT('js-scenario-remove');
        remove.setAttribute('aria-label', relaymapT('js-scenario-remove-label', { name: nameOf(view, id) }));
        remove.addEventListener('click', function () { excluded.splice(i, 1); drawExcluded(); });
        item.append(remove);
        excludeList.append(item);
      });
    }
    function addExcluded() {
      const typed = excludeInput.value.trim();
      excludeError.textContent = '';
      excludeInput.closest('.field').classList.remove('has-error');
      if (!typed) return;
      const lower = typed.toLowerCase();
      const matches = view.actors.filter(function (a) { return a.id === typed || (a.name || '').toLowerCase() === lower; });
      if (matches.length !== 1) {
        excludeError.textContent = matches.length ? relaymapT('js-scenario-several-called', { name: typed }) : relaymapT('js-scenario-none-called', { name: typed });
        excludeInput.closest('.field').classList.add('has-error');
        return;
      }
      if (!excluded.includes(matches[0].id)) excluded.push(matches[0].id);
      excludeInput.value = '';
      drawExcluded();
    }
    document.getElementById('exclude-add').addEventListener('click', addExcluded);
    excludeInput.addEventListener('keydown', function (event) {
      if (event.key === 'Enter') { event.preventDefault(); addExcluded(); }
    });

    const headers = function () {
      return { 'content-type': 'application/json', 'x-csrf-token': R.csrfToken() };
    };
    // The server writes the CSV (one rule for every CSV relaymap makes: no cell runs as a
    // spreadsheet formula), for the query that gave the result on screen.
    document.getElementById('download-csv').addEventListener('click', async function () {
      if (!lastQuery) return;
      const response = await fetch('/api/v1/coverage?format=csv', {
        method: 'POST', credentials: 'same-origin', headers: headers(), body: JSON.stringify(lastQuery),
      });
      if (!response.ok) {
        runStatus.textContent = relaymapT('js-scenario-csv-failed', { status: String(response.status) });
        return;
      }
      download('relaymap-scenario-' + stamp(ranAt) + '.csv', 'text/csv', await response.blob());
    });
    document.getElementById('download-geojson').addEventListener('click', function () {
      if (!last) return;
      const conditions = Object.fromEntries(lastConditions);
      download('relaymap-scenario-' + stamp(ranAt) + '.geojson', 'application/geo+json', asGeoJson(last, view, conditions));
    });
    document.getElementById('print').addEventListener('click', function () { window.print(); });

    /** The query the form describes. */
    function currentQuery() {
      const query = {
        max_hops: Number(document.getElementById('max-hops').value),
        min_trust: Number(document.getElementById('min-trust').value),
        language_check: document.getElementById('language-check').checked,
      };
      if (area) query.area = area;
      const channels = Array.from(document.querySelectorAll('input[name="channel"]:checked')).map(function (box) { return box.value; });
      if (channels.length) query.channels = channels;
      if (excluded.length) query.exclude = excluded.slice();
      return query;
    }

    /** Puts a saved query back into the form and onto the map. */
    function loadQuery(query, name) {
      document.getElementById('max-hops').value = query.max_hops || 3;
      document.getElementById('min-trust').value = query.min_trust || 0;
      document.getElementById('language-check').checked = query.language_check !== false;
      document.querySelectorAll('input[name="channel"]').forEach(function (box) {
        box.checked = (query.channels || []).includes(box.value);
      });
      excluded.splice(0, excluded.length, ...(query.exclude || []));
      drawExcluded();
      if (query.area) {
        showArea(query.area, L.geoJSON(query.area, { style: { color: AREA, dashArray: '8 4', fillOpacity: 0.06 }, interactive: false }), view, relaymapT('js-scenario-area-saved-with', { name: name }));
      } else {
        clearArea(view);
      }
    }

    let saved = [];
    const savedSelect = document.getElementById('saved');
    const saveStatus = document.getElementById('save-status');
    async function listSaved() {
      const response = await fetch('/api/v1/scenarios', { credentials: 'same-origin' });
      if (!response.ok) return;
      saved = (await response.json()).scenarios;
      savedSelect.replaceChildren(savedSelect.options[0]);
      saved.forEach(function (scenario) {
        const option = document.createElement('option');
        option.value = scenario.name;
        option.textContent = relaymapT('js-scenario-saved-option', { name: scenario.name, by: scenario.saved_by, date: scenario.saved_at.slice(0, 10) });
        savedSelect.append(option);
      });
      const none = saved.length === 0;
      document.getElementById('load').disabled = none;
      document.getElementById('delete-saved').disabled = none;
    }
    listSaved();
    document.getElementById('save').addEventListener('click', async function () {
      const name = document.getElementById('scenario-name').value.trim();
      if (!name) { saveStatus.textContent = relaymapT('js-scenario-name-first'); return; }
      const response = await fetch('/api/v1/scenarios/' + encodeURIComponent(name), {
        method: 'PUT', credentials: 'same-origin', headers: headers(), body: JSON.stringify(currentQuery()),
      });
      const body = await response.json();
      saveStatus.textContent = response.ok ? relaymapT('js-scenario-saved-as', { name: body.name }) : relaymapT('js-scenario-not-saved', { error: body.error.message });
      await listSaved();
    });
    document.getElementById('load').addEventListener('click', function () {
      const chosen = saved.find(function (s) { return s.name === savedSelect.value; });
      if (!chosen) { saveStatus.textContent = relaymapT('js-scenario-choose-first'); return; }
      loadQuery(chosen.query, chosen.name);
      document.getElementById('scenario').requestSubmit();
    });
    document.getElementById('delete-saved').addEventListener('click', async function () {
      const name = savedSelect.value;
      if (!name) { saveStatus.textContent = relaymapT('js-scenario-choose-first'); return; }
      if (!window.confirm(relaymapT('js-scenario-delete-confirm', { name: name }))) return;
      const response = await fetch('/api/v1/scenarios/' + encodeURIComponent(name), {
        method: 'DELETE', credentials: 'same-origin', headers: headers(),
      });
      saveStatus.textContent = response.ok ? relaymapT('js-scenario-deleted', { name: name }) : relaymapT('js-scenario-not-deleted', { status: String(response.status) });
      await listSaved();
    });

    document.getElementById('scenario').addEventListener('submit', async function (event) {
      event.preventDefault();
      // Large cities take seconds: show that the run goes on, and for how long.
      const runButton = document.getElementById('run');
      const progress = document.getElementById('run-progress');
      const started = Date.now();
      const seconds = function () { return Math.round((Date.now() - started) / 1000); };
      runButton.disabled = true;
      progress.hidden = false;
      runStatus.textContent = relaymapT('js-scenario-running');
      const ticker = setInterval(function () { runStatus.textContent = relaymapT('js-scenario-running-for', { seconds: seconds() }); }, 1000);
      try {
        const query = currentQuery();
        const response = await fetch('/api/v1/coverage', {
          method: 'POST',
          credentials: 'same-origin',
          headers: headers(),
          body: JSON.stringify(query),
        });
        const body = await response.json();
        if (!response.ok) {
          runStatus.textContent = relaymapT('js-scenario-refused', { error: body.error.message });
          return;
        }
        runStatus.textContent = relaymapT('js-scenario-done', { seconds: seconds() });
        lastQuery = query;
        document.getElementById('results').dataset.query = JSON.stringify(query);
        show(body, view, query);
      } catch (error) {
        runStatus.textContent = relaymapT('js-scenario-could-not-run', { error: error.message });
      } finally {
        clearInterval(ticker);
        progress.hidden = true;
        runButton.disabled = false;
      }
    });
  }).catch(function (error) {
    areaStatus.textContent = relaymapT('js-map-could-not-load', { error: (error && error.message) || String(error) });
    console.error(error);
  });
})();
