// The Leaflet map: country shapes shipped with the app (no tile server), one marker per
// event sized by crowd and coloured by type, clustered.
import { el, eventPath, clear } from "./dom.js";
import { crowdOf, formatDates, formatPlace, formatQuantity, humanise, typeColour, TYPE_COLOURS } from "./format.js";

const COUNTRY_SHAPES_URL = "/static/vendor/world-atlas/countries-50m.json";
// Marker diameter in pixels: MIN for no reported crowd, growing with log10(crowd).
const MARKER_MIN_PX = 12;
const MARKER_PX_PER_DECADE = 5;
const CLUSTER_MIN_PX = 26;

export async function createMap(container) {
  const map = L.map(container, { worldCopyJump: true, minZoom: 1, maxZoom: 12, attributionControl: false })
    .setView([15, 10], 2);
  const shapes = await fetch(COUNTRY_SHAPES_URL).then((response) => response.json());
  L.geoJSON(topojson.feature(shapes, shapes.objects.countries), {
    style: { color: "#9a9a8a", weight: 0.6, fillColor: "#ecebe3", fillOpacity: 1 },
    interactive: false,
  }).addTo(map);
  const clusters = L.markerClusterGroup({ iconCreateFunction: createClusterIcon, showCoverageOnHover: false, maxClusterRadius: 40 });
  clusters.addTo(map);
  return { map, clusters };
}

export function showEvents({ map, clusters }, events) {
  clusters.clearLayers();
  const markers = events.map(createMarker);
  clusters.addLayers(markers);
  if (markers.length) map.fitBounds(L.latLngBounds(markers.map((marker) => marker.getLatLng())).pad(0.3), { maxZoom: 6 });
}

function markerSize(crowd) {
  return crowd ? Math.round(MARKER_MIN_PX + MARKER_PX_PER_DECADE * Math.log10(Math.max(crowd, 1))) : MARKER_MIN_PX;
}

function createMarker(event) {
  const size = markerSize(crowdOf(event));
  const dot = el("div", { className: `event-dot${crowdOf(event) ? "" : " no-crowd"}`, attrs: { "data-event-id": event.id } });
  dot.style.backgroundColor = typeColour(event.event_type);
  const icon = L.divIcon({ html: dot, className: "event-marker", iconSize: [size, size] });
  const marker = L.marker([event.location.lat, event.location.lon], { icon, title: `${event.date} ${humanise(event.sub_event_type)}`, keyboard: true });
  marker.pwEvent = event;
  marker.bindPopup(() => createPopup(event));
  return marker;
}

function createPopup(event) {
  const crowd = formatQuantity(event.crowd_size);
  return el("div", { className: "event-popup" }, [
    el("strong", { text: `${humanise(event.event_type)}: ${humanise(event.sub_event_type)}` }),
    el("div", { text: `${formatDates(event)} · ${formatPlace(event.location)}, ${event.location.country_code}` }),
    crowd ? el("div", { text: `crowd ${crowd}` }) : null,
    event.title ? el("div", { className: "popup-title", text: event.title }) : null,
    el("a", { className: "popup-link", text: "Event and evidence →", attrs: { href: eventPath(event.id) } }),
  ]);
}

// A cluster's size follows the total crowd of its events, its colour their commonest type.
function createClusterIcon(cluster) {
  const events = cluster.getAllChildMarkers().map((marker) => marker.pwEvent);
  const crowd = events.reduce((sum, event) => sum + (crowdOf(event) || 0), 0);
  const size = Math.max(CLUSTER_MIN_PX, markerSize(crowd) + 8);
  const badge = el("div", { className: "cluster-badge", text: events.length });
  badge.style.backgroundColor = typeColour(commonestType(events));
  badge.style.lineHeight = `${size}px`;
  return L.divIcon({ html: badge, className: "event-cluster", iconSize: [size, size] });
}

function commonestType(events) {
  const counts = new Map();
  for (const event of events) counts.set(event.event_type, (counts.get(event.event_type) || 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
}

export function drawLegend(container) {
  clear(container);
  container.append(el("h2", { text: "Type" }));
  for (const [eventType, colour] of Object.entries(TYPE_COLOURS)) {
    const swatch = el("span", { className: "swatch" });
    swatch.style.backgroundColor = colour;
    container.append(el("div", { className: "legend-row" }, [swatch, el("span", { text: humanise(eventType) })]));
  }
  container.append(el("p", { className: "legend-note", text: "Marker size: reported crowd (dashed: none reported)." }));
}
