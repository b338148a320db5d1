// The event page: the record's fields, and the article with each field's evidence
// highlighted and labelled (the label is drawn by CSS from data-label, so the article's
// text in the page stays exactly the article's text).
import { getJson } from "./api.js";
import { el, safeHref } from "./dom.js";
import { splitAtEvidence } from "./evidence.js";
import { formatDates, formatPlace, formatQuantity, humanise } from "./format.js";

// Evidence colours are CSS classes evidence-0 … evidence-(N-1), given out in field order.
const EVIDENCE_CLASS_COUNT = 10;

const status = document.getElementById("status");

function eventIdFromPath() {
  return decodeURIComponent(window.location.pathname.split("/").filter(Boolean).pop() || "");
}

function assignFieldClasses(evidence) {
  const classes = new Map();
  for (const span of evidence) {
    if (!classes.has(span.field)) classes.set(span.field, `evidence-${classes.size % EVIDENCE_CLASS_COUNT}`);
  }
  return classes;
}

function describeFields(event) {
  const actors = (role) => event.actors.filter((actor) => actor.role === role).map((actor) => actor.name).join("; ");
  return [
    ["event_type", "Type", `${humanise(event.event_type)}: ${humanise(event.sub_event_type)}`],
    ["date", "Date", `${formatDates(event)} (${event.date_precision})`],
    ["location", "Location", `${formatPlace(event.location)}, ${event.location.country} (${event.location.precision})`],
    ["crowd_size", "Crowd", formatQuantity(event.crowd_size)],
    ["arrests", "Arrests", formatQuantity(event.arrests)],
    ["injuries", "Injuries", formatQuantity(event.injuries)],
    ["fatalities", "Fatalities", formatQuantity(event.fatalities)],
    ["actors", "Initiators", actors("initiator")],
    ["actors", "Targets", actors("target")],
    ["demands", "Demands", event.demands.map(humanise).join("; ")],
    ["claims", "Claims", event.claims.join("; ")],
    ["state_responses", "State responses", event.state_responses.map(humanise).join("; ")],
    ["sources_cited", "Sources", event.sources_cited.join("; ")],
    ["confidence", "Confidence", event.confidence.toFixed(2)],
  ].filter(([, , value]) => value);
}

function showFields(event, classes) {
  const list = document.getElementById("event-fields");
  for (const [field, label, value] of describeFields(event)) {
    const term = el("dt", { text: label });
    if (classes.has(field)) term.append(el("span", { className: `field-key ${classes.get(field)}`, text: field }));
    list.append(term, el("dd", { text: value }));
  }
}

function showArticleText(article, evidence, classes) {
  const container = document.getElementById("article-text");
  for (const piece of splitAtEvidence(article.text, evidence)) {
    if (!piece.fields.length) {
      container.append(document.createTextNode(piece.text));
      continue;
    }
    const mark = el("mark", { className: `evidence ${classes.get(piece.fields[0])}`, text: piece.text,
                              attrs: { "data-fields": piece.fields.join(" "), title: piece.fields.join(", ") } });
    if (piece.starts.length) mark.dataset.label = piece.starts.join(", ");
    container.append(mark);
  }
}

function showArticle(article) {
  document.getElementById("article-title").textContent = article.title || article.id;
  const meta = document.getElementById("article-meta");
  const parts = [article.source, article.published && `published ${article.published}`].filter(Boolean);
  meta.append(document.createTextNode(parts.join(" · ")));
  const href = article.url && safeHref(article.url);
  if (href) meta.append(document.createTextNode(" · "), el("a", { text: "original", attrs: { href, rel: "noopener noreferrer" } }));
  else if (article.url) meta.append(document.createTextNode(` · ${article.url}`));
}

async function start() {
  const detail = await getJson(`/api/events/${encodeURIComponent(eventIdFromPath())}`);
  const { event, articles, evidence } = detail;
  const article = articles[0];
  const heading = `${humanise(event.sub_event_type)} in ${formatPlace(event.location)}, ${formatDates(event)}`;
  document.title = `protestwatch: ${heading}`;
  document.getElementById("event-heading").textContent = heading;
  document.getElementById("event-summary").textContent = event.summary;
  const spans = evidence.filter((span) => span.article_id === article.id);
  const classes = assignFieldClasses(spans);
  showFields(event, classes);
  showArticle(article);
  showArticleText(article, spans, classes);
  status.textContent = "";
  document.body.dataset.loaded = "true";
}

start().catch((error) => { status.textContent = `Could not load this event: ${error.message}`; });
