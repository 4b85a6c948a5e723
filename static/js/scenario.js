// The crisis scenario: an area drawn on the map (or read from a GeoJSON file), conditions from
// the form, POST /api/v1/coverage, and the answer as numbers, tables and coloured markers.
(function () {
  'use strict';
  const element = document.getElementById('map');
  const areaStatus = document.getElementById('area-status');
  const runStatus = document.getElementById('run-status');
  let area = null; // a GeoJSON geometry
  let drawn = null; // the layer showing it

  function showArea(geometry, layer, view) {
    if (drawn) view.map.removeLayer(drawn);
    area = geometry;
    drawn = layer;
    drawn.addTo(view.map);
    element.dataset.area = JSON.stringify(area);
    areaStatus.textContent = 'Area set: only migrants inside it count.';
  }

  function row(table, cells) {
    const tr = document.createElement('tr');
    cells.forEach(function (value, i) {
      const td = document.createElement('td');
      td.textContent = String(value);
      if (typeof value === 'number' && i > 0) td.className = 'num';
      tr.append(td);
    });
    document.querySelector(table + ' tbody').append(tr);
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

  /** The result as GeoJSON: each located target as a Point with its outcome, and the area. */
  function asGeoJson(report, view) {
    const features = [];
    const point = function (id, properties) {
      const marker = view.markers.get(id);
      if (!marker) return;
      const at = marker.getLatLng();
      features.push({ type: 'Feature', id: id, geometry: { type: 'Point', coordinates: [at.lng, at.lat] }, properties: properties });
    };
    report.reached.forEach(function (hit) { point(hit.id, { reached: true, hops: hit.hops, reliability: hit.reliability, path: hit.path }); });
    report.unreached.forEach(function (id) { point(id, { reached: false }); });
    if (area) features.push({ type: 'Feature', geometry: area, properties: { area: true } });
    return JSON.stringify({ type: 'FeatureCollection', features: features });
  }

  let last = null;
  let lastQuery = null;
  let pathLine = null;

  /** Draws a reached migrant's relay path (its located actors) while the pointer is on it. */
  function showPath(marker, view) {
    if (pathLine) view.map.removeLayer(pathLine);
    pathLine = null;
    if (!marker || !marker.relayPath) return;
    const points = marker.relayPath
      .map(function (id) { return view.markers.get(id); })
      .filter(Boolean)
      .map(function (m) { return m.getLatLng(); });
    pathLine = L.polyline(points, { color: '#212121', weight: 3, dashArray: '6 3', interactive: false, className: 'relay-path' });
    pathLine.addTo(view.map);
  }

  function show(report, view) {
    last = report;
    const mark = function (marker, outcome) {
      const path = marker.getElement();
      if (!path) return;
      path.classList.remove('reached', 'unreached');
      if (outcome) path.classList.add(outcome);
    };
    view.markers.forEach(function (marker) { marker.relayPath = null; mark(marker, null); });
    report.reached.forEach(function (hit) {
      const marker = view.markers.get(hit.id);
      if (!marker) return;
      marker.relayPath = hit.path;
      mark(marker, 'reached');
    });
    report.unreached.forEach(function (id) {
      const marker = view.markers.get(id);
      if (marker) mark(marker, 'unreached');
    });
    showPath(null, view);
    document.getElementById('result-targets').textContent = report.targets;
    document.getElementById('result-reached').textContent = report.reached_count;
    document.getElementById('result-unreached').textContent = report.unreached.length;
    document.getElementById('result-coverage').textContent = (100 * report.coverage).toFixed(1) + ' %';
    for (const table of ['#call-list', '#failures', '#by-language']) {
      document.querySelector(table + ' tbody').replaceChildren();
    }
    report.call_list.forEach(function (entry) { row('#call-list', [entry.id, entry.covers, entry.inside_area ? 'yes' : 'no']); });
    report.single_points_of_failure.forEach(function (entry) { row('#failures', [entry.id, entry.cut_off]); });
    Object.entries(report.unreached_by_language).forEach(function (entry) { row('#by-language', entry); });
    // Reached migrants shade from red (weak) to green (reliable); the cut off are red.
    view.markers.forEach(function (marker) { marker.setStyle({ fillColor: marker.options.color, fillOpacity: 0.25 }); });
    report.reached.forEach(function (hit) {
      const marker = view.markers.get(hit.id);
      if (marker) marker.setStyle({ fillColor: 'hsl(' + Math.round(120 * hit.reliability) + ', 70%, 40%)', fillOpacity: 0.9 });
    });
    report.unreached.forEach(function (id) {
      const marker = view.markers.get(id);
      if (marker) marker.setStyle({ fillColor: '#d00', fillOpacity: 1 });
    });
    document.getElementById('results').hidden = false;
  }

  window.relaymap.networkMap(element, areaStatus).then(function (view) {
    areaStatus.textContent = 'No area yet: every migrant counts.';
    view.markers.forEach(function (marker) {
      marker.on('mouseover', function () { showPath(marker, view); });
      marker.on('mouseout', function () { showPath(null, view); });
    });
    // Drawing: each click on the map adds a corner; Finish closes the polygon.
    const drawButton = document.getElementById('draw-start');
    const finishButton = document.getElementById('draw-finish');
    let corners = [];
    let sketch = null;
    function stopDrawing() {
      element.classList.remove('drawing');
      view.map.off('click', addCorner);
      drawButton.disabled = false;
      finishButton.disabled = true;
      if (sketch) view.map.removeLayer(sketch);
      sketch = null;
    }
    function addCorner(event) {
      corners.push(event.latlng);
      if (sketch) view.map.removeLayer(sketch);
      sketch = L.polygon(corners, { color: '#c62828', dashArray: '4 4', interactive: false }).addTo(view.map);
      finishButton.disabled = corners.length < 3;
      areaStatus.textContent = corners.length + ' corner(s); Finish when the area is closed in.';
    }
    drawButton.addEventListener('click', function () {
      corners = [];
      element.classList.add('drawing');
      view.map.on('click', addCorner);
      drawButton.disabled = true;
      areaStatus.textContent = 'Click the map at each corner of the affected area.';
    });
    finishButton.addEventListener('click', function () {
      const polygon = L.polygon(corners, { color: '#c62828', interactive: false });
      stopDrawing();
      showArea(polygon.toGeoJSON().geometry, polygon, view);
    });
    document.getElementById('area-file').addEventListener('change', async function (event) {
      const file = event.target.files[0];
      if (!file) return;
      try {
        const geojson = JSON.parse(await file.text());
        const layer = L.geoJSON(geojson, { style: { color: '#c62828' } });
        const geometry = geojson.type === 'FeatureCollection' ? geojson.features[0].geometry
          : geojson.type === 'Feature' ? geojson.geometry : geojson;
        showArea(geometry, layer, view);
      } catch (error) {
        areaStatus.textContent = 'That file is not GeoJSON: ' + error.message;
      }
    });
    // The server writes the CSV (one rule for every CSV relaymap makes: no cell runs as a
    // spreadsheet formula), for the query that gave the result on screen.
    document.getElementById('download-csv').addEventListener('click', async function () {
      if (!lastQuery) return;
      const response = await fetch('/api/v1/coverage?format=csv', {
        method: 'POST', credentials: 'same-origin', headers: headers(), body: JSON.stringify(lastQuery),
      });
      if (!response.ok) {
        runStatus.textContent = 'The CSV could not be made: ' + response.status;
        return;
      }
      download('relaymap-scenario.csv', 'text/csv', await response.blob());
    });
    document.getElementById('download-geojson').addEventListener('click', function () {
      if (last) download('relaymap-scenario.geojson', 'application/geo+json', asGeoJson(last, view));
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
      const exclude = document.getElementById('exclude').value.split(',').map(function (id) { return id.trim(); }).filter(Boolean);
      if (exclude.length) query.exclude = exclude;
      return query;
    }

    /** Puts a saved query back into the form and onto the map. */
    function loadQuery(query) {
      document.getElementById('max-hops').value = query.max_hops || 3;
      document.getElementById('min-trust').value = query.min_trust || 0;
      document.getElementById('language-check').checked = query.language_check !== false;
      document.querySelectorAll('input[name="channel"]').forEach(function (box) {
        box.checked = (query.channels || []).includes(box.value);
      });
      document.getElementById('exclude').value = (query.exclude || []).join(', ');
      if (query.area) {
        showArea(query.area, L.geoJSON(query.area, { style: { color: '#c62828' }, interactive: false }), view);
      } else if (drawn) {
        view.map.removeLayer(drawn);
        drawn = null;
        area = null;
      }
    }

    const headers = function () {
      return { 'content-type': 'application/json', 'x-csrf-token': window.relaymap.csrfToken() };
    };
    let saved = [];
    async function listSaved() {
      const response = await fetch('/api/v1/scenarios', { credentials: 'same-origin' });
      if (!response.ok) return;
      saved = (await response.json()).scenarios;
      const select = document.getElementById('saved');
      select.replaceChildren(select.options[0]);
      saved.forEach(function (scenario) {
        const option = document.createElement('option');
        option.value = scenario.name;
        option.textContent = scenario.name + ' (' + scenario.saved_by + ', ' + scenario.saved_at.slice(0, 10) + ')';
        select.append(option);
      });
    }
    listSaved();
    document.getElementById('save').addEventListener('click', async function () {
      const name = document.getElementById('scenario-name').value.trim();
      const status = document.getElementById('save-status');
      if (!name) { status.textContent = 'Give the scenario a name first.'; return; }
      const response = await fetch('/api/v1/scenarios/' + encodeURIComponent(name), {
        method: 'PUT', credentials: 'same-origin', headers: headers(), body: JSON.stringify(currentQuery()),
      });
      const body = await response.json();
      status.textContent = response.ok ? 'Saved as “' + body.name + '”.' : 'Not saved: ' + body.error.message;
      await listSaved();
    });
    document.getElementById('load').addEventListener('click', function () {
      const chosen = saved.find(function (s) { return s.name === document.getElementById('saved').value; });
      if (!chosen) return;
      loadQuery(chosen.query);
      document.getElementById('scenario').requestSubmit();
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
      runStatus.textContent = 'Running…';
      const ticker = setInterval(function () { runStatus.textContent = 'Running… ' + seconds() + ' s'; }, 1000);
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
          runStatus.textContent = 'Refused: ' + body.error.message;
          return;
        }
        runStatus.textContent = 'Done in ' + seconds() + ' s. Point at a reached migrant to see its relay path.';
        lastQuery = query;
        show(body, view);
      } catch (error) {
        runStatus.textContent = 'The scenario could not run: ' + error.message;
      } finally {
        clearInterval(ticker);
        progress.hidden = true;
        runButton.disabled = false;
      }
    });
  }).catch(function (error) {
    areaStatus.textContent = 'The map could not load: ' + ((error && error.message) || String(error));
    console.error(error);
  });
})();
