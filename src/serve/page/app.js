// The page of `relgraph serve`: search, draw, expand, read the evidence, filter, save, share.
// Every name shown comes from articles, so text goes in through textContent, never as HTML.
'use strict';

(function () {
  const $ = (id) => document.getElementById(id);
  const FONT = '"DejaVu Sans", Verdana, sans-serif';
  // Entities asked for per answer; the server caps it and marks what it left out.
  const NODE_LIMIT = 1000;
  // Above this many entities the force-directed layout gives way to rings (see layout).
  const LARGE_GRAPH = 200;

  // What the view shows; the URL carries it (see shareUrl).
  const state = {
    focus: null,        // a name, or "#ID" for an entity whose name is shared
    depth: 1,
    relations: null,    // null: all; else a Set of relation names
    since: '',
    until: '',
    expanded: [],       // "#ID" of the nodes expanded after the focus, in order
  };
  let style = { kinds: {}, relations: [] };
  let cy = null;
  let pending = 0;      // requests and layouts in flight (the browser test waits for 0)
  let truncated = null; // the last answer's "more" marker
  const hook = { state, pending: 0, lastDrawMs: null, cy: null };
  window.relgraph = hook;

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === 'class') e.className = v;
      else if (k === 'style') Object.assign(e.style, v);
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v);
    }
    for (const c of children.flat()) {
      if (c != null) e.append(c instanceof Node ? c : String(c));
    }
    return e;
  }

  function busy(delta) {
    pending += delta;
    hook.pending = pending;
  }

  function setStatus(...parts) {
    $('status').replaceChildren(...parts);
  }

  function showError(message) {
    setStatus(el('span', { class: 'error' }, message));
  }

  async function api(path, params) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params || {})) {
      if (v !== null && v !== undefined && v !== '') q.set(k, v);
    }
    busy(1);
    try {
      const resp = await fetch(`/api/${path}?${q}`, { headers: { Accept: 'application/json' } });
      const body = await resp.json().catch(() => ({ error: `HTTP ${resp.status}` }));
      if (!resp.ok) {
        const err = new Error(body.error || `HTTP ${resp.status}`);
        err.status = resp.status;
        err.body = body;
        throw err;
      }
      return body;
    } finally {
      busy(-1);
    }
  }

  function filterParams() {
    return {
      relation: state.relations ? [...state.relations].join(',') : '',
      since: state.since,
      until: state.until,
    };
  }

  // ---- drawing ------------------------------------------------------------------------

  const measure = document.createElement('canvas').getContext('2d');

  function nodeElement(n) {
    const k = style.kinds[n.kind] || { shape: 'round-rectangle', color: '#eeeeee' };
    return {
      group: 'nodes',
      data: {
        id: `n${n.id}`, ref: `#${n.id}`, name: n.name, label: n.name, kind: n.kind,
        aliases: n.aliases || [], degree: n.degree, shape: k.shape, color: k.color,
        w: labelWidth(n.name), h: k.shape === 'ellipse' ? 36 : 32,
      },
    };
  }

  function labelWidth(text) {
    measure.font = `14px ${FONT}`;
    return Math.max(Math.ceil(measure.measureText(text).width) + 28, 44);
  }

  function relationStyle(name) {
    return style.relations.find((r) => r.name === name) || { color: '#444444', symmetric: false };
  }

  function edgeElement(e, overview) {
    const r = relationStyle(e.relation);
    return {
      group: 'edges',
      data: {
        id: `e${e.id}`, source: `n${e.source}`, target: `n${e.target}`, relation: e.relation,
        color: r.color, width: 1 + Math.min(e.evidence_count, 4), evidence_count: e.evidence_count,
        documents: e.documents, confidence: e.confidence,
        first_date: e.first_date, last_date: e.last_date,
      },
      classes: `${e.symmetric ? 'symmetric' : ''}${overview ? ' overview' : ''}`,
    };
  }

  function makeGraph() {
    cy = cytoscape({
      container: $('graph'),
      wheelSensitivity: 0.3,
      minZoom: 0.05,
      maxZoom: 6,
      style: [
        {
          selector: 'node',
          style: {
            shape: 'data(shape)', 'background-color': 'data(color)', label: 'data(label)',
            width: 'data(w)', height: 'data(h)', 'font-family': FONT, 'font-size': 14,
            'text-valign': 'center', 'text-halign': 'center', color: '#222',
            'border-width': 1, 'border-color': '#666',
            // Text too small to read is not drawn: a large graph zoomed out draws fast.
            'min-zoomed-font-size': 7,
          },
        },
        { selector: 'node.focus', style: { 'border-width': 3, 'border-color': '#333' } },
        { selector: 'node.has-more', style: { 'border-style': 'dashed', 'border-width': 2 } },
        { selector: 'node.focus.has-more', style: { 'border-width': 3 } },
        {
          selector: 'edge',
          style: {
            'curve-style': 'bezier', 'line-color': 'data(color)', 'target-arrow-color': 'data(color)',
            'target-arrow-shape': 'triangle', 'arrow-scale': 0.9, width: 'data(width)',
            label: 'data(relation)', color: 'data(color)', 'font-family': FONT, 'font-size': 12,
            'text-rotation': 'autorotate', 'text-background-color': '#ffffff',
            'text-background-opacity': 0.85, 'text-background-padding': 1,
            'min-zoomed-font-size': 7,
          },
        },
        { selector: 'edge.symmetric', style: { 'target-arrow-shape': 'none' } },
        { selector: 'edge.overview', style: { 'curve-style': 'haystack', 'haystack-radius': 0, label: '' } },
        { selector: 'edge.path', style: { 'underlay-color': '#f1c232', 'underlay-opacity': 0.6, 'underlay-padding': 4 } },
        { selector: ':selected', style: { 'overlay-color': '#2166ac', 'overlay-opacity': 0.18, 'overlay-padding': 4 } },
      ],
    });
    hook.cy = cy;
    cy.on('tap', 'node', (ev) => onNode(ev.target));
    cy.on('tap', 'edge', (ev) => onEdge(ev.target));
  }

  // Adds what a view answer holds; returns the nodes that were not drawn yet.
  function merge(view, near) {
    const added = [];
    cy.batch(() => {
      for (const n of view.nodes) {
        const id = `n${n.id}`;
        const have = cy.getElementById(id);
        if (have.nonempty()) {
          have.data('degree', n.degree);
          continue;
        }
        const node = cy.add(nodeElement(n));
        if (near) {
          const p = near.position();
          const a = Math.random() * 2 * Math.PI;
          node.position({ x: p.x + 140 * Math.cos(a), y: p.y + 140 * Math.sin(a) });
        }
        added.push(node);
      }
      // In a large graph edges are drawn as plain lines: arrows and labels cannot be read at
      // that scale, and they are most of the drawing time. An edge still shows its relation
      // by its colour, and everything when clicked.
      const overview = cy.nodes().length > LARGE_GRAPH;
      for (const e of view.edges) {
        if (cy.getElementById(`e${e.id}`).empty()) cy.add(edgeElement(e, overview));
      }
    });
    markHidden();
    return added;
  }

  // A node with more links in the store than drawn is dashed, with the count in its label.
  function markHidden() {
    cy.batch(() => {
      cy.nodes().forEach((n) => {
        const hidden = (n.data('degree') || 0) - n.connectedEdges().length;
        n.toggleClass('has-more', hidden > 0);
        const label = hidden > 0 ? `${n.data('name')}  +${hidden}` : n.data('name');
        if (label !== n.data('label')) n.data({ label, w: labelWidth(label) });
      });
    });
  }

  function layout(incremental) {
    const started = performance.now();
    const n = cy.nodes().length;
    busy(1);
    const done = () => {
      hook.lastLayoutMs = Math.round(performance.now() - started);
      // A few nodes fitted to the view would be drawn huge.
      if (cy.zoom() > 1.4) {
        cy.zoom(1.4);
        cy.center();
      }
      requestAnimationFrame(() => {
        hook.lastDrawMs = Math.round(performance.now() - started);
        busy(-1);
      });
    };
    let l;
    if (n > LARGE_GRAPH || !window.cytoscapeFcose) {
      const pos = balloonPositions(cy.nodes('.focus').nonempty() ? cy.nodes('.focus')[0] : cy.nodes()[0]);
      hook.positionsMs = Math.round(performance.now() - started);
      // Fitted to the nodes alone: the bounds of hundreds of edge labels cost more than the layout.
      l = cy.layout({ name: 'preset', positions: (node) => pos.get(node.id()), fit: false });
      l.one('layoutstop', () => cy.fit(cy.nodes(), 30));
    } else {
      l = cy.layout({
        name: 'fcose',
        randomize: !incremental,
        animate: incremental,
        animationDuration: 300,
        fit: true,
        padding: 30,
        nodeDimensionsIncludeLabels: true,
        idealEdgeLength: () => 110,
        nodeRepulsion: () => 9000,
        nodeSeparation: 90,
      });
    }
    l.one('layoutstop', done);
    l.run();
  }

  // A balloon layout of the breadth-first tree from `root`: each entity's children on a
  // circle around it, big enough for their own circles, so that a company's people sit
  // around it. Linear time, where a force-directed layout of hundreds of nodes takes seconds.
  function balloonPositions(root) {
    const children = new Map([[root.id(), []]]);
    const order = [root];
    for (let i = 0; i < order.length; i++) {
      order[i].neighborhood('node').forEach((m) => {
        if (!children.has(m.id())) {
          children.set(m.id(), []);
          children.get(order[i].id()).push(m);
          order.push(m);
        }
      });
    }
    // Entities not linked to the root (a filter cut their path) hang from it too.
    cy.nodes().forEach((n) => {
      if (!children.has(n.id())) {
        children.set(n.id(), []);
        children.get(root.id()).push(n);
        order.push(n);
      }
    });
    const LEAF = 45;
    const extent = new Map();
    const ring = new Map();
    for (let i = order.length - 1; i >= 0; i--) {
      const kids = children.get(order[i].id());
      if (!kids.length) {
        extent.set(order[i].id(), LEAF);
        continue;
      }
      const around = kids.reduce((sum, k) => sum + 2 * extent.get(k.id()), 0);
      const r = Math.max(around / (2 * Math.PI), 2.5 * LEAF);
      ring.set(order[i].id(), r);
      extent.set(order[i].id(), r + Math.max(...kids.map((k) => extent.get(k.id()))));
    }
    const pos = new Map([[root.id(), { x: 0, y: 0 }]]);
    const away = new Map([[root.id(), -Math.PI / 2]]);
    for (const node of order) {
      const kids = children.get(node.id());
      if (!kids.length) continue;
      const c = pos.get(node.id());
      const total = kids.reduce((sum, k) => sum + extent.get(k.id()), 0);
      // Start opposite the parent, so the children fan out away from it.
      let a = away.get(node.id()) - Math.PI + Math.PI * (extent.get(kids[0].id()) / total);
      for (const k of kids) {
        const share = (2 * Math.PI * extent.get(k.id())) / total;
        pos.set(k.id(), { x: c.x + ring.get(node.id()) * Math.cos(a), y: c.y + ring.get(node.id()) * Math.sin(a) });
        away.set(k.id(), a);
        a += share;
      }
    }
    return pos;
  }

  function legend() {
    const present = new Set(cy ? cy.edges().map((e) => e.data('relation')) : []);
    document.querySelectorAll('#relations label').forEach((l) => {
      l.classList.toggle('absent', !present.has(l.dataset.relation));
    });
  }

  function describeCounts() {
    const parts = [`${cy.nodes().length} entities, ${cy.edges().length} edges drawn`];
    const out = [parts.join('')];
    if (truncated && truncated.more) {
      out.push(' · ', el('span', { class: 'more' },
        `more: at least ${truncated.omitted} further entities not sent (limit ${truncated.limit}); narrow by relation or date, or lower the depth`));
    }
    setStatus(...out);
  }

  // ---- loading views ------------------------------------------------------------------

  async function loadFocus() {
    if (!state.focus) return;
    $('search').value = state.focus.startsWith('#') ? '' : state.focus;
    if (state.relations && state.relations.size === 0) {
      cy.elements().remove();
      setStatus('No relation selected: tick some in the list on the left.');
      updateUrl();
      return;
    }
    let view;
    try {
      view = await api('neighbors', { name: state.focus, depth: state.depth, limit: NODE_LIMIT, ...filterParams() });
    } catch (e) {
      cy.elements().remove();
      showError(e.message);
      return;
    }
    truncated = view;
    cy.elements().remove();
    merge(view, null);
    const focus = cy.getElementById(`n${view.focus.id}`);
    focus.addClass('focus');
    for (const ref of state.expanded) {
      try {
        const more = await api('neighbors', { name: ref, depth: 1, limit: NODE_LIMIT, ...filterParams() });
        merge(more, cy.getElementById(`n${more.focus.id}`));
      } catch (e) {
        // An expanded node filtered away or removed since the link was made: skip it.
      }
    }
    markHidden();
    layout(false);
    legend();
    describeCounts();
    showEntity(focus);
    updateUrl();
  }

  async function expand(node) {
    const ref = node.data('ref');
    let view;
    try {
      view = await api('neighbors', { name: ref, depth: 1, limit: NODE_LIMIT, ...filterParams() });
    } catch (e) {
      showError(e.message);
      return;
    }
    truncated = view;
    const added = merge(view, node);
    if (!state.expanded.includes(ref) && !node.hasClass('focus')) state.expanded.push(ref);
    if (added.length) layout(true);
    legend();
    describeCounts();
    updateUrl();
  }

  function onNode(node) {
    showEntity(node);
    expand(node);
  }

  // ---- the details panel --------------------------------------------------------------

  function showEntity(node) {
    if (!node || node.empty()) return;
    const d = node.data();
    const drawn = node.connectedEdges().length;
    const panel = [
      el('h2', {}, d.kind),
      el('div', { class: 'title' }, d.name),
    ];
    if (d.aliases.length) panel.push(el('p', {}, el('span', { class: 'muted' }, 'also: '), d.aliases.join(', ')));
    panel.push(el('p', {}, `${d.degree} links in the store, ${drawn} drawn.`));
    const buttons = el('p', {},
      el('button', { type: 'button', onclick: () => refocus(d) }, 'Focus on it'), ' ');
    const focusNode = cy.nodes('.focus');
    if (focusNode.nonempty() && focusNode.id() !== node.id()) {
      buttons.append(el('button', { type: 'button', onclick: () => showPath(focusNode, node) },
        `Shortest path from ${focusNode.data('name')}`));
    }
    panel.push(buttons);
    $('details').replaceChildren(...panel);
  }

  function refocus(d) {
    state.focus = uniqueName(d);
    state.expanded = [];
    loadFocus();
  }

  // A name the API resolves to this node: its own unless another drawn node shares it.
  function uniqueName(d) {
    const same = cy.nodes().filter((n) => n.data('name').toLowerCase() === d.name.toLowerCase());
    return same.length > 1 ? d.ref : d.name;
  }

  async function showPath(a, b) {
    let p;
    try {
      p = await api('path', { from: a.data('ref'), to: b.data('ref'), relation: filterParams().relation });
    } catch (e) {
      showError(e.message);
      return;
    }
    cy.edges().removeClass('path');
    if (!p.found) {
      setStatus(`no path from ${a.data('name')} to ${b.data('name')} within ${p.max_depth} hops`);
      return;
    }
    const added = merge(p, a);
    for (const e of p.edges) cy.getElementById(`e${e.id}`).addClass('path');
    if (added.length) layout(true);
    setStatus(`path: ${p.hops.map((h) => `${h.from} ${h.direction === '<-' ? '<-' : '-'}${h.relation}${h.direction === '->' ? '->' : '-'} ${h.to}`).join(' · ')}`);
  }

  async function onEdge(edge) {
    const d = edge.data();
    const s = edge.source().data();
    const t = edge.target().data();
    const color = relationStyle(d.relation).color;
    const head = el('div', { class: 'title' },
      s.name, ' ', el('span', { class: 'rel', style: { color } }, d.relation), ' ', t.name);
    const dates = d.first_date ? (d.first_date === d.last_date ? d.first_date : `${d.first_date} – ${d.last_date}`) : 'no date stated';
    const figures = el('p', { class: 'muted' },
      `${d.documents} document${d.documents === 1 ? '' : 's'} · ${d.evidence_count} sentence${d.evidence_count === 1 ? '' : 's'} · confidence ${d.confidence.toFixed(2)} · ${dates}`);
    $('details').replaceChildren(el('h2', {}, 'evidence'), head, figures, el('p', { class: 'muted' }, 'loading…'));
    let ev;
    try {
      ev = await api('evidence', { source: s.ref, relation: d.relation, target: t.ref });
    } catch (e) {
      $('details').replaceChildren(el('h2', {}, 'evidence'), head, el('p', { class: 'error' }, e.message));
      return;
    }
    const items = ev.evidence.map((x) => el('li', {},
      el('blockquote', { class: 'sentence' }, x.sentence),
      el('div', { class: 'muted' },
        el('b', {}, x.title || '(untitled)'), ` · ${x.date || 'no date'} · confidence ${x.confidence.toFixed(2)} · ${x.rule} · doc ${x.document}`)));
    const list = items.length
      ? el('ol', { id: 'evidence-list' }, items)
      : el('p', { class: 'muted' }, 'Imported without evidence: no sentence supports it in the store.');
    $('details').replaceChildren(el('h2', {}, 'evidence'), head, figures, list);
  }

  // ---- search -------------------------------------------------------------------------

  let suggestTimer = null;
  let suggestSeq = 0;
  let suggestions = [];
  let chosen = -1;

  function renderSuggestions(items, note) {
    const ul = $('suggestions');
    suggestions = items;
    chosen = items.length ? 0 : -1;
    const lis = items.map((m, i) => el('li', {
      role: 'option', 'aria-selected': i === chosen ? 'true' : 'false', 'data-name': m.name,
      onmousedown: (ev) => { ev.preventDefault(); pick(m); },
    }, m.name, el('span', { class: 'kind' }, `${m.kind} · ${m.degree} links`)));
    if (note) lis.push(el('li', { class: 'note' }, note));
    ul.replaceChildren(...lis);
    ul.hidden = lis.length === 0;
  }

  async function suggest(text) {
    const seq = ++suggestSeq;
    if (!text.trim()) {
      renderSuggestions([]);
      return;
    }
    try {
      const r = await api('entities', { q: text, limit: 8 });
      if (seq !== suggestSeq) return;
      renderSuggestions(r.matches, r.resolved ? null : (r.did_you_mean.length ? `did you mean ${r.did_you_mean.join(', ')}?` : null));
    } catch (e) {
      if (seq !== suggestSeq) return;
      const dym = (e.body && e.body.did_you_mean) || [];
      if (dym.length) {
        renderSuggestions(dym.map((name) => ({ name, kind: 'did you mean', degree: '?' })));
      } else {
        renderSuggestions([], e.status === 404 ? `nothing named “${text}”` : e.message);
      }
    }
  }

  function pick(m) {
    $('suggestions').hidden = true;
    const same = suggestions.filter((x) => x.name.toLowerCase() === m.name.toLowerCase());
    state.focus = same.length > 1 && m.ref ? m.ref : m.name;
    state.expanded = [];
    $('search').value = m.name;
    loadFocus();
  }

  function setupSearch() {
    const input = $('search');
    input.addEventListener('input', () => {
      clearTimeout(suggestTimer);
      suggestTimer = setTimeout(() => suggest(input.value), 120);
    });
    input.addEventListener('keydown', (ev) => {
      if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
        if (!suggestions.length) return;
        ev.preventDefault();
        chosen = (chosen + (ev.key === 'ArrowDown' ? 1 : suggestions.length - 1)) % suggestions.length;
        [...$('suggestions').children].forEach((li, i) => li.setAttribute('aria-selected', i === chosen ? 'true' : 'false'));
      } else if (ev.key === 'Escape') {
        $('suggestions').hidden = true;
      }
    });
    input.addEventListener('blur', () => setTimeout(() => { $('suggestions').hidden = true; }, 150));
    $('search-form').addEventListener('submit', async (ev) => {
      ev.preventDefault();
      clearTimeout(suggestTimer);
      if (chosen >= 0 && suggestions[chosen] && !$('suggestions').hidden) {
        pick(suggestions[chosen]);
        return;
      }
      const text = input.value.trim();
      if (!text) return;
      try {
        const r = await api('entities', { q: text, limit: 8 });
        pick(r.resolved || r.matches[0]);
      } catch (e) {
        showError(e.message);
      }
    });
  }

  // ---- filters, legend, URL -----------------------------------------------------------

  function setupFilters() {
    const box = $('relations');
    for (const r of style.relations) {
      const input = el('input', { type: 'checkbox', value: r.name });
      input.checked = !state.relations || state.relations.has(r.name);
      input.addEventListener('change', relationsChanged);
      box.append(el('label', { 'data-relation': r.name },
        input,
        el('span', { class: 'swatch', style: { color: r.color } }, r.symmetric ? '——' : '—▶'),
        el('span', { style: { color: r.color } }, r.name)));
    }
    $('all-relations').addEventListener('click', () => setAllRelations(true));
    $('no-relations').addEventListener('click', () => setAllRelations(false));
    const kinds = $('kinds');
    for (const [name, k] of Object.entries(style.kinds)) {
      kinds.append(el('div', {}, shapeIcon(k), name));
    }
    for (const id of ['since', 'until']) {
      const input = $(id);
      input.value = state[id];
      input.addEventListener('change', () => {
        const v = input.value.trim();
        const ok = v === '' || /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/.test(v);
        input.classList.toggle('invalid', !ok);
        if (!ok) {
          showError(`“${v}” is not a date: use YYYY, YYYY-MM or YYYY-MM-DD`);
          return;
        }
        state[id] = v;
        loadFocus();
      });
    }
    const depth = $('depth');
    depth.value = String(state.depth);
    depth.addEventListener('change', () => {
      state.depth = Number(depth.value);
      loadFocus();
    });
  }

  function shapeIcon(k) {
    const ns = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('width', '26');
    svg.setAttribute('height', '18');
    svg.setAttribute('viewBox', '-13 -9 26 18');
    svg.innerHTML = shapeSvg(k.shape, 0, 0, 22, 14, k.color, '#666', 1);
    return svg;
  }

  function setAllRelations(on) {
    document.querySelectorAll('#relations input').forEach((i) => { i.checked = on; });
    relationsChanged();
  }

  function relationsChanged() {
    const on = [...document.querySelectorAll('#relations input')].filter((i) => i.checked).map((i) => i.value);
    state.relations = on.length === style.relations.length ? null : new Set(on);
    loadFocus();
  }

  function shareUrl() {
    const q = new URLSearchParams();
    if (state.focus) q.set('focus', state.focus);
    if (state.depth !== 1) q.set('depth', state.depth);
    if (state.relations) q.set('relation', [...state.relations].join(','));
    if (state.since) q.set('since', state.since);
    if (state.until) q.set('until', state.until);
    if (state.expanded.length) q.set('expand', state.expanded.join(','));
    const s = q.toString();
    return `${location.origin}/${s ? `?${s}` : ''}`;
  }

  function updateUrl() {
    history.replaceState(null, '', shareUrl());
  }

  function readUrl() {
    const q = new URLSearchParams(location.search);
    state.focus = q.get('focus') || null;
    const depth = Number(q.get('depth'));
    state.depth = depth >= 1 && depth <= 3 ? depth : 1;
    if (q.has('relation')) state.relations = new Set(q.get('relation').split(',').filter(Boolean));
    state.since = q.get('since') || '';
    state.until = q.get('until') || '';
    state.expanded = (q.get('expand') || '').split(',').filter((r) => /^#\d+$/.test(r));
  }

  // ---- saving pictures ----------------------------------------------------------------

  function download(blob, name) {
    const a = el('a', { href: URL.createObjectURL(blob), download: name });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 5000);
  }

  function fileStem() {
    const f = (state.focus || 'graph').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');
    return `relgraph-${f || 'graph'}`;
  }

  function savePng() {
    download(cy.png({ output: 'blob', bg: '#ffffff', full: false, scale: 2 }), `${fileStem()}.png`);
  }

  function esc(s) {
    return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  }

  function polygon(points, cx, cy0, w, h) {
    return points.map(([x, y]) => `${(cx + x * w / 2).toFixed(1)},${(cy0 + y * h / 2).toFixed(1)}`).join(' ');
  }

  // One node body in SVG, centred on (x, y).
  function shapeSvg(shape, x, y, w, h, fill, stroke, sw) {
    const paint = `fill="${esc(fill)}" stroke="${esc(stroke)}" stroke-width="${sw}"`;
    switch (shape) {
      case 'ellipse':
        return `<ellipse cx="${x}" cy="${y}" rx="${w / 2}" ry="${h / 2}" ${paint}/>`;
      case 'hexagon':
        return `<polygon points="${polygon([[-1, 0], [-0.5, -1], [0.5, -1], [1, 0], [0.5, 1], [-0.5, 1]], x, y, w, h)}" ${paint}/>`;
      case 'octagon':
        return `<polygon points="${polygon([[-1, -0.4], [-0.4, -1], [0.4, -1], [1, -0.4], [1, 0.4], [0.4, 1], [-0.4, 1], [-1, 0.4]], x, y, w, h)}" ${paint}/>`;
      case 'cut-rectangle':
        return `<polygon points="${polygon([[-1, -1], [0.8, -1], [1, -0.6], [1, 1], [-1, 1]], x, y, w, h)}" ${paint}/>`;
      case 'barrel':
      case 'round-rectangle':
        return `<rect x="${x - w / 2}" y="${y - h / 2}" width="${w}" height="${h}" rx="${Math.min(w, h) / 4}" ${paint}/>`;
      default:
        return `<rect x="${x - w / 2}" y="${y - h / 2}" width="${w}" height="${h}" ${paint}/>`;
    }
  }

  // The current view as SVG, drawn from the positions Cytoscape rendered.
  function viewSvg() {
    const W = cy.width();
    const H = cy.height();
    const z = cy.zoom();
    const out = [`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family='${FONT}'>`,
      `<rect width="${W}" height="${H}" fill="#ffffff"/>`, '<defs>'];
    const colors = new Set(cy.edges().map((e) => e.data('color')));
    [...colors].forEach((c, i) => {
      out.push(`<marker id="a${i}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="${(8 * z).toFixed(2)}" markerHeight="${(8 * z).toFixed(2)}" markerUnits="userSpaceOnUse" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="${esc(c)}"/></marker>`);
    });
    out.push('</defs>');
    const markerOf = new Map([...colors].map((c, i) => [c, `a${i}`]));
    cy.edges().forEach((e) => {
      const s = e.renderedSourceEndpoint();
      const t = e.renderedTargetEndpoint();
      let cps = null;
      try {
        cps = e.renderedControlPoints();
      } catch (err) {
        // A straight edge has none.
      }
      const d = cps && cps.length === 1
        ? `M${s.x.toFixed(1)},${s.y.toFixed(1)} Q${cps[0].x.toFixed(1)},${cps[0].y.toFixed(1)} ${t.x.toFixed(1)},${t.y.toFixed(1)}`
        : `M${[s, ...(cps || []), t].map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' L')}`;
      const c = e.data('color');
      const arrow = e.hasClass('symmetric') ? '' : ` marker-end="url(#${markerOf.get(c)})"`;
      out.push(`<path d="${d}" fill="none" stroke="${esc(c)}" stroke-width="${(e.data('width') * z).toFixed(2)}"${arrow}/>`);
      const m = e.renderedMidpoint();
      let angle = Math.atan2(t.y - s.y, t.x - s.x) * 180 / Math.PI;
      if (angle > 90) angle -= 180;
      if (angle < -90) angle += 180;
      out.push(`<text x="${m.x.toFixed(1)}" y="${m.y.toFixed(1)}" transform="rotate(${angle.toFixed(1)} ${m.x.toFixed(1)} ${m.y.toFixed(1)})" font-size="${(12 * z).toFixed(1)}" fill="${esc(c)}" text-anchor="middle" dominant-baseline="central" paint-order="stroke" stroke="#ffffff" stroke-width="${(3 * z).toFixed(1)}">${esc(e.data('relation'))}</text>`);
    });
    cy.nodes().forEach((n) => {
      const p = n.renderedPosition();
      const w = n.data('w') * z;
      const h = n.data('h') * z;
      const dashed = n.hasClass('has-more') ? ` stroke-dasharray="${(4 * z).toFixed(1)}"` : '';
      const sw = (n.hasClass('focus') ? 3 : n.hasClass('has-more') ? 2 : 1) * z;
      out.push(shapeSvg(n.data('shape'), p.x, p.y, w, h, n.data('color'), '#666', sw.toFixed(2)).replace('/>', `${dashed}/>`));
      out.push(`<text x="${p.x.toFixed(1)}" y="${p.y.toFixed(1)}" font-size="${(14 * z).toFixed(1)}" fill="#222" text-anchor="middle" dominant-baseline="central">${esc(n.data('label'))}</text>`);
    });
    out.push('</svg>');
    return out.join('\n');
  }

  function saveSvg() {
    download(new Blob([viewSvg()], { type: 'image/svg+xml' }), `${fileStem()}.svg`);
  }

  async function share() {
    const url = shareUrl();
    try {
      await navigator.clipboard.writeText(url);
      setStatus(`link copied: ${url}`);
    } catch (e) {
      setStatus(`link to this view: ${url}`);
    }
  }

  // ---- start --------------------------------------------------------------------------

  async function start() {
    if (typeof window.cytoscape !== 'function') {
      document.querySelector('main').replaceChildren(el('div', { class: 'banner' },
        el('p', {}, el('b', {}, 'This relgraph was built without its graph-drawing library.')),
        el('p', {}, window.RELGRAPH_VENDOR_MISSING || 'The library did not load.'),
        el('p', {}, 'Install Node.js and npm and build relgraph again (cargo build fetches the library through npm); the JSON API under /api/ works meanwhile.')));
      return;
    }
    if (window.cytoscapeFcose) cytoscape.use(window.cytoscapeFcose);
    busy(1);
    try {
      style = await api('style');
      const stats = await api('stats');
      $('store-stats').textContent = `Store: ${stats.entities} entities, ${stats.edges} edges, ${stats.documents} documents.`;
    } catch (e) {
      showError(e.message);
      busy(-1);
      return;
    }
    readUrl();
    makeGraph();
    setupFilters();
    setupSearch();
    $('fit').addEventListener('click', () => cy.fit(undefined, 30));
    $('save-png').addEventListener('click', savePng);
    $('save-svg').addEventListener('click', saveSvg);
    $('share').addEventListener('click', share);
    hook.viewSvg = viewSvg;
    hook.reload = loadFocus;
    hook.shareUrl = shareUrl;
    if (state.focus) await loadFocus();
    else setStatus('Type a name in the search box.');
    busy(-1);
    $('search').focus();
  }

  start();
})();
