// The side-by-side diff of a variant against its parent, one table per file.
"use strict";
(function (E) {
  E.renderDiff = function (diff) {
    const el = E.el;
    if (!diff) return el("p", { class: "muted", text: "Diffs are not in the static report: open the archive with 'evolver serve' to see them." });
    const from = diff.from ? `against ${diff.from}` : "against nothing (a seed: its whole code is new) or a parent missing from the archive";
    const box = el("div", { class: "diff", "data-files": diff.files.length }, [
      el("p", { class: "muted" }, [`${diff.files.length} file${diff.files.length === 1 ? "" : "s"} changed, ${from}`]),
    ]);
    if (diff.truncated) box.append(el("p", { class: "warn", text: "The diff is very large: only its first rows are shown." }));
    for (const f of diff.files) {
      const name = f.change === "renamed" ? `${f.old_path} → ${f.new_path}` : f.new_path || f.old_path;
      const details = el("details", { class: "diff-file", open: diff.files.length <= 8 }, [
        el("summary", {}, [el("span", { class: "path", text: name }), el("span", { class: "change " + f.change, text: f.change }),
          el("span", { class: "stat" }, [el("span", { class: "add-n", text: `+${f.added}` }), " ", el("span", { class: "del-n", text: `−${f.deleted}` })])]),
      ]);
      if (f.binary) details.append(el("p", { class: "muted", text: "binary file" }));
      const table = el("table", { class: "sbs" });
      const body = el("tbody");
      for (const r of f.rows) {
        if (r.kind === "hunk") {
          body.append(el("tr", { class: "hunk" }, [el("td", { colspan: 4, text: r.left })]));
          continue;
        }
        const leftCls = r.kind === "delete" || r.kind === "change" ? "del" : r.left === undefined ? "empty" : "";
        const rightCls = r.kind === "add" || r.kind === "change" ? "add" : r.right === undefined ? "empty" : "";
        body.append(el("tr", { class: r.kind }, [
          el("td", { class: "no", text: r.left_no ?? "" }), el("td", { class: "code " + leftCls, text: r.left ?? "" }),
          el("td", { class: "no", text: r.right_no ?? "" }), el("td", { class: "code " + rightCls, text: r.right ?? "" }),
        ]));
      }
      table.append(body);
      details.append(table);
      box.append(details);
    }
    if (diff.files.length === 0) box.append(el("p", { class: "muted", text: "no code change" }));
    return box;
  };
})(window.Evolver);
