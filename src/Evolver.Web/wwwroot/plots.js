// Two plots drawn as SVG by hand: best and mean score against iteration (with every child as a dot), and cost against score.
"use strict";
(function (E) {
  const W = 520, H = 240, M = { l: 44, r: 14, t: 24, b: 34 };

  // Ticks at 1, 2 or 5 times a power of ten: about five of them from 0 to max.
  function ticks(max, integer) {
    const raw = max / 5, power = Math.pow(10, Math.floor(Math.log10(raw)));
    const nice = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) || raw;
    const step = integer ? Math.max(1, Math.round(nice)) : nice;
    const out = [];
    for (let v = 0; v <= max + step * 1e-9; v += step) out.push(v);
    return out;
  }

  function frame(svg, xMax, xLabel, xFormat, integer) {
    svg.replaceChildren();
    svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
    const x = (v) => M.l + (xMax > 0 ? v / xMax : 0) * (W - M.l - M.r);
    const y = (v) => H - M.b - v * (H - M.t - M.b);
    const axis = E.svg("g", { class: "axis" });
    for (let i = 0; i <= 4; i++) {
      const v = i / 4;
      axis.append(E.svg("line", { x1: M.l, x2: W - M.r, y1: y(v), y2: y(v), class: "grid" }));
      axis.append(E.svg("text", { x: M.l - 6, y: y(v) + 4, "text-anchor": "end", text: v.toFixed(2) }));
    }
    for (const v of ticks(xMax, integer)) {
      axis.append(E.svg("text", { x: x(v), y: H - M.b + 16, "text-anchor": "middle", text: xFormat(v) }));
    }
    axis.append(E.svg("text", { x: (M.l + W - M.r) / 2, y: H - 4, "text-anchor": "middle", class: "label", text: xLabel }));
    axis.append(E.svg("text", { x: 12, y: (M.t + H - M.b) / 2, transform: `rotate(-90 12 ${(M.t + H - M.b) / 2})`, "text-anchor": "middle", class: "label", text: "score" }));
    axis.append(E.svg("line", { x1: M.l, x2: M.l, y1: M.t, y2: H - M.b, class: "frame" }));
    axis.append(E.svg("line", { x1: M.l, x2: W - M.r, y1: H - M.b, y2: H - M.b, class: "frame" }));
    svg.append(axis);
    return { x, y };
  }

  function dot(p, x, y, cx, onSelect) {
    const c = E.svg("circle", {
      cx, cy: y(p.score), r: 4, fill: p.failed ? "#8a8f96" : E.scoreColour(p.score), "fill-opacity": p.failed ? 0.35 : 0.9,
      class: "dot", "data-id": p.id, onclick: () => onSelect(p.id),
    });
    c.append(E.svg("title", { text: `${p.id}: score ${E.score(p.score)}, cost ${E.money(p.cost_usd)}${p.failed ? " (failed attempt)" : ""}` }));
    return c;
  }

  E.plotProgress = function (svg, summary, onSelect) {
    const points = summary.points.filter((p) => p.iteration !== null && p.iteration !== undefined);
    const xMax = Math.max(1, ...points.map((p) => p.iteration), ...summary.progress.map((p) => p.iteration));
    const { x, y } = frame(svg, xMax, "iteration", (v) => String(Math.round(v)), true);
    for (const p of points) svg.append(dot(p, x, y, x(p.iteration), onSelect));
    const line = (key, cls) => {
      if (summary.progress.length === 0) return;
      // A step line: the value holds until the next iteration that changed it, and runs on to the last iteration.
      let d = "";
      summary.progress.forEach((p, i) => {
        d += (i === 0 ? `M${x(p.iteration)},${y(p[key])}` : `H${x(p.iteration)}V${y(p[key])}`);
      });
      d += `H${x(xMax)}`;
      svg.append(E.svg("path", { d, class: cls }));
    };
    line("mean", "line-mean");
    line("best", "line-best");
    const legend = E.svg("g", { class: "legend", transform: `translate(${M.l + 8},4)` });
    legend.append(E.svg("line", { x1: 0, x2: 18, y1: 6, y2: 6, class: "line-best" }), E.svg("text", { x: 22, y: 10, text: "best" }));
    legend.append(E.svg("line", { x1: 60, x2: 78, y1: 6, y2: 6, class: "line-mean" }), E.svg("text", { x: 82, y: 10, text: "mean" }));
    legend.append(E.svg("circle", { cx: 130, cy: 6, r: 4, fill: E.scoreColour(0.6) }), E.svg("text", { x: 138, y: 10, text: "a variant" }));
    svg.append(legend);
    svg.dataset.points = String(points.length);
  };

  E.plotCost = function (svg, summary, onSelect) {
    const points = summary.points;
    const xMax = Math.max(0, ...points.map((p) => p.cost_usd));
    const { x, y } = frame(svg, xMax > 0 ? xMax : 1, "cost (US dollars)", (v) => (xMax === 0 && v > 0 ? "" : "$" + (xMax >= 1 ? v.toFixed(2) : xMax >= 0.01 ? v.toFixed(3) : v.toPrecision(2))));
    for (const p of points) svg.append(dot(p, x, y, x(p.cost_usd), onSelect));
    if (xMax === 0) {
      svg.append(E.svg("text", { x: W / 2, y: 14, "text-anchor": "middle", class: "note", text: "no LLM cost recorded: every variant cost $0" }));
    }
    svg.dataset.points = String(points.length);
  };
})(window.Evolver);
