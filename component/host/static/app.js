// The playground: a connection picker, actions grouped by resource, forms generated from the manifest,
// picklist dropdowns filled live (search and paging), results as JSON and tables, triggers polled or pushed.
// Plain browser JavaScript, no build step and no network access beyond this host.
"use strict";

const $ = (id) => document.getElementById(id);
const state = { manifest: null, connections: [], entry: null, kind: null, fields: [], triggerState: {},
  subscription: null, eventsAfter: 0, eventTimer: null };
const PAGE = 20;

// -- talking to the host ----------------------------------------------------------------------

async function api(method, path, body, retried) {
  const headers = { "Accept": "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const token = sessionStorage.getItem("hostToken");
  if (token) headers["Authorization"] = "Bearer " + token;
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  let payload = null;
  try { payload = await response.json(); } catch (_) { payload = null; }
  if (response.status === 401 && path.startsWith("/api") && !retried && await askToken()) {
    return api(method, path, body, true);
  }
  return { ok: response.ok, status: response.status, body: payload };
}

function askToken() {
  return new Promise((resolve) => {
    const dialog = $("token-dialog");
    dialog.addEventListener("close", () => {
      const value = $("token").value.trim();
      if (value) sessionStorage.setItem("hostToken", value);
      resolve(Boolean(value));
    }, { once: true });
    dialog.showModal();
  });
}

function el(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

function errorText(body, status) {
  const error = body && body.error;
  if (!error) return `The host answered ${status}.`;
  const service = (state.manifest && state.manifest.label) || "The API";
  return error.status ? `${error.message} (${service} answered ${error.status})` : error.message;
}

// -- connections ------------------------------------------------------------------------------

async function loadConnections(selectId) {
  const answer = await api("GET", "/api/connections");
  state.connections = answer.ok ? answer.body.data : [];
  const select = $("connection");
  select.replaceChildren();
  if (!state.connections.length) select.append(el("option", { value: "", text: "No connection yet: add one" }));
  for (const c of state.connections) {
    const suffix = isOAuth(c) ? (c.authorized ? " · authorized" : " · not authorized") : "";
    select.append(el("option", { value: c.id, text: c.label + suffix }));
  }
  const wanted = selectId || localStorage.getItem("connectionId");
  if (wanted && state.connections.some((c) => c.id === wanted)) select.value = wanted;
  connectionChanged();
}

function currentConnection() {
  return state.connections.find((c) => c.id === $("connection").value) || null;
}

function isOAuth(connection) {
  const definition = (state.manifest.connections || []).find((d) => d.key === connection.key);
  return Boolean(definition && definition.inputs.some((i) => i.key === "authorizeUrl" || i.key === "tokenUrl"));
}

function connectionChanged() {
  const connection = currentConnection();
  if (connection) localStorage.setItem("connectionId", connection.id);
  $("authorize-connection").hidden = !(connection && isOAuth(connection));
  $("check-connection").disabled = !connection;
  $("delete-connection").disabled = !connection;
  setStatus($("connection-status"), "");
}

function setStatus(node, text, kind) {
  node.textContent = text;
  node.className = "status" + (kind ? " " + kind : "");
}

async function checkConnection() {
  const connection = currentConnection();
  if (!connection) return;
  setStatus($("connection-status"), "Checking…");
  const answer = await api("POST", `/api/connections/${encodeURIComponent(connection.id)}/check`, {});
  if (answer.ok) {
    const account = answer.body.data || {};
    setStatus($("connection-status"), `Works: ${account.domain || account.name || "account reached"}`, "good");
  } else {
    setStatus($("connection-status"), errorText(answer.body, answer.status), "bad");
  }
}

async function authorizeConnection(id) {
  const answer = await api("POST", `/api/connections/${encodeURIComponent(id)}/authorize`, {});
  if (answer.ok) window.location.assign(answer.body.url);
  else setStatus($("connection-status"), errorText(answer.body, answer.status), "bad");
}

async function deleteConnection() {
  const connection = currentConnection();
  if (!connection || !window.confirm(`Delete the connection "${connection.label}"?`)) return;
  await api("DELETE", `/api/connections/${encodeURIComponent(connection.id)}`);
  localStorage.removeItem("connectionId");
  await loadConnections();
}

function openConnectionDialog() {
  const kind = $("connection-kind");
  kind.replaceChildren(...state.manifest.connections.map((c) => el("option", { value: c.key, text: c.label })));
  renderConnectionFields();
  $("connection-error").hidden = true;
  $("connection-dialog").showModal();
}

function renderConnectionFields() {
  const definition = state.manifest.connections.find((c) => c.key === $("connection-kind").value);
  $("connection-fields").replaceChildren(...definition.inputs.map((input) => {
    const id = "conn-" + input.key;
    return el("div", { class: "field" },
      el("label", { for: id, text: input.label + (input.required ? " *" : "") }),
      el("input", { id, name: input.key, type: input.type === "password" ? "password" : "text",
        autocomplete: "off", placeholder: input.example ? "e.g. " + input.example : (input.default || "") }),
      input.comments ? el("div", { class: "help", text: input.comments }) : null);
  }));
}

async function saveConnection(event) {
  event.preventDefault();
  const fields = {};
  for (const input of $("connection-fields").querySelectorAll("input")) {
    if (input.value.trim()) fields[input.name] = input.value.trim();
  }
  const body = { key: $("connection-kind").value, fields, label: $("connection-label").value.trim() || null };
  const answer = await api("POST", "/api/connections", body);
  if (!answer.ok) {
    $("connection-error").textContent = errorText(answer.body, answer.status);
    $("connection-error").hidden = false;
    return;
  }
  $("connection-dialog").close();
  await loadConnections(answer.body.id);
  const created = currentConnection();
  if (created && isOAuth(created) && window.confirm("Authorize this OAuth connection now?")) {
    await authorizeConnection(created.id);
  }
}

// -- the menu ---------------------------------------------------------------------------------

function renderMenu() {
  const groups = new Map();
  for (const action of state.manifest.actions) {
    const name = action.resource || "Actions";
    if (!groups.has(name)) groups.set(name, []);
    groups.get(name).push({ entry: action, kind: "action" });
  }
  const sorted = [...groups.keys()].sort((a, b) => a.localeCompare(b));
  if (state.manifest.triggers && state.manifest.triggers.length) {
    sorted.push("Triggers");
    groups.set("Triggers", state.manifest.triggers.map((t) => ({ entry: t, kind: "trigger" })));
  }
  const filter = $("filter").value.trim().toLowerCase();
  $("groups").replaceChildren(...sorted.map((name) => {
    const items = groups.get(name).filter(({ entry }) => !filter
      || entry.label.toLowerCase().includes(filter) || entry.key.toLowerCase().includes(filter));
    if (!items.length) return null;
    return el("details", { class: "group", open: true },
      el("summary", { text: `${name} (${items.length})` }),
      el("ul", {}, ...items.map(({ entry, kind }) => el("li", {},
        el("button", { type: "button", class: "entry", "data-key": entry.key, text: entry.label,
          title: entry.description, onclick: () => selectEntry(entry, kind) })))));
  }).filter(Boolean));
}

// -- forms ------------------------------------------------------------------------------------

function picklistFor(input, schema) {
  if (input.dataSource) return input.dataSource;
  // An object input that refers to a record by id ({"id": ...}, e.g. a ticket's customer) has no picklist of
  // its own (option keys are not its values), and manifests from before `dataSource` existed name none:
  // both use select<Noun> when the component has it (customer -> selectCustomer, assignee_user -> selectUser).
  const reference = input.type === "code" && schema.type === "object" && schema.properties && "id" in schema.properties;
  if ("dataSource" in input && !reference) return null;
  const noun = input.key.replace(/_ids?$/, "").replace(/^assignee_/, "");
  const key = "select" + noun.charAt(0).toUpperCase() + noun.slice(1);
  return state.manifest.dataSources.some((d) => d.key === key) ? key : null;
}

function selectEntry(entry, kind) {
  stopEvents();
  state.entry = entry;
  state.kind = kind;
  for (const button of document.querySelectorAll(".entry")) {
    button.classList.toggle("selected", button.dataset.key === entry.key);
  }
  $("intro").hidden = true;
  $("form").hidden = false;
  $("result").hidden = true;
  $("entry-label").textContent = entry.label;
  $("entry-key").textContent = entry.key;
  $("entry-description").textContent = entry.description || "";
  const schema = (entry.inputSchema && entry.inputSchema.properties) || {};
  // Required inputs first (each group keeps the documentation's order): what must be filled is at the top.
  const inputs = entry.inputs.filter((i) => i.type !== "connection");
  const ordered = [...inputs.filter((i) => i.required), ...inputs.filter((i) => !i.required)];
  state.fields = ordered.map((input) => makeField(input, schema[input.key] || {}));
  $("fields").replaceChildren(...state.fields.map((f) => f.node));
  $("run").hidden = kind !== "action";
  const modes = entry.modes || [];
  $("poll").hidden = kind !== "trigger";
  $("subscribe").hidden = !(kind === "trigger" && modes.includes("webhook"));
  $("unsubscribe").hidden = true;
  setStatus($("run-status"), "");
}

function makeField(input, schema) {
  const id = "in-" + input.key;
  const error = el("div", { class: "field-error", id: id + "-error", role: "alert" });
  const hints = [input.comments, input.default !== null && input.default !== undefined ? `Default: ${input.default}` : null]
    .filter(Boolean).join(" ");
  const field = { input, schema, error, node: null, read: null, control: null };
  const placeholder = input.example ? "e.g. " + input.example : (input.default ? input.default : "");
  const picklist = picklistFor(input, schema);
  const described = { id, "aria-describedby": id + "-error", name: input.key };
  let control;
  const choices = schema.enum || (schema.items && schema.items.enum);
  if (input.type === "boolean" || (choices && !input.collection)) {
    const options = input.type === "boolean" ? ["true", "false"] : choices;
    control = el("select", described, el("option", { value: "", text: input.required ? "Choose…" : "(not set)" }),
      ...options.map((o) => el("option", { value: String(o), text: String(o) })));
    if (input.default !== null && input.default !== undefined) control.value = String(input.default);
    field.read = () => control.value || undefined;
  } else if (input.type === "code") {
    control = el("textarea", { ...described, class: "code", rows: 5, spellcheck: "false",
      placeholder: input.example || codeExample(schema) });
    control.addEventListener("input", () => validateJson(field));
    field.read = () => readJson(field);
  } else if (input.collection) {
    const keyValue = input.collection === "keyvaluelist";
    control = el("textarea", { ...described, rows: 3, placeholder: keyValue ? "key: value (one per line)" : "one value per line" });
    field.read = () => {
      const lines = control.value.split("\n").map((l) => l.trim()).filter(Boolean);
      if (!lines.length) return undefined;
      return keyValue ? lines.map((l) => l.replace(/^([^:]+):\s*/, "$1:")) : lines;
    };
  } else {
    control = el("input", { ...described, type: input.type === "password" ? "password" : "text", autocomplete: "off",
      placeholder });
    field.read = () => control.value.trim() || undefined;
  }
  field.control = control;
  const picker = picklist ? makePicker(picklist, field) : null;
  field.node = el("div", { class: "field", "data-key": input.key },
    el("label", { for: picker ? id + "-search" : id }, input.label, input.required ? el("span", { class: "req", text: " *" }) : null,
      el("code", { class: "key", text: input.key })),
    picker, control, hints ? el("div", { class: "help", text: hints }) : null, error);
  // The dropdown sets a single value; a list keeps its editor visible and each pick adds a line.
  if (picker && input.type !== "code" && !input.collection) control.hidden = true;
  return field;
}

function codeExample(schema) {
  const example = schema.examples && schema.examples[0];
  if (example !== undefined) return JSON.stringify(example, null, 2);
  return schema.type === "array" ? "[ … ]" : "{ … }";
}

function validateJson(field) {
  const text = field.control.value.trim();
  if (!text) { showFieldError(field, ""); return true; }
  try {
    const value = JSON.parse(text);
    const expected = field.schema.type;
    if (expected === "object" && (typeof value !== "object" || value === null || Array.isArray(value))) {
      showFieldError(field, "Expected a JSON object { … }.");
      return false;
    }
    if (expected === "array" && !Array.isArray(value)) { showFieldError(field, "Expected a JSON array [ … ]."); return false; }
    showFieldError(field, "");
    return true;
  } catch (exc) {
    showFieldError(field, "Invalid JSON: " + exc.message);
    return false;
  }
}

function readJson(field) {
  const text = field.control.value.trim();
  if (!text) return undefined;
  if (!validateJson(field)) throw new FieldError(field);
  return JSON.parse(text);
}

class FieldError extends Error {
  constructor(field) { super(field.input.key); this.field = field; }
}

function showFieldError(field, message) {
  field.error.textContent = message;
  field.node.classList.toggle("invalid", Boolean(message));
  (field.control.hidden ? field.node.querySelector(".picker-input") : field.control)
    .setAttribute("aria-invalid", message ? "true" : "false");
}

// -- picklist dropdowns -----------------------------------------------------------------------

function makePicker(dataSource, field) {
  const id = "in-" + field.input.key;
  const search = el("input", { id: id + "-search", class: "picker-input", role: "combobox", autocomplete: "off",
    "aria-expanded": "false", "aria-controls": id + "-list", placeholder: `Type to search, or pick (${pickLabel(dataSource)})`,
    "data-source": dataSource });
  const list = el("ul", { id: id + "-list", class: "picker-list", role: "listbox", hidden: true });
  const status = el("div", { class: "picker-status" });
  const picker = { search, list, status, cursor: null, text: null, loading: false, request: 0 };
  const wrap = el("div", { class: "picker" }, search, list, status);
  let timer = null;
  const reload = () => { clearTimeout(timer); timer = setTimeout(() => loadOptions(picker, dataSource, field, false), 250); };
  search.addEventListener("input", () => {
    if (field.input.type !== "code" && !field.input.collection) {
      field.control.value = /^\d+$/.test(search.value.trim()) ? search.value.trim() : "";
    }
    picker.request += 1;  // options of the previous text are stale now
    list.replaceChildren();
    status.textContent = "Searching…";
    reload();
  });
  search.addEventListener("focus", () => { if (list.hidden) loadOptions(picker, dataSource, field, false); });
  search.addEventListener("keydown", (event) => {
    if (event.key === "Escape") closeList(picker);
    if (event.key === "ArrowDown") { event.preventDefault(); const first = list.querySelector("li[data-key]"); if (first) first.focus(); }
  });
  list.addEventListener("scroll", () => {
    if (picker.cursor && list.scrollTop + list.clientHeight >= list.scrollHeight - 24) loadOptions(picker, dataSource, field, true);
  });
  document.addEventListener("click", (event) => { if (!wrap.contains(event.target)) closeList(picker); });
  return wrap;
}

function pickLabel(dataSource) {
  const found = state.manifest.dataSources.find((d) => d.key === dataSource);
  return found ? found.label : dataSource;
}

function closeList(picker) {
  picker.list.hidden = true;
  picker.search.setAttribute("aria-expanded", "false");
}

async function loadOptions(picker, dataSource, field, more) {
  const connection = currentConnection();
  if (!connection) { picker.status.textContent = "Pick a connection first."; return; }
  if (more && (picker.loading || !picker.cursor)) return;
  const text = picker.search.value.trim();
  const number = ++picker.request;
  picker.loading = true;
  picker.status.textContent = "Loading…";
  const body = { connectionId: connection.id, limit: PAGE };
  if (text && !/^\d+$/.test(text)) body.search = text;
  if (more) body.cursor = picker.cursor;
  const answer = await api("POST", `/api/data-sources/${encodeURIComponent(dataSource)}`, body);
  if (number !== picker.request) return;  // a newer search replaced this one
  picker.loading = false;
  if (!answer.ok) { picker.status.textContent = errorText(answer.body, answer.status); return; }
  if (!more) picker.list.replaceChildren();
  for (const option of answer.body.result) {
    const item = el("li", { role: "option", tabindex: "-1", "data-key": option.key },
      el("span", { text: option.label }), el("small", { text: "#" + option.key }));
    item.addEventListener("click", () => choose(picker, field, option));
    item.addEventListener("keydown", (event) => {
      if (event.key === "Enter") { event.preventDefault(); choose(picker, field, option); }
      if (event.key === "ArrowDown" && item.nextElementSibling) item.nextElementSibling.focus();
      if (event.key === "ArrowUp") (item.previousElementSibling || picker.search).focus();
    });
    picker.list.append(item);
  }
  picker.cursor = answer.body.cursor;
  const count = picker.list.querySelectorAll("li[data-key]").length;
  picker.status.textContent = count ? (picker.cursor ? `${count} shown, scroll for more` : `${count} found`)
    : (picker.cursor ? "Searching further…" : "Nothing found");
  picker.list.hidden = false;
  picker.search.setAttribute("aria-expanded", "true");
  // A sparse search can answer an empty page with a cursor: keep reading until something fills the list.
  if (picker.cursor && picker.list.scrollHeight <= picker.list.clientHeight + 24 && count < PAGE * 3) {
    loadOptions(picker, dataSource, field, true);
  }
}

function choose(picker, field, option) {
  picker.search.value = option.label;
  if (field.input.type === "code") {
    let value = {};
    try { value = JSON.parse(field.control.value || "{}"); } catch (_) { value = {}; }
    if (typeof value !== "object" || value === null || Array.isArray(value)) value = {};
    value.id = /^\d+$/.test(option.key) ? Number(option.key) : option.key;
    field.control.value = JSON.stringify(value, null, 2);
    validateJson(field);
  } else if (field.input.collection) {
    const lines = field.control.value.split("\n").map((l) => l.trim()).filter(Boolean);
    if (!lines.includes(option.key)) lines.push(option.key);
    field.control.value = lines.join("\n");
    picker.search.value = "";
  } else {
    field.control.value = option.key;
  }
  showFieldError(field, "");
  picker.status.textContent = "";
  closeList(picker);
}

// -- running ----------------------------------------------------------------------------------

function collectInputs() {
  const inputs = {};
  let bad = null;
  for (const field of state.fields) {
    showFieldError(field, "");
    try {
      const value = field.read();
      if (value !== undefined) inputs[field.input.key] = value;
      else if (field.input.required) { showFieldError(field, `${field.input.label} is required.`); bad = bad || field; }
    } catch (exc) {
      if (!(exc instanceof FieldError)) throw exc;
      bad = bad || exc.field;
    }
  }
  if (bad) { focusField(bad); return null; }
  return inputs;
}

function focusField(field) {
  field.node.scrollIntoView({ block: "center" });
  (field.control.hidden ? field.node.querySelector(".picker-input") : field.control).focus();
}

async function run(event) {
  event.preventDefault();
  const connection = currentConnection();
  if (!connection) { setStatus($("run-status"), "Pick or add a connection first.", "bad"); return; }
  const inputs = collectInputs();
  if (!inputs) { setStatus($("run-status"), "Fix the highlighted input.", "bad"); return; }
  setStatus($("run-status"), "Running…");
  $("run").disabled = true;
  const started = performance.now();
  const answer = await api("POST", `/api/actions/${encodeURIComponent(state.entry.key)}`, { inputs, connectionId: connection.id });
  $("run").disabled = false;
  showAnswer(answer, started);
}

function showAnswer(answer, started) {
  $("result").hidden = false;
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  if (!answer.ok) {
    setStatus($("run-status"), `Failed (${answer.status}) in ${seconds} s`, "bad");
    $("error").textContent = errorText(answer.body, answer.status);
    $("error").hidden = false;
    $("table-wrap").hidden = true;
    $("json").textContent = JSON.stringify(answer.body, null, 2);
    const key = answer.body && answer.body.error && answer.body.error.key;
    const field = state.fields.find((f) => f.input.key === key);
    if (field) { showFieldError(field, answer.body.error.message); focusField(field); }
    return;
  }
  setStatus($("run-status"), `Done in ${seconds} s`, "good");
  $("error").hidden = true;
  $("json").textContent = JSON.stringify(answer.body, null, 2);
  renderTable(rowsOf(answer.body));
}

function rowsOf(body) {
  const data = body && body.data;
  if (Array.isArray(data)) return data;
  if (data && Array.isArray(data.data)) return data.data;  // a list envelope
  return null;
}

function renderTable(rows) {
  const wrap = $("table-wrap");
  if (!rows || !rows.length || typeof rows[0] !== "object") { wrap.hidden = true; return; }
  const columns = [];
  for (const row of rows.slice(0, 20)) {
    for (const [key, value] of Object.entries(row || {})) {
      if (!columns.includes(key) && (value === null || typeof value !== "object")) columns.push(key);
    }
  }
  // The columns a person scans first, then the others in the API's order.
  const first = ["id", "name", "subject", "title", "label", "email", "status", "type", "channel", "created_datetime"];
  const shown = [...first.filter((c) => columns.includes(c)), ...columns.filter((c) => !first.includes(c))].slice(0, 8);
  $("table").replaceChildren(
    el("thead", {}, el("tr", {}, ...shown.map((c) => el("th", { text: c })))),
    el("tbody", {}, ...rows.map((row) => el("tr", {}, ...shown.map((c) => {
      const value = row ? row[c] : null;
      return el("td", { text: value === null || value === undefined ? "" : String(value) });
    })))));
  wrap.hidden = false;
}

// -- triggers ---------------------------------------------------------------------------------

async function poll() {
  const connection = currentConnection();
  const inputs = collectInputs();
  if (!connection || !inputs) return;
  const key = state.entry.key;
  setStatus($("run-status"), "Polling…");
  const started = performance.now();
  const answer = await api("POST", `/api/triggers/${encodeURIComponent(key)}/poll`,
    { inputs, connectionId: connection.id, state: state.triggerState[key] || null });
  if (answer.ok) state.triggerState[key] = answer.body.state;
  showAnswer(answer, started);
}

async function subscribe() {
  const connection = currentConnection();
  const inputs = collectInputs();
  if (!connection || !inputs) return;
  const answer = await api("POST", `/api/triggers/${encodeURIComponent(state.entry.key)}/subscriptions`,
    { inputs, connectionId: connection.id });
  if (!answer.ok) { showAnswer(answer, performance.now()); return; }
  state.subscription = answer.body.id;
  $("subscribe").hidden = true;
  $("unsubscribe").hidden = false;
  setStatus($("run-status"), "Subscribed: items appear below as webhooks arrive.", "good");
  $("result").hidden = false;
  $("events").hidden = false;
  state.eventTimer = setInterval(fetchEvents, 2000);
}

async function unsubscribe() {
  if (!state.subscription) return;
  await api("DELETE", `/api/triggers/subscriptions/${encodeURIComponent(state.subscription)}`);
  stopEvents();
  $("subscribe").hidden = false;
  $("unsubscribe").hidden = true;
  setStatus($("run-status"), "Unsubscribed.");
}

function stopEvents() {
  clearInterval(state.eventTimer);
  state.eventTimer = null;
  state.subscription = null;
  $("events").hidden = true;
  $("event-list").replaceChildren();
}

async function fetchEvents() {
  const answer = await api("GET", `/api/triggers/${encodeURIComponent(state.entry.key)}/events?after=${state.eventsAfter}`);
  if (!answer.ok) return;
  for (const event of answer.body.data) {
    state.eventsAfter = Math.max(state.eventsAfter, event.id);
    $("event-list").prepend(el("li", {}, el("time", { text: new Date(event.receivedAt * 1000).toLocaleTimeString() }),
      el("pre", { text: JSON.stringify(event.item, null, 2) })));
  }
}

// -- start ------------------------------------------------------------------------------------

async function start() {
  const answer = await api("GET", "/api/manifest");
  if (!answer.ok) { document.body.prepend(el("div", { class: "error-box", text: errorText(answer.body, answer.status) })); return; }
  state.manifest = answer.body;
  document.title = `${state.manifest.label} playground`;
  $("title").textContent = `${state.manifest.label} playground`;
  const params = new URLSearchParams(window.location.search);
  await loadConnections(params.get("connection"));
  if (params.get("authorized")) {
    setStatus($("connection-status"), "Authorized: the token is stored (encrypted).", "good");
    window.history.replaceState(null, "", "/");
  }
  renderMenu();
  $("filter").addEventListener("input", renderMenu);
  $("connection").addEventListener("change", connectionChanged);
  $("add-connection").addEventListener("click", openConnectionDialog);
  $("connection-kind").addEventListener("change", renderConnectionFields);
  $("connection-form").addEventListener("submit", saveConnection);
  $("cancel-connection").addEventListener("click", () => $("connection-dialog").close());
  $("check-connection").addEventListener("click", checkConnection);
  $("authorize-connection").addEventListener("click", () => { const c = currentConnection(); if (c) authorizeConnection(c.id); });
  $("delete-connection").addEventListener("click", deleteConnection);
  $("form").addEventListener("submit", run);
  $("poll").addEventListener("click", poll);
  $("subscribe").addEventListener("click", subscribe);
  $("unsubscribe").addEventListener("click", unsubscribe);
  const wanted = params.get("action");
  const entry = wanted && state.manifest.actions.find((a) => a.key === wanted);
  if (entry) selectEntry(entry, "action");
}

start();
