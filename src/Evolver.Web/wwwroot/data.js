// Where the page's data comes from: the JSON API of 'evolver serve', or the data inlined by 'evolver report'.
"use strict";
(function (E) {
  const inline = document.getElementById("evolver-data");
  const embedded = inline ? JSON.parse(inline.textContent) : null;

  async function json(url) {
    const response = await fetch(url, { cache: "no-store" });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(body.error || `${url}: HTTP ${response.status}`);
    return body;
  }

  E.data = embedded
    ? {
        live: false,
        generatedAt: embedded.generated_at,
        summary: async () => embedded.summary,
        variants: async () => embedded.variants,
        version: async () => embedded.summary.version,
        detail: async (id) => {
          const d = embedded.details[id];
          if (!d) throw new Error(`no variant '${id}' in this report`);
          return d;
        },
        diff: async () => null,
        logFile: async () => null,
      }
    : {
        live: true,
        summary: () => json("api/summary"),
        variants: async () => (await json("api/variants")).variants,
        version: async () => (await json("api/version")).version,
        detail: (id) => json(`api/variants/${encodeURIComponent(id)}`),
        diff: (id, against) => json(`api/variants/${encodeURIComponent(id)}/diff` + (against ? `?against=${encodeURIComponent(against)}` : "")),
        logFile: async (id, path) => {
          const response = await fetch(`api/variants/${encodeURIComponent(id)}/logs/${path.split("/").map(encodeURIComponent).join("/")}`);
          if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
          return response.text();
        },
      };
})(window.Evolver);
