// The cascade simulation on the scenario page: POST /api/v1/simulate with the query of the
// result on screen (1,000 runs, seeded, so the same query draws the same chart), drawn as the
// mean migrants reached by each hour with the band from the 5th to the 95th percentile, and
// the same numbers in a table every six hours (and at the horizon).
(function () {
  'use strict';
  const button = document.getElementById('simulate');
  if (!button) return;
  const status = document.getElementById('cascade-status');
  const SVG = 'http://www.w3.org/2000/svg';
  const W = 640, H = 260, LEFT = 48, RIGHT = 12, TOP = 12, BOTTOM = 32;
  const oneDecimal = new Intl.NumberFormat(relaymapT.lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

  function csrfToken() {
    const meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.content : '';
  }

  function el(name, attributes, text) {
    const e = document.createElementNS(SVG, name);
    Object.keys(attributes).forEach(function (k) { e.setAttribute(k, attributes[k]); });
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function draw(simulation) {
    const svg = document.getElementById('cascade-chart');
    svg.replaceChildren();
    // The chart’s axes run left to right in every language: its labels too.
    svg.setAttribute('direction', 'ltr');
    const bands = simulation.by_hour;
    const top = Math.max(1, simulation.targets);
    const x = function (hour) { return LEFT + (W - LEFT - RIGHT) * hour / simulation.hours; };
    const y = function (count) { return H - BOTTOM - (H - TOP - BOTTOM) * count / top; };
    // Axes with a few labels.
    svg.append(el('line', { x1: LEFT, y1: H - BOTTOM, x2: W - RIGHT, y2: H - BOTTOM, stroke: '#0b0c0c' }));
    svg.append(el('line', { x1: LEFT, y1: TOP, x2: LEFT, y2: H - BOTTOM, stroke: '#0b0c0c' }));
    [0, 0.5, 1].forEach(function (share) {
      const count = Math.round(top * share);
      svg.append(el('text', { x: LEFT - 6, y: y(count) + 4, 'text-anchor': 'end', 'font-size': 12 }, relaymapT.number(count)));
    });
    for (let hour = 0; hour <= simulation.hours; hour += Math.max(1, Math.round(simulation.hours / 8))) {
      svg.append(el('text', { x: x(hour), y: H - BOTTOM + 18, 'text-anchor': 'middle', 'font-size': 12 }, relaymapT('js-cascade-hours', { hours: hour })));
    }
    const upper = bands.map(function (b) { return x(b.hour) + ',' + y(b.p95); });
    const lower = bands.slice().reverse().map(function (b) { return x(b.hour) + ',' + y(b.p5); });
    svg.append(el('polygon', { points: upper.concat(lower).join(' '), fill: '#21918c', 'fill-opacity': 0.25, class: 'band' }));
    svg.append(el('polyline', {
      points: bands.map(function (b) { return x(b.hour) + ',' + y(b.mean); }).join(' '),
      fill: 'none', stroke: '#3b528b', 'stroke-width': 2.5, class: 'mean',
    }));
    svg.dataset.targets = String(simulation.targets);
    svg.dataset.hours = String(simulation.hours);
    document.getElementById('cascade-figure').hidden = false;

    const body = document.querySelector('#cascade-table tbody');
    body.replaceChildren();
    bands.filter(function (b) { return b.hour % 6 === 0 || b.hour === simulation.hours; }).forEach(function (b) {
      const tr = document.createElement('tr');
      [relaymapT('js-cascade-hours', { hours: b.hour }), oneDecimal.format(b.mean), relaymapT.number(b.p5), relaymapT.number(b.p95)].forEach(function (value, i) {
        const td = document.createElement('td');
        td.textContent = String(value);
        if (i > 0) td.className = 'num';
        tr.append(td);
      });
      body.append(tr);
    });
    document.getElementById('cascade-table-wrap').hidden = false;
  }

  button.addEventListener('click', async function () {
    const raw = document.getElementById('results').dataset.query;
    if (!raw) { status.textContent = relaymapT('js-cascade-run-first'); return; }
    const query = JSON.parse(raw);
    query.runs = 1000;
    query.seed = 1;
    button.disabled = true;
    status.textContent = relaymapT('js-cascade-simulating', { runs: query.runs });
    try {
      const response = await fetch('/api/v1/simulate', {
        method: 'POST', credentials: 'same-origin',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken() },
        body: JSON.stringify(query),
      });
      const body = await response.json();
      if (!response.ok) { status.textContent = relaymapT('js-scenario-refused', { error: body.error.message }); return; }
      draw(body);
      const last = body.by_hour[body.by_hour.length - 1];
      status.textContent = relaymapT.plural('js-cascade-result', body.targets, {
        hours: body.hours, mean: Math.round(last.mean), targets: body.targets, low: last.p5, high: last.p95,
        never: Math.round(body.never_reached_share * 100),
      });
    } catch (error) {
      status.textContent = relaymapT('js-cascade-could-not-run', { error: error.message });
    } finally {
      button.disabled = false;
    }
  });
})();
