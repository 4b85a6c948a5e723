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

  /** The configured base map (`data-tile-url` on the map element), if any. */
  function addTiles(map, element) {
    const url = element.dataset.tileUrl;
    if (!url) return;
    L.tileLayer(url, { attribution: element.dataset.tileAttribution || '', maxZoom: 19 }).addTo(map);
    L.control.attribution({ prefix: false }).addTo(map);
  }

  /**
   * Text for a Leaflet tooltip or popup: Leaflet puts a string in as HTML, so names always go in
   * as a text node (a name is whatever someone typed, markup included).
   */
  function asText(text) {
    const span = document.createElement('span');
    span.textContent = text;
    return span;
  }

  /** The cities' outlines from the store, under the markers, named on hover. */
  async function addOutlines(map, actors) {
    const response = await fetch('/api/v1/outlines', { credentials: 'same-origin', headers: { accept: 'application/geo+json' } });
    if (!response.ok) throw new Error('/api/v1/outlines answered ' + response.status);
    const names = new Map(actors.map(function (a) { return [a.id, a.name || a.id]; }));
    const outlines = L.geoJSON(await response.json(), {
      style: { color: COLOURS.city, weight: 1.5, opacity: 0.7, fillOpacity: 0.04, dashArray: '6 4', className: 'outline' },
      onEachFeature: function (feature, layer) {
        layer.bindTooltip(asText(names.get(feature.id) || feature.id), { sticky: true });
      },
    });
    outlines.addTo(map);
    return outlines;
  }

  /**
   * A map in `element` with every located actor as a circle marker (SVG, class `actor
   * actor-KIND`), over the cities' outlines and the base map if one is configured. With
   * `options.cluster`, markers are gathered into clusters (Leaflet.markercluster) so that
   * thousands stay smooth. Resolves to { map, actors, markers (id → marker), layers (kind →
   * group), cluster (or null) }.
   */
  async function networkMap(element, status, options) {
    if (!window.L) {
      status.textContent = 'The map library is missing: build relaymap with Node.js (npm) installed.';
      throw new Error('Leaflet is missing');
    }
    const map = L.map(element, { attributionControl: false, zoomSnap: 0.25, maxZoom: 19 });
    map.setView([0, 0], 2);
    addTiles(map, element);
    const actors = await fetchAll('/api/v1/actors', 'actors');
    const outlines = await addOutlines(map, actors);
    const cluster = options && options.cluster && L.markerClusterGroup
      ? L.markerClusterGroup({ disableClusteringAtZoom: 17, spiderfyOnMaxZoom: false, showCoverageOnHover: false })
      : null;
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
      if (!cluster) (layers[actor.kind] = layers[actor.kind] || L.layerGroup().addTo(map)).addLayer(marker);
      markers.set(actor.id, marker);
      bounds.push(at);
    }
    if (cluster) {
      cluster.addLayers(Array.from(markers.values()));
      cluster.addTo(map);
    }
    const outlineBounds = outlines.getBounds();
    if (bounds.length) map.fitBounds(bounds, { padding: [20, 20] });
    else if (outlineBounds.isValid()) map.fitBounds(outlineBounds);
    element.dataset.markers = String(markers.size);
    element.dataset.outlines = String(outlines.getLayers().length);
    status.textContent = markers.size + ' of ' + actors.length + ' actors on the map (the others have no location).';
    return { map, actors, markers, layers, cluster };
  }

  window.relaymap = { fetchAll, csrfToken, networkMap, asText, COLOURS };
})();
