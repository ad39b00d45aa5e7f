// Wires the page: loads the archive, the tree, plots, filters, the variant page (#v=<id>) and live refresh.
"use strict";
(function (E) {
  const $ = (id) => document.getElementById(id);
  const state = { nodes: [], summary: null, version: null, filter: null };
  const panel = $("panel");

  const tree = new E.TreeView($("tree"), {
    select: (id) => open(id),
    hover: (id, x, y) => {
      const tip = $("tooltip");
      const n = id && tree.forest.byId.get(id);
      if (!n) {
        tip.hidden = true;
        return;
      }
      tip.hidden = false;
      tip.style.left = x + 14 + "px";
      tip.style.top = y + 10 + "px";
      tip.textContent = `${n.id} · ${n.status === "evaluated" ? "score " + E.score(n.score) : E.words(n.status)} · ${n.children} child${n.children === 1 ? "" : "ren"}`
        + ` · ${n.mutator}${n.parents.length > 1 ? " · crossover with " + n.parents.slice(1).join(", ") : ""}${n.orphan ? " · orphan: its parent is missing" : ""}\n${n.summary}`;
    },
  });

  function open(id) {
    if (decodeURIComponent(location.hash.replace(/^#v=/, "")) !== id) history.replaceState(null, "", "#v=" + encodeURIComponent(id));
    tree.select(id);
    document.body.classList.add("with-panel");
    // The page narrows the tree: bring the node back into view when that hid it.
    requestAnimationFrame(() => requestAnimationFrame(() => {
      if (!tree.inView(id)) tree.centre(id);
    }));
    E.renderPanel(panel, id, open, close);
  }

  function close() {
    panel.hidden = true;
    panel.dataset.id = "";
    document.body.classList.remove("with-panel");
    tree.select(null);
    history.replaceState(null, "", location.pathname + location.search);
  }

  function readFilter() {
    const num = (v) => (v === "" ? null : Math.max(0, Math.min(1, Number(v))));
    return {
      q: $("f-q").value.trim(),
      min: num($("f-min").value),
      max: num($("f-max").value),
      generation: $("f-gen").value === "" ? null : Number($("f-gen").value),
      status: $("f-status").value,
      mutator: $("f-mutator").value,
    };
  }

  function applyFilter() {
    const f = readFilter();
    state.filter = f;
    tree.setFilter(f);
    const list = $("matches");
    const failed = state.nodes.filter((n) => n.failed).length;
    if (!E.filterActive(f)) {
      $("counts").textContent = `${state.nodes.length} variants · ${failed} failed attempts · ${state.summary.orphans} orphans`;
      list.hidden = true;
      list.replaceChildren();
      return;
    }
    const hits = state.nodes.filter((n) => E.matches(f, n));
    $("counts").textContent = `${hits.length} of ${state.nodes.length} variants match`;
    list.hidden = false;
    list.replaceChildren(...hits.slice(0, 200).map((n) => E.el("li", { "data-id": n.id }, [
      E.el("a", { href: "#v=" + encodeURIComponent(n.id), onclick: (e) => { e.preventDefault(); open(n.id); tree.centre(n.id); } }, [n.id]),
      ` ${n.status === "evaluated" ? E.score(n.score) : E.words(n.status)} · gen ${n.generation} · ${n.mutator} · ${n.summary}`,
    ])));
    if (hits.length > 200) list.append(E.el("li", { class: "muted", text: `… and ${hits.length - 200} more` }));
  }

  function fillSelect(select, values, label) {
    const current = select.value;
    select.replaceChildren(E.el("option", { value: "", text: "any" }), ...values.map((v) => E.el("option", { value: v, text: label ? label(v) : v })));
    select.value = values.map(String).includes(current) ? current : "";
  }

  function header(summary) {
    $("archive").textContent = summary.archive;
    const run = summary.run;
    $("run").textContent = run ? `run ${run.run_id}: ${run.active ? "running" : E.words(run.status)}${run.ended_by ? " (" + run.ended_by + ")" : ""}, iteration ${run.iterations}` : "";
    $("run").className = run && run.active ? "running" : "";
    const best = summary.best_id ? state.nodes.find((n) => n.id === summary.best_id) : null;
    document.title = `Evolver lineage · ${summary.variants} variants` + (best ? ` · best ${best.id} ${E.score(best.score)}` : "");
  }

  function legend() {
    const stops = [0, 0.25, 0.5, 0.75, 1].map((s) => E.el("span", { class: "swatch", style: `background:${E.scoreColour(s)}`, title: `score ${s}` }));
    $("legend").replaceChildren(
      E.el("span", {}, ["score 0 ", ...stops, " 1"]),
      E.el("span", {}, [E.el("span", { class: "swatch", style: `background:${E.pendingColour}` }), " not evaluated"]),
      E.el("span", { class: "faint" }, [E.el("span", { class: "swatch", style: "background:#8a8f96" }), " failed attempt"]),
      E.el("span", { class: "pale" }, [E.el("span", { class: "swatch", style: `background:${E.scoreColour(0.3)}` }), " not admitted"]),
      E.el("span", {}, [E.el("span", { class: "ring gold" }), " best path"]),
      E.el("span", {}, [E.el("span", { class: "dash" }), " crossover's 2nd parent"]),
      E.el("span", {}, [E.el("span", { class: "ring orphan" }), " orphan (parent missing)"]),
      E.el("span", { class: "muted", text: "size = children · double-click collapses" }),
    );
  }

  async function load() {
    const [summary, nodes] = await Promise.all([E.data.summary(), E.data.variants()]);
    state.summary = summary;
    state.nodes = nodes;
    state.version = summary.version;
    tree.setData(nodes);
    header(summary);
    fillSelect($("f-gen"), [...Array(summary.max_generation + 1).keys()]);
    fillSelect($("f-status"), summary.statuses, E.words);
    fillSelect($("f-mutator"), summary.mutators);
    applyFilter();
    E.plotProgress($("plot-progress"), summary, open);
    E.plotCost($("plot-cost"), summary, open);
    document.body.dataset.version = summary.version;
    document.body.dataset.variants = String(nodes.length);
  }

  async function poll() {
    try {
      const version = await E.data.version();
      if (version !== state.version) {
        await load();
        if (!panel.hidden && panel.dataset.id) E.renderPanel(panel, panel.dataset.id, open, close);
      }
      $("live").textContent = `live · checked ${new Date().toLocaleTimeString()}`;
      $("live").className = "muted";
    } catch (e) {
      $("live").textContent = "live refresh failed: " + e.message;
      $("live").className = "warn";
    }
  }

  async function main() {
    legend();
    try {
      await load();
    } catch (e) {
      $("counts").textContent = "cannot load the archive: " + e.message;
      $("counts").className = "warn";
      return;
    }
    $("filters").addEventListener("input", applyFilter);
    $("filters").addEventListener("reset", () => setTimeout(applyFilter, 0));
    $("filters").addEventListener("submit", (e) => e.preventDefault());
    $("t-fit").addEventListener("click", () => tree.fit());
    $("t-in").addEventListener("click", () => tree.zoom(1.4));
    $("t-out").addEventListener("click", () => tree.zoom(1 / 1.4));
    $("t-expand").addEventListener("click", () => tree.expandAll());
    $("t-best").addEventListener("click", () => {
      if (state.summary.best_id) {
        open(state.summary.best_id);
        tree.centre(state.summary.best_id);
      }
    });
    const fromHash = () => {
      const id = decodeURIComponent(location.hash.replace(/^#v=/, ""));
      if (id && tree.forest.byId.has(id)) open(id);
    };
    window.addEventListener("hashchange", fromHash);
    fromHash();
    if (E.data.live && state.summary.poll_milliseconds > 0) {
      setInterval(poll, state.summary.poll_milliseconds);
      $("live").textContent = "live";
    } else {
      $("live").textContent = `static report${E.data.generatedAt ? ", written " + E.data.generatedAt.replace("T", " ").slice(0, 19) + " UTC" : ""}`;
    }
    document.body.dataset.ready = "true";
  }

  E.app = { tree, open, close, state };
  main();
})(window.Evolver);
