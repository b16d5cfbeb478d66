"""Benchmark `kg viz` against plain pyvis defaults on a 5,000-node / 20,000-edge graph, in headless Chromium.

Both pages are opened from disk in the system's Chromium (Playwright, every
request outside the file refused) and timed the same way: from navigation
start until the graph's canvas has been drawn and has not changed for a full
second.  The canvas is sampled every 50 ms by a script injected before the
page's own; "drawn and still" is the time of the last change.  pyvis may never
settle: its wait is capped (--timeout) and reported as "> N s".

The pyvis page is `Network(cdn_resources="in_line").from_nx(G)` then
`write_html`: pyvis's plain default (cdn_resources="local") loads vis-network
from a CDN, which never loads offline, so the in-line variant is the fairest
baseline here.  Target: `kg viz` under 3 s and at least 10x faster.

    python benchmarks/viz.py                 # 5,000 nodes, 20,000 edges, pyvis capped at 120 s
    python benchmarks/viz.py --nodes 1000 --edges 4000 --timeout 60
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from kg.outputs.viz import VizOptions, headless_chromium, write_html

# Injected before the page's scripts: hash the canvas every 50 ms, remember when it was first drawn and last changed.
STILLNESS_PROBE = """
(() => {
  const probe = { first: null, last: null, prev: null };
  window.__stillness = probe;
  function sample() {
    const canvas = document.querySelector("canvas");
    if (canvas && canvas.width && canvas.height) {
      const now = performance.now(); /* the time of the state read, not of the end of a slow read */
      const pixels = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
      let hash = 0, ink = 0;
      for (let i = 0; i < pixels.length; i += 4 * 7) {
        hash = (Math.imul(hash, 31) + pixels[i] + 3 * pixels[i + 1] + 7 * pixels[i + 2] + 11 * pixels[i + 3]) | 0;
        if (pixels[i + 3]) ink++;
      }
      if (ink > 0) {
        if (probe.first === null) probe.first = now;
        if (hash !== probe.prev) { probe.prev = hash; probe.last = now; }
      }
    }
    setTimeout(sample, 50);
  }
  sample();
})();
"""

DISTRICTS = ("巴南区", "大足区", "渝中区", "江北区", "沙坪坝区", "九龙坡区", "南岸区", "北碚区", "渝北区", "万州区")
CLASSES = {
    "PrimarySchool": ("小学", "小学"),
    "SecondarySchool": ("中学", "中学"),
    "VocationalCollege": ("高职院校", "职业技术学院"),
    "University": ("本科高校", "大学"),
    "Company": ("企业", "科技有限公司"),
    "GovernmentAgency": ("政府机构", "教育委员会"),
    "TrainingBase": ("实训基地", "实训基地"),
    "Initiative": ("行动计划", "行动计划"),
    "Competition": ("比赛", "技能大赛"),
    "HonoraryTitle": ("荣誉称号", "示范校"),
}
RELATIONS = {
    "cooperatesWith": "合作",
    "trains": "培养培训",
    "builds": "建设",
    "hosts": "承办",
    "leads": "牵头",
    "initiates": "实施",
    "participatesIn": "参与",
    "hasAward": "获奖",
}
SYLLABLES = "华龙江山明德育才新城光远启航博雅实验求精立信致远树人崇文正阳东湖南岸西城北辰"


def synthetic_graph(n_nodes: int, n_edges: int, seed: int = 0) -> nx.MultiDiGraph:
    """A scale-free graph shaped like the projection: Chinese labels, classes, districts, relations with evidence."""
    rng = random.Random(seed)
    m = max(1, n_edges // n_nodes)
    skeleton = nx.barabasi_albert_graph(n_nodes, m, seed=seed)
    pairs = {tuple(sorted(e)) for e in skeleton.edges()}
    while len(pairs) < n_edges:
        u, v = rng.sample(range(n_nodes), 2)
        pairs.add((min(u, v), max(u, v)))
    pairs = sorted(pairs)[:n_edges] if len(pairs) > n_edges else sorted(pairs)
    graph = nx.MultiDiGraph()
    for node in range(n_nodes):
        cls = rng.choice(list(CLASSES))
        class_label, suffix = CLASSES[cls]
        district = rng.choice(DISTRICTS)
        name = district[:2] + "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))) + suffix + str(node)
        graph.add_node(
            f"https://w3id.org/kg-cityedu/id/n{node}",
            label=name,
            cls=cls,
            class_label=class_label,
            district=district,
            city="重庆市",
            aliases=[name[2:6]] if node % 3 == 0 else [],
        )
    for i, (u, v) in enumerate(pairs):
        if rng.random() < 0.5:
            u, v = v, u
        relation = rng.choice(list(RELATIONS))
        source, target = f"https://w3id.org/kg-cityedu/id/n{u}", f"https://w3id.org/kg-cityedu/id/n{v}"
        graph.add_edge(
            source,
            target,
            key=f"https://w3id.org/kg-cityedu/assertion/b{i}",
            relation=relation,
            relation_label=RELATIONS[relation],
            evidence=f"{graph.nodes[source]['label']}与{graph.nodes[target]['label']}{RELATIONS[relation]}，共建产教融合项目。",
            source="https://w3id.org/kg-cityedu/doc/benchmark",
            year="2024",
            method="curated",
        )
    return graph


def pyvis_defaults(graph: nx.MultiDiGraph, path: Path) -> None:
    from pyvis.network import Network

    plain = nx.MultiDiGraph()  # the same graph; pyvis's add_edge(source, to, ...) cannot take a "source" attribute
    plain.add_nodes_from(graph.nodes(data=True))
    for u, v, data in graph.edges(data=True):
        plain.add_edge(u, v, **{("document" if k == "source" else k): value for k, value in data.items()})
    net = Network(cdn_resources="in_line")
    net.from_nx(plain)
    net.write_html(str(path))


@dataclass
class Timing:
    still: float | None  # seconds until drawn and still; None: not within the cap
    first_drawn: float | None  # seconds until anything was first drawn; None: nothing drawn within the cap
    nodes: int  # nodes the page's vis-network holds


def time_to_still(browser, path: Path, timeout: float, quiet: float = 1.0) -> Timing:
    """Time from navigation start until the canvas was drawn and then unchanged for ``quiet`` seconds."""
    page = browser.new_page(viewport={"width": 1600, "height": 1000})
    url = path.resolve().as_uri()
    page.route("**/*", lambda route: route.continue_() if route.request.url == url else route.abort())
    page.add_init_script(STILLNESS_PROBE)
    page.goto(url, wait_until="commit", timeout=timeout * 1000)
    try:  # the wait is timed by Playwright, so a page busy with physics cannot stretch the cap
        page.wait_for_function(
            "quiet => { const s = window.__stillness;"
            " return s.first !== null && s.last !== null && performance.now() - s.last >= quiet; }",
            arg=quiet * 1000,
            polling=100,
            timeout=(timeout + quiet) * 1000,
        )
        result = page.evaluate("() => window.__stillness.last") / 1000
    except PlaywrightTimeout:
        result = None
    nodes, first = page.evaluate(
        "() => { const n = (window.kgViz && window.kgViz.network) || window.network;"
        " return [n && n.body ? n.body.nodeIndices.length : 0, window.__stillness.first]; }"
    )
    page.close(run_before_unload=False)
    if result is not None and result > timeout:
        result = None
    return Timing(result, first / 1000 if first is not None and first <= timeout * 1000 else None, nodes)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=5000)
    parser.add_argument("--edges", type=int, default=20000)
    parser.add_argument("--runs", type=int, default=3, help="Browser runs of the kg viz page (median reported).")
    parser.add_argument("--timeout", type=float, default=120.0, help="Longest wait for a page to be still (s).")
    args = parser.parse_args()

    def say(text: str) -> None:
        print(text, flush=True)

    graph = synthetic_graph(args.nodes, args.edges)
    say(f"graph: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges (scale-free, synthetic)")
    with tempfile.TemporaryDirectory(prefix="kg-viz-bench-") as tmp:
        ours, theirs = Path(tmp) / "kg.html", Path(tmp) / "pyvis.html"
        started = time.perf_counter()
        write_html(graph, ours, VizOptions())
        kg_write = time.perf_counter() - started
        say(f"kg viz: wrote the page in {kg_write:.2f} s ({ours.stat().st_size / 1e6:.1f} MB)")
        started = time.perf_counter()
        pyvis_defaults(graph, theirs)
        pyvis_write = time.perf_counter() - started
        say(f"pyvis defaults: wrote the page in {pyvis_write:.2f} s ({theirs.stat().st_size / 1e6:.1f} MB)")

        with headless_chromium() as browser:
            runs = []
            for run in range(args.runs):
                timing = time_to_still(browser, ours, args.timeout)
                if timing.still is None:
                    sys.exit(f"kg viz page was not still within {args.timeout:g} s")
                if timing.nodes != graph.number_of_nodes():
                    sys.exit(f"kg viz page holds {timing.nodes} nodes, expected {graph.number_of_nodes()}")
                runs.append(timing.still)
                say(f"kg viz: run {run + 1}: drawn and still after {timing.still:.2f} s")
            kg_seconds = statistics.median(runs)
            say(f"pyvis defaults: waiting up to {args.timeout:g} s …")
            pyvis = time_to_still(browser, theirs, args.timeout)
            pyvis_seconds = pyvis.still

    say("")
    say(f"kg viz          drawn and still: {kg_seconds:.2f} s (median of {len(runs)})")
    if pyvis_seconds is None:
        drawn = f"first drawn after {pyvis.first_drawn:.1f} s" if pyvis.first_drawn is not None else "nothing drawn"
        say(f"pyvis defaults  drawn and still: > {args.timeout:g} s ({drawn}, never still within the cap)")
        say(f"ratio           pyvis / kg viz:  > {args.timeout / kg_seconds:.0f}x")
        ratio = args.timeout / kg_seconds
    else:
        ratio = pyvis_seconds / kg_seconds
        say(f"pyvis defaults  drawn and still: {pyvis_seconds:.2f} s ({pyvis.nodes} nodes)")
        say(f"ratio           pyvis / kg viz:  {ratio:.1f}x")
    met = kg_seconds < 3 and ratio >= 10
    say(f"target          < 3 s and >= 10x: {'met' if met else 'NOT met'}")


if __name__ == "__main__":
    main()
