// newsgraph web page: plain JavaScript, no build step, no dependencies.
//
// Article text, titles, names, quotes and URLs are untrusted (they come from crawled news). Everything
// here builds the page with DOM APIs: text goes through createTextNode/textContent, attributes through
// setAttribute with fixed names, links only when their URL is http(s). Nothing ever assigns HTML
// (no innerHTML, outerHTML, insertAdjacentHTML or document.write), so article content cannot become
// markup or script. The server's Content-Security-Policy (no inline script) is a second line of defence.
"use strict";

(() => {
  const main = document.getElementById("main");
  const ENTITY_TYPES = new Set(["PER", "ORG", "LOC", "MISC"]);
  const STATUSES = new Set(["happened", "planned", "ongoing", "cancelled", "denied", "unknown", "hypothetical"]);
  // quote colours by speaker (light backgrounds that keep entity colours readable)
  const PALETTE = ["#d9ecff", "#ffe0cc", "#dff5d8", "#f3dcf5", "#fff1b8", "#d6f2f0", "#f9d9de", "#e6e1ff",
    "#e9f0c9", "#ffe4f1"];
  const TYPE_COLOURS = { PER: "#1f5fbf", ORG: "#1b7f3b", LOC: "#b85c00", MISC: "#7a3fb0" };

  // -- DOM helpers (text only) ------------------------------------------------------------------

  // el("a", {class: "x", href: "#/doc/1"}, "text", child): children are strings (text nodes) or nodes
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === "href") {
        const safe = safeHref(value);
        if (safe) node.setAttribute("href", safe);
      } else if (name === "onclick") {
        node.addEventListener("click", value);
      } else {
        node.setAttribute(name, String(value));
      }
    }
    append(node, children);
    return node;
  }

  function append(node, children) {
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  // in-page routes, or absolute http(s) URLs; anything else (javascript:, data:, vbscript:...) is dropped
  function safeHref(value) {
    const text = String(value);
    if (text.startsWith("#/") || text === "/api/docs") return text;
    try {
      const url = new URL(text);
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
    } catch (err) {
      return null;
    }
  }

  function externalLink(url, label) {
    const safe = url ? safeHref(url) : null;
    if (!safe || safe.startsWith("#")) return url ? el("span", { class: "muted" }, label || url) : null;
    return el("a", { href: safe, rel: "noopener noreferrer nofollow", target: "_blank" }, label || url);
  }

  function badge(text, extraClass) {
    return el("span", { class: "badge" + (extraClass ? " " + extraClass : "") }, text);
  }

  function statusBadge(status) {
    const known = STATUSES.has(status) ? status : "unknown";
    return badge(status || "unknown", "status-" + known);
  }

  function typeBadge(type) {
    return badge(type || "?", ENTITY_TYPES.has(type) ? type : "");
  }

  function show(...children) {
    main.replaceChildren();
    append(main, children);
    window.scrollTo(0, 0);
  }

  function fmt(value) {
    return value === null || value === undefined || value === "" ? "—" : String(value);
  }

  // -- API --------------------------------------------------------------------------------------

  class ApiError extends Error {
    constructor(status, message) {
      super(message);
      this.status = status;
    }
  }

  async function api(path, options) {
    const headers = { Accept: "application/json" };
    const token = sessionStorage.getItem("newsgraph-token");
    if (token) headers.Authorization = "Bearer " + token;
    const init = Object.assign({ headers }, options || {});
    if (init.body) headers["Content-Type"] = "application/json";
    const response = await fetch(path, init);
    let data = null;
    try {
      data = await response.json();
    } catch (err) {
      data = null;
    }
    if (!response.ok) {
      const message = data && data.error && data.error.message ? data.error.message : response.statusText;
      throw new ApiError(response.status, message);
    }
    return data;
  }

  function errorView(err) {
    const box = el("div", { class: "error", role: "alert" }, err.message || String(err));
    if (err.status === 401) {
      return [box, tokenForm("This server protects reading: give the token to continue.")];
    }
    return [box];
  }

  function tokenForm(text) {
    const input = el("input", { type: "password", id: "token-input", autocomplete: "off" });
    const form = el("form", { class: "card" }, el("p", {}, text), el("label", { for: "token-input" }, "Token"),
      input, " ", el("button", { type: "submit" }, "Use token"));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      sessionStorage.setItem("newsgraph-token", input.value.trim());
      route();
    });
    return form;
  }

  // -- routing ----------------------------------------------------------------------------------

  const routes = [
    [/^#\/doc\/(\d+)$/, (m) => documentPage(Number(m[1]))],
    [/^#\/actor\/(\d+)$/, (m) => actorPage(Number(m[1]))],
    [/^#\/event\/(\d+)$/, (m) => eventPage(Number(m[1]))],
    [/^#\/network$/, () => networkPage()],
    [/^#\/analyse$/, () => analysePage()],
    [/^#\/search\/(.*)$/, (m) => searchPage(decodeURIComponent(m[1]))],
  ];

  async function route() {
    const hash = location.hash || "#/";
    document.body.dataset.view = "loading";
    try {
      for (const [pattern, handler] of routes) {
        const match = hash.match(pattern);
        if (match) {
          await handler(match);
          return;
        }
      }
      await homePage();
    } catch (err) {
      show(...errorView(err));
    } finally {
      document.body.dataset.view = "ready";
    }
  }

  window.addEventListener("hashchange", route);
  document.getElementById("search-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const q = document.getElementById("search-input").value.trim();
    if (q) location.hash = "#/search/" + encodeURIComponent(q);
  });

  // -- home -------------------------------------------------------------------------------------

  async function homePage() {
    const [health, docs, ents, evs] = await Promise.all([
      api("/api/health"), api("/api/documents?limit=30"), api("/api/entities?limit=25"), api("/api/events?limit=15"),
    ]);
    document.title = "newsgraph";
    const counts = (health && health.store) || {};
    const stats = el("div", { class: "stats card" },
      ["articles", "entities", "events", "quotes", "conflicts"].map((k) => el("div", {}, el("b", {}, fmt(counts[k])), k)));
    show(
      el("h1", {}, "Articles"), stats,
      el("div", { class: "grid2" },
        el("section", {}, el("h2", {}, "Newest articles"), documentList(docs.items)),
        el("section", {},
          el("h2", {}, "Most mentioned actors"), entityList(ents.items),
          el("h2", {}, "Latest events"), eventTable(evs.items))),
    );
  }

  function documentList(items) {
    if (!items.length) return el("p", { class: "muted" }, "No articles yet: ingest some with newsgraph ingest.");
    return el("ul", { class: "plain documents" }, items.map((d) => el("li", {},
      el("a", { href: "#/doc/" + d.article_id }, d.title || firstLine(d.snippet) || "(untitled)"),
      el("span", { class: "sub muted" }, " · ", fmt(d.source), " · ", fmt(d.published)))));
  }

  function firstLine(text) {
    return text ? String(text).split("\n")[0].slice(0, 120) : "";
  }

  function entityList(items) {
    if (!items.length) return el("p", { class: "muted" }, "No entities.");
    return el("ul", { class: "plain entities" }, items.map((e) => el("li", {}, typeBadge(e.type),
      el("a", { href: "#/actor/" + e.entity_id }, e.name),
      el("span", { class: "muted" }, " · ", fmt(e.articles), " article(s)"))));
  }

  function participantLinks(participants) {
    const out = [];
    for (const p of participants || []) {
      if (out.length) out.push(", ");
      out.push(typeof p === "object" && p !== null && p.id !== undefined
        ? el("a", { href: "#/actor/" + p.id }, p.name) : String(p));
    }
    return out;
  }

  function eventTable(items) {
    if (!items || !items.length) return el("p", { class: "muted" }, "No events.");
    return el("table", { class: "events" },
      el("thead", {}, el("tr", {}, ["day", "event", "status", "place", "participants", "sources"].map((h) => el("th", {}, h)))),
      el("tbody", {}, items.map((e) => el("tr", {},
        el("td", {}, fmt(e.date || e.day)),
        el("td", {}, el("a", { href: "#/event/" + e.event_id }, e.type || "event")),
        el("td", {}, statusBadge(e.status), e.conflicts ? badge(e.conflicts + " conflict(s)", "status-cancelled") : null),
        el("td", {}, fmt(e.place)),
        el("td", {}, participantLinks(e.participants)),
        el("td", {}, fmt(e.sources))))));
  }

  // -- article view -----------------------------------------------------------------------------

  async function documentPage(id) {
    const data = await api("/api/documents/" + id);
    renderRecord(data.record, data.article, data.entity_ids || {}, data.event_ids || {});
  }

  // Annotations of a record: each has the spans it covers and the CSS classes its text gets.
  function annotations(record) {
    const entities = new Map((record.entities || []).map((e) => [e.id, e]));
    const speakers = new Map();
    const colourOf = (key) => {
      if (!speakers.has(key)) speakers.set(key, PALETTE[speakers.size % PALETTE.length]);
      return speakers.get(key);
    };
    const items = [];
    for (const e of record.entities || []) {
      const type = ENTITY_TYPES.has(e.type) ? e.type : "MISC";
      items.push({ kind: "entity", id: e.id, data: e, spans: (e.mentions || []).map((m) => [m.start, m.end]),
        classes: ["ent", "ent-" + type] });
    }
    for (const q of record.quotes || []) {
      const key = q.speaker || q.speaker_text || "?";
      const colour = colourOf(key);
      items.push({ kind: "quote", id: q.id, data: q, spans: [[q.start, q.end]], classes: ["quote"], colour });
      if (q.cue) items.push({ kind: "cue", id: q.id + ":cue", of: q.id, data: q, spans: [[q.cue.start, q.cue.end]], classes: ["cue"] });
    }
    for (const t of record.times || []) {
      items.push({ kind: "time", id: "t" + t.start + "-" + t.end, data: t, spans: [[t.start, t.end]], classes: ["time"] });
    }
    for (const ev of record.events || []) {
      const spans = (ev.evidence || []).map((x) => [x.start, x.end]);
      if (ev.time) spans.push([ev.time.start, ev.time.end]);
      items.push({ kind: "event", id: ev.id, data: ev, spans, classes: ["evt"] });
    }
    const n = (record.text || "").length;
    for (const item of items) {
      item.spans = item.spans.filter(([s, e]) => Number.isInteger(s) && Number.isInteger(e) && s >= 0 && e <= n && s < e);
    }
    return { items, entities, speakers };
  }

  // The text cut at every annotation boundary; each piece is a <span> with the classes of what covers it.
  function renderText(text, items) {
    const cuts = new Set([0, text.length]);
    for (const item of items) for (const [s, e] of item.spans) { cuts.add(s); cuts.add(e); }
    const points = [...cuts].sort((a, b) => a - b);
    const container = el("div", { class: "doc-text", id: "doc-text" });
    const pieces = [];
    for (let i = 0; i + 1 < points.length; i++) {
      const start = points[i], end = points[i + 1];
      const covering = items.filter((item) => item.spans.some(([s, e]) => s <= start && e >= end));
      const piece = document.createElement("span");
      piece.textContent = text.slice(start, end);
      piece.dataset.start = String(start);
      piece.dataset.end = String(end);
      for (const item of covering) {
        for (const cls of item.classes) piece.classList.add(cls);
        if (item.colour) piece.style.backgroundColor = item.colour;
      }
      piece.covering = covering;
      container.appendChild(piece);
      pieces.push(piece);
    }
    return { container, pieces };
  }

  function renderRecord(record, article, entityIds, eventIds) {
    const text = record.text || "";
    const { items, entities, speakers } = annotations(record);
    const { container, pieces } = renderText(text, items);
    const byId = new Map(items.map((item) => [item.id, item]));
    const panelButtons = new Map();

    function select(item) {
      const target = item.of ? byId.get(item.of) : item;
      for (const piece of pieces) {
        const s = Number(piece.dataset.start), e = Number(piece.dataset.end);
        piece.classList.toggle("hl", target.spans.some(([a, b]) => a <= s && b >= e));
      }
      for (const [id, button] of panelButtons) button.classList.toggle("active", id === target.id);
      const button = panelButtons.get(target.id);
      if (button) {
        showTab(button.dataset.tab);
        button.scrollIntoView({ block: "nearest" });
      }
      const first = pieces.find((p) => p.classList.contains("hl"));
      if (first) first.scrollIntoView({ block: "nearest" });
      document.body.dataset.selected = target.id;
    }

    container.addEventListener("click", (event) => {
      const piece = event.target.closest("span");
      if (!piece || !piece.covering || !piece.covering.length) return;
      // the most specific item: the one whose span around this piece is shortest
      const length = (item) => Math.min(...item.spans.map(([s, e]) => e - s));
      const best = [...piece.covering].sort((a, b) => length(a) - length(b))[0];
      select(best);
    });

    const entityName = (id) => (entities.get(id) ? entities.get(id).name : id);
    const entityLink = (id) => {
      if (!id) return null;
      const global = entityIds[id];
      return global !== undefined ? el("a", { href: "#/actor/" + global }, entityName(id)) : entityName(id);
    };

    function item(kind, it, title, sub, links) {
      const button = el("button", { type: "button", class: "item item-" + kind, "data-id": it.id, "data-tab": kind },
        title, sub ? el("span", { class: "sub" }, sub) : null);
      button.addEventListener("click", () => select(it));
      panelButtons.set(it.id, button);
      return el("li", {}, button, links ? el("div", { class: "sub links" }, links) : null);
    }

    const lists = {
      entity: items.filter((i) => i.kind === "entity").map((it) => item("entity", it,
        [typeBadge(it.data.type), it.data.name],
        [it.spans.length + " mention(s)", (it.data.roles || []).length ? " · " + it.data.roles.map((r) => r.title).join(", ") : "",
          it.data.kb_id ? " · " + it.data.kb_id : ""],
        entityIds[it.id] !== undefined ? el("a", { href: "#/actor/" + entityIds[it.id] }, "actor page →") : null)),
      event: items.filter((i) => i.kind === "event").map((it) => {
        const ev = it.data;
        return item("event", it, [badge(ev.type), statusBadge(ev.status)],
          [(ev.participants || []).map(entityName).join(", ") || "no participants",
            ev.place ? " · in " + entityName(ev.place) : "",
            ev.time ? " · " + ev.time.text + (ev.time.value ? " (" + ev.time.value + ")" : "") : ""],
          [(ev.participants || []).length ? participantRow(ev.participants, entityLink) : null,
            eventIds[it.id] !== undefined ? [" · ", el("a", { href: "#/event/" + eventIds[it.id] }, "event page →")] : null]);
      }),
      quote: items.filter((i) => i.kind === "quote").map((it) => {
        const q = it.data;
        const who = q.speaker ? entityName(q.speaker) : (q.speaker_text || "unknown speaker");
        return item("quote", it, [el("span", { class: "swatch", "data-colour": it.colour }), who, " ", badge(q.kind)],
          [shorten(q.text, 160), q.via ? " · via " + entityName(q.via) : "", q.cue ? " · cue: " + q.cue.text : ""],
          q.speaker ? entityLink(q.speaker) : null);
      }),
      time: items.filter((i) => i.kind === "time").map((it) => item("time", it, [badge(it.data.type), it.data.text],
        [fmt(it.data.value), it.data.inside_quote ? " · inside a quote" : ""])),
    };
    // colour swatches through the CSSOM (no inline style attributes)
    for (const li of lists.quote) {
      const swatch = li.querySelector(".swatch");
      if (swatch) swatch.style.backgroundColor = swatch.dataset.colour;
    }

    const labels = { entity: "Entities", event: "Events", quote: "Quotes", time: "Times" };
    const tabButtons = {};
    const sections = {};
    for (const kind of Object.keys(lists)) {
      tabButtons[kind] = el("button", { type: "button", "data-tab": kind }, labels[kind] + " (" + lists[kind].length + ")");
      tabButtons[kind].addEventListener("click", () => showTab(kind));
      sections[kind] = el("ul", { class: "plain list-" + kind }, lists[kind]);
    }
    function showTab(kind) {
      for (const k of Object.keys(sections)) {
        sections[k].hidden = k !== kind;
        tabButtons[k].classList.toggle("active", k === kind);
      }
    }
    showTab("entity");

    const ref = record.reference_date || {};
    const title = (article && article.title) || record.title || firstLine(text) || "(untitled)";
    document.title = title + " · newsgraph";
    const meta = el("div", { class: "meta muted" },
      fmt((article && article.source) || record.source), " · published ", fmt((article && article.published) || record.published),
      " · reference date ", fmt(ref.value), ref.source ? " (" + ref.source + ")" : "", " · ",
      externalLink((article && article.url) || record.url, "original"));
    const legend = el("div", { class: "legend" },
      el("span", { class: "ent ent-PER" }, "person"), el("span", { class: "ent ent-ORG" }, "organisation"),
      el("span", { class: "ent ent-LOC" }, "place"), el("span", { class: "ent ent-MISC" }, "other"),
      el("span", { class: "quote legend-quote" }, "quote (colour per speaker)"), el("span", { class: "time" }, "time"),
      el("span", { class: "evt" }, "event evidence"), el("span", { class: "muted" }, "— click any highlight"));
    const quoteLegend = legend.querySelector(".legend-quote");
    quoteLegend.style.backgroundColor = PALETTE[0];

    const panel = el("aside", { class: "panel", id: "record-panel" },
      el("div", { class: "tabs" }, Object.values(tabButtons)),
      Object.values(sections),
      el("h2", {}, "Record"),
      el("div", { class: "sub muted" }, "id ", record.id, " · ", record.language, " · schema ", fmt(record.schema_version),
        " · speakers ", String(speakers.size)),
      el("details", {}, el("summary", {}, "JSON"), el("pre", { class: "json" }, JSON.stringify(record, null, 2))));

    show(el("div", { class: "article-layout" },
      el("article", { class: "doc" }, el("h1", { id: "doc-title" }, title), meta, legend, container), panel));
  }

  function participantRow(ids, linkOf) {
    const out = [];
    for (const id of ids) {
      if (out.length) out.push(", ");
      out.push(linkOf(id));
    }
    return el("span", {}, out);
  }

  function shorten(text, n) {
    const s = String(text || "");
    return s.length > n ? s.slice(0, n - 1) + "…" : s;
  }

  // -- actor page -------------------------------------------------------------------------------

  async function actorPage(id) {
    const [actor, net] = await Promise.all([api("/api/entities/" + id), api("/api/entities/" + id + "/network?limit=60")]);
    document.title = actor.name + " · newsgraph";
    const quotes = actor.quotes || [];
    show(
      el("h1", { id: "actor-name" }, typeBadge(actor.type), actor.name),
      el("p", { class: "muted" }, "also: ", (actor.aliases || []).filter((a) => a !== actor.name).join(", ") || "—",
        " · ", fmt(actor.articles), " article(s)", actor.kb_id ? " · " + actor.kb_id : ""),
      el("section", { class: "timeline" }, el("h2", {}, "Timeline (" + (actor.timeline || []).length + " events)"),
        eventTable(actor.timeline)),
      el("div", { class: "grid2" },
        el("section", { class: "met" }, el("h2", {}, "Who they met"),
          (actor.met || []).length ? el("ul", { class: "plain" }, actor.met.map((m) => el("li", {}, typeBadge(m.type),
            el("a", { href: "#/actor/" + m.entity_id }, m.name), el("span", { class: "muted" }, " · ", String(m.events), " event(s)"))))
            : el("p", { class: "muted" }, "Nobody recorded.")),
        el("section", { class: "quotes" }, el("h2", {}, "Quotes (" + quotes.length + ")"),
          quotes.length ? quotes.map((q) => el("div", { class: "card" },
            el("blockquote", {}, q.text),
            el("div", { class: "sub muted" }, fmt(q.published), " · ", badge(q.kind || "quote"),
              q.via ? "via " + q.via + " · " : "",
              q.article_id !== undefined && q.article_id !== null ? el("a", { href: "#/doc/" + q.article_id }, q.title || "article")
                : fmt(q.title),
              q.event_id !== undefined && q.event_id !== null ? [" · ", el("a", { href: "#/event/" + q.event_id }, "event")] : null)))
            : el("p", { class: "muted" }, "No quotes recorded."))),
      el("section", {}, el("h2", {}, "Network"), networkSvg(net, 520, id)),
      el("section", {}, el("h2", {}, "Articles"), documentList(actor.documents || [])),
    );
  }

  // -- event page -------------------------------------------------------------------------------

  async function eventPage(id) {
    const ev = await api("/api/events/" + id);
    document.title = (ev.type || "event") + " · newsgraph";
    const sources = ev.sources || [];
    const articleTitle = new Map(sources.map((s) => [s.article_id, s.title || s.source || "article " + s.article_id]));
    show(
      el("h1", { id: "event-title" }, fmt(ev.type), " · ", fmt(ev.date || ev.day), ev.place ? " · " + ev.place : ""),
      el("p", {}, statusBadge(ev.status), " ", String(sources.length), " source(s) · first reported ", fmt(ev.first_reported),
        " · last reported ", fmt(ev.last_reported)),
      el("p", {}, "Participants: ", participantLinks(ev.participant_ids)),
      el("section", { class: "history" }, el("h2", {}, "Status history"),
        el("ol", {}, sources.map((s) => el("li", {}, fmt(s.published), ": ", statusBadge(s.status), " ", fmt(s.type), " — ",
          el("a", { href: "#/doc/" + s.article_id }, articleTitle.get(s.article_id)))))),
      el("section", { class: "conflicts" }, el("h2", {}, "Conflicts"),
        (ev.conflicts || []).length ? el("table", {},
          el("thead", {}, el("tr", {}, el("th", {}, "field"), el("th", {}, "value"), el("th", {}, "said by"))),
          el("tbody", {}, ev.conflicts.map((c) => el("tr", {}, el("td", {}, c.field), el("td", {}, fmt(c.value)),
            el("td", {}, (c.article_ids || []).map((a, i) => [i ? ", " : "",
              el("a", { href: "#/doc/" + a }, articleTitle.get(a) || "article " + a)]))))))
          : el("p", { class: "muted" }, "The sources agree.")),
      el("section", { class: "sources" }, el("h2", {}, "All sources"),
        el("table", {},
          el("thead", {}, el("tr", {}, ["article", "published", "type", "status", "date", "place", "evidence"].map((h) => el("th", {}, h)))),
          el("tbody", {}, sources.map((s) => el("tr", {},
            el("td", {}, el("a", { href: "#/doc/" + s.article_id }, articleTitle.get(s.article_id)), " ",
              externalLink(s.url, "↗")),
            el("td", {}, fmt(s.published)), el("td", {}, fmt(s.type)), el("td", {}, statusBadge(s.status)),
            el("td", {}, fmt(s.date), s.time_text ? " (“" + s.time_text + "”)" : ""), el("td", {}, fmt(s.place)),
            el("td", {}, (Array.isArray(s.evidence) ? s.evidence : []).map((x) => el("blockquote", {}, x.text || "")))))))),
    );
  }

  // -- network ----------------------------------------------------------------------------------

  async function networkPage() {
    const net = await api("/api/network?limit=150");
    document.title = "Network · newsgraph";
    show(el("h1", {}, "Who met whom"),
      el("p", { class: "muted" }, "The strongest ", String(net.edges.length),
        " pairs of actors that took part in the same events; click a node for the actor's page."),
      networkSvg(net, 640, null));
  }

  // A force layout (repulsion, springs, gravity) run to rest before drawing; deterministic start.
  function networkSvg(net, height, focus) {
    const NS = "http://www.w3.org/2000/svg";
    const svg = document.createElementNS(NS, "svg");
    svg.setAttribute("class", "network");
    const width = 1000;
    svg.setAttribute("viewBox", "0 0 " + width + " " + height);
    const nodes = (net.nodes || []).map((n, i) => ({ ...n, x: width / 2 + 200 * Math.cos(i * 2.4) * Math.sqrt((i + 1) / 8),
      y: height / 2 + 150 * Math.sin(i * 2.4) * Math.sqrt((i + 1) / 8), vx: 0, vy: 0, degree: 0 }));
    if (!nodes.length) {
      const t = document.createElementNS(NS, "text");
      t.setAttribute("x", "20");
      t.setAttribute("y", "30");
      t.textContent = "No meetings recorded.";
      svg.appendChild(t);
      return svg;
    }
    const index = new Map(nodes.map((n) => [n.id, n]));
    const links = (net.edges || []).map((e) => ({ s: index.get(e.source), t: index.get(e.target), w: e.events || 1 }))
      .filter((l) => l.s && l.t);
    for (const l of links) { l.s.degree += l.w; l.t.degree += l.w; }
    // Fruchterman-Reingold: repulsion k²/d between all nodes, attraction d²/k along links, and a pull to
    // the centre sized so that the layout fills the box (n·k²/(2g) = r², r = 0.4 of each side)
    const k = Math.sqrt((width * height) / nodes.length) * 0.5;
    const gx = (nodes.length * k * k) / (2 * (0.4 * width) ** 2) * 0.5;
    const gy = (nodes.length * k * k) / (2 * (0.4 * height) ** 2) * 0.5;
    const steps = 300;
    for (let step = 0; step < steps; step++) {
      const temperature = (width / 10) * (1 - step / steps) + 0.5;
      for (const n of nodes) { n.vx = 0; n.vy = 0; }
      for (let i = 0; i < nodes.length; i++) {
        const a = nodes[i];
        for (let j = i + 1; j < nodes.length; j++) {
          const b = nodes[j];
          let dx = a.x - b.x, dy = a.y - b.y;
          let d = Math.sqrt(dx * dx + dy * dy);
          if (d < 0.01) { dx = 0.1 * (j - i); dy = 0.1; d = Math.sqrt(dx * dx + dy * dy); }
          const f = (k * k) / d / d;
          a.vx += dx * f; a.vy += dy * f; b.vx -= dx * f; b.vy -= dy * f;
        }
      }
      for (const l of links) {
        const dx = l.t.x - l.s.x, dy = l.t.y - l.s.y;
        const d = Math.sqrt(dx * dx + dy * dy) || 0.01;
        const f = (d / k) * Math.sqrt(Math.min(4, l.w));
        l.s.vx += dx * f; l.s.vy += dy * f; l.t.vx -= dx * f; l.t.vy -= dy * f;
      }
      for (const n of nodes) {
        n.vx += (width / 2 - n.x) * gx; n.vy += (height / 2 - n.y) * gy;
        const v = Math.sqrt(n.vx * n.vx + n.vy * n.vy) || 1;
        const move = Math.min(v, temperature);
        n.x = Math.max(20, Math.min(width - 120, n.x + (n.vx / v) * move));
        n.y = Math.max(20, Math.min(height - 20, n.y + (n.vy / v) * move));
      }
    }
    for (const l of links) {
      const line = document.createElementNS(NS, "line");
      line.setAttribute("x1", l.s.x.toFixed(1)); line.setAttribute("y1", l.s.y.toFixed(1));
      line.setAttribute("x2", l.t.x.toFixed(1)); line.setAttribute("y2", l.t.y.toFixed(1));
      line.setAttribute("stroke-width", String(Math.min(6, 0.8 + Math.log2(l.w + 1))));
      svg.appendChild(line);
    }
    for (const n of nodes) {
      const g = document.createElementNS(NS, "g");
      g.setAttribute("class", "node");
      const c = document.createElementNS(NS, "circle");
      c.setAttribute("cx", n.x.toFixed(1)); c.setAttribute("cy", n.y.toFixed(1));
      c.setAttribute("r", String(Math.min(16, 5 + 2 * Math.sqrt(n.degree))));
      c.setAttribute("fill", TYPE_COLOURS[n.type] || "#888");
      if (focus !== null && n.id === focus) c.setAttribute("stroke", "#000");
      const title = document.createElementNS(NS, "title");
      title.textContent = n.name;
      c.appendChild(title);
      c.addEventListener("click", () => { location.hash = "#/actor/" + n.id; });
      const label = document.createElementNS(NS, "text");
      label.setAttribute("x", (n.x + 9).toFixed(1)); label.setAttribute("y", (n.y + 4).toFixed(1));
      label.textContent = n.name;
      g.appendChild(c); g.appendChild(label);
      svg.appendChild(g);
    }
    return svg;
  }

  // -- search -----------------------------------------------------------------------------------

  async function searchPage(q) {
    document.getElementById("search-input").value = q;
    const enc = encodeURIComponent(q);
    const [docs, ents, quotes] = await Promise.all([
      api("/api/documents?limit=30&q=" + enc), api("/api/entities?limit=30&q=" + enc),
      api("/api/quotes?limit=30&prefix=true&q=" + enc)]);
    document.title = q + " · search · newsgraph";
    show(el("h1", {}, "Search: ", el("span", { id: "search-query" }, q)),
      el("div", { class: "grid2" },
        el("section", {}, el("h2", {}, "Articles (" + docs.items.length + ")"), documentList(docs.items)),
        el("section", {}, el("h2", {}, "Actors (" + ents.items.length + ")"), entityList(ents.items),
          el("h2", {}, "Quotes (" + quotes.items.length + ")"),
          quotes.items.length ? quotes.items.map((x) => el("div", { class: "card" }, el("blockquote", {}, x.text),
            el("div", { class: "sub muted" },
              x.speaker_id !== null && x.speaker_id !== undefined ? el("a", { href: "#/actor/" + x.speaker_id }, fmt(x.speaker))
                : fmt(x.speaker), " · ", fmt(x.published), " · ",
              x.article_id !== null && x.article_id !== undefined ? el("a", { href: "#/doc/" + x.article_id }, x.title || "article")
                : fmt(x.title))))
            : el("p", { class: "muted" }, "No quotes."))));
  }

  // -- analyse a posted text (needs the write token) ---------------------------------------------

  function analysePage() {
    document.title = "Analyse · newsgraph";
    const text = el("textarea", { id: "analyse-text", required: true, maxlength: "200000" });
    const title = el("input", { type: "text", id: "analyse-title" });
    const published = el("input", { type: "date", id: "analyse-published" });
    const token = el("input", { type: "password", id: "analyse-token", autocomplete: "off" });
    token.value = sessionStorage.getItem("newsgraph-token") || "";
    const out = el("div", { id: "analyse-out" });
    const form = el("form", { class: "card" },
      el("label", { for: "analyse-title" }, "Title"), title,
      el("label", { for: "analyse-published" }, "Published"), published,
      el("label", { for: "analyse-text" }, "Article text"), text,
      el("label", { for: "analyse-token" }, "Token (from the server's --token-file)"), token,
      el("p", {}, el("button", { type: "submit" }, "Extract")));
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      if (token.value.trim()) sessionStorage.setItem("newsgraph-token", token.value.trim());
      out.replaceChildren(el("p", { class: "muted" }, "Extracting…"));
      try {
        const body = { text: text.value, title: title.value || null, published: published.value || null };
        const record = await api("/api/extract", { method: "POST", body: JSON.stringify(body) });
        renderRecord(record, null, {}, {});
      } catch (err) {
        out.replaceChildren(...errorView(err));
      }
    });
    show(el("h1", {}, "Analyse a text"),
      el("p", { class: "muted" }, "Runs the pipeline on the text and shows its record; nothing is stored."), form, out);
  }

  route();
})();
