// The SPARQL editor: YASGUI (vendored, served by kg serve) on this server's /sparql, the bundled queries as
// examples, and two result views of our own (a bar chart, a graph drawn with vis-network). Nothing leaves
// the machine: LOV/prefix.cc autocompletion is off, the endpoint is fixed, the results are written as text.
(function () {
  "use strict";
  var holder = document.getElementById("yasgui");
  if (!holder || typeof Yasgui === "undefined") return;
  var data = JSON.parse(document.getElementById("editor-data").textContent);
  var endpoint = window.location.origin + data.endpoint;
  var SVG = "http://www.w3.org/2000/svg";

  function svg(name, attrs) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }
  function shortName(term) {
    if (!term) return "";
    if (term.type !== "uri") return term.value;
    var v = term.value;
    return decodeURIComponent(v.slice(Math.max(v.lastIndexOf("/"), v.lastIndexOf("#")) + 1)) || v;
  }

  // -- chart: a label column and a number column as horizontal bars
  function ChartPlugin(yasr) { this.yasr = yasr; this.priority = 5; this.label = holder.dataset.chart; this.hideFromSelection = false; }
  ChartPlugin.prototype.columns = function () {
    var r = this.yasr.results;
    if (!r || r.getType() !== "json" || !r.getVariables) return null;
    var vars = r.getVariables(), rows = r.getBindings() || [];
    if (!rows.length) return null;
    var num = null, lab = null;
    vars.forEach(function (v) {
      var numeric = rows.every(function (b) { return !b[v] || (b[v].type === "literal" || b[v].type === "typed-literal") && !isNaN(parseFloat(b[v].value)); });
      if (numeric && num === null && rows.some(function (b) { return b[v]; })) num = v;
      else if (!numeric && lab === null) lab = v;
    });
    return num && lab ? { num: num, lab: lab, rows: rows.slice(0, 60) } : null;
  };
  ChartPlugin.prototype.canHandleResults = function () { return !!this.columns(); };
  ChartPlugin.prototype.getIcon = function () { var s = document.createElement("span"); s.textContent = "▤"; return s; };
  ChartPlugin.prototype.draw = function () {
    var c = this.columns(), el = this.yasr.resultsEl;
    while (el.firstChild) el.removeChild(el.firstChild);
    var peak = Math.max.apply(null, c.rows.map(function (b) { return b[c.num] ? parseFloat(b[c.num].value) : 0; })) || 1;
    var rowH = 20, labelW = 260, plotW = 560;
    var chart = svg("svg", { width: labelW + plotW + 80, height: rowH * c.rows.length + 10, role: "img", "class": "kg-chart" });
    chart.setAttribute("aria-label", c.lab + " / " + c.num);
    c.rows.forEach(function (b, i) {
      var value = b[c.num] ? parseFloat(b[c.num].value) : 0, y = i * rowH + 4;
      var t = svg("text", { x: labelW - 6, y: y + 12, "text-anchor": "end", "font-size": 12 });
      t.textContent = shortName(b[c.lab]);
      chart.appendChild(t);
      chart.appendChild(svg("rect", { x: labelW, y: y, width: Math.max(1, value / peak * plotW), height: rowH - 6, fill: "#4a7fc1" }));
      var v = svg("text", { x: labelW + Math.max(1, value / peak * plotW) + 4, y: y + 12, "font-size": 11 });
      v.textContent = String(value);
      chart.appendChild(v);
    });
    el.appendChild(chart);
  };

  // -- graph: results with two IRI columns (or CONSTRUCT triples) as a network
  function GraphPlugin(yasr) { this.yasr = yasr; this.priority = 4; this.label = holder.dataset.graph; }
  GraphPlugin.prototype.edges = function () {
    var r = this.yasr.results;
    if (!r) return null;
    if (r.getType() === "json" && r.getVariables) {
      var vars = r.getVariables(), rows = r.getBindings() || [];
      var iris = vars.filter(function (v) { return rows.length && rows.every(function (b) { return !b[v] || b[v].type === "uri"; }) && rows.some(function (b) { return b[v]; }); });
      if (iris.length < 2) return null;
      var rel = vars.filter(function (v) { return iris.indexOf(v) < 0; })[0];
      return rows.filter(function (b) { return b[iris[0]] && b[iris[1]]; }).slice(0, 1500).map(function (b) {
        return { s: b[iris[0]], o: b[iris[1]], p: rel && b[rel] ? b[rel].value : "" };
      });
    }
    if (r.getStatements) {
      try {
        return (r.getStatements() || []).filter(function (q) { return q.object.termType === "NamedNode"; }).slice(0, 1500).map(function (q) {
          return { s: { type: "uri", value: q.subject.value }, o: { type: "uri", value: q.object.value }, p: shortName({ type: "uri", value: q.predicate.value }) };
        });
      } catch (e) { return null; }
    }
    return null;
  };
  GraphPlugin.prototype.canHandleResults = function () { var e = this.edges(); return !!(e && e.length && window.vis); };
  GraphPlugin.prototype.getIcon = function () { var s = document.createElement("span"); s.textContent = "◎"; return s; };
  GraphPlugin.prototype.draw = function () {
    var edges = this.edges(), el = this.yasr.resultsEl, ids = {}, nodes = [];
    while (el.firstChild) el.removeChild(el.firstChild);
    function node(term) {
      if (!(term.value in ids)) { ids[term.value] = nodes.length; nodes.push({ id: nodes.length, label: shortName(term), title: term.value }); }
      return ids[term.value];
    }
    var visEdges = edges.map(function (e, i) { return { id: i, from: node(e.s), to: node(e.o), label: e.p, arrows: "to" }; });
    var box = document.createElement("div");
    box.className = "kg-graph";
    box.setAttribute("role", "img");
    box.setAttribute("aria-label", holder.dataset.graph + ": " + nodes.length);
    box.style.height = "520px";
    el.appendChild(box);
    new vis.Network(box, { nodes: new vis.DataSet(nodes), edges: new vis.DataSet(visEdges) },
      { physics: { stabilization: { iterations: 150 } }, nodes: { shape: "dot", size: 10, font: { size: 13 } }, edges: { font: { size: 10 } } });
  };

  // YASR's own views carry English names: the page's language instead.
  function relabel(name, text) {
    var Base = Yasgui.Yasr.plugins[name];
    if (!Base || !text) return;
    var Labelled = class extends Base { constructor(yasr) { super(yasr); this.label = text; } };
    Yasgui.Yasr.registerPlugin(name, Labelled);
  }
  relabel("table", holder.dataset.table);
  relabel("response", holder.dataset.response);
  Yasgui.Yasr.registerPlugin("chart", ChartPlugin);
  Yasgui.Yasr.registerPlugin("graph", GraphPlugin);
  Yasgui.Yasr.defaults.pluginOrder = ["table", "chart", "graph", "response"];
  Yasgui.Yasqe.defaults.autocompleters = ["variables"];
  // The server predeclares its prefixes; the editor's own syntax check wants them declared in the text.
  function withPrefixes(query) {
    var lines = [];
    Object.keys(data.prefixes || {}).forEach(function (p) {
      var used = new RegExp("(^|[\\s(,;/^|!])" + p + ":").test(query);
      var declared = new RegExp("PREFIX\\s+" + p + ":", "i").test(query);
      if (used && !declared) lines.push("PREFIX " + p + ": <" + data.prefixes[p] + ">");
    });
    return lines.length ? lines.join("\n") + "\n" + query : query;
  }
  // IRIs this site serves open its own pages, not the published namespace.
  var base = data.base;
  new MutationObserver(function () {
    Array.prototype.forEach.call(holder.querySelectorAll("a[href^='" + base + "']"), function (a) {
      a.setAttribute("href", "/" + a.getAttribute("href").slice(base.length));
      a.removeAttribute("target");
    });
  }).observe(holder, { childList: true, subtree: true });
  var first = withPrefixes(data.examples.length ? data.examples[0].query : "SELECT * WHERE { ?s ?p ?o } LIMIT 10");
  var yasgui = new Yasgui(holder, {
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: false,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; } },
    persistenceId: null,
    yasqe: { value: first },
  });
  yasgui.getTab().setQuery(first);
  // Names for YASGUI's unlabelled controls, and a keyboard stop for its scrolling editor.
  function label() {
    Array.prototype.forEach.call(holder.querySelectorAll(".CodeMirror textarea, input.autocomplete"), function (el) {
      if (!el.getAttribute("aria-label")) el.setAttribute("aria-label", el.tagName === "TEXTAREA" ? "SPARQL" : holder.dataset.endpoint);
    });
    Array.prototype.forEach.call(holder.querySelectorAll(".CodeMirror-scroll"), function (el) {
      el.setAttribute("tabindex", "0");
      el.setAttribute("aria-label", "SPARQL");
    });
  }
  label();
  new MutationObserver(label).observe(holder, { childList: true, subtree: true });

  // YASGUI's own controls speak English. On a Chinese page the server sends their words from kg/i18n.py
  // (data.words: [English, Chinese] pairs, {blanks} matching any text): a text or a title, placeholder or
  // aria-label that is exactly one of them is replaced as YASGUI draws it. Query text, result cells and
  // column names are data, never touched.
  var patterns = (data.words || []).map(function (pair) {
    var names = [];
    var source = pair[0].trim().split(/\{(\w+)\}/).map(function (part, i) {
      if (i % 2) { names.push(part); return "(.+?)"; }
      return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/s\b/g, "s?");  // 1 result, 2 results
    }).join("");
    return { re: new RegExp("^" + source + "$"), names: names, zh: pair[1] };
  });
  var DATA = ".CodeMirror-lines, tbody, .kg-chart, .kg-graph";
  function translated(value) {
    var text = (value || "").trim();
    if (!text) return null;
    for (var i = 0; i < patterns.length; i++) {
      var m = patterns[i].re.exec(text);
      if (m) {
        var out = patterns[i].zh;
        patterns[i].names.forEach(function (name, j) { out = out.split("{" + name + "}").join(m[j + 1]); });
        return out;
      }
    }
    return null;
  }
  function translateElement(el) {
    if (el.closest(DATA)) return;
    ["title", "placeholder", "aria-label"].forEach(function (name) {
      var zh = el.hasAttribute(name) ? translated(el.getAttribute(name)) : null;
      if (zh !== null) el.setAttribute(name, zh);
    });
  }
  function translateTree(root) {
    if (root.nodeType === Node.TEXT_NODE) root = root.parentNode;
    if (!root || root.nodeType !== Node.ELEMENT_NODE || root.closest(DATA + ", thead")) return;
    translateElement(root);
    root.querySelectorAll("[title], [placeholder], [aria-label]").forEach(translateElement);
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) { return node.parentNode.closest(DATA + ", thead") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT; },
    });
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      var zh = translated(node.nodeValue);
      if (zh !== null) node.nodeValue = zh;
    }
  }
  if (patterns.length) {
    translateTree(holder);
    new MutationObserver(function (records) {
      records.forEach(function (record) {
        if (record.type === "attributes") translateElement(record.target);
        else if (record.type === "characterData") translateTree(record.target);
        else Array.prototype.forEach.call(record.addedNodes, translateTree);
      });
    }).observe(holder, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ["title", "placeholder", "aria-label"] });
  }
  var form = document.getElementById("example-form");
  form.hidden = false;
  document.getElementById("plain-form").open = false;
  document.getElementById("example-load").addEventListener("click", function () {
    var ex = data.examples[+document.getElementById("example-select").value];
    if (ex) yasgui.getTab().setQuery(withPrefixes(ex.query));
  });
})();
