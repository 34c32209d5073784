// paradip's web page: classify and see why, correct, review a queue, manage models.
// Plain JavaScript, no build step: it talks to the same service's /v1 API.
"use strict";

const LABELS = ["complementary", "parallel", "constituent", "none"];
const KEY_STORE = "paradip.apiKey"; // sessionStorage: gone when the tab closes
const RTL_LANGS = new Set(["ar", "fa"]);

const $ = (id) => document.getElementById(id);

// ---- talking to the API -------------------------------------------------

function apiKey() {
  return sessionStorage.getItem(KEY_STORE);
}

async function api(method, path, body, needsKey = false) {
  const headers = {};
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (needsKey) {
    const key = apiKey();
    if (!key) throw new Error("Enter the API key at the top of the page first.");
    headers["X-API-Key"] = key;
  }
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = await response.json().catch(() => null);
  if (!response.ok) {
    throw new Error(describeError(response.status, data));
  }
  return data;
}

function describeError(status, data) {
  let detail = data && data.detail;
  if (Array.isArray(detail)) {
    detail = detail.map((d) => `${(d.loc || []).slice(1).join(".")}: ${d.msg}`).join("; ");
  }
  return `${status}: ${detail || "the service gave no detail"}`;
}

function direction(lang) {
  return RTL_LANGS.has(lang) ? "rtl" : "ltr";
}

function joinTitle(title, text) {
  return title && title.trim() ? `${title.trim()}\n${text}` : text;
}

// ---- the API key --------------------------------------------------------

function showKeyState() {
  $("key-state").textContent = apiKey() ? "key set for this tab" : "no key";
}

function setUpKey() {
  $("key-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const value = $("api-key").value.trim();
    if (value) sessionStorage.setItem(KEY_STORE, value);
    $("api-key").value = "";
    showKeyState();
  });
  $("key-forget").addEventListener("click", () => {
    sessionStorage.removeItem(KEY_STORE);
    showKeyState();
  });
  showKeyState();
}

// ---- pages --------------------------------------------------------------

function showPage() {
  const name = (location.hash || "#classify").slice(1);
  for (const section of document.querySelectorAll(".page")) {
    section.hidden = section.id !== `page-${name}`;
  }
  for (const link of document.querySelectorAll("header nav a")) {
    link.classList.toggle("current", link.dataset.page === name);
  }
  if (name === "models") loadModels();
}

// ---- classify -----------------------------------------------------------

let lastItem = null; // {text, title, prediction}

function renderBars(scores) {
  const bars = $("bars");
  bars.replaceChildren();
  for (const label of LABELS) {
    const value = scores[label] || 0;
    const name = document.createElement("span");
    name.textContent = label;
    const track = document.createElement("div");
    track.className = "bar-track";
    const bar = document.createElement("div");
    bar.className = `bar bar-${label}`;
    bar.dataset.label = label;
    bar.style.width = `${(value * 100).toFixed(1)}%`;
    track.append(bar);
    const number = document.createElement("span");
    number.className = "bar-value";
    number.dataset.label = label;
    number.textContent = `${(value * 100).toFixed(1)}%`;
    bars.append(name, track, number);
  }
}

// Evidence offsets count Unicode code points (Python's str); JavaScript
// strings count UTF-16 units, so the text is split into code points first.
function renderHighlights(container, text, evidence, lang) {
  const chars = Array.from(text);
  const spans = [...(evidence || [])].sort((a, b) => a.start - b.start);
  container.replaceChildren();
  container.dir = direction(lang);
  container.lang = lang === "und" ? "" : lang;
  let at = 0;
  for (const span of spans) {
    if (span.start < at) continue; // overlapping spans: keep the first
    container.append(chars.slice(at, span.start).join(""));
    const mark = document.createElement("mark");
    mark.className = `ev ev-${span.label}`;
    mark.dataset.label = span.label;
    mark.title = `pushes toward ${span.label} (weight ${span.weight})`;
    mark.textContent = chars.slice(span.start, span.end).join("");
    container.append(mark);
    at = span.end;
  }
  container.append(chars.slice(at).join(""));
}

