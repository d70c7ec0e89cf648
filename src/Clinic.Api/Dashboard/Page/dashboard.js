// The clinic dashboard: reads GET /api/dashboard with the user's token and shows it as tables and charts.
// Every number shown is an element with data-figure (its path in the API's answer, a JSON array: a rate list is
// entered by its key, an absent count reads 0) and data-value (the number as the API gave it).
"use strict";

const TOKEN_KEY = "clinic-dashboard-token";
const query = new URLSearchParams(location.search);
const clinic = query.get("clinic");

document.addEventListener("DOMContentLoaded", () => {
  document.getElementById("sign-in").addEventListener("submit", signIn);
  show();
});

/** Loads and shows the dashboard; whatever goes wrong (the API unreachable, a script error) is said on the page. */
function show() {
  load().catch(error => fail("The dashboard could not be shown: " + error.message));
}

async function load() {
  const token = sessionStorage.getItem(TOKEN_KEY) || await developmentToken();
  if (!token)
    return askForToken("Give a token to read the dashboard.");
  const response = await fetch("/api/dashboard" + (clinic ? "?clinic=" + encodeURIComponent(clinic) : ""),
    { headers: { Authorization: "Bearer " + token } });
  if (response.status === 401) {
    sessionStorage.removeItem(TOKEN_KEY);
    return askForToken("The token was refused (expired or not signed by this API's key).");
  }
  if (!response.ok)
    return fail(await problemText(response));
  render(await response.json());
}

/** In Development the API hands out an analyst token (404 elsewhere); the page then needs no sign-in. */
async function developmentToken() {
  const response = await fetch("/dashboard/dev-token" + (clinic ? "?clinic=" + encodeURIComponent(clinic) : ""));
  return response.ok ? (await response.json()).token : null;
}

function signIn(event) {
  event.preventDefault();
  sessionStorage.setItem(TOKEN_KEY, event.target.elements.token.value.trim());
  event.target.hidden = true;
  show();
}

function askForToken(message) {
  document.getElementById("sign-in").hidden = false;
  setState("signed-out", message);
}

async function problemText(response) {
  const problem = await response.json().catch(() => ({}));
  return `The dashboard could not be read: ${response.status} ${problem.code || ""} ${problem.detail || ""}`;
}

function fail(message) {
  setState("error", message);
}

function setState(state, message) {
  document.body.dataset.state = state;
  document.getElementById("status").textContent = message;
}

function render(dashboard) {
  const counts = dashboard.counts;
  document.getElementById("dashboard").hidden = false; // before drawing: a hidden canvas has no size to fit
  if (clinic) document.getElementById("clinic").textContent = "· " + clinic;
  tiles("totals", [
    ["Patients", ["counts", "patients"]],
    ["Sessions booked", ["counts", "sessions", "scheduled"]],
    ["Sessions performed", ["counts", "sessions", "performed"]],
    ["Cancelled", ["counts", "sessions", "cancelled"]],
    ["No-shows", ["counts", "sessions", "no-show"]],
    ["Serious side effects", ["counts", "seriousSideEffects"]],
  ], dashboard);
  showOverTime(counts);
  countTable("screening-outcomes", "Outcome", counts.screeningOutcomes, ["counts", "screeningOutcomes"]);
  countChart("screening-chart", "doughnut", counts.screeningOutcomes, "Patients screened");
  countTable("contraindications", "Reason", counts.contraindications, ["counts", "contraindications"]);
  countTable("sessions-by-product", "Product", counts.performedSessions.byProduct, ["counts", "performedSessions", "byProduct"]);
  countChart("product-chart", "bar", counts.performedSessions.byProduct, "Sessions performed");
  countTable("sessions-by-lot", "Lot", counts.performedSessions.byLot, ["counts", "performedSessions", "byLot"]);
  countChart("lot-chart", "bar", counts.performedSessions.byLot, "Sessions performed");
  rateTable("rates-by-product", "Product", dashboard.ratesByProduct, "ratesByProduct");
  rateTable("rates-by-lot", "Lot", dashboard.ratesByLot, "ratesByLot");
  rateTable("rates-by-area", "Area", dashboard.ratesByArea, "ratesByArea");
  rateTable("rates-by-practitioner", "Practitioner id", dashboard.ratesByPractitioner, "ratesByPractitioner");
  countChart("rate-chart", "bar", Object.fromEntries(dashboard.ratesByLot.map(rate => [rate.key, rate.sideEffectsPerSession])),
    "Side effects per session, by lot");
  showReports(dashboard);
  setState("ready", "Figures as the dashboard projection holds them (it follows the records within a second or so).");
}

