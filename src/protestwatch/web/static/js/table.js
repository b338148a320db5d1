// The table view of the events the map shows.
import { clear, el, eventPath } from "./dom.js";
import { formatDates, formatPlace, formatQuantity, humanise } from "./format.js";

export function fillTable(tbody, events) {
  clear(tbody);
  for (const event of events) {
    const link = el("a", { text: event.title || event.article_id, attrs: { href: eventPath(event.id) } });
    tbody.append(el("tr", { attrs: { "data-event-id": event.id } }, [
      el("td", { text: formatDates(event) }),
      el("td", { text: formatPlace(event.location) }),
      el("td", { text: event.location.country }),
      el("td", { text: `${humanise(event.event_type)}: ${humanise(event.sub_event_type)}` }),
      el("td", { className: "number", text: formatQuantity(event.crowd_size) }),
      el("td", { className: "number", text: formatQuantity(event.arrests) }),
      el("td", { className: "number", text: formatQuantity(event.fatalities) }),
      el("td", {}, [link]),
    ]));
  }
}
