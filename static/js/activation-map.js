// The map of the activation board: the migrants of the query by where they stand — confirmed
// receipt (filled green), reachable by the current plan (filled blue), not reachable now (hollow
// ring) — over the districts. It reads the whole activation (GET /api/v1/activations/{id}) when
// the page opens and again when the board shows a new confirmation or a new unavailable relay.
(function () {
  'use strict';
  const R = window.relaymap;
  const element = document.getElementById('map');
  const board = document.getElementById('board');
  if (!element || !board || !R) return;
  const id = board.dataset.activation;
  const status = document.getElementById('map-status');
  const CONFIRMED = '#009e73', REACHABLE = '#0072b2', FADED = '#b1b4b6';

  function paint(view, activation) {
    const confirmed = new Set(activation.contacts.filter(function (c) { return c.outcome === 'confirmed'; }).map(function (c) { return c.actor; }));
    view.markers.forEach(function (marker) {
      if (marker.setStyle) marker.setStyle({ fillColor: FADED, fillOpacity: 0.35, color: FADED, weight: 0.5, radius: 3 });
    });
    let counts = { confirmed: 0, reachable: 0, unreachable: 0 };
    activation.plan.reached.forEach(function (hit) {
      const marker = view.markers.get(hit.id);
      if (!marker || !marker.setStyle) return;
      const done = confirmed.has(hit.id);
      counts[done ? 'confirmed' : 'reachable'] += 1;
      marker.setStyle({ fillColor: done ? CONFIRMED : REACHABLE, fillOpacity: 1, color: '#1b1b1b', weight: 0.5, radius: done ? 6 : 5 });
    });
    activation.plan.unreached.forEach(function (target) {
      const marker = view.markers.get(target);
      if (!marker || !marker.setStyle) return;
      if (confirmed.has(target)) {
        counts.confirmed += 1;
        marker.setStyle({ fillColor: CONFIRMED, fillOpacity: 1, color: '#1b1b1b', weight: 0.5, radius: 6 });
        return;
      }
      counts.unreachable += 1;
      marker.setStyle({ fillColor: '#ffffff', fillOpacity: 1, color: '#0b0c0c', weight: 2.5, radius: 6 });
      marker.bringToFront();
    });
    element.dataset.confirmed = String(counts.confirmed);
    element.dataset.reachable = String(counts.reachable);
    element.dataset.unreachable = String(counts.unreachable);
    status.textContent = relaymapT('js-activation-map-counts', counts);
  }

  let seen = '';
  async function load(view) {
    const response = await fetch('/api/v1/activations/' + encodeURIComponent(id), { credentials: 'same-origin' });
    if (!response.ok) { status.textContent = relaymapT('js-activation-map-read-failed', { status: String(response.status) }); return; }
    paint(view, await response.json());
  }

  R.networkMap(element, status).then(function (view) {
    R.legend(view.map, relaymapT('js-activation-legend-title'), [
      { svg: R.shapeSvg('migrant', CONFIRMED), label: relaymapT('js-activation-legend-confirmed') },
      { svg: R.shapeSvg('migrant', REACHABLE), label: relaymapT('js-activation-legend-reachable') },
      { svg: R.shapeSvg('migrant', '#fff', { stroke: '#0b0c0c', strokeWidth: 3 }), label: relaymapT('js-activation-legend-unreachable') },
    ]);
    const marks = function () {
      const confirmed = document.getElementById('migrants-confirmed');
      const unavailable = document.getElementById('unavailable');
      return (confirmed ? confirmed.textContent : '') + '|' + (unavailable ? unavailable.textContent : '');
    };
    seen = marks();
    load(view);
    // The board is swapped in by activation.js: repaint when what the map shows has moved.
    new MutationObserver(function () {
      const now = marks();
      if (now !== seen) { seen = now; load(view); }
    }).observe(board, { childList: true, subtree: true, characterData: true });
  }).catch(function (error) {
    status.textContent = relaymapT('js-activation-map-load-failed', { error: (error && error.message) || String(error) });
  });
})();