function showOverTime(counts) {
  const months = [...new Set([...Object.keys(counts.patientsByMonth), ...Object.keys(counts.performedSessionsByMonth)])].sort();
  table("over-time", ["Month", "Patients registered", "Sessions performed"], months.map(month => [
    month,
    figure(["counts", "patientsByMonth", month], counts.patientsByMonth[month] ?? 0),
    figure(["counts", "performedSessionsByMonth", month], counts.performedSessionsByMonth[month] ?? 0),
  ]));
  chart("over-time-chart", "bar", months, [
    { label: "Patients registered", data: months.map(month => counts.patientsByMonth[month] ?? 0) },
    { label: "Sessions performed", data: months.map(month => counts.performedSessionsByMonth[month] ?? 0) },
  ]);
}

function showReports(dashboard) {
  const counts = dashboard.counts;
  tiles("reports", [
    ["Reports due (awaiting the regulator's notification)", ["counts", "reportsDue", "length"]],
    ["Regulator notifications recorded", ["counts", "regulatorNotifications"]],
    ["Reports that passed their deadline", ["counts", "overdueReports", "length"]],
  ], dashboard);
  const now = new Date();
  table("reports-due", ["Side effect", "Report due", "Status"], [...counts.reportsDue].sort((a, b) => a.dueAt.localeCompare(b.dueAt))
    .map(report => [report.sideEffectId, when(report.dueAt), new Date(report.dueAt) < now ? "overdue" : "due"]));
  table("overdue-reports", ["Side effect", "Report was due", "Escalated", "Since then"], counts.overdueReports.map(report => [
    report.sideEffectId, when(report.dueAt), when(report.escalatedAt),
    report.notifiedSince ? "regulator notified" : report.foundReportedInErrorSince ? "found reported in error" : "still due",
  ]));
}

function when(instant) {
  return new Date(instant).toLocaleString();
}

function tiles(id, entries, dashboard) {
  document.getElementById(id).replaceChildren(...entries.map(([label, path]) => {
    const tile = document.createElement("div");
    tile.append(cell("dt", label), cell("dd", figure(path, valueAt(dashboard, path))));
    return tile;
  }));
}

function countTable(id, keyLabel, counts, path) {
  table(id, [keyLabel, "Count"], Object.entries(counts).sort(([, a], [, b]) => b - a)
    .map(([key, count]) => [key, figure([...path, key], count)]));
}

function rateTable(id, keyLabel, rates, path) {
  table(id, [keyLabel, "Sessions", "Side effects", "Per session"], rates.map(rate => [
    rate.key,
    figure([path, rate.key, "performedSessions"], rate.performedSessions),
    figure([path, rate.key, "sideEffects"], rate.sideEffects),
    figure([path, rate.key, "sideEffectsPerSession"], rate.sideEffectsPerSession, percent),
  ]));
}

/** A table of rows whose cells are text or elements; "none" when there are no rows. */
function table(id, headings, rows) {
  const head = document.createElement("tr");
  head.append(...headings.map(text => cell("th", text)));
  const body = rows.length > 0 ? rows.map(row => {
    const line = document.createElement("tr");
    line.append(...row.map(value => cell("td", value)));
    return line;
  }) : [emptyRow(headings.length)];
  document.getElementById(id).replaceChildren(head, ...body);
}

function cell(tag, content) {
  const element = document.createElement(tag);
  element.append(content);
  return element;
}

function emptyRow(columns) {
  const row = document.createElement("tr");
  const none = cell("td", "none");
  none.colSpan = columns;
  row.append(none);
  return row;
}

function figure(path, value, format = String) {
  const element = document.createElement("span");
  element.dataset.figure = JSON.stringify(path);
  element.dataset.value = String(value);
  element.textContent = format(value);
  return element;
}

function percent(rate) {
  return (rate * 100).toFixed(1) + " %";
}

function valueAt(dashboard, path) {
  return path.reduce((node, key) => node?.[key], dashboard) ?? 0;
}

function countChart(id, type, counts, label) {
  chart(id, type, Object.keys(counts), [{ label, data: Object.values(counts) }]);
}

function chart(id, type, labels, datasets) {
  new Chart(document.getElementById(id), {
    type,
    data: { labels, datasets },
    options: { animation: false, maintainAspectRatio: false, plugins: { legend: { display: datasets.length > 1 || type !== "bar" } } },
  });
}
