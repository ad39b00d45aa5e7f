// The lineage tree's layout: first-parent forest, left to right (depth on x, one row per leaf on y), without recursion
// so lineages thousands deep lay out too. Collapsed subtrees take one row.
"use strict";
(function (E) {
  E.DX = 130;
  E.DY = 24;

  E.forest = function (nodes) {
    const byId = new Map(nodes.map((n) => [n.id, n]));
    const kids = new Map();
    const roots = [];
    for (const n of nodes) {
      const parent = n.parents.length > 0 ? n.parents[0] : null;
      if (parent !== null && byId.has(parent)) {
        if (!kids.has(parent)) kids.set(parent, []);
        kids.get(parent).push(n.id);
      } else {
        roots.push(n.id);
      }
    }
    // Seeds first, then orphans (children whose parent is gone), each group in archive order.
    roots.sort((a, b) => Number(byId.get(a).orphan) - Number(byId.get(b).orphan));
    const size = new Map();
    const post = [];
    const stack = [...roots];
    while (stack.length) {
      const id = stack.pop();
      post.push(id);
      for (const k of kids.get(id) || []) stack.push(k);
    }
    for (let i = post.length - 1; i >= 0; i--) {
      const id = post[i];
      size.set(id, 1 + (kids.get(id) || []).reduce((s, k) => s + size.get(k), 0));
    }
    return { byId, kids, roots, size };
  };

  // Positions of the nodes shown (not inside a collapsed subtree), in world units.
  E.layout = function (forest, collapsed) {
    const pos = new Map();
    let row = 0;
    for (const root of forest.roots) {
      const stack = [{ id: root, depth: 0, next: 0 }];
      while (stack.length) {
        const top = stack[stack.length - 1];
        const children = collapsed.has(top.id) ? [] : forest.kids.get(top.id) || [];
        if (top.next < children.length) {
          stack.push({ id: children[top.next++], depth: top.depth + 1, next: 0 });
          continue;
        }
        stack.pop();
        const y = children.length === 0 ? row++ * E.DY : (pos.get(children[0]).y + pos.get(children[children.length - 1]).y) / 2;
        pos.set(top.id, { x: top.depth * E.DX, y, depth: top.depth });
      }
      row++; // a blank row between trees
    }
    let maxX = 0, maxY = 0;
    for (const p of pos.values()) {
      maxX = Math.max(maxX, p.x);
      maxY = Math.max(maxY, p.y);
    }
    return { pos, width: maxX, height: maxY };
  };

  E.radius = (n) => Math.min(16, 4 + 2.2 * Math.sqrt(n.children || 0));

  // The ancestors of id by first parent, nearest first.
  E.ancestors = function (forest, id) {
    const out = [];
    const seen = new Set([id]);
    let n = forest.byId.get(id);
    while (n && n.parents.length > 0 && forest.byId.has(n.parents[0]) && !seen.has(n.parents[0])) {
      seen.add(n.parents[0]);
      out.push(n.parents[0]);
      n = forest.byId.get(n.parents[0]);
    }
    return out;
  };
})(window.Evolver);
