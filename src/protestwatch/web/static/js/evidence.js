// Splitting an article's text at the evidence spans, so that each piece of text knows
// which fields were read from it. Offsets are Python's: code points, not UTF-16 units.

// [{text, fields: [...covering], starts: [...beginning here]}] in text order.
export function splitAtEvidence(text, spans) {
  const characters = Array.from(text);
  const valid = spans.filter((span) => span.start >= 0 && span.end > span.start && span.end <= characters.length);
  const cuts = new Set([0, characters.length]);
  for (const span of valid) { cuts.add(span.start); cuts.add(span.end); }
  const boundaries = [...cuts].sort((a, b) => a - b);
  const pieces = [];
  for (let index = 0; index < boundaries.length - 1; index += 1) {
    const [start, end] = [boundaries[index], boundaries[index + 1]];
    const covering = valid.filter((span) => span.start <= start && span.end >= end);
    pieces.push({
      text: characters.slice(start, end).join(""),
      fields: unique(covering.map((span) => span.field)),
      starts: unique(covering.filter((span) => span.start === start).map((span) => span.field)),
    });
  }
  return pieces;
}

function unique(items) {
  return [...new Set(items)];
}
