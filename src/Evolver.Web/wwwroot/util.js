// Small helpers shared by every script: element building, number formats, the score colour scale.
"use strict";
window.Evolver = window.Evolver || {};
(function (E) {
  E.el = function (tag, attrs, children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "text") node.textContent = value;
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? "" : value);
    }
    for (const child of [].concat(children || [])) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  };

  E.svg = function (tag, attrs, children) {
    const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined) continue;
      if (key === "text") node.textContent = value;
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value);
    }
    for (const child of [].concat(children || [])) if (child) node.append(child);
    return node;
  };

  E.score = (v) => (v === null || v === undefined ? "–" : Number(v).toFixed(3).replace(/\.?0+$/, "") || "0");
  E.money = (v) => "$" + (v || 0).toFixed(v >= 1 ? 2 : 4);
  E.int = (v) => (v || 0).toLocaleString("en-US");
  E.seconds = (v) => (v === undefined || v === null ? "–" : v < 60 ? v.toFixed(1) + " s" : (v / 60).toFixed(1) + " min");
  E.bytes = (v) => (v < 1024 ? v + " B" : v < 1048576 ? (v / 1024).toFixed(1) + " KiB" : (v / 1048576).toFixed(1) + " MiB");
  E.words = (s) => String(s || "").replace(/_/g, " ");

  // Red (0) through yellow (0.5) to green (1): readable on white and for most colour-blind readers as light-dark too.
  const stops = [[0, [215, 48, 39]], [0.25, [244, 109, 67]], [0.5, [254, 224, 139]], [0.75, [102, 189, 99]], [1, [26, 152, 80]]];
  E.scoreColour = function (score) {
    const s = Math.max(0, Math.min(1, score || 0));
    for (let i = 1; i < stops.length; i++) {
      if (s <= stops[i][0]) {
        const [a, ca] = stops[i - 1], [b, cb] = stops[i];
        const t = (s - a) / (b - a);
        const c = ca.map((x, k) => Math.round(x + (cb[k] - x) * t));
        return `rgb(${c[0]},${c[1]},${c[2]})`;
      }
    }
    return "rgb(26,152,80)";
  };
  E.pendingColour = "#a9b1ba";
  E.nodeColour = (n) => (n.status === "evaluated" ? E.scoreColour(n.score) : n.failed ? "#8a8f96" : E.pendingColour);

  // The filter the page applies; the same rules as /api/variants (VariantFilter.cs).
  E.matches = function (f, n) {
    if (f.q) {
      const q = f.q.toLowerCase();
      if (!n.id.toLowerCase().includes(q) && !(n.summary || "").toLowerCase().includes(q) && !(n.mutator || "").toLowerCase().includes(q)) return false;
    }
    if (f.min !== null && n.score < f.min) return false;
    if (f.max !== null && n.score > f.max) return false;
    if (f.generation !== null && n.generation !== f.generation) return false;
    if (f.status && n.status !== f.status) return false;
    if (f.mutator && n.mutator !== f.mutator) return false;
    return true;
  };
  E.filterActive = (f) => !!(f.q || f.min !== null || f.max !== null || f.generation !== null || f.status || f.mutator);
})(window.Evolver);
