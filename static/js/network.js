// The network view: positions come from GET /api/v1/view (a force-directed layout computed by
// the server), Cytoscape.js draws them, on WebGL where the browser has it. Names are shown with
// textContent, never as HTML. Words are the page’s language’s (the js-view- and js-words- messages).
(function () {
  'use strict';
  const element = document.getElementById('graph');
  const status = document.getElementById('view-status');
  const KINDS = { migrant: '#0072b2', organisation: '#009e73', responder: '#d55e00' };
  const words = window.relaymapWords;
  /** A kind as the legend says it, with how it is drawn: "Migrant (dot)". */
  function kindDrawn(kind) {
    return kind === 'migrant'
      ? relaymapT('js-view-kind-dot', { kind: words.kindWord(kind) })
      : relaymapT('js-view-kind-diamond', { kind: words.kindWord(kind) });
  }
  // Twelve distinguishable hues for the largest communities; the rest share grey.
  const PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2',
    '#7f7f7f', '#bcbd22', '#17becf', '#393b79', '#637939'];
  const OTHER = '#b0b0b0';

  function webgl() {
    try {
      return !!document.createElement('canvas').getContext('webgl2');
    } catch (error) {
      return false;
    }
  }

  function legend(entries) {
    const list = document.getElementById('legend');
    list.replaceChildren();
    entries.forEach(function (entry) {
      const item = document.createElement('li');
      const swatch = document.createElement('span');
      swatch.className = 'swatch';
      swatch.style.background = entry[1];
      item.append(swatch, document.createTextNode(' '));
      if (entry[2]) {
        const link = document.createElement('a');
        link.href = entry[2];
        link.textContent = entry[0];
        item.append(link);
      } else {
        item.append(document.createTextNode(entry[0]));
      }
      list.append(item);
    });
  }

  /** What a community is, in words: "3: Tigrinya, English · Harbour (120 shown)". */
  let labels = new Map();
  function describe(community) {
    const label = labels.get(community);
    // The community’s number is the one the form takes: written as it is typed.
    if (!label) return relaymapT('js-view-community', { community: String(community) });
    const names = label.languages.map(words.languageName);
    return relaymapT.plural('js-view-community-described', label.members, {
      community: String(community),
      what: [words.list(names), label.city].filter(Boolean).join(' · '),
    });
  }

  function pick(node) {
    document.getElementById('picked-none').hidden = true;
    document.getElementById('picked-card').hidden = false;
    document.getElementById('picked-name').textContent = node.data('name') + ' (' + node.id() + ')';
    document.getElementById('picked-kind').textContent = words.kindWord(node.data('kind'));
    document.getElementById('picked-community').textContent = describe(node.data('community'));
    document.getElementById('picked-degree').textContent = relaymapT.number(node.degree());
    const link = document.getElementById('picked-link');
    link.href = '/actors/' + encodeURIComponent(node.id());
    link.hidden = false;
  }

  async function draw() {
    if (!window.cytoscape) {
      status.textContent = relaymapT('js-view-library-missing');
      throw new Error(relaymapT('js-view-library-missing'));
    }
    const params = new URLSearchParams(window.location.search);
    const query = new URLSearchParams();
    ['city', 'community'].forEach(function (name) {
      const value = (params.get(name) || '').trim();
      if (value) query.set(name, value);
    });
    const byKind = params.get('colour') === 'kind';
    const started = Date.now();
    const response = await fetch('/api/v1/view?' + query.toString(), { credentials: 'same-origin', headers: { accept: 'application/json' } });
    const body = await response.json();
    if (!response.ok) {
      status.textContent = relaymapT('js-view-not-drawn', { reason: body.error.message });
      return;
    }
    const colour = function (node) {
      if (byKind) return KINDS[node.kind] || OTHER;
      return node.community < PALETTE.length ? PALETTE[node.community] : OTHER;
    };
    const elements = body.nodes.map(function (node) {
      return {
        group: 'nodes',
        data: { id: node.id, name: node.name, kind: node.kind, community: node.community, colour: colour(node) },
        position: { x: node.x, y: node.y },
      };
    });
    body.ties.forEach(function (pair, i) {
      elements.push({ group: 'edges', data: { id: 'e' + i, source: body.nodes[pair[0]].id, target: body.nodes[pair[1]].id } });
    });
    // Dots sized to the layout’s spacing (it spans about 2000 units), so that they stay visible
    // whether ten or ten thousand actors are drawn.
    const size = Math.max(4, Math.min(60, 700 / Math.sqrt(Math.max(1, body.nodes.length))));
    const gl = webgl();
    const cy = window.cytoscape({
      container: element,
      elements: elements,
      layout: { name: 'preset', fit: true, padding: 20 },
      renderer: { name: 'canvas', webgl: gl },
      hideEdgesOnViewport: body.ties.length > 20000,
      minZoom: 0.02,
      maxZoom: 8,
      boxSelectionEnabled: false,
      style: [
        { selector: 'node', style: { 'background-color': 'data(colour)', width: size, height: size, label: '' } },
        { selector: 'node[kind != "migrant"]', style: { width: 1.8 * size, height: 1.8 * size, shape: 'diamond' } },
        { selector: 'node:selected', style: { 'border-width': size / 4, 'border-color': '#000' } },
        { selector: 'edge', style: { width: size / 10, 'line-color': '#9aa3b2', opacity: 0.5 } },
      ],
    });
    cy.on('tap', 'node', function (event) { pick(event.target); });
    labels = new Map((body.community_labels || []).map(function (l) { return [l.community, l]; }));
    if (byKind) {
      legend(Object.entries(KINDS).map(function (k) { return [kindDrawn(k[0]), k[1]]; }));
    } else {
      const shown = new Set(body.nodes.map(function (n) { return n.community; }));
      const only = function (c) {
        const link = new URLSearchParams(window.location.search);
        link.set('community', String(c));
        return '/network?' + link.toString();
      };
      legend(Array.from(shown).sort(function (a, b) { return a - b; }).slice(0, PALETTE.length)
        .map(function (c) { return [describe(c), PALETTE[c] || OTHER, only(c)]; })
        .concat(shown.size > PALETTE.length || Array.from(shown).some(function (c) { return c >= PALETTE.length; })
          ? [[relaymapT('js-view-smaller-communities'), OTHER]] : []));
    }
    element.dataset.nodes = String(cy.nodes().length);
    element.dataset.ties = String(cy.edges().length);
    element.dataset.renderer = gl ? 'webgl' : 'canvas';
    const seconds = new Intl.NumberFormat(relaymapT.lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    status.textContent = relaymapT('js-view-status', {
      actors: relaymapT.plural('js-view-status-actors', body.nodes.length),
      ties: relaymapT.plural('js-view-status-ties', body.ties.length),
      communities: relaymapT.plural('js-view-status-communities', body.communities),
      renderer: gl ? relaymapT('js-view-renderer-webgl') : relaymapT('js-view-renderer-canvas'),
      seconds: seconds.format((Date.now() - started) / 1000),
    });
    window.relaymapView = cy;
  }

  draw().catch(function (error) {
    status.textContent = relaymapT('js-view-load-failed', { reason: (error && error.message) || String(error) });
    console.error(error);
  });
})();
