// How values of the event record read on the page.

// One colour per ACLED event type, shared by markers, clusters and the legend.
export const TYPE_COLOURS = {
  protest: "#2b83ba",
  riot: "#fdae61",
  violence_against_civilians: "#d7191c",
  strategic_development: "#7b3294",
  battles: "#1a9641",
  explosions_remote_violence: "#8c510a",
};
export const UNKNOWN_COLOUR = "#777777";

export function typeColour(eventType) {
  return TYPE_COLOURS[eventType] || UNKNOWN_COLOUR;
}

export function humanise(code) {
  return code ? String(code).replaceAll("_", " ") : "";
}

export function formatQuantity(quantity) {
  if (!quantity) return "";
  const { low, high } = quantity;
  if (low === high) return low === null || low === undefined ? quantity.text : low.toLocaleString("en");
  if (high === null || high === undefined) return `>${low.toLocaleString("en")}`;
  return `${low === null || low === undefined ? "?" : low.toLocaleString("en")}–${high.toLocaleString("en")}`;
}

// The number a marker is sized by: the largest reported figure, else the smallest.
export function crowdOf(event) {
  const crowd = event.crowd_size;
  if (!crowd) return null;
  return crowd.high ?? crowd.low ?? null;
}

export function formatDates(event) {
  return event.end_date && event.end_date !== event.date ? `${event.date} – ${event.end_date}` : event.date;
}

export function formatPlace(location) {
  return [location.name, location.place].filter((part, index, parts) => part && parts.indexOf(part) === index).join(", ");
}
