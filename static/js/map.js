// The network map: actors by kind, narrowed by language and city; ties on demand, narrowed by
// channel and trust.
(function () {
  'use strict';
  const element = document.getElementById('map');
  const status = document.getElementById('map-status');
  window.relaymap.networkMap(element, status, { cluster: true }).then(function (view) {
    const byId = new Map(view.actors.map(function (a) { return [a.id, a]; }));
    const citySelect = document.getElementById('filter-city');
    view.actors.filter(function (a) { return a.kind === 'city'; }).forEach(function (city) {
      const option = document.createElement('option');
      option.value = city.id;
      option.textContent = city.name || city.id;
      citySelect.append(option);
    });
    let tieRecords = null;
    let ties = null;

    function visible(actor) {
      const kind = document.querySelector('#kinds input[value="' + actor.kind + '"]');
      const language = document.getElementById('filter-language').value.trim();
      const city = citySelect.value;
      return (!kind || kind.checked) &&
        (!language || (actor.languages || []).includes(language)) &&
        (!city || actor.city === city || actor.id === city);
    }

    function drawTies() {
      if (ties) view.map.removeLayer(ties);
      ties = null;
      if (!tieRecords || !document.getElementById('show-ties').checked) return;
      const channel = document.getElementById('filter-channel').value;
      const trust = Number(document.getElementById('filter-trust').value) || 0;
      ties = L.layerGroup();
      for (const tie of tieRecords) {
        const a = view.markers.get(tie.source);
        const b = view.markers.get(tie.target);
        if (!a || !b || !visible(byId.get(tie.source)) || !visible(byId.get(tie.target))) continue;
        if ((tie.trust === undefined ? 0.5 : tie.trust) < trust) continue;
        if (channel && !(tie.channels || []).includes(channel)) continue;
        L.polyline([a.getLatLng(), b.getLatLng()], { color: '#8894a8', weight: 1, opacity: 0.5, className: 'tie' }).addTo(ties);
      }
      ties.addTo(view.map);
      status.textContent = ties.getLayers().length + ' ties drawn between the actors shown.';
    }

    function apply() {
      const shown = [];
      view.markers.forEach(function (marker, id) {
        if (visible(byId.get(id))) shown.push(marker);
      });
      if (view.cluster) {
        view.cluster.clearLayers();
        view.cluster.addLayers(shown);
      } else {
        view.markers.forEach(function (marker) { view.map.removeLayer(marker); });
        shown.forEach(function (marker) { marker.addTo(view.map); });
      }
      element.dataset.shown = String(shown.length);
      status.textContent = shown.length + ' actors shown.';
      drawTies();
    }

    // Markers are managed one by one from here on: take them out of their kind groups.
    Object.values(view.layers).forEach(function (group) {
      view.map.removeLayer(group);
      group.eachLayer(function (marker) { marker.addTo(view.map); });
    });
    document.querySelectorAll('#kinds input[name="kind"], #narrow select').forEach(function (input) {
      input.addEventListener('change', apply);
    });
    document.querySelectorAll('#narrow input').forEach(function (input) {
      input.addEventListener('input', apply);
    });
    document.getElementById('show-ties').addEventListener('change', async function (event) {
      if (event.target.checked && !tieRecords) {
        status.textContent = 'Loading the ties…';
        tieRecords = await window.relaymap.fetchAll('/api/v1/ties', 'ties');
      }
      drawTies();
    });
  }).catch(function (error) {
    status.textContent = 'The map could not load: ' + ((error && error.message) || String(error));
    console.error(error);
  });
})();
