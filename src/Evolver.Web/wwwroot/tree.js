// The lineage tree on a canvas: only what is in view is drawn, so thousands of nodes pan and zoom smoothly.
// Colour is score, size is number of children, failed attempts are faint, the best path is gold, crossover
// children are joined to their second parent by a dashed line, orphans are marked roots.
"use strict";
(function (E) {
  class TreeView {
    constructor(canvas, handlers) {
      this.canvas = canvas;
      this.ctx = canvas.getContext("2d");
      this.handlers = handlers;
      this.nodes = [];
      this.forest = E.forest([]);
      this.collapsed = new Set();
      this.view = { scale: 1, tx: 40, ty: 30 };
      this.filter = null;
      this.selected = null;
      this.fitted = false;
      this.dirty = true;
      this.listen();
      new ResizeObserver(() => this.resize()).observe(canvas.parentElement);
      this.resize();
      const loop = () => {
        if (this.dirty) this.draw();
        requestAnimationFrame(loop);
      };
      requestAnimationFrame(loop);
    }

    setData(nodes) {
      this.nodes = nodes;
      this.forest = E.forest(nodes);
      for (const id of [...this.collapsed]) if (!this.forest.byId.has(id)) this.collapsed.delete(id);
      this.relayout();
      if (!this.fitted) {
        this.fit();
        this.fitted = true;
      }
    }

    relayout() {
      this.layout = E.layout(this.forest, this.collapsed);
      this.canvas.dataset.shown = String(this.layout.pos.size);
      this.canvas.dataset.total = String(this.nodes.length);
      this.invalidate();
    }

    setFilter(filter) {
      this.filter = filter && E.filterActive(filter) ? filter : null;
      this.invalidate();
    }

    select(id) {
      this.selected = id;
      // A node inside a collapsed subtree is brought into view.
      let changed = false;
      for (const a of E.ancestors(this.forest, id)) if (this.collapsed.delete(a)) changed = true;
      if (changed) this.relayout();
      this.invalidate();
    }

    toggle(id) {
      if (!(this.forest.kids.get(id) || []).length) return;
      if (!this.collapsed.delete(id)) this.collapsed.add(id);
      this.relayout();
    }

    expandAll() {
      this.collapsed.clear();
      this.relayout();
    }

    invalidate() {
      this.dirty = true;
    }

    resize() {
      const box = this.canvas.parentElement.getBoundingClientRect();
      const ratio = window.devicePixelRatio || 1;
      this.width = Math.max(100, box.width);
      this.height = Math.max(100, box.height);
      this.canvas.width = Math.round(this.width * ratio);
      this.canvas.height = Math.round(this.height * ratio);
      this.canvas.style.width = this.width + "px";
      this.canvas.style.height = this.height + "px";
      this.ratio = ratio;
      // Until the user pans or zooms, the whole tree stays fitted while the page settles or the window changes.
      if (this.fitted && !this.moved) this.fit();
      this.invalidate();
    }

    fit() {
      if (!this.layout) return;
      this.moved = false;
      // Room for the labels on the right and the legend at the bottom.
      const w = this.layout.width + 200, h = this.layout.height + 110;
      const scale = Math.max(0.002, Math.min(1.3, Math.min(this.width / w, this.height / h)));
      this.setView(scale, 40 * Math.min(1, scale * 2), Math.max(20, (this.height - 50 - this.layout.height * scale) / 2));
    }

    zoom(factor, cx, cy) {
      this.moved = true;
      const v = this.view;
      const scale = Math.max(0.002, Math.min(8, v.scale * factor));
      cx = cx === undefined ? this.width / 2 : cx;
      cy = cy === undefined ? this.height / 2 : cy;
      // Keep the world point under (cx, cy) where it is.
      this.setView(scale, cx - ((cx - v.tx) / v.scale) * scale, cy - ((cy - v.ty) / v.scale) * scale);
    }

    centre(id) {
      const p = this.layout && this.layout.pos.get(id);
      if (!p) return;
      this.moved = true;
      const scale = Math.max(this.view.scale, 0.8);
      this.setView(scale, this.width / 2 - p.x * scale, this.height / 2 - p.y * scale);
    }

    setView(scale, tx, ty) {
      this.view = { scale, tx, ty };
      this.canvas.dataset.scale = scale.toFixed(4);
      this.invalidate();
    }

    // Whether node id is drawn inside the canvas (not panned or resized out of it).
    inView(id) {
      const p = this.layout && this.layout.pos.get(id);
      if (!p) return false;
      const x = this.view.tx + p.x * this.view.scale, y = this.view.ty + p.y * this.view.scale;
      return x >= 10 && x <= this.width - 10 && y >= 10 && y <= this.height - 10;
    }

    // Where node id is on the page (CSS pixels, relative to the viewport), or null when it is not laid out.
    screenPoint(id) {
      const p = this.layout && this.layout.pos.get(id);
      if (!p) return null;
      const box = this.canvas.getBoundingClientRect();
      return { x: box.left + this.view.tx + p.x * this.view.scale, y: box.top + this.view.ty + p.y * this.view.scale };
    }

    hit(sx, sy) {
      const v = this.view;
      const wx = (sx - v.tx) / v.scale, wy = (sy - v.ty) / v.scale;
      let best = null, bestD = Infinity;
      for (const [id, p] of this.layout.pos) {
        const r = E.radius(this.forest.byId.get(id)) + 4 / v.scale;
        const d = (p.x - wx) ** 2 + (p.y - wy) ** 2;
        if (d <= r * r && d < bestD) {
          best = id;
          bestD = d;
        }
      }
      return best;
    }

    listen() {
      const c = this.canvas;
      let drag = null;
      c.addEventListener("wheel", (e) => {
        e.preventDefault();
        const box = c.getBoundingClientRect();
        this.zoom(Math.exp(-e.deltaY * 0.0015), e.clientX - box.left, e.clientY - box.top);
      }, { passive: false });
      c.addEventListener("pointerdown", (e) => {
        drag = { x: e.clientX, y: e.clientY, tx: this.view.tx, ty: this.view.ty, moved: false };
        c.setPointerCapture(e.pointerId);
      });
      c.addEventListener("pointermove", (e) => {
        const box = c.getBoundingClientRect();
        if (drag) {
          const dx = e.clientX - drag.x, dy = e.clientY - drag.y;
          if (Math.abs(dx) + Math.abs(dy) > 3) drag.moved = true;
          if (drag.moved) {
            this.moved = true;
            this.setView(this.view.scale, drag.tx + dx, drag.ty + dy);
          }
          return;
        }
        this.handlers.hover(this.hit(e.clientX - box.left, e.clientY - box.top), e.clientX - box.left, e.clientY - box.top);
      });
      // A click opens the node a moment later, unless a second click makes it a double-click (collapse): opening
      // the variant page narrows the tree, which would move the node from under the second click.
      let pending = null, dragged = false;
      c.addEventListener("pointerup", () => {
        dragged = !!(drag && drag.moved);
        drag = null;
      });
      c.addEventListener("click", (e) => {
        clearTimeout(pending);
        if (dragged || e.detail > 1) return;
        const box = c.getBoundingClientRect();
        const id = this.hit(e.clientX - box.left, e.clientY - box.top);
        if (id) pending = setTimeout(() => this.handlers.select(id), 250);
      });
      c.addEventListener("dblclick", (e) => {
        clearTimeout(pending);
        const box = c.getBoundingClientRect();
        const id = this.hit(e.clientX - box.left, e.clientY - box.top);
        if (id) this.toggle(id);
      });
      c.addEventListener("keydown", (e) => {
        if (e.key === "+" || e.key === "=") this.zoom(1.25);
        else if (e.key === "-") this.zoom(0.8);
        else if (e.key === "0") this.fit();
      });
    }

    draw() {
      this.dirty = false;
      const ctx = this.ctx, v = this.view, pos = this.layout ? this.layout.pos : new Map();
      ctx.setTransform(this.ratio, 0, 0, this.ratio, 0, 0);
      ctx.clearRect(0, 0, this.width, this.height);
      ctx.setTransform(this.ratio * v.scale, 0, 0, this.ratio * v.scale, this.ratio * v.tx, this.ratio * v.ty);
      const pad = 40 / v.scale;
      const left = -v.tx / v.scale - pad, top = -v.ty / v.scale - pad;
      const right = left + this.width / v.scale + 2 * pad, bottom = top + this.height / v.scale + 2 * pad;
      const seen = (p) => p.x >= left && p.x <= right && p.y >= top && p.y <= bottom;
      const spans = (a, b) => Math.max(a.x, b.x) >= left && Math.min(a.x, b.x) <= right && Math.max(a.y, b.y) >= top && Math.min(a.y, b.y) <= bottom;
      const byId = this.forest.byId;
      // Failed attempts are faint; evaluated children the admission policy turned away, paler.
      const dim = (n) => (this.filter && !E.matches(this.filter, n) ? 0.12 : n.failed ? 0.3 : n.admitted ? 1 : 0.55);

      // Edges: first parent solid (gold on the best path), crossover's second parent dashed.
      ctx.lineCap = "round";
      for (const [id, p] of pos) {
        const n = byId.get(id);
        for (let i = 0; i < n.parents.length; i++) {
          const q = pos.get(n.parents[i]);
          if (!q || !spans(p, q)) continue;
          const gold = i === 0 && n.best_path && byId.get(n.parents[0]).best_path;
          ctx.globalAlpha = Math.min(dim(n), 0.9);
          ctx.strokeStyle = gold ? "#d4a017" : i === 0 ? "#98a2ad" : "#8e44ad";
          ctx.lineWidth = (gold ? 4 : 1.3) / Math.sqrt(v.scale);
          ctx.setLineDash(i === 0 ? [] : [6 / v.scale, 4 / v.scale]);
          ctx.beginPath();
          ctx.moveTo(q.x, q.y);
          const mid = (q.x + p.x) / 2;
          ctx.bezierCurveTo(mid, q.y, mid, p.y, p.x, p.y);
          ctx.stroke();
        }
      }
      ctx.setLineDash([]);

      const labels = v.scale >= 0.55;
      ctx.font = "11px system-ui, sans-serif";
      ctx.textBaseline = "middle";
      for (const [id, p] of pos) {
        if (!seen(p)) continue;
        const n = byId.get(id);
        const r = E.radius(n);
        ctx.globalAlpha = dim(n);
        ctx.fillStyle = E.nodeColour(n);
        ctx.beginPath();
        ctx.arc(p.x, p.y, r, 0, 2 * Math.PI);
        ctx.fill();
        ctx.lineWidth = 1 / v.scale;
        ctx.strokeStyle = "#3c4650";
        ctx.stroke();
        if (n.best_path) this.ring(p, r + 3, "#d4a017", 2.5);
        if (n.orphan) this.ring(p, r + 3, "#c0392b", 2, [3, 2]);
        if (id === this.selected) this.ring(p, r + 6, "#1f6feb", 3);
        const hidden = this.collapsed.has(id) ? this.forest.size.get(id) - 1 : 0;
        if (labels || hidden || n.orphan) {
          ctx.globalAlpha = Math.max(dim(n), 0.5);
          ctx.fillStyle = "#1d232a";
          const text = (labels ? `${id}  ${n.status === "evaluated" ? E.score(n.score) : E.words(n.status)}` : "")
            + (hidden ? `  [+${hidden}]` : "") + (n.orphan ? "  orphan: parent missing" : "");
          ctx.fillText(text.trim(), p.x + r + 5, p.y);
        }
      }
      ctx.globalAlpha = 1;
    }

    ring(p, r, colour, width, dash) {
      const ctx = this.ctx, s = this.view.scale;
      ctx.globalAlpha = 1;
      ctx.strokeStyle = colour;
      ctx.lineWidth = width / Math.sqrt(s);
      ctx.setLineDash(dash ? dash.map((d) => d / s) : []);
      ctx.beginPath();
      ctx.arc(p.x, p.y, r, 0, 2 * Math.PI);
      ctx.stroke();
      ctx.setLineDash([]);
    }
  }

  E.TreeView = TreeView;
})(window.Evolver);
