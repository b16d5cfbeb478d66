/* kg viz: legend, filters, search, tooltips and details of the graph page.
 * Text from documents is written with textContent / text nodes only, never as HTML. */
(function () {
  "use strict";
  performance.mark("kg:start");
  const data = JSON.parse(document.getElementById("kg-data").textContent);
  performance.mark("kg:parsed");
  const byId = (id) => document.getElementById(id);
  /* The page's words (kg/i18n.py, in the page's language), {name} blanks filled from values. */
  const say = (key, values) => data.words[key].replace(/\{(\w+)\}/g, (_, name) => String(values[name]));

  /* An element with text content and attributes; children are nodes or strings (appended as text). */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (key === "text") node.textContent = value;
      else if (key === "class") node.className = value;
      else node.setAttribute(key, value);
    }
    for (const child of children) if (child !== null && child !== undefined) node.append(child);
    return node;
  }

  const nodeById = new Map(data.nodes.map((n) => [n.id, n]));
  const edgeById = new Map(data.edges.map((e) => [e.id, e]));
  const edgesOf = new Map(data.nodes.map((n) => [n.id, []]));
  for (const e of data.edges) {
    edgesOf.get(e.from).push(e.id);
    if (e.to !== e.from) edgesOf.get(e.to).push(e.id);
  }
  const sources = data.sources;
  const scoreName = { degree: data.words.viz_neighbours, pagerank: data.words.pagerank, betweenness: data.words.betweenness }[data.sizeBy];

  /* vis-network copies every field of a node: hand it only its own, keep ours (kg) in data.
   * A large (static) graph starts without labels and arrows, which are too small to see at the
   * overview anyway; they are added once the view is zoomed in far enough (see detailLevel). */
  const lazy = data.static;
  const nodes = new vis.DataSet(data.nodes.map(({ kg, label, ...fields }) => (lazy ? fields : { label, ...fields })));
  const edges = new vis.DataSet(data.edges.map(({ kg, arrows, ...fields }) => (lazy ? fields : { arrows, ...fields })));
  const container = byId("kg-network");
  const status = byId("kg-status");
  if (lazy) data.options.edges.arrows.to.enabled = false;
  const network = new vis.Network(container, { nodes: [], edges: [] }, data.options);

  const api = {
    network, nodes, edges, data, ready: false, focused: null,
    visibleNodes: () => data.nodes.filter((n) => !hiddenNodes.has(n.id)).map((n) => n.id),
    visibleEdges: () => data.edges.filter((e) => !hiddenEdges.has(e.id)).map((e) => e.id),
  };
  window.kgViz = api;

  /* ------------------------------------------------------------ details and tooltips */

  function row(list, term, value) {
    if (value === "" || value === null || value === undefined) return;
    list.append(el("dt", { text: term }), el("dd", { text: String(value) }));
  }

  function formatScore(value) {
    return data.sizeBy === "degree" ? String(value) : Number(value).toPrecision(3);
  }

  function nodeFacts(n) {
    const info = n.kg;
    const list = el("dl");
    row(list, data.words.class, info.classLabel);
    row(list, data.words.district, [info.district, info.city].filter(Boolean).join(data.words.viz_place_separator) || "—");
    if (info.aliases.length) row(list, data.words.aliases, info.aliases.join(data.words.viz_list_separator));
    row(list, data.words.relations, say("viz_relation_count", info));
    row(list, data.words.viz_neighbours, info.neighbours);
    if (data.sizeBy !== "degree") row(list, scoreName, formatScore(info.score));
    return list;
  }

  function sourceText(index) {
    const source = sources[index];
    if (!source) return "";
    return source.title ? say("viz_with_id", source) : source.id;
  }

  function edgeHeading(e) {
    return `${nodeById.get(e.from).kg.name} —${e.kg.relationLabel}→ ${nodeById.get(e.to).kg.name}`;
  }

  function edgeFacts(e) {
    const list = el("dl");
    row(list, data.words.viz_relation, say("viz_with_id", { title: e.kg.relationLabel, id: e.kg.relation }));
    row(list, data.words.evidence, e.kg.evidence);
    row(list, data.words.source, sourceText(e.kg.source));
    row(list, data.words.year, e.kg.year);
    return list;
  }

  const tooltip = byId("kg-tooltip");
  function showTooltip(heading, facts, pointer) {
    tooltip.replaceChildren(el("strong", { text: heading }), facts);
    tooltip.hidden = false;
    const box = container.getBoundingClientRect();
    const width = tooltip.offsetWidth, height = tooltip.offsetHeight;
    let x = box.left + pointer.x + 14, y = box.top + pointer.y + 14;
    if (x + width > window.innerWidth - 4) x = Math.max(4, box.left + pointer.x - width - 14);
    if (y + height > window.innerHeight - 4) y = Math.max(4, box.top + pointer.y - height - 14);
    tooltip.style.left = `${x}px`;
    tooltip.style.top = `${y}px`;
  }
  const hideTooltip = () => { tooltip.hidden = true; };

  const details = byId("kg-details");
  function closeButton() {
    const button = el("button", { type: "button", class: "kg-close", title: data.words.viz_close, text: "×" });
    button.addEventListener("click", () => { details.hidden = true; network.unselectAll(); });
    return button;
  }
  function nodeLink(id) {
    const button = el("button", { type: "button", class: "kg-link", text: nodeById.get(id).kg.name });
    button.addEventListener("click", () => chooseNode(id));
    return button;
  }

  function showNodeDetails(id) {
    const n = nodeById.get(id);
    const facts = nodeFacts(n);
    row(facts, "IRI", n.kg.iri);
    const list = el("ul");
    const related = edgesOf.get(id).map((k) => edgeById.get(k));
    related.sort((a, b) => a.kg.relationLabel.localeCompare(b.kg.relationLabel, "zh"));
    for (const e of related) {
      const outgoing = e.from === id;
      const other = outgoing ? e.to : e.from;
      const item = el("li", null, outgoing ? `→ ${e.kg.relationLabel} ` : `← ${e.kg.relationLabel} `, nodeLink(other));
      item.title = e.kg.evidence;
      list.append(item);
    }
    details.replaceChildren(closeButton(), el("h2", { text: n.kg.name }), facts, related.length ? list : "");
    details.hidden = false;
  }

  function showEdgeDetails(id) {
    const e = edgeById.get(id);
    const heading = el("h2", null, nodeLink(e.from), ` —${e.kg.relationLabel}→ `, nodeLink(e.to));
    details.replaceChildren(closeButton(), heading, edgeFacts(e));
    details.hidden = false;
  }

  network.on("hoverNode", (p) => {
    const n = nodeById.get(p.node);
    showTooltip(n.kg.name, nodeFacts(n), p.pointer.DOM);
  });
  network.on("hoverEdge", (p) => {
    const e = edgeById.get(p.edge);
    showTooltip(edgeHeading(e), edgeFacts(e), p.pointer.DOM);
  });
  for (const name of ["blurNode", "blurEdge", "dragStart", "zoom"]) network.on(name, hideTooltip);
  network.on("click", (p) => {
    if (p.nodes.length) showNodeDetails(p.nodes[0]);
    else if (p.edges.length) showEdgeDetails(p.edges[0]);
    else details.hidden = true;
  });

  /* ------------------------------------------------------------ legend and filters */

  const filters = {
    classes: { items: data.classes, key: (n) => n.kg.cls, active: new Set(data.classes.map((c) => c.id)) },
    districts: { items: data.districts, key: (n) => n.kg.district, active: new Set(data.districts.map((d) => d.id)) },
    relations: { items: data.relations, key: null, active: new Set(data.relations.map((r) => r.id)) },
  };
  const hiddenNodes = new Set();
  const hiddenEdges = new Set();
  const hideIsolated = byId("kg-hide-isolated");

  function swatch(shape, color) {
    const mark = el("span", { class: `kg-swatch ${shape}`, "aria-hidden": "true" });
    mark.style.background = color;
    return mark;
  }

  function filterList(name, listId, describe) {
    const filter = filters[name];
    const list = byId(listId);
    filter.boxes = [];
    let group = null;
    filter.items.forEach((item, index) => {
      const look = describe(item);
      if (look.group && look.group !== group) {
        group = look.group;
        list.append(el("li", { class: "kg-group", text: group }));
      }
      const box = el("input", { type: "checkbox", "data-filter": name, "data-index": String(index) });
      box.checked = true;
      box.addEventListener("change", () => {
        if (box.checked) filter.active.add(item.id);
        else filter.active.delete(item.id);
        applyFilters();
      });
      filter.boxes.push(box);
      const text = el("span", { class: "kg-name", text: look.label, title: look.label });
      list.append(el("li", null, el("label", null, box, swatch(look.shape, look.color), text,
        el("span", { class: "kg-count", text: String(item.count) }))));
    });
  }

  const byClass = data.colorBy === "class";
  filterList("classes", "kg-filter-classes", (c) => ({
    label: c.label, group: c.groupLabel, shape: c.shape, color: byClass ? c.color : "#718096",
  }));
  filterList("districts", "kg-filter-districts", (d) => ({ label: d.label, shape: "dot", color: "#cbd5e0" }));
  filterList("relations", "kg-filter-relations", (r) => ({ label: r.label, shape: "line", color: r.color }));
  if (data.colorLegend) {
    byId("kg-color-box").hidden = false;
    byId("kg-color-title").textContent = data.colorLegend.title;
    const legend = byId("kg-color-legend");
    for (const item of data.colorLegend.items) {
      legend.append(el("li", null, swatch("dot", item.color), el("span", { class: "kg-name", text: item.label, title: item.label }),
        el("span", { class: "kg-count", text: String(item.count) })));
    }
  }

  for (const bulk of document.querySelectorAll(".kg-bulk")) {
    const filter = filters[bulk.dataset.filter];
    for (const button of bulk.querySelectorAll("button")) {
      button.addEventListener("click", () => {
        const on = button.dataset.all === "1";
        filter.items.forEach((item, i) => {
          filter.boxes[i].checked = on;
          if (on) filter.active.add(item.id);
          else filter.active.delete(item.id);
        });
        applyFilters();
      });
    }
  }
  hideIsolated.addEventListener("change", applyFilters);

  function updateCounts() {
    const shownNodes = data.nodes.length - hiddenNodes.size;
    const shownEdges = data.edges.length - hiddenEdges.size;
    byId("kg-counts").textContent = hiddenNodes.size || hiddenEdges.size
      ? say("viz_counts_shown", { nodes: shownNodes, all_nodes: data.nodes.length, edges: shownEdges, all_edges: data.edges.length })
      : say("viz_counts", { nodes: data.nodes.length, edges: data.edges.length });
  }

  function applyFilters() {
    const shown = new Map();
    for (const n of data.nodes) {
      shown.set(n.id, filters.classes.active.has(n.kg.cls) && filters.districts.active.has(n.kg.district));
    }
    const linked = new Set();
    const edgeChanges = [];
    for (const e of data.edges) {
      const visible = filters.relations.active.has(e.kg.relation) && shown.get(e.from) && shown.get(e.to);
      if (visible) { linked.add(e.from); linked.add(e.to); }
      if (visible === hiddenEdges.has(e.id)) {
        edgeChanges.push({ id: e.id, hidden: !visible });
        if (visible) hiddenEdges.delete(e.id); else hiddenEdges.add(e.id);
      }
    }
    const nodeChanges = [];
    for (const n of data.nodes) {
      const visible = shown.get(n.id) && (!hideIsolated.checked || linked.has(n.id));
      if (visible === hiddenNodes.has(n.id)) {
        nodeChanges.push({ id: n.id, hidden: !visible });
        if (visible) hiddenNodes.delete(n.id); else hiddenNodes.add(n.id);
      }
    }
    if (nodeChanges.length) nodes.update(nodeChanges);
    if (edgeChanges.length) edges.update(edgeChanges);
    const selected = network.getSelectedNodes();
    if (selected.length && hiddenNodes.has(selected[0])) { network.unselectAll(); details.hidden = true; }
    updateCounts();
  }
  api.applyFilters = applyFilters;

  /* A hidden node chosen in the search becomes visible: its class and district filters are switched on. */
  function reveal(id) {
    const n = nodeById.get(id);
    for (const name of ["classes", "districts"]) {
      const filter = filters[name];
      const value = filter.key(n);
      if (!filter.active.has(value)) {
        filter.active.add(value);
        filter.boxes[filter.items.findIndex((item) => item.id === value)].checked = true;
      }
    }
    applyFilters();
    if (hiddenNodes.has(id)) { hideIsolated.checked = false; applyFilters(); }
  }

  /* ------------------------------------------------------------ search */

  const searchBox = byId("kg-search");
  const results = byId("kg-results");
  const index = data.nodes.map((n) => ({
    id: n.id, name: n.kg.name.toLowerCase(), aliases: n.kg.aliases.map((a) => a.toLowerCase()), keys: n.kg.keys,
  }));

  /* Node ids matching a query, best first: label, then alias, then pinyin (full or initials). */
  function search(query) {
    const q = query.trim().toLowerCase();
    if (!q) return [];
    const compact = q.replace(/\s+/g, "");
    const latin = /^[a-z0-9]+$/.test(compact);
    const ranked = [];
    for (const entry of index) {
      let rank = -1;
      if (entry.name === q) rank = 0;
      else if (entry.name.startsWith(q)) rank = 1;
      else if (entry.name.includes(q)) rank = 2;
      else if (entry.aliases.includes(q)) rank = 3;
      else if (entry.aliases.some((a) => a.includes(q))) rank = 4;
      else if (latin && entry.keys.split(" ").some((k) => k.startsWith(compact))) rank = 5;
      else if (latin && entry.keys.includes(compact)) rank = 6;
      if (rank >= 0) ranked.push([rank, entry.id]);
    }
    ranked.sort((a, b) => a[0] - b[0] || nodeById.get(b[1]).kg.degree - nodeById.get(a[1]).kg.degree
      || nodeById.get(a[1]).kg.name.localeCompare(nodeById.get(b[1]).kg.name, "zh"));
    return ranked.slice(0, 30).map((r) => r[1]);
  }
  api.search = search;

  let active = -1;
  function showResults() {
    const ids = search(searchBox.value);
    active = -1;
    results.replaceChildren();
    if (!searchBox.value.trim()) { results.hidden = true; return; }
    if (!ids.length) {
      results.append(el("li", { class: "kg-empty", text: data.words.viz_no_match }));
    }
    for (const id of ids) {
      const info = nodeById.get(id).kg;
      const sub = [info.classLabel, info.district, hiddenNodes.has(id) ? data.words.viz_hidden : ""].filter(Boolean).join(" · ");
      const item = el("li", { role: "option", "data-id": String(id) }, info.name, el("span", { class: "kg-sub", text: sub }));
      item.addEventListener("mousedown", (event) => { event.preventDefault(); chooseNode(id); });
      results.append(item);
    }
    results.hidden = false;
  }

  function highlight(position) {
    const items = results.querySelectorAll("li[role=option]");
    if (!items.length) return;
    active = (position + items.length) % items.length;
    items.forEach((item, i) => item.setAttribute("aria-selected", i === active ? "true" : "false"));
    items[active].scrollIntoView({ block: "nearest" });
  }

  searchBox.addEventListener("input", showResults);
  searchBox.addEventListener("focus", () => { if (searchBox.value.trim()) showResults(); });
  searchBox.addEventListener("blur", () => { results.hidden = true; });
  searchBox.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown") { event.preventDefault(); highlight(active + 1); }
    else if (event.key === "ArrowUp") { event.preventDefault(); highlight(active - 1); }
    else if (event.key === "Escape") { results.hidden = true; }
    else if (event.key === "Enter") {
      event.preventDefault();
      const items = results.querySelectorAll("li[role=option]");
      const item = items[Math.max(active, 0)];
      if (item) chooseNode(Number(item.dataset.id));
    }
  });

  function chooseNode(id) {
    results.hidden = true;
    if (hiddenNodes.has(id)) reveal(id);
    focusNode(id);
  }

  function focusNode(id) {
    api.focused = null;
    network.selectNodes([id]);
    showNodeDetails(id);
    network.once("animationFinished", () => { api.focused = id; });
    network.focus(id, {
      scale: Math.max(network.getScale(), 1.2),
      animation: { duration: 450, easingFunction: "easeInOutQuad" },
    });
  }
  api.focusNode = focusNode;

  /* ------------------------------------------------------------ level of detail (large graphs) */

  const LABEL_SCALE = 0.3; /* a 15 px label is drawn from about this zoom on */
  const ARROW_SCALE = 0.5;
  let labelsShown = !lazy, arrowsShown = !lazy, detailPending = false;
  function detailLevel() {
    detailPending = false;
    const scale = network.getScale();
    if (!labelsShown && scale >= LABEL_SCALE) {
      labelsShown = true;
      nodes.update(data.nodes.map((n) => ({ id: n.id, label: n.label })));
    }
    const wantArrows = scale >= ARROW_SCALE;
    if (lazy && wantArrows !== arrowsShown) {
      arrowsShown = wantArrows;
      network.setOptions({ edges: { arrows: { to: { enabled: wantArrows } } } });
      const both = wantArrows ? "to, from" : { to: { enabled: false }, from: { enabled: false } };
      const symmetric = data.edges.filter((e) => e.arrows === "to, from").map((e) => ({ id: e.id, arrows: both }));
      if (symmetric.length) edges.update(symmetric);
    }
  }
  if (lazy) {
    network.on("afterDrawing", () => {
      const scale = network.getScale();
      const stale = (!labelsShown && scale >= LABEL_SCALE) || (scale >= ARROW_SCALE) !== arrowsShown;
      if (stale && !detailPending) {
        detailPending = true;
        setTimeout(detailLevel, 0);
      }
    });
  }

  /* ------------------------------------------------------------ tools, readiness */

  const physics = byId("kg-physics");
  physics.addEventListener("change", () => network.setOptions({ physics: { enabled: physics.checked } }));
  byId("kg-fit").addEventListener("click", () => network.fit({ animation: { duration: 300 } }));
  const toggle = byId("kg-panel-toggle");
  toggle.addEventListener("click", () => {
    const hidden = document.body.classList.toggle("kg-panel-hidden");
    toggle.setAttribute("aria-expanded", hidden ? "false" : "true");
    network.setSize("100%", "100%");
    network.redraw();
  });

  function markReady() {
    performance.mark("kg:ready");
    status.textContent = data.nodes.length ? "" : data.words.viz_empty;
    status.hidden = !!data.nodes.length;
    api.ready = true;
    document.body.dataset.ready = "true";
  }

  if (data.options.physics.enabled && data.nodes.length) {
    physics.checked = true;
    network.on("stabilizationProgress", (p) => {
      status.textContent = say("viz_layout_progress", { percent: Math.round((100 * p.iterations) / p.total) });
    });
    network.once("stabilizationIterationsDone", () => {
      network.setOptions({ physics: { enabled: false } }); /* settled: the page stays still */
      physics.checked = false;
      network.once("afterDrawing", markReady);
      network.fit();
    });
  } else {
    network.once("afterDrawing", markReady);
  }
  performance.mark("kg:built");
  network.setData({ nodes, edges });
  performance.mark("kg:set");
  if (!data.options.physics.enabled || !data.nodes.length) {
    network.fit();
    if (lazy) detailLevel(); /* labels and arrows for the first frame already, if it is zoomed in enough */
  }
  updateCounts();
})();