function renderResult(prediction, full) {
  $("result").hidden = false;
  const badge = $("result-label");
  badge.textContent = prediction.label;
  badge.className = `label-badge label-${prediction.label}`;
  $("result-uncertain").hidden = !prediction.uncertain;
  $("result-confidence").textContent = `${(prediction.confidence * 100).toFixed(1)}%`;
  $("result-lang").textContent = prediction.lang;
  $("result-version").textContent = prediction.model_version;
  $("result-note").hidden = !prediction.note;
  $("result-note").textContent = prediction.note || "";
  renderBars(prediction.scores);
  renderHighlights($("highlighted"), full, prediction.evidence, prediction.lang);
  $("feedback-state").textContent = "";
}

function setUpClassify() {
  $("classify-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const text = $("text").value;
    const title = $("title").value;
    $("classify-error").hidden = true;
    try {
      const body = title.trim() ? { text, title } : { text };
      const prediction = await api("POST", "/v1/classify", body);
      lastItem = { text: joinTitle(title, text), prediction };
      renderResult(prediction, lastItem.text);
    } catch (error) {
      $("classify-error").textContent = error.message;
      $("classify-error").hidden = false;
    }
  });
  const send = async (label, note) => {
    if (!lastItem) return;
    const state = $("feedback-state");
    try {
      const row = await api("POST", "/v1/feedback", { text: lastItem.text, label, note }, true);
      state.textContent = `Stored: "${row.label}" (label #${row.id}, ${row.state}). Thank you.`;
      state.className = "";
    } catch (error) {
      state.textContent = `Not stored. ${error.message}`;
      state.className = "error";
    }
  };
  $("confirm").addEventListener("click", () => {
    if (lastItem) send(lastItem.prediction.label, "confirmed in the web page");
  });
  for (const button of document.querySelectorAll("button.pick")) {
    button.addEventListener("click", () =>
      send(button.dataset.label, `corrected in the web page (model said ${lastItem.prediction.label})`),
    );
  }
}

// ---- review queue -------------------------------------------------------

const queue = { items: [], index: 0, labelled: 0, skipped: 0, busy: false };

function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else {
      field += c;
    }
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  const [header, ...body] = rows.filter((r) => r.some((cell) => cell !== ""));
  return body.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i] ?? ""])));
}

// Rows of `paradip suggest` (JSONL or CSV); returns {items, problems}.
function parseSuggestions(name, text) {
  const items = [];
  const problems = [];
  let rows;
  if (name.toLowerCase().endsWith(".csv")) {
    rows = parseCsv(text).map((row, i) => ({ row, line: i + 2 }));
  } else {
    rows = [];
    text.split(/\r?\n/).forEach((line, i) => {
      if (!line.trim()) return;
      try {
        rows.push({ row: JSON.parse(line), line: i + 1 });
      } catch (error) {
        problems.push(`line ${i + 1}: not JSON (${error.message})`);
      }
    });
  }
  for (const { row, line } of rows) {
    if (!row || typeof row.text !== "string" || !row.text.trim()) {
      problems.push(`line ${line}: no "text"`);
      continue;
    }
    let scores = row.scores;
    if (typeof scores === "string" && scores) {
      try {
        scores = JSON.parse(scores);
      } catch {
        scores = null;
      }
    }
    items.push({
      id: row.id ? String(row.id) : null,
      title: row.title || null,
      text: row.text,
      lang: row.lang || null,
      suggested: row.suggested || null,
      scores: scores || null,
    });
  }
  return { items, problems };
}

function startQueue(items, source, problems = []) {
  Object.assign(queue, { items, index: 0, labelled: 0, skipped: 0, busy: false });
  const skippedRows = problems.length ? ` ${problems.length} row(s) set aside: ${problems.join("; ")}` : "";
  $("queue-state").textContent = `${items.length} item(s) from ${source}.${skippedRows}`;
  $("queue-done").hidden = true;
  $("queue").hidden = items.length === 0;
  showQueueItem();
}

function showQueueItem() {
  const total = queue.items.length;
  $("queue-progress").max = Math.max(total, 1);
  $("queue-progress").value = queue.index;
  $("queue-count").textContent =
    `${Math.min(queue.index + 1, total)} of ${total} · ${queue.labelled} labelled · ${queue.skipped} skipped`;
  if (queue.index >= total) {
    $("queue").hidden = true;
    const done = $("queue-done");
    done.hidden = total === 0;
    done.textContent = `Queue done: ${queue.labelled} labelled, ${queue.skipped} skipped.`;
    return;
  }
  const item = queue.items[queue.index];
  const dir = item.lang ? direction(item.lang) : "auto";
  $("queue-title").textContent = item.title || "";
  $("queue-title").dir = dir;
  $("queue-text").textContent = item.text;
  $("queue-text").dir = dir;
  $("queue-suggested").textContent = item.suggested || "(nothing)";
  $("queue-scores").textContent = item.scores
    ? LABELS.map((l) => `${l} ${((item.scores[l] || 0) * 100).toFixed(0)}%`).join(" · ")
    : "";
}

