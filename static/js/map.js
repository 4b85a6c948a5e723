// The network map: actors by kind, ties on demand.
(function () {
  'use strict';
  const element = document.getElementById('map');
  const status = document.getElementById('map-status');
  window.relaymap.networkMap(element, status).then(function (view) {
    document.querySelectorAll('#kinds input[name="kind"]').forEach(function (box) {
      box.addEventListener('change', function () {
        const layer = view.layers[box.value];
        if (!layer) return;
        if (box.checked) layer.addTo(view.map); else view.map.removeLayer(layer);
      });
    });
    let ties = null;
    document.getElementById('show-ties').addEventListener('change', async function (event) {
      if (!event.target.checked) {
        if (ties) view.map.removeLayer(ties);
        return;
      }
      if (!ties) {
        status.textContent = 'Loading the ties…';
        ties = L.layerGroup();
        const records = await window.relaymap.fetchAll('/api/v1/ties', 'ties');
        for (const tie of records) {
          const a = view.markers.get(tie.source);
          const b = view.markers.get(tie.target);
          if (a && b) {
            L.polyline([a.getLatLng(), b.getLatLng()], { color: '#8894a8', weight: 1, opacity: 0.5, className: 'tie' }).addTo(ties);
          }
        }
        status.textContent = ties.getLayers().length + ' ties drawn between located actors.';
      }
      ties.addTo(view.map);
    });
  }).catch(function (error) {
    status.textContent = 'The map could not load: ' + error.message;
  });
})();
