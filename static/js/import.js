// The import page: sends the chosen files to POST /api/v1/import and shows what was written, or
// every bad row (nothing is written then).
(function () {
  'use strict';
  const form = document.getElementById('import');
  const status = document.getElementById('import-status');
  const errors = document.getElementById('import-errors');

  function showRows(rows) {
    const body = errors.querySelector('tbody');
    body.replaceChildren();
    for (const row of rows) {
      const tr = document.createElement('tr');
      for (const value of [row.file, row.line, row.field, row.reason]) {
        const td = document.createElement('td');
        td.textContent = value === undefined || value === null ? '' : String(value);
        tr.append(td);
      }
      tr.children[1].className = 'num';
      body.append(tr);
    }
    errors.hidden = rows.length === 0;
  }

  form.addEventListener('submit', async function (event) {
    event.preventDefault();
    const documentFile = document.getElementById('document-file').files[0];
    const actors = document.getElementById('actors-file').files[0];
    const ties = document.getElementById('ties-file').files[0];
    let body;
    const headers = { 'x-csrf-token': window.relaymap.csrfToken() };
    if (documentFile) {
      body = await documentFile.text();
      headers['content-type'] = 'application/json';
    } else if (actors || ties) {
      body = new FormData();
      if (actors) body.append('actors', actors, actors.name);
      if (ties) body.append('ties', ties, ties.name);
    } else {
      status.textContent = 'Choose a file first.';
      return;
    }
    status.textContent = 'Importing…';
    showRows([]);
    const response = await fetch('/api/v1/import', { method: 'POST', credentials: 'same-origin', headers, body });
    const answer = await response.json();
    if (response.ok) {
      const w = answer.imported;
      status.textContent = 'Imported: ' + w.actors_created + ' new and ' + w.actors_updated + ' updated actors, ' +
        w.ties_created + ' new and ' + w.ties_updated + ' updated ties.';
      return;
    }
    status.textContent = answer.error.message;
    showRows(answer.error.rows || answer.error.details || []);
  });
})();