async function answerQueue(key) {
  if (queue.busy || queue.index >= queue.items.length) return;
  const item = queue.items[queue.index];
  if (key === "s") {
    queue.skipped += 1;
    queue.index += 1;
    showQueueItem();
    return;
  }
  const label = LABELS[Number(key) - 1];
  if (!label) return;
  queue.busy = true;
  try {
    const body = { text: joinTitle(item.title, item.text), label, note: "review queue" };
    if (item.id) body.item_id = item.id;
    await api("POST", "/v1/feedback", body, true);
    queue.labelled += 1;
    queue.index += 1;
    $("queue-state").textContent = `Stored "${label}" for the item ${item.id || ""}`.trim();
    $("queue-state").className = "";
  } catch (error) {
    $("queue-state").textContent = `Not stored (the item stays). ${error.message}`;
    $("queue-state").className = "error";
  } finally {
    queue.busy = false;
    showQueueItem();
  }
}

function setUpReview() {
  $("queue-file").addEventListener("change", async () => {
    const file = $("queue-file").files[0];
    if (!file) return;
    const { items, problems } = parseSuggestions(file.name, await file.text());
    startQueue(items, file.name, problems);
  });
  $("queue-recent").addEventListener("click", async () => {
    try {
      const items = await api("GET", "/v1/recent?uncertain=true&limit=200");
      startQueue(items, "the service's uncertain recent items");
    } catch (error) {
      $("queue-state").textContent = error.message;
      $("queue-state").className = "error";
    }
  });
  for (const button of document.querySelectorAll("button.queue-pick")) {
    button.addEventListener("click", () => answerQueue(button.dataset.key));
  }
  document.addEventListener("keydown", (event) => {
    if ($("page-review").hidden || $("queue").hidden) return;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (["INPUT", "TEXTAREA", "SELECT"].includes(event.target.tagName)) return;
    if (["1", "2", "3", "4", "s", "S"].includes(event.key)) {
      event.preventDefault();
      answerQueue(event.key.toLowerCase());
    }
  });
}

// ---- models -------------------------------------------------------------

function percent(value) {
  return typeof value === "number" ? value.toFixed(3) : "";
}

async function loadModels() {
  const body = $("models-table").querySelector("tbody");
  try {
    const models = await api("GET", "/v1/models");
    body.replaceChildren();
    for (const model of models) {
      const m = model.metrics || {};
      const langs = m.per_language || {};
      const row = document.createElement("tr");
      row.dataset.version = model.version;
      row.className = model.active ? "active" : "";
      const cells = [
        model.version,
        (model.created || "").slice(0, 16).replace("T", " "),
        percent(m.macro_f1),
        percent(langs.ar),
        percent(langs.fa),
        percent(langs.en),
        percent(m.ece),
        model.active ? "active" : "",
      ];
      for (const value of cells) {
        const cell = document.createElement("td");
        cell.textContent = value;
        row.append(cell);
      }
      const action = document.createElement("td");
      if (!model.active) {
        const button = document.createElement("button");
        button.textContent = "Activate";
        button.className = "activate";
        button.addEventListener("click", () => changeModel(`/v1/models/${model.version}/activate`));
        action.append(button);
      }
      row.append(action);
      body.append(row);
    }
  } catch (error) {
    $("models-state").textContent = error.message;
    $("models-state").className = "error";
  }
}

async function changeModel(path) {
  try {
    const result = await api("POST", path, undefined, true);
    $("models-state").textContent = `Active model: ${result.active}.`;
    $("models-state").className = "";
  } catch (error) {
    $("models-state").textContent = error.message;
    $("models-state").className = "error";
  }
  loadModels();
}

// ---- start --------------------------------------------------------------

document.addEventListener("DOMContentLoaded", () => {
  setUpKey();
  setUpClassify();
  setUpReview();
  $("rollback").addEventListener("click", () => changeModel("/v1/models/rollback"));
  window.addEventListener("hashchange", showPage);
  showPage();
});
