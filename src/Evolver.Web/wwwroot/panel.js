// The variant page: opened by a click on a node, a plot dot or a match; its address is #v=<id>.
"use strict";
(function (E) {
  const el = E.el;

  function table(headers, rows, cls) {
    return el("table", { class: cls || "grid" }, [
      el("thead", {}, [el("tr", {}, headers.map((h) => el("th", { text: h })))]),
      el("tbody", {}, rows.map((r) => el("tr", { class: r.cls || null }, r.cells.map((c) => (c instanceof Node ? el("td", {}, [c]) : el("td", { text: c })))))),
    ]);
  }

  function section(title, children, id) {
    return el("section", { class: "block", id }, [el("h3", { text: title }), ...children]);
  }

  function link(id, go) {
    return el("a", { href: "#v=" + encodeURIComponent(id), onclick: (e) => { e.preventDefault(); go(id); } }, [id]);
  }

  function transcript(t) {
    const entries = t.entries.map((x) => el("details", { class: "exchange" }, [
      el("summary", {}, [`${x.title}`, x.model ? ` · ${x.model}` : "",
        x.input_tokens !== undefined ? ` · ${E.int(x.input_tokens)} in / ${E.int(x.output_tokens)} out tokens` : "",
        x.cost_usd !== undefined ? ` · ${E.money(x.cost_usd)}` : "", x.failure ? ` · failed: ${x.failure}` : ""]),
      ...x.messages.map((m) => el("div", { class: "msg " + m.role }, [el("b", { text: m.role }), el("pre", { text: m.content })])),
      x.reply ? el("div", { class: "msg reply" }, [el("b", { text: "reply" }), el("pre", { text: x.reply })]) : null,
      el("details", { class: "raw" }, [el("summary", { text: "recorded JSON" }), el("pre", { text: x.raw })]),
    ]));
    return el("div", { class: "transcript" }, [
      el("h4", { text: `${t.path} (${t.entries.length} exchange${t.entries.length === 1 ? "" : "s"})` }),
      t.problem ? el("p", { class: "warn", text: t.problem }) : null,
      ...entries,
    ]);
  }

  E.renderPanel = async function (panel, id, go, close) {
    panel.hidden = false;
    panel.dataset.id = id;
    panel.replaceChildren(el("p", { class: "muted", text: `loading ${id}…` }));
    let d;
    try {
      d = await E.data.detail(id);
    } catch (e) {
      panel.replaceChildren(el("button", { type: "button", class: "close", onclick: close, text: "×" }), el("p", { class: "warn", text: e.message }));
      return;
    }
    if (panel.dataset.id !== id) return; // another variant was opened meanwhile
    const v = d.variant, ev = d.evaluation;
    const parents = v.parents.length === 0
      ? (v.orphan ? [el("span", { class: "warn", text: "missing from the archive (orphan)" })] : ["none (a seed)"])
      : v.parents.flatMap((p, i) => [i ? " + " : "", link(p, go)]);
    const head = el("header", { class: "panel-head" }, [
      el("button", { type: "button", class: "close", title: "close", onclick: close, text: "×" }),
      el("h2", {}, [v.id, " ", el("span", { class: "badge", style: `background:${E.nodeColour(v)}`, text: v.status === "evaluated" ? E.score(v.score) : E.words(v.status) })]),
      el("p", { class: "summary", text: v.summary }),
      el("dl", { class: "facts" }, [
        el("dt", { text: "status" }), el("dd", { text: `${E.words(v.status)}${v.admitted ? ", admitted" : ", not admitted"}${v.failed ? " (failed attempt)" : ""}` }),
        el("dt", { text: "parents" }), el("dd", {}, parents),
        el("dt", { text: "children" }), el("dd", {}, d.child_ids.length ? [...d.child_ids.flatMap((c, i) => [i ? ", " : "", link(c, go)]),
          " ", el("button", { type: "button", class: "collapse", title: "collapse or expand its subtree in the tree", onclick: () => E.app.tree.toggle(id), text: "collapse/expand" })] : [String(v.children)]),
        el("dt", { text: "generation" }), el("dd", { text: String(v.generation) + (v.iteration !== undefined ? ` · iteration ${v.iteration}` : "") }),
        el("dt", { text: "mutator" }), el("dd", { text: v.mutator || "–" }),
        el("dt", { text: "tokens" }), el("dd", { text: ev ? `${E.int(ev.input_tokens)} in, ${E.int(ev.output_tokens)} out` : E.int(v.tokens) }),
        el("dt", { text: "cost" }), el("dd", { text: E.money(ev ? ev.cost_usd : v.cost_usd) }),
        el("dt", { text: "created" }), el("dd", { text: new Date(v.created_at).toISOString().replace("T", " ").slice(0, 19) + " UTC" }),
        d.commit ? el("dt", { text: "commit" }) : null, d.commit ? el("dd", { class: "mono", text: d.commit.slice(0, 12) }) : null,
        v.best_path ? el("dt", { text: "best path" }) : null, v.best_path ? el("dd", { text: "on the path to the best variant" }) : null,
      ]),
      v.issue ? el("p", { class: "warn", text: "git: " + v.issue }) : null,
      d.problem ? el("p", { class: "warn", text: "The evaluation record could not be read: " + d.problem }) : null,
    ]);
    const blocks = [head];
    if (ev) {
      blocks.push(section("mutation", [el("pre", { class: "description", text: ev.mutation_description || "(no description)" })], "p-mutation"));
      blocks.push(section("score per task", [
        ev.stages.length ? table(["stage", "tasks", "resolved", "went on"], ev.stages.map((s, i) => ({ cells: [`${i} ${s.name}`, String(s.tasks), String(s.resolved), s.passed ? "yes" : "no"] }))) : null,
        ev.tasks.length
          ? table(["task", "stage", "outcome", "time", "reason"], ev.tasks.map((t) => ({
              cls: t.resolved ? "ok" : "bad", cells: [t.instance_id, String(t.stage), E.words(t.outcome), E.seconds(t.duration), t.reason || ""],
            })), "grid tasks")
          : el("p", { class: "muted", text: "no task was run" }),
        ev.suite ? el("p", { class: "muted", text: `suite ${ev.suite}${ev.suite_version ? " " + ev.suite_version : ""}` }) : null,
      ], "p-tasks"));
      const timings = Object.entries(ev.timings || {});
      if (timings.length || ev.diagnostics.length || ev.flags.length) {
        blocks.push(section("timings and diagnostics", [
          timings.length ? el("p", { text: timings.map(([k, s]) => `${k} ${E.seconds(s)}`).join(" · ") }) : null,
          ev.flags.length ? el("p", {}, ev.flags.map((f) => el("span", { class: "flag", text: f }))) : null,
          ev.diagnostics.length ? el("pre", { class: "diagnostics", text: ev.diagnostics.join("\n") }) : null,
        ]));
      }
    }
    const diffBox = el("div", { class: "muted", text: "loading the diff…" });
    const showDiff = async (against) => {
      try {
        const diff = await E.data.diff(id, against);
        if (panel.dataset.id === id) diffBox.replaceChildren(E.renderDiff(diff));
      } catch (e) {
        diffBox.replaceChildren(el("p", { class: "warn", text: e.message }));
      }
    };
    // A crossover child can be compared with either parent.
    const against = E.data.live && v.parents.length > 1
      ? el("p", {}, ["compare with ", ...v.parents.flatMap((p, i) => [i ? " or " : "", el("button", { type: "button", class: "against", "data-against": p, onclick: () => showDiff(p), text: p })])])
      : null;
    blocks.push(section("code diff against its parent", [against, diffBox], "p-diff"));
    blocks.push(section("LLM transcript", d.transcripts.length
      ? d.transcripts.map(transcript)
      : [el("p", { class: "muted", text: E.data.live ? "no LLM exchanges recorded" : "Transcripts are not in the static report: open the archive with 'evolver serve'." })], "p-llm"));
    const viewer = el("pre", { class: "log", hidden: true });
    const logs = d.logs.map((f) => el("li", {}, [el("a", { href: "#", onclick: async (e) => {
      e.preventDefault();
      viewer.hidden = false;
      viewer.textContent = `loading ${f.path}…`;
      try {
        viewer.textContent = await E.data.logFile(id, f.path);
      } catch (err) {
        viewer.textContent = err.message;
      }
    } }, [f.path]), ` ${E.bytes(f.size)}`]));
    blocks.push(section("logs", logs.length ? [el("ul", { class: "logs" }, logs), viewer]
      : [el("p", { class: "muted", text: E.data.live ? "no logs archived with this variant" : "Logs are not in the static report: open the archive with 'evolver serve'." })], "p-logs"));
    panel.replaceChildren(...blocks);
    diffBox.className = "";
    await showDiff(null);
  };
})(window.Evolver);
