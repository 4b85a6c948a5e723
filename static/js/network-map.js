// Shared by the map and scenario pages: reads the whole network through the API (the page's
// session cookie authenticates it) and draws actors on a Leaflet map without any tile layer, so
// the map works offline. Names are shown with textContent, never as HTML.
(function () {
  'use strict';

  const COLOURS = { migrant: '#0b5cad', organisation: '#2e7d32', responder: '#c62828', city: '#6a1b9a' };

  /** Every record of a paged listing (`/api/v1/actors`, `/api/v1/ties`). */
  async function fetchAll(path, key) {
    const records = [];
    let cursor = null;
    do {
      const url = path + '?limit=1000' + (cursor ? '&cursor=' + encodeURIComponent(cursor) : '');
      const response = await fetch(url, { credentials: 'same-origin', headers: { accept: 'application/json' } });
      if (!response.ok) {
        throw new Error(path + ' answered ' + response.status);
      }
      const page = await response.json();
      records.push(...page[key]);
      cursor = page.next_cursor;
    } while (cursor);
    return records;
  }

  /** The session's CSRF token, for writes and analyses sent with the cookie. */
  function csrfToken() {
    const meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.content : '';
  }

  /** A popup's content: the actor's kind, name and id, as text. */
  function card(actor) {
    const box = document.createElement('div');
    const title = document.createElement('strong');
    title.textContent = actor.name || actor.id;
    const detail = document.createElement('div');
    detail.textContent = actor.kind + ' · ' + actor.id +
      (actor.languages && actor.languages.length ? ' · ' + actor.languages.join(', ') : '');
    const link = document.createElement('a');
    link.href = '/actors/' + encodeURIComponent(actor.id);
    link.textContent = 'Open the card';
    box.append(title, detail, link);
    return box;
  }

  /**
   * A map in `element` with every located actor as a circle marker (SVG, class `actor
   * actor-KIND`). Resolves to { map, actors, markers (id → marker), layers (kind → group) }.
   */
  async function networkMap(element, status) {
    if (!window.L) {
      status.textContent = 'The map library is missing: build relaymap with Node.js (npm) installed.';
      throw new Error('Leaflet is missing');
    }
    const map = L.map(element, { attributionControl: false, zoomSnap: 0.25 });
    map.setView([0, 0], 2);
    const actors = await fetchAll('/api/v1/actors', 'actors');
    const layers = {};
    const markers = new Map();
    const bounds = [];
    for (const actor of actors) {
      if (!actor.location) continue;
      const at = [actor.location.lat, actor.location.lon];
      const marker = L.circleMarker(at, {
        radius: actor.kind === 'migrant' ? 4 : 7,
        color: COLOURS[actor.kind] || '#555',
        weight: 1,
        fillOpacity: 0.7,
        className: 'actor actor-' + actor.kind,
      });
      marker.bindPopup(card(actor));
      (layers[actor.kind] = layers[actor.kind] || L.layerGroup().addTo(map)).addLayer(marker);
      markers.set(actor.id, marker);
      bounds.push(at);
    }
    if (bounds.length) map.fitBounds(bounds, { padding: [20, 20] });
    element.dataset.markers = String(markers.size);
    status.textContent = markers.size + ' of ' + actors.length + ' actors on the map (the others have no location).';
    return { map, actors, markers, layers };
  }

  window.relaymap = { fetchAll, csrfToken, networkMap, COLOURS };
})();
