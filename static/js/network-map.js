// Shared by the map and scenario pages: reads the whole network through the API (the page’s
// session cookie authenticates it) and draws actors on a Leaflet map without any tile layer, so
// the map works offline (a configured tile server is used when there is one). Districts are
// labelled, every map has a legend, and kinds differ by shape as well as by colour (Okabe–Ito
// colours, safe for colour-blind readers). Names are shown with textContent, never as HTML. Words
// are the page’s language’s (the js-map- and js-words- messages).
(function () {
  'use strict';

  // Okabe–Ito: distinguishable with every common colour-vision deficiency.
  const COLOURS = { migrant: '#0072b2', organisation: '#009e73', responder: '#d55e00', city: '#5a2d82' };
  const kindWord = window.relaymapWords.kindWord;
  const KIND_WORDS = {
    migrant: kindWord('migrant'), organisation: kindWord('organisation'), responder: kindWord('responder'), city: kindWord('city'),
  };
  // Shapes for the kinds other than migrants (drawn as small circles, thousands of them).
  const SHAPES = {
    organisation: '<polygon points="8,1 15,8 8,15 1,8"/>',
    responder: '<rect x="2" y="2" width="12" height="12"/>',
    city: '<polygon points="8,1 15,15 1,15"/>',
  };

  /** Every record of a paged listing (`/api/v1/actors`, `/api/v1/ties`). */
  async function fetchAll(path, key) {
    const records = [];
    let cursor = null;
    do {
      const url = path + '?limit=1000' + (cursor ? '&cursor=' + encodeURIComponent(cursor) : '');
      const response = await fetch(url, { credentials: 'same-origin', headers: { accept: 'application/json' } });
      if (!response.ok) {
        throw new Error(relaymapT('js-map-answered', { path: path, status: String(response.status) }));
      }
      const page = await response.json();
      records.push(...page[key]);
      cursor = page.next_cursor;
    } while (cursor);
    return records;
  }

  /** The session’s CSRF token, for writes and analyses sent with the cookie. */
  function csrfToken() {
    const meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.content : '';
  }

  /** A language’s name in the page’s language, or its code. */
  const languageName = window.relaymapWords.languageName;
  const channelWords = window.relaymapWords.channelWords;
  const list = window.relaymapWords.list;

  /** A popup’s content: the actor’s name, kind, languages and channels, as text. */
  function card(actor) {
    const box = document.createElement('div');
    const title = document.createElement('strong');
    title.textContent = actor.name || actor.id;
    const detail = document.createElement('div');
    detail.textContent = [KIND_WORDS[actor.kind] || actor.kind,
      list((actor.languages || []).map(languageName)),
      channelWords(actor.channels)].filter(Boolean).join(' · ');
    const link = document.createElement('a');
    link.href = '/actors/' + encodeURIComponent(actor.id);
    link.textContent = relaymapT('js-map-open-card');
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
    span.dir = 'auto'; // a name reads in its own direction, whatever the page’s
    return span;
  }

  /** A small SVG of a kind’s shape (or a circle), for markers and the legend. */
  function shapeSvg(kind, colour, options) {
    const size = (options && options.size) || 16;
    const shape = SHAPES[kind] || '<circle cx="8" cy="8" r="6"/>';
    const fill = (options && options.hollow) ? '#fff' : colour;
    const stroke = (options && options.stroke) || '#1b1b1b';
    return '<svg width="' + size + '" height="' + size + '" viewBox="0 0 16 16" aria-hidden="true" focusable="false">' +
      '<g fill="' + fill + '" stroke="' + stroke + '" stroke-width="' + ((options && options.strokeWidth) || 1.5) + '">' + shape + '</g></svg>';
  }

  /**
   * A legend in the map’s corner: a title and entries of { svg, label }. Labels are text.
   * Returns the control.
   */
  function legend(map, title, entries) {
    const control = L.control({ position: 'bottomright' });
    control.onAdd = function () {
      // A disclosure, open on wide screens and folded on phones, where it would hide the map.
      const box = L.DomUtil.create('details', 'map-legend');
      box.open = !window.matchMedia('(max-width: 40rem)').matches;
      const heading = document.createElement('summary');
      heading.textContent = relaymapT('js-map-legend', { title: title });
      const list = document.createElement('ul');
      list.className = 'legend';
      entries.forEach(function (entry) {
        const item = document.createElement('li');
        const swatch = document.createElement('span');
        swatch.className = 'legend-swatch';
        swatch.innerHTML = entry.svg; // our own markup, never data
        const label = document.createElement('span');
        label.textContent = ' ' + entry.label;
        item.append(swatch, label);
        list.append(item);
      });
      box.append(heading, list);
      L.DomEvent.disableClickPropagation(box);
      return box;
    };
    control.addTo(map);
    return control;
  }

  /** The kinds’ legend entries. */
  function kindEntries(kinds) {
    return kinds.map(function (kind) {
      return { svg: shapeSvg(kind, COLOURS[kind]), label: KIND_WORDS[kind] };
    });
  }

  /** The cities’ outlines from the store, under the markers, each labelled with its name. */
  async function addOutlines(map, actors) {
    const response = await fetch('/api/v1/outlines', { credentials: 'same-origin', headers: { accept: 'application/geo+json' } });
    if (!response.ok) throw new Error(relaymapT('js-map-answered', { path: '/api/v1/outlines', status: String(response.status) }));
    const names = new Map(actors.map(function (a) { return [a.id, a.name || a.id]; }));
    const outlines = L.geoJSON(await response.json(), {
      style: { color: COLOURS.city, weight: 1.5, opacity: 0.8, fillOpacity: 0.03, dashArray: '6 4', className: 'outline' },
      onEachFeature: function (feature, layer) {
        layer.bindTooltip(asText(names.get(feature.id) || feature.id), {
          permanent: true, direction: 'center', className: 'district-label', interactive: false,
        });
      },
    });
    outlines.addTo(map);
    return outlines;
  }

  /** A marker for an actor: a small circle for a migrant, a shape for the others. */
  function markerFor(actor) {
    const at = [actor.location.lat, actor.location.lon];
    if (actor.kind === 'migrant') {
      return L.circleMarker(at, {
        radius: 4, color: '#1b1b1b', weight: 0.5, fillColor: COLOURS.migrant, fillOpacity: 0.8,
        className: 'actor actor-migrant',
      });
    }
    const icon = L.divIcon({
      html: shapeSvg(actor.kind, COLOURS[actor.kind]),
      className: 'actor actor-' + actor.kind,
      iconSize: [16, 16],
      iconAnchor: [8, 8],
    });
    const marker = L.marker(at, { icon: icon, keyboard: true, title: '', alt: '' });
    marker.on('add', function () {
      const element = marker.getElement();
      if (element) element.setAttribute('aria-label', relaymapT('js-map-marker', { kind: KIND_WORDS[actor.kind] || actor.kind, name: actor.name || actor.id }));
    });
    return marker;
  }

  /**
   * A map in `element` with every located actor as a marker (class `actor actor-KIND`), over
   * the cities’ labelled outlines and the base map if one is configured. With
   * `options.cluster`, markers are gathered into clusters (Leaflet.markercluster) so that
   * thousands stay smooth. Resolves to { map, actors, byId, markers (id → marker), layers (kind
   * → group), cluster (or null) }.
   */
  async function networkMap(element, status, options) {
    if (!window.L) {
      status.textContent = relaymapT('js-map-library-missing');
      throw new Error(relaymapT('js-map-library-missing'));
    }
    const map = L.map(element, { attributionControl: false, zoomSnap: 0.25, maxZoom: 19 });
    // Leaflet places tooltips from the pane’s left edge without setting `left`: on a right-to-left
    // page they would sit a label’s width off their point. Their text keeps its own direction.
    map.getPane('tooltipPane').dir = 'ltr';
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
      const marker = markerFor(actor);
      marker.actor = actor;
      marker.bindPopup(card(actor));
      if (!cluster) (layers[actor.kind] = layers[actor.kind] || L.layerGroup().addTo(map)).addLayer(marker);
      markers.set(actor.id, marker);
      bounds.push(marker.getLatLng());
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
    status.textContent = relaymapT.plural('js-map-status', markers.size, { shown: markers.size, total: actors.length });
    const byId = new Map(actors.map(function (a) { return [a.id, a]; }));
    return { map, actors, byId, markers, layers, cluster };
  }

  window.relaymap = {
    fetchAll, csrfToken, networkMap, asText, legend, kindEntries, shapeSvg, languageName, channelWords,
    COLOURS, KIND_WORDS,
  };
})();
