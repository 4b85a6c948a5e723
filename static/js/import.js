// The import page: first a dry run (POST /api/v1/import?dry_run=true) that checks every row
// against the store and writes nothing, shown as the bad rows or as what the import would do;
// then, on confirmation, the import itself. Uploads show their progress.
(function () {
  'use strict';
  const form = document.getElementById('import');
  const status = document.getElementById('import-status');
  const errors = document.getElementById('import-errors');
  const progress = document.getElementById('import-progress');
  const confirm = document.getElementById('import-confirm');
  let checked = null; // the body that passed the dry run

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

  /** A choice of files that cannot be sent as it is. */
  function Choice(message) { this.message = message; }

  /** The chosen files as a request body and its headers, or null when none is chosen. */
  async function chosen() {
    const documentFile = document.getElementById('document-file').files[0];
    const actors = document.getElementById('actors-file').files[0];
    const ties = document.getElementById('ties-file').files[0];
    const headers = { 'x-csrf-token': window.relaymap.csrfToken() };
    if (documentFile && (actors || ties)) {
      throw new Choice(relaymapT('js-import-not-both'));
    }
    const mappingChoice = document.getElementById('mapping');
    const mapping = mappingChoice ? mappingChoice.value : '';
    if (mapping && !documentFile) {
      throw new Choice(relaymapT('js-import-mapping-needs-file'));
    }
    if (documentFile) {
      // The server recognises the kind of file from its content.
      headers['content-type'] = /\.json$/i.test(documentFile.name) ? 'application/json' : 'application/octet-stream';
      return { headers: headers, body: documentFile, mapping: mapping };
    }
    if (!actors && !ties) return null;
    const body = new FormData();
    if (actors) body.append('actors', actors, actors.name);
    if (ties) body.append('ties', ties, ties.name);
    return { headers: headers, body: body };
  }

  /** `&mapping=NAME` when the request is read through a mapping, else nothing. */
  function mappingParameter(request) {
    return request.mapping ? '&mapping=' + encodeURIComponent(request.mapping) : '';
  }

  /** The progress of the upload in words: while checking, or while importing. */
  function sending(importing, percent) {
    return importing
      ? relaymapT('js-import-importing-sent', { percent: percent })
      : relaymapT('js-import-checking-sent', { percent: percent });
  }

  /** What the server does once the files are up, in words. */
  function reading(importing) {
    return importing ? relaymapT('js-import-importing-rows') : relaymapT('js-import-checking-rows');
  }

  /** POSTs with upload progress shown (`importing`: the import itself, not the check);
   * resolves to { ok, answer }. */
  function send(url, request, importing) {
    return new Promise(function (resolve, reject) {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', url);
      Object.entries(request.headers).forEach(function (h) { xhr.setRequestHeader(h[0], h[1]); });
      progress.hidden = false;
      progress.removeAttribute('value');
      xhr.upload.addEventListener('progress', function (event) {
        if (!event.lengthComputable) return;
        progress.max = event.total;
        progress.value = event.loaded;
        status.textContent = sending(importing, Math.round(100 * event.loaded / event.total));
      });
      xhr.upload.addEventListener('load', function () {
        progress.removeAttribute('value');
        status.textContent = reading(importing);
      });
      xhr.addEventListener('load', function () {
        progress.hidden = true;
        try {
          resolve({ ok: xhr.status >= 200 && xhr.status < 300, answer: JSON.parse(xhr.responseText) });
        } catch (error) {
          reject(new Error(relaymapT('js-import-server-answered', { status: String(xhr.status) })));
        }
      });
      xhr.addEventListener('error', function () {
        progress.hidden = true;
        reject(new Error(relaymapT('js-import-upload-failed')));
      });
      xhr.send(request.body);
    });
  }

  /** What an import writes, in words: new and updated actors, then ties, with those left as
   * they are. */
  function described(w) {
    const same = function (n) { return n ? ' ' + relaymapT.plural('js-import-unchanged', n) : ''; };
    const actors = relaymapT('js-import-new-and-updated', {
      created: relaymapT.plural('js-import-new-actors', w.actors_created),
      updated: relaymapT.plural('js-import-updated-actors', w.actors_updated)
    }) + same(w.actors_unchanged);
    const ties = relaymapT('js-import-new-and-updated', {
      created: relaymapT.plural('js-import-new-ties', w.ties_created),
      updated: relaymapT.plural('js-import-updated-ties', w.ties_updated)
    }) + same(w.ties_unchanged);
    return relaymapT('js-import-actors-and-ties', { actors: actors, ties: ties });
  }

  /** What the server read differently or left out (in the words of the API), as sentences. */
  function noted(notes) {
    return (notes || []).map(function (n) { return ' ' + relaymapT('js-import-note', { note: n }); }).join('');
  }

  form.addEventListener('change', function () {
    checked = null;
    confirm.hidden = true;
  });

  form.addEventListener('submit', async function (event) {
    event.preventDefault();
    confirm.hidden = true;
    checked = null;
    const field = document.getElementById('files-field');
    const fieldError = document.getElementById('files-error');
    field.classList.remove('has-error');
    fieldError.textContent = '';
    let request;
    try {
      request = await chosen();
    } catch (error) {
      if (!(error instanceof Choice)) throw error;
      field.classList.add('has-error');
      fieldError.textContent = error.message;
      status.textContent = relaymapT('js-import-nothing-checked', { reason: error.message });
      return;
    }
    if (!request) {
      status.textContent = relaymapT('js-import-choose-file');
      return;
    }
    showRows([]);
    try {
      const result = await send('/api/v1/import?dry_run=true' + mappingParameter(request), request, false);
      if (!result.ok) {
        status.textContent = result.answer.error.message;
        showRows(result.answer.error.rows || result.answer.error.details || []);
        return;
      }
      checked = request;
      status.textContent = relaymapT('js-import-ready', { what: described(result.answer.imported) }) +
        noted(result.answer.notes);
      confirm.hidden = false;
      confirm.focus();
    } catch (error) {
      status.textContent = relaymapT('js-import-check-failed', { reason: error.message });
    }
  });

  confirm.addEventListener('click', async function () {
    if (!checked) return;
    confirm.hidden = true;
    try {
      const result = await send('/api/v1/import?' + mappingParameter(checked).slice(1), checked, true);
      checked = null;
      if (!result.ok) {
        // The network changed since the check: the rows are listed again.
        status.textContent = result.answer.error.message;
        showRows(result.answer.error.rows || result.answer.error.details || []);
        return;
      }
      status.textContent = relaymapT('js-import-imported', { what: described(result.answer.imported) });
    } catch (error) {
      status.textContent = relaymapT('js-import-import-failed', { reason: error.message });
    }
  });
})();
