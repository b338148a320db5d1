// The map page: filters → map, table and timeline. The timeline shows every date for the
// other filters; brushing it sets the date filters, which the map and the table follow.
import { getJson } from "./api.js";
import { el } from "./dom.js";
import { humanise } from "./format.js";
import { createMap, drawLegend, showEvents } from "./map.js";
import { fillTable } from "./table.js";
import { drawTimeline } from "./timeline.js";

// The most events one page load draws; the summary says when there are more.
const MAX_EVENTS_SHOWN = 5000;

const form = document.getElementById("filters");
const inputs = {
  country: document.getElementById("filter-country"),
  type: document.getElementById("filter-type"),
  since: document.getElementById("filter-since"),
  until: document.getElementById("filter-until"),
  q: document.getElementById("filter-q"),
};
const summary = document.getElementById("summary");
const timeline = document.getElementById("timeline");
const tableBody = document.querySelector("#events-table tbody");

function readFilters() {
  return Object.fromEntries(Object.entries(inputs).map(([name, input]) => [name, input.value.trim()]));
}

function withoutDates(filters) {
  const { since, until, ...rest } = filters;
  return rest;
}

async function fillChoices() {
  const stats = await getJson("/api/stats");
  for (const row of stats.by_country) inputs.country.append(el("option", { text: `${row.country} (${row.count})`, attrs: { value: row.country_code } }));
  for (const row of stats.by_type) inputs.type.append(el("option", { text: `${humanise(row.event_type)} (${row.count})`, attrs: { value: row.event_type } }));
}

async function refreshTimeline() {
  const filters = readFilters();
  const stats = await getJson("/api/stats", withoutDates(filters));
  const selection = filters.since && filters.until ? [filters.since, filters.until] : null;
  drawTimeline(timeline, stats.by_day, selection, (range) => {
    [inputs.since.value, inputs.until.value] = range || ["", ""];
    refreshEvents();
  });
}

let mapView;
let requestNumber = 0;

async function refreshEvents() {
  const thisRequest = ++requestNumber;
  summary.textContent = "Loading events…";
  const collection = await getJson("/api/events", { ...readFilters(), format: "geojson", limit: MAX_EVENTS_SHOWN });
  if (thisRequest !== requestNumber) return; // a newer request is under way
  const events = collection.features.map((feature) => feature.properties);
  showEvents(mapView, events);
  fillTable(tableBody, events);
  summary.textContent = collection.total > events.length
    ? `${collection.total} events; the first ${events.length} are shown.`
    : `${collection.total} event${collection.total === 1 ? "" : "s"}.`;
  document.body.dataset.loaded = "true";
}

function refreshAll() {
  return Promise.all([refreshTimeline(), refreshEvents()]);
}

function showError(error) {
  summary.textContent = `Could not load events: ${error.message}`;
}

async function start() {
  drawLegend(document.getElementById("legend"));
  mapView = await createMap(document.getElementById("map"));
  await fillChoices();
  form.addEventListener("change", () => refreshAll().catch(showError));
  form.addEventListener("submit", (event) => { event.preventDefault(); refreshAll().catch(showError); });
  form.addEventListener("reset", () => setTimeout(() => refreshAll().catch(showError)));
  await refreshAll();
}

start().catch(showError);
