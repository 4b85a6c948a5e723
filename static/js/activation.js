// The live board of an activation: the board part of the page is fetched again every few seconds
// (GET /activations/{id}?part=board, rendered by the server like the page itself) and swapped in
// when it changed, so that every coordinator sees the re-planned call list without reloading.
// A click on an outcome is sent to the API (POST /api/v1/activations/{id}/contacts) and the board
// is refreshed at once; without scripts the same buttons are plain forms.
(function () {
  'use strict';
  const board = document.getElementById('board');
  if (!board) return;
  const id = board.dataset.activation;
  const status = document.getElementById('board-status');
  const EVERY_MS = 5000;
  let busy = false;

  function csrfToken() {
    const meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.content : '';
  }

  /** Swaps the board in when it changed, keeping the focus on the same control if it is there. */
  function show(html) {
    if (html === board.innerHTML) return;
    const focused = board.contains(document.activeElement) ? document.activeElement.getAttribute('aria-label') : null;
    board.innerHTML = html;
    if (focused) {
      const again = Array.from(board.querySelectorAll('[aria-label]')).find(function (e) { return e.getAttribute('aria-label') === focused; });
      if (again) again.focus();
    }
  }

  async function refresh() {
    if (busy) return;
    busy = true;
    try {
      const response = await fetch('/activations/' + encodeURIComponent(id) + '?part=board', { credentials: 'same-origin' });
      if (response.ok) {
        show(await response.text());
        status.textContent = relaymapT('js-activation-up-to-date', { time: new Date().toLocaleTimeString(relaymapT.lang) });
      } else {
        status.textContent = relaymapT('js-activation-refresh-failed', { status: String(response.status) });
      }
    } catch (e) {
      status.textContent = relaymapT('js-activation-offline');
    } finally {
      busy = false;
    }
  }

  board.addEventListener('submit', async function (event) {
    const form = event.target;
    if (!form.classList.contains('outcome')) return;
    event.preventDefault();
    const data = new FormData(form);
    const button = form.querySelector('button');
    button.disabled = true;
    try {
      const response = await fetch('/api/v1/activations/' + encodeURIComponent(id) + '/contacts', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken() },
        body: JSON.stringify({ actor: data.get('actor'), outcome: data.get('outcome') }),
      });
      if (!response.ok) {
        const body = await response.json().catch(function () { return {}; });
        status.textContent = relaymapT('js-activation-not-recorded', { reason: String((body.error && body.error.message) || response.status) });
      } else {
        status.textContent = relaymapT('js-activation-recorded');
      }
    } catch (e) {
      status.textContent = relaymapT('js-activation-no-connection');
    } finally {
      button.disabled = false;
      await refresh();
    }
  });

  setInterval(refresh, EVERY_MS);
})();
