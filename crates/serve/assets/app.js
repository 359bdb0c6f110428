// Dateline explorer: one set of filters, kept in the URL, drives the map,
// the timeline, the network and the event table; a row opens its evidence.
//
// Every text from the store is put on the page with textContent or as a
// text node, never parsed as HTML: an article that contains "<script>"
// shows those characters and runs nothing.
"use strict";

(function () {
  const FILTERS = ["actor", "source", "target", "code", "quad", "country", "from", "to",
    "text", "min_mentions", "bbox", "near"];
  const FILTER_LABELS = {
    actor: "actor", source: "source", target: "target", code: "code", quad: "QuadClass",
    country: "country", from: "from", to: "to", text: "text", min_mentions: "min. reports",
    bbox: "map area", near: "near",
  };
  const QUAD_NAMES = ["verbal cooperation", "material cooperation", "verbal conflict", "material conflict"];
  const QUAD_COLOURS = ["#4f8fc9", "#2f6a9e", "#e09b52", "#c4473a"];
  const PAGE = 50;

  /** The view: filters plus period, order and the open event. */
  const state = { filters: {}, by: "month", sort: "newest", event: null };
  let nextCursor = null;
  let generation = 0;

  // ---- small helpers -------------------------------------------------------

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") node.className = value;
      else node.setAttribute(key, value);
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function query(extra) {
    const params = new URLSearchParams();
    for (const key of FILTERS) {
      const value = state.filters[key];
      if (value !== undefined && value !== "") params.set(key, value);
    }
    for (const [key, value] of Object.entries(extra || {})) {
      if (value !== undefined && value !== null && value !== "") params.set(key, value);
    }
    return params.toString();
  }

  async function api(path, extra) {
    const qs = query(extra);
    const response = await fetch(path + (qs ? "?" + qs : ""), { headers: { Accept: "application/json" } });
    const body = await response.json().catch(() => ({ error: response.statusText }));
    if (!response.ok) throw new Error(body.error || response.statusText);
    return body;
  }

  function showError(error) {
    document.getElementById("status").textContent = error ? String(error.message || error) : "";
  }

  function number(n) {
    return Number(n).toLocaleString("en-US");
  }

  /** Red for conflict, grey near zero, blue for cooperation. */
  function goldsteinColour(g) {
    if (g === null || g === undefined) return "#9aa4b1";
    const t = Math.max(-1, Math.min(1, g / 10));
    const grey = [201, 206, 214], red = [196, 71, 58], blue = [47, 106, 158];
    const end = t < 0 ? red : blue, k = Math.abs(t);
    const mix = grey.map((c, i) => Math.round(c + (end[i] - c) * k));
    return "rgb(" + mix.join(",") + ")";
  }

  // ---- state <-> URL <-> form -----------------------------------------------

  function readUrl() {
    const params = new URLSearchParams(location.search);
    state.filters = {};
    for (const key of FILTERS) {
      const value = params.get(key);
      if (value) state.filters[key] = value;
    }
    state.by = ["day", "week", "month"].includes(params.get("by")) ? params.get("by") : "month";
    state.sort = ["newest", "oldest", "mentions"].includes(params.get("sort")) ? params.get("sort") : "newest";
    state.event = params.get("event") || null;
  }

  function writeUrl() {
    const extra = {};
    if (state.by !== "month") extra.by = state.by;
    if (state.sort !== "newest") extra.sort = state.sort;
    if (state.event) extra.event = state.event;
    const qs = query(extra);
    history.replaceState(null, "", qs ? "?" + qs : location.pathname);
  }

  function fillForm() {
    const form = document.getElementById("filters");
    for (const input of form.elements) {
      if (input.name && FILTERS.includes(input.name)) input.value = state.filters[input.name] || "";
    }
    document.getElementById("by").value = state.by;
    document.getElementById("sort").value = state.sort;
  }

  function readForm() {
    const form = document.getElementById("filters");
    for (const input of form.elements) {
      if (!input.name || !FILTERS.includes(input.name)) continue;
      const value = input.value.trim();
      if (value) state.filters[input.name] = value;
      else delete state.filters[input.name];
    }
  }

  function setFilters(changes) {
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === undefined || value === "") delete state.filters[key];
      else state.filters[key] = String(value);
    }
    fillForm();
    refresh();
  }

  function renderChips() {
    const chips = document.getElementById("chips");
    chips.replaceChildren();
    for (const key of FILTERS) {
      const value = state.filters[key];
      if (!value) continue;
      const remove = el("button", { type: "button", "aria-label": "Remove " + FILTER_LABELS[key] }, "×");
      remove.addEventListener("click", () => setFilters({ [key]: null }));
      chips.append(el("span", { class: "chip", "data-filter": key }, FILTER_LABELS[key] + ": " + value, remove));
    }
  }

  function renderExports() {
    for (const kind of ["csv", "geojson", "jsonl", "parquet"]) {
      const qs = query();
      document.getElementById("export-" + kind).href = "/api/events." + kind + (qs ? "?" + qs : "");
    }
  }

  // ---- map ----------------------------------------------------------------------

  let map = null, clusters = null;

  function setUpMap() {
    map = L.map("map", { worldCopyJump: true, minZoom: 1, maxZoom: 10, attributionControl: false })
      .setView([25, 15], 2);
    fetch("/assets/vendor/world-atlas/countries-110m.json").then((r) => r.json()).then((world) => {
      const land = topojson.feature(world, world.objects.countries);
      // Antarctica is all edge at this scale; rings crossing the
      // antimeridian (Russia, Fiji) are made continuous so no stroke runs
      // across the whole map.
      land.features = land.features.filter((f) => f.id !== "010");
      for (const feature of land.features) unwrapGeometry(feature.geometry);
      L.geoJSON(land, {
        interactive: false,
        style: { color: "#ffffff", weight: 0.8, fillColor: "#c9d3de", fillOpacity: 1 },
      }).addTo(map).bringToBack();
    });
    clusters = L.markerClusterGroup({
      showCoverageOnHover: false,
      zoomToBoundsOnClick: false,
      maxClusterRadius: 45,
      iconCreateFunction: (cluster) => {
        const markers = cluster.getAllChildMarkers();
        let events = 0, weighted = 0, scored = 0;
        for (const marker of markers) {
          events += marker.options.events;
          if (marker.options.goldstein !== null) {
            weighted += marker.options.goldstein * marker.options.events;
            scored += marker.options.events;
          }
        }
        return placeIcon(events, scored ? weighted / scored : null);
      },
    });
    clusters.on("clusterclick", (e) => {
      const bounds = e.layer.getBounds().pad(0.1);
      setFilters({ bbox: boxText(bounds) });
    });
    map.addLayer(clusters);
    document.getElementById("map-area").addEventListener("click", () => {
      setFilters({ bbox: boxText(map.getBounds()) });
    });
  }

  function unwrapGeometry(geometry) {
    const polygons = geometry.type === "Polygon" ? [geometry.coordinates]
      : geometry.type === "MultiPolygon" ? geometry.coordinates : [];
    for (const polygon of polygons) {
      for (const ring of polygon) {
        let shift = 0;
        for (let i = 1; i < ring.length; i++) {
          const jump = ring[i][0] + shift - ring[i - 1][0];
          if (jump > 180) shift -= 360;
          else if (jump < -180) shift += 360;
          ring[i] = [ring[i][0] + shift, ring[i][1]];
        }
      }
    }
  }

  function boxText(bounds) {
    const clamp = (v, lo, hi) => Math.max(lo, Math.min(hi, v));
    const west = clamp(bounds.getWest(), -180, 180), east = clamp(bounds.getEast(), -180, 180);
    const south = clamp(bounds.getSouth(), -90, 90), north = clamp(bounds.getNorth(), -90, 90);
    return [west, south, east, north].map((v) => v.toFixed(3)).join(",");
  }

  function placeIcon(events, goldstein) {
    const size = Math.round(22 + Math.min(26, Math.log2(1 + events) * 4));
    const tone = goldstein === null ? "mid" : goldstein < -1 ? "neg" : goldstein > 1 ? "pos" : "mid";
    // The icon's only content is a number.
    return L.divIcon({
      html: String(events > 999 ? Math.round(events / 1000) + "k" : events),
      className: "place-icon " + tone,
      iconSize: [size, size],
    });
  }

  function renderMap(places) {
    clusters.clearLayers();
    const markers = [];
    for (const place of places) {
      const marker = L.marker([place.lat, place.lon], {
        icon: placeIcon(place.events, place.mean_goldstein),
        events: place.events,
        goldstein: place.mean_goldstein,
        keyboard: true,
        title: (place.name || "unnamed place") + ": " + place.events + " events",
      });
      marker.on("click", () => {
        const d = 0.05;
        setFilters({ bbox: [place.lon - d, place.lat - d, place.lon + d, place.lat + d]
          .map((v, i) => Math.max(i % 2 ? -90 : -180, Math.min(i % 2 ? 90 : 180, v)).toFixed(3)).join(",") });
      });
      markers.push(marker);
    }
    clusters.addLayers(markers);
    const box = state.filters.bbox && state.filters.bbox.split(",").map(Number);
    if (box && box.length === 4 && box[0] <= box[2]) {
      map.fitBounds([[box[1], box[0]], [box[3], box[2]]], { maxZoom: 8 });
    } else if (markers.length) {
      map.fitBounds(L.latLngBounds(markers.map((m) => m.getLatLng())).pad(0.3), { maxZoom: 5 });
    }
    const node = document.getElementById("map");
    node.dataset.places = String(places.length);
    node.dataset.events = String(places.reduce((n, p) => n + p.events, 0));
    node.dataset.state = "ready";
  }

  // ---- timeline --------------------------------------------------------------------

  let chart = null, chartRows = [];

  /** The first day of a period label, in seconds since 1970 (UTC). */
  function periodStart(label) {
    let m;
    if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(label))) return Date.UTC(+m[1], +m[2] - 1, +m[3]) / 1000;
    if ((m = /^(\d{4})-(\d{2})$/.exec(label))) return Date.UTC(+m[1], +m[2] - 1, 1) / 1000;
    if ((m = /^(\d{4})-W(\d{2})$/.exec(label))) {
      // ISO week 1 holds January 4th; weeks start on Monday.
      const jan4 = Date.UTC(+m[1], 0, 4);
      const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * 86400000;
      return (monday + (+m[2] - 1) * 7 * 86400000) / 1000;
    }
    return null;
  }

  /** The last day of the period starting at `start`, as YYYY-MM-DD. */
  function periodEnd(start, by) {
    const d = new Date(start * 1000);
    if (by === "day") return isoDay(d);
    if (by === "week") return isoDay(new Date(d.getTime() + 6 * 86400000));
    return isoDay(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)));
  }

  function isoDay(d) {
    return d.toISOString().slice(0, 10);
  }

  function renderTimeline(timeline) {
    const node = document.getElementById("timeline");
    chartRows = timeline.rows.filter((row) => periodStart(row.period) !== null);
    const xs = chartRows.map((row) => periodStart(row.period));
    // Stacked: each series is the sum of its QuadClass and those below it.
    const stacks = [0, 1, 2, 3].map((q) => chartRows.map((row) => row.quad.slice(0, q + 1).reduce((a, b) => a + b, 0)));
    const goldstein = chartRows.map((row) => row.mean_goldstein);
    const data = [xs, stacks[3], stacks[2], stacks[1], stacks[0], goldstein];
    if (chart) chart.destroy();
    node.replaceChildren();
    const bars = uPlot.paths.bars({ size: [0.85, 40], gap: 1 });
    const width = Math.max(300, node.clientWidth || 600);
    chart = new uPlot({
      width, height: 220,
      legend: { show: false },
      cursor: { drag: { x: true, y: false, setScale: false }, points: { show: false } },
      scales: {
        // Half a period either side, so the first and last bars show whole
        // and a single period is not stretched over years.
        x: { time: true, range: (u, min, max) => [min - PERIOD_SECONDS[state.by] / 2, max + PERIOD_SECONDS[state.by] / 2] },
        g: { range: [-10, 10] },
      },
      axes: [
        { stroke: "#5f6b7a", grid: { stroke: "#eef1f4" }, values: (u, ticks) => ticks.map(tickLabel),
          splits: state.by === "month" ? (u, axis, min, max) => monthTicks(min, max) : undefined },
        { stroke: "#5f6b7a", grid: { stroke: "#eef1f4" }, size: 50, label: "events" },
        { scale: "g", side: 1, stroke: "#5f6b7a", grid: { show: false }, size: 40, label: "Goldstein" },
      ],
      series: [
        {},
        { label: QUAD_NAMES[3], fill: QUAD_COLOURS[3], stroke: QUAD_COLOURS[3], paths: bars, points: { show: false } },
        { label: QUAD_NAMES[2], fill: QUAD_COLOURS[2], stroke: QUAD_COLOURS[2], paths: bars, points: { show: false } },
        { label: QUAD_NAMES[1], fill: QUAD_COLOURS[1], stroke: QUAD_COLOURS[1], paths: bars, points: { show: false } },
        { label: QUAD_NAMES[0], fill: QUAD_COLOURS[0], stroke: QUAD_COLOURS[0], paths: bars, points: { show: false } },
        { label: "mean Goldstein", scale: "g", stroke: "#222", width: 1.5, spanGaps: true, points: { show: true, size: 4 } },
      ],
      hooks: {
        setSelect: [(u) => brushed(u)],
        setCursor: [(u) => hovered(u)],
      },
    }, data, node);
    node.dataset.periods = String(chartRows.length);
    node.dataset.events = String(chartRows.reduce((n, row) => n + row.events, 0));
    node.dataset.state = "ready";
  }

  const PERIOD_SECONDS = { day: 86400, week: 7 * 86400, month: 30.44 * 86400 };
  const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

  function tickLabel(seconds) {
    const d = new Date(seconds * 1000);
    const month = MONTHS[d.getUTCMonth()] + " " + d.getUTCFullYear();
    return state.by === "month" ? month : d.getUTCDate() + " " + month;
  }

  /** The first of each month from min to max, at most about ten of them. */
  function monthTicks(min, max) {
    const first = new Date(min * 1000), months = [];
    let year = first.getUTCFullYear(), month = first.getUTCMonth() + 1;
    for (;;) {
      const t = Date.UTC(year, month - 1, 1) / 1000;
      if (t > max) break;
      if (t >= min) months.push(t);
      month += 1;
      if (month > 12) { month = 1; year += 1; }
    }
    const step = Math.ceil(months.length / 10);
    return months.filter((_, i) => i % step === 0);
  }

  function hovered(u) {
    const idx = u.cursor.idx;
    const hover = document.getElementById("timeline-hover");
    if (idx === null || idx === undefined || !chartRows[idx]) {
      hover.textContent = "";
      return;
    }
    const row = chartRows[idx];
    const parts = row.quad.map((n, q) => QUAD_NAMES[q] + " " + n);
    const g = row.mean_goldstein === null ? "–" : row.mean_goldstein.toFixed(2);
    hover.textContent = row.period + ": " + row.events + " events (" + parts.join(", ") + "), mean Goldstein " + g;
  }

  function brushed(u) {
    if (u.select.width < 3) return;
    const lo = u.posToVal(u.select.left, "x"), hi = u.posToVal(u.select.left + u.select.width, "x");
    const inside = chartRows.map((row) => periodStart(row.period)).filter((x) => x >= lo - 1 && x <= hi);
    u.setSelect({ left: 0, width: 0, top: 0, height: 0 }, false);
    if (!inside.length) return;
    const from = isoDay(new Date(Math.min(...inside) * 1000));
    const to = periodEnd(Math.max(...inside), state.by);
    setFilters({ from, to });
  }

  // ---- network -----------------------------------------------------------------------

  let graph = null;

  function renderNetwork(network) {
    const node = document.getElementById("network");
    const totals = new Map();
    for (const dyad of network.dyads) {
      totals.set(dyad.source, (totals.get(dyad.source) || 0) + dyad.events);
      totals.set(dyad.target, (totals.get(dyad.target) || 0) + dyad.events);
    }
    const most = Math.max(1, ...network.dyads.map((d) => d.events));
    const elements = [];
    for (const [code, events] of totals) {
      elements.push({ data: { id: "n:" + code, code, events, size: 18 + 26 * Math.sqrt(events / Math.max(1, ...totals.values())) } });
    }
    network.dyads.forEach((dyad, i) => {
      elements.push({ data: {
        id: "e" + i, source: "n:" + dyad.source, target: "n:" + dyad.target,
        events: dyad.events, width: 1.5 + 7 * Math.sqrt(dyad.events / most),
        colour: goldsteinColour(dyad.mean_goldstein),
        from: dyad.source, to: dyad.target,
      } });
    });
    if (graph) graph.destroy();
    graph = cytoscape({
      container: node,
      elements,
      wheelSensitivity: 0.3,
      style: [
        { selector: "node", style: {
          "background-color": "#1f3a5f", label: "data(code)", color: "#1d2733", "font-size": 10,
          "text-valign": "bottom", "text-margin-y": 3, width: "data(size)", height: "data(size)",
          "text-background-color": "#fbfcfd", "text-background-opacity": 0.8, "text-background-padding": 1,
        } },
        { selector: "edge", style: {
          width: "data(width)", "line-color": "data(colour)", "target-arrow-color": "data(colour)",
          "target-arrow-shape": "triangle", "curve-style": "bezier", "arrow-scale": 0.8, opacity: 0.85,
        } },
        { selector: "node:active, edge:active", style: { "overlay-opacity": 0.1 } },
      ],
      layout: { name: elements.length > 2 ? "cose" : "grid", animate: false, padding: 20, nodeRepulsion: 9000, randomize: false },
    });
    graph.on("tap", "node", (e) => setFilters({ actor: e.target.data("code") }));
    graph.on("tap", "edge", (e) => setFilters({ source: e.target.data("from"), target: e.target.data("to") }));
    node.dataset.nodes = String(totals.size);
    node.dataset.edges = String(network.dyads.length);
    node.dataset.state = "ready";
  }

  // ---- table ---------------------------------------------------------------------------

  function actorCell(participant) {
    if (!participant) return el("td", null, "–");
    return el("td", null, participant.code, el("span", { class: "sub" }, participant.name || participant.text || ""));
  }

  function eventRow(event) {
    const quad = event.quad_class ? el("span", { class: "quad q" + event.quad_class, title: QUAD_NAMES[event.quad_class - 1] }) : null;
    const row = el("tr", { tabindex: "0", "data-event": event.event_id },
      el("td", { class: "date" }, event.date || "undated"),
      el("td", null, quad, event.code, el("span", { class: "sub" }, event.label || "")),
      actorCell(event.source),
      actorCell(event.target),
      el("td", null, event.location ? event.location.name : "–",
        el("span", { class: "sub" }, event.location && event.location.country ? event.location.country : "")),
      el("td", { class: "num" }, String(event.num_mentions || 1)),
      el("td", { class: "sentence" }, event.sentence ? event.sentence.text : ""));
    const open = () => openEvidence(event.event_id);
    row.addEventListener("click", open);
    row.addEventListener("keydown", (e) => { if (e.key === "Enter") open(); });
    return row;
  }

  function renderTable(page, append) {
    const table = document.getElementById("events");
    const body = table.tBodies[0];
    if (!append) body.replaceChildren();
    for (const event of page.events) body.append(eventRow(event));
    if (!body.rows.length) {
      body.append(el("tr", null, el("td", { colspan: "7", class: "empty" }, "No events match these filters.")));
    }
    nextCursor = page.next;
    document.getElementById("more").hidden = !nextCursor;
    table.dataset.rows = String(body.querySelectorAll("tr[data-event]").length);
    table.dataset.state = "ready";
    markOpenRow();
  }

  async function loadMore() {
    if (!nextCursor) return;
    try {
      renderTable(await api("/api/events", { limit: PAGE, sort: state.sort, cursor: nextCursor }), true);
    } catch (error) {
      showError(error);
    }
  }

  // ---- evidence ------------------------------------------------------------------------

  function markOpenRow() {
    for (const row of document.querySelectorAll("#events tr[data-event]")) {
      row.classList.toggle("open", row.dataset.event === state.event);
    }
  }

  async function openEvidence(id) {
    state.event = id;
    writeUrl();
    markOpenRow();
    const panel = document.getElementById("evidence");
    const body = document.getElementById("evidence-body");
    panel.hidden = false;
    panel.dataset.state = "loading";
    body.replaceChildren(el("p", { class: "empty" }, "Loading…"));
    try {
      const detail = await fetch("/api/events/" + encodeURIComponent(id)).then(async (r) => {
        const json = await r.json();
        if (!r.ok) throw new Error(json.error || r.statusText);
        return json;
      });
      if (state.event !== id) return;
      body.replaceChildren(...evidenceView(detail));
      panel.dataset.state = "ready";
      panel.dataset.event = id;
    } catch (error) {
      body.replaceChildren(el("p", { class: "empty" }, String(error.message || error)));
      panel.dataset.state = "error";
    }
  }

  function closeEvidence() {
    state.event = null;
    document.getElementById("evidence").hidden = true;
    writeUrl();
    markOpenRow();
  }

  function who(participant) {
    if (!participant) return "–";
    return participant.code + (participant.name ? " (" + participant.name + ")" : "");
  }

  function evidenceView(detail) {
    const event = detail.event;
    const facts = el("dl", { class: "facts" });
    const fact = (term, value) => { if (value) facts.append(el("dt", null, term), el("dd", null, value)); };
    fact("Date", event.date || "undated");
    fact("Source", who(event.source));
    fact("Target", who(event.target));
    fact("Code", event.code + (event.label ? " " + event.label : ""));
    fact("QuadClass", event.quad_class ? event.quad_class + " " + QUAD_NAMES[event.quad_class - 1] : "");
    fact("Goldstein", event.goldstein === null ? "" : String(event.goldstein));
    fact("PLOVER", event.plover ? event.plover.type + (event.plover.mode ? " / " + event.plover.mode : "") : "");
    fact("Modality", event.modality);
    fact("Where", event.location ? event.location.name + (event.location.country ? ", " + event.location.country : "") + " (from the " + event.location.basis + ")" : "");
    fact("According to", event.attribution ? event.attribution.text : "");
    const count = (n, noun) => number(n) + " " + noun + (n === 1 ? "" : "s");
    fact("Reports", count(event.num_mentions, "report") + " in " + count(event.num_articles, "article") + " from " + count(event.num_sources, "source"));
    const reports = detail.reports.map((report) => {
      const quote = el("blockquote", { class: "sentence" });
      for (const piece of report.pieces) {
        if (piece.marks.length) {
          quote.append(el("mark", { class: piece.marks.join(" "), title: piece.marks.join(", ") }, piece.text));
        } else {
          quote.append(document.createTextNode(piece.text));
        }
      }
      const title = report.title || report.article_id;
      const heading = report.url
        ? el("a", { class: "title", href: report.url, target: "_blank", rel: "noopener noreferrer" }, title)
        : el("span", { class: "title" }, title);
      return el("div", { class: "report", "data-kind": report.kind },
        heading,
        el("div", { class: "meta" }, [report.outlet, report.date || "undated", report.kind === "coded" ? "coded from this sentence" : "refers back to the event",
          report.sentence_index === null ? "heading" : "sentence " + (report.sentence_index + 1)].join(" · ")),
        quote,
        el("div", { class: "rule" }, "rule " + report.rule));
    });
    return [
      el("div", { class: "headline" }, who(event.source) + " → " + who(event.target)),
      el("div", null, event.label || event.code),
      el("p", { class: "caution" }, "Machine-coded: check each sentence before relying on this event."),
      facts,
      el("div", { class: "marks" }, el("mark", { class: "trigger" }, "action"), el("mark", { class: "source" }, "source"), el("mark", { class: "target" }, "target")),
      ...reports,
    ];
  }

  // ---- loading -------------------------------------------------------------------------

  async function refresh() {
    const mine = ++generation;
    writeUrl();
    renderChips();
    renderExports();
    showError(null);
    for (const id of ["map", "timeline", "network", "events"]) document.getElementById(id).dataset.state = "loading";
    const current = () => mine === generation;
    const load = async (path, extra, render) => {
      try {
        const body = await api(path, extra);
        if (current()) render(body);
      } catch (error) {
        if (current()) showError(error);
      }
    };
    await Promise.all([
      load("/api/places", null, (body) => renderMap(body.places)),
      load("/api/timeline", { by: state.by }, renderTimeline),
      load("/api/network", { limit: 60 }, renderNetwork),
      load("/api/events", { limit: PAGE, sort: state.sort }, (page) => renderTable(page, false)),
    ]);
  }

  async function loadStats() {
    try {
      const stats = await fetch("/api/stats").then((r) => r.json());
      document.getElementById("stats").textContent =
        number(stats.events) + " events from " + number(stats.articles) + " articles (" + number(stats.reports) + " reports)";
    } catch (error) {
      showError(error);
    }
  }

  async function loadCodes() {
    try {
      const codes = await fetch("/api/codes").then((r) => r.json());
      const list = document.getElementById("code-list");
      for (const code of codes.codes) {
        if (code.code.length <= 3) list.append(el("option", { value: code.code }, code.code + " " + code.name));
      }
    } catch (error) {
      showError(error);
    }
  }

  let suggestTimer = null;
  function suggestActors(text) {
    clearTimeout(suggestTimer);
    suggestTimer = setTimeout(async () => {
      if (!text.trim()) return;
      try {
        const body = await fetch("/api/actors?" + new URLSearchParams({ q: text })).then((r) => r.json());
        const list = document.getElementById("actor-list");
        list.replaceChildren(...(body.actors || []).map((actor) =>
          el("option", { value: actor.value }, actor.kind === "code" ? actor.label : actor.label + " (name)")));
      } catch (error) {
        showError(error);
      }
    }, 150);
  }

  function wire() {
    const form = document.getElementById("filters");
    form.addEventListener("submit", (e) => { e.preventDefault(); readForm(); refresh(); });
    for (const name of ["actor", "source", "target"]) {
      form.elements[name].addEventListener("input", (e) => suggestActors(e.target.value));
    }
    form.elements.quad.addEventListener("change", () => { readForm(); refresh(); });
    document.getElementById("clear").addEventListener("click", () => {
      state.filters = {};
      fillForm();
      refresh();
    });
    document.getElementById("by").addEventListener("change", (e) => {
      state.by = e.target.value;
      writeUrl();
      api("/api/timeline", { by: state.by }).then(renderTimeline).catch(showError);
    });
    document.getElementById("sort").addEventListener("change", (e) => {
      state.sort = e.target.value;
      writeUrl();
      api("/api/events", { limit: PAGE, sort: state.sort }).then((page) => renderTable(page, false)).catch(showError);
    });
    document.getElementById("more").addEventListener("click", loadMore);
    document.getElementById("evidence-close").addEventListener("click", closeEvidence);
    document.addEventListener("keydown", (e) => { if (e.key === "Escape") closeEvidence(); });
    window.addEventListener("popstate", () => { readUrl(); fillForm(); refresh(); });
    let resizeTimer = null;
    window.addEventListener("resize", () => {
      clearTimeout(resizeTimer);
      resizeTimer = setTimeout(() => { if (chart) chart.setSize({ width: document.getElementById("timeline").clientWidth, height: 220 }); }, 150);
    });
  }

  readUrl();
  fillForm();
  setUpMap();
  wire();
  loadStats();
  loadCodes();
  refresh();
  if (state.event) openEvidence(state.event);
})();
