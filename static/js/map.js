// The network map: actors by kind, narrowed by language and city; ties on demand, narrowed by
// channel and trust, and drawn only where they can be read: between actors shown on their own
// in the visible part of the map, or every tie of the actor whose card is open.
(function () {
  'use strict';
  const element = document.getElementById('map');
  const status = document.getElementById('map-status');
  const tieStatus = document.getElementById('tie-status');
  // More lines than this in view make a hairball, not a picture.
  const MOST_TIES = 1500;
  window.relaymap.networkMap(element, status, { cluster: true }).then(function (view) {
    const byId = view.byId;
    const citySelect = document.getElementById('filter-city');
    view.actors.filter(function (a) { return a.kind === 'city'; }).forEach(function (city) {
      const option = document.createElement('option');
      option.value = city.id;
      option.textContent = city.name || city.id;
      citySelect.append(option);
    });
    window.relaymap.legend(view.map, relaymapT('js-map-legend-title'), window.relaymap.kindEntries(['migrant', 'organisation', 'responder'])
      .concat([{ svg: '<svg width="16" height="16" aria-hidden="true" focusable="false"><circle cx="8" cy="8" r="7" fill="#e8e8e8" stroke="#505a5f"/></svg>', label: relaymapT('js-map-legend-cluster') },
        { svg: '<svg width="16" height="16" aria-hidden="true" focusable="false"><line x1="1" y1="8" x2="15" y2="8" stroke="#505a5f" stroke-width="2"/></svg>', label: relaymapT('js-map-legend-tie') },
        { svg: '<svg width="16" height="16" aria-hidden="true" focusable="false"><rect x="1" y="3" width="14" height="10" fill="none" stroke="#5a2d82" stroke-dasharray="3 2"/></svg>', label: relaymapT('js-map-legend-district') }]));
    let tieRecords = null;
    let ties = null;
    let selected = null; // the actor whose popup is open

    /** The language typed: a code, or a name the browser knows. */
    function languageWanted() {
      const typed = document.getElementById('filter-language').value.trim().toLowerCase();
      if (!typed) return null;
      const option = Array.from(document.querySelectorAll('#known-languages option'))
        .find(function (o) { return o.value.toLowerCase() === typed || o.textContent.toLowerCase() === typed; });
      return option ? option.textContent : typed;
    }

    function visible(actor) {
      const kind = document.querySelector('#kinds input[value="' + actor.kind + '"]');
      const language = languageWanted();
      const city = citySelect.value;
      return (!kind || kind.checked) &&
        (!language || (actor.languages || []).includes(language)) &&
        (!city || actor.city === city || actor.id === city);
    }

    /** Whether a marker is drawn on its own (not inside a cluster) in the visible part. */
    function onItsOwn(marker, bounds) {
      if (!marker || !bounds.contains(marker.getLatLng())) return false;
      return !view.cluster || view.cluster.getVisibleParent(marker) === marker;
    }

    function drawTies() {
      if (ties) view.map.removeLayer(ties);
      ties = null;
      if (!tieRecords || !document.getElementById('show-ties').checked) {
        tieStatus.textContent = '';
        return;
      }
      const channel = document.getElementById('filter-channel').value;
      const trust = Number(document.getElementById('filter-trust').value) || 0;
      const bounds = view.map.getBounds();
      const wanted = [];
      let hidden = 0;
      for (const tie of tieRecords) {
        const a = view.markers.get(tie.source);
        const b = view.markers.get(tie.target);
        if (!a || !b || !visible(byId.get(tie.source)) || !visible(byId.get(tie.target))) continue;
        if ((tie.trust === undefined ? 0.5 : tie.trust) < trust) continue;
        if (channel && !(tie.channels || []).includes(channel)) continue;
        const chosen = selected && (tie.source === selected || tie.target === selected);
        if (chosen || (onItsOwn(a, bounds) && onItsOwn(b, bounds))) wanted.push([a, b, chosen]);
        else hidden += 1;
      }
      const tooMany = wanted.length > MOST_TIES;
      ties = L.layerGroup();
      wanted.forEach(function (pair) {
        if (tooMany && !pair[2]) return;
        L.polyline([pair[0].getLatLng(), pair[1].getLatLng()], {
          color: pair[2] ? '#1b1b1b' : '#505a5f', weight: pair[2] ? 2.5 : 1, opacity: pair[2] ? 0.9 : 0.45,
          interactive: false, className: 'tie',
        }).addTo(ties);
      });
      ties.addTo(view.map);
      const drawn = ties.getLayers().length;
      element.dataset.ties = String(drawn);
      if (tooMany) tieStatus.textContent = relaymapT.plural('js-map-ties-too-many', wanted.length);
      else if (hidden) tieStatus.textContent = relaymapT.plural('js-map-ties-hidden', hidden, { drawn: drawn });
      else tieStatus.textContent = relaymapT.plural('js-map-ties-drawn', drawn);
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
      status.textContent = relaymapT.plural('js-map-shown', shown.length);
      drawTies();
    }

    // Markers are managed one by one from here on: take them out of their kind groups.
    Object.values(view.layers).forEach(function (group) {
      view.map.removeLayer(group);
      group.eachLayer(function (marker) { marker.addTo(view.map); });
    });
    view.markers.forEach(function (marker, id) {
      marker.on('popupopen', function () { selected = id; drawTies(); });
      marker.on('popupclose', function () { if (selected === id) { selected = null; drawTies(); } });
    });
    view.map.on('moveend zoomend', drawTies);
    if (view.cluster) view.cluster.on('animationend', drawTies);
    document.querySelectorAll('#kinds input[name="kind"], #narrow select').forEach(function (input) {
      input.addEventListener('change', apply);
    });
    document.querySelectorAll('#narrow input').forEach(function (input) {
      input.addEventListener('input', apply);
    });
    document.getElementById('show-ties').addEventListener('change', async function (event) {
      if (event.target.checked && !tieRecords) {
        tieStatus.textContent = relaymapT('js-map-loading-ties');
        tieRecords = await window.relaymap.fetchAll('/api/v1/ties', 'ties');
      }
      drawTies();
    });
  }).catch(function (error) {
    status.textContent = relaymapT('js-map-could-not-load', { error: (error && error.message) || String(error) });
    console.error(error);
  });
})();
