// The kg query page: an editor, the bundled queries as examples, results as a table.
// Every value from the store is inserted with textContent, never as HTML.
(function () {
  "use strict";
  const endpoint = new URL("/sparql", window.location.href).toString();
  const editor = document.getElementById("editor");
  const select = document.getElementById("example");
  const description = document.getElementById("description");
  const runButton = document.getElementById("run");
  const status = document.getElementById("status");
  const output = document.getElementById("output");
  const format = document.getElementById("format");
  const download = document.getElementById("download");
  let prefixes = {};
  let examples = [];

  document.getElementById("endpoint").textContent = endpoint;

  function compact(iri) {
    for (const [prefix, namespace] of Object.entries(prefixes)) {
      if (iri.startsWith(namespace) && /^[\w\-.]*$/.test(iri.slice(namespace.length))) {
        return prefix + ":" + iri.slice(namespace.length);
      }
    }
    return "<" + iri + ">";
  }

  function setStatus(text, kind) {
    status.textContent = text;
    status.className = kind || "";
  }

  function cell(term) {
    const td = document.createElement("td");
    if (!term) return td;
    if (term.type === "uri") {
      td.className = "iri";
      td.textContent = compact(term.value);
      td.title = term.value;
    } else if (term.type === "bnode") {
      td.textContent = "_:" + term.value;
    } else if (term.type === "literal") {
      td.className = "literal";
      td.textContent = term.value;
      const tag = term["xml:lang"] ? "@" + term["xml:lang"] : term.datatype ? " " + compact(term.datatype) : "";
      if (tag) {
        const small = document.createElement("small");
        small.textContent = " " + tag;
        td.appendChild(small);
      }
    } else {
      td.textContent = JSON.stringify(term.value);
    }
    return td;
  }

  function showTable(data) {
    const table = document.createElement("table");
    const head = table.createTHead().insertRow();
    for (const name of data.head.vars) {
      const th = document.createElement("th");
      th.textContent = name;
      head.appendChild(th);
    }
    const body = table.createTBody();
    for (const row of data.results.bindings) {
      const tr = body.insertRow();
      for (const name of data.head.vars) tr.appendChild(cell(row[name]));
    }
    output.replaceChildren(table);
  }

  function updateDownload() {
    const params = new URLSearchParams({ query: editor.value, format: format.value });
    download.href = endpoint + "?" + params.toString();
  }

  async function run() {
    runButton.disabled = true;
    setStatus("运行中 running…");
    const started = performance.now();
    try {
      const response = await fetch(endpoint, {
        method: "POST",
        headers: {
          "Content-Type": "application/x-www-form-urlencoded",
          Accept: "application/sparql-results+json, text/turtle;q=0.9",
        },
        body: new URLSearchParams({ query: editor.value }),
      });
      const seconds = ((performance.now() - started) / 1000).toFixed(2);
      const type = response.headers.get("Content-Type") || "";
      if (!response.ok) {
        output.replaceChildren();
        setStatus("HTTP " + response.status + ": " + (await response.text()), "error");
        return;
      }
      const truncated = response.headers.get("KG-Truncated") === "true";
      const limit = response.headers.get("KG-Row-Limit");
      let summary;
      if (type.startsWith("application/sparql-results+json")) {
        const data = await response.json();
        if ("boolean" in data) {
          const pre = document.createElement("pre");
          pre.textContent = String(data.boolean);
          output.replaceChildren(pre);
          summary = "ASK";
        } else {
          showTable(data);
          summary = data.results.bindings.length + " 行 rows";
        }
      } else {
        const pre = document.createElement("pre");
        pre.textContent = await response.text();
        output.replaceChildren(pre);
        summary = "graph";
      }
      if (truncated) {
        setStatus(summary + ", " + seconds + " s — cut at the row limit of " + limit, "warning");
      } else {
        setStatus(summary + ", " + seconds + " s");
      }
    } catch (error) {
      setStatus(String(error), "error");
    } finally {
      runButton.disabled = false;
    }
  }

  function choose(name) {
    const example = examples.find((e) => e.name === name);
    if (!example) return;
    editor.value = example.query;
    description.textContent = example.description;
    updateDownload();
  }

  async function loadExamples() {
    try {
      const response = await fetch("/examples.json");
      const data = await response.json();
      prefixes = data.prefixes || {};
      examples = data.examples || [];
      for (const example of examples) {
        const option = document.createElement("option");
        option.value = example.name;
        option.textContent = example.title + " (" + example.name + ")";
        select.appendChild(option);
      }
    } catch (error) {
      setStatus("examples could not be loaded: " + error, "error");
    }
  }

  editor.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      run();
    } else if (event.key === "Tab") {
      event.preventDefault();
      const start = editor.selectionStart;
      editor.setRangeText("  ", start, editor.selectionEnd, "end");
    }
  });
  editor.addEventListener("input", updateDownload);
  format.addEventListener("change", updateDownload);
  select.addEventListener("change", () => choose(select.value));
  runButton.addEventListener("click", run);
  updateDownload();
  loadExamples();
})();
