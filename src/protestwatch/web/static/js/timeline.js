// Events per day as bars, with a brush: dragging across the bars chooses a date range.
const HEIGHT = 130;
const MARGIN = { top: 8, right: 16, bottom: 24, left: 36 };
const DAY_MS = 86400000;
// A short range is widened to this many days, so that a single day is a bar, not the axis.
const MIN_DAYS_SHOWN = 14;

export function parseDay(text) {
  return new Date(`${text}T00:00:00Z`);
}

export function formatDay(date) {
  return date.toISOString().slice(0, 10);
}

// ``onBrush([since, until])`` or ``onBrush(null)`` when the selection is cleared.
export function drawTimeline(container, byDay, selection, onBrush) {
  d3.select(container).selectAll("*").remove();
  const width = Math.max(container.clientWidth, 300);
  const svg = d3.select(container).append("svg")
    .attr("width", width).attr("height", HEIGHT).attr("role", "img").attr("aria-label", "events per day");
  if (!byDay.length) {
    svg.append("text").attr("x", MARGIN.left).attr("y", HEIGHT / 2).text("No events for these filters.");
    return;
  }
  const [first, last] = widen(parseDay(byDay[0].date), new Date(parseDay(byDay[byDay.length - 1].date).getTime() + DAY_MS));
  const maxCount = d3.max(byDay, (day) => day.count);
  const x = d3.scaleUtc().domain([first, last]).range([MARGIN.left, width - MARGIN.right]);
  const y = d3.scaleLinear().domain([0, maxCount]).nice().range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const barWidth = Math.max(1, x(new Date(first.getTime() + DAY_MS)) - x(first) - 1);

  svg.append("g").attr("class", "bars").selectAll("rect").data(byDay).join("rect")
    .attr("x", (day) => x(parseDay(day.date))).attr("width", barWidth)
    .attr("y", (day) => y(day.count)).attr("height", (day) => y(0) - y(day.count))
    .append("title").text((day) => `${day.date}: ${day.count}`);
  svg.append("g").attr("transform", `translate(0,${HEIGHT - MARGIN.bottom})`).call(d3.axisBottom(x).ticks(width / 90));
  svg.append("g").attr("transform", `translate(${MARGIN.left},0)`).call(d3.axisLeft(y).ticks(Math.min(3, maxCount)).tickFormat(d3.format("d")));

  const brush = d3.brushX()
    .extent([[MARGIN.left, MARGIN.top], [width - MARGIN.right, HEIGHT - MARGIN.bottom]])
    .on("end", (event) => {
      if (!event.sourceEvent) return; // moved by code, not by the user
      onBrush(event.selection ? toDayRange(event.selection.map(x.invert)) : null);
    });
  const brushGroup = svg.append("g").attr("class", "brush").call(brush);
  if (selection) brushGroup.call(brush.move, [x(parseDay(selection[0])), x(new Date(parseDay(selection[1]).getTime() + DAY_MS))].map((px) => clamp(px, x.range())));
}

function widen(first, last) {
  const missing = MIN_DAYS_SHOWN * DAY_MS - (last - first);
  if (missing <= 0) return [first, last];
  const before = Math.floor(missing / DAY_MS / 2) * DAY_MS;
  return [new Date(first.getTime() - before), new Date(last.getTime() + missing - before)];
}

function toDayRange([start, end]) {
  const since = new Date(Math.floor(start.getTime() / DAY_MS) * DAY_MS);
  const until = new Date(Math.max(since.getTime(), Math.ceil(end.getTime() / DAY_MS) * DAY_MS - DAY_MS));
  return [formatDay(since), formatDay(until)];
}

function clamp(value, [low, high]) {
  return Math.min(Math.max(value, low), high);
}
