// Offsets: DOM selections <-> the server's scalar offsets.
//
// The server counts Unicode scalar values (code points) from 0, end exclusive; the DOM counts
// UTF-16 code units. The transcript contract: every `span.run` holds exactly one text node
// whose text is the document's plain text from scalar offset `data-s` on. These functions have
// no side effects: they read the DOM they are given and return numbers, spans or Ranges.

const TEXT_NODE = 3;

const isHigh = (code) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code) => code >= 0xdc00 && code <= 0xdfff;

/** Number of code points in `text` (never `.length`, which counts UTF-16 units). */
export function scalarLength(text) {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

/**
 * Code points before UTF-16 index `index` of `text`. A boundary that falls inside a surrogate
 * pair (only programmatic selections can do that) rounds down for a start and up for an end,
 * so a half character is never silently lost or invented.
 */
export function scalarsBefore(text, index, bias = 'start') {
  let cut = Math.max(0, Math.min(index, text.length));
  if (cut > 0 && cut < text.length && isHigh(text.charCodeAt(cut - 1)) && isLow(text.charCodeAt(cut))) {
    cut += bias === 'end' ? 1 : -1;
  }
  return scalarLength(text.slice(0, cut));
}

/** UTF-16 index of code point number `scalar` in `text` (clamped to the text's end). */
export function utf16Index(text, scalar) {
  let units = 0;
  let count = 0;
  for (const ch of text) {
    if (count >= scalar) return units;
    units += ch.length;
    count += 1;
  }
  return units;
}

/** The code points of `text` from scalar `from` to scalar `to` (exclusive). */
export function sliceScalars(text, from, to) {
  return text.slice(utf16Index(text, from), utf16Index(text, to));
}

/** The `span.run` that is `node` or holds it, or null. */
export function runOf(node) {
  const element = node && node.nodeType === TEXT_NODE ? node.parentElement : node;
  const run = element && element.closest ? element.closest('span.run') : null;
  return run && run.hasAttribute('data-s') ? run : null;
}

export function runStart(run) {
  return Number(run.getAttribute('data-s'));
}

/** Scalar length of a run's text, cached on the element (runs never change once rendered). */
export function runLength(run) {
  if (run.fwLength === undefined) run.fwLength = scalarLength(run.textContent);
  return run.fwLength;
}

export function runEnd(run) {
  return runStart(run) + runLength(run);
}

/** Every run under `root`, in document order (which is offset order). */
export function runsIn(root) {
  return Array.from(root.querySelectorAll('span.run[data-s]'));
}

function comparePointToRun(run, node, offset) {
  const range = run.ownerDocument.createRange();
  range.selectNodeContents(run);
  try {
    return range.comparePoint(node, offset); // -1 before, 0 inside, 1 after
  } catch {
    return NaN;
  }
}

/**
 * Scalar offset of the DOM boundary point (node, offset).
 *
 * Inside a run the offset is exact. Elsewhere (a speaker label, a heading, the margin, a gap
 * between elements) the point snaps to the nearest run boundary on the inside of a selection:
 * `bias: 'start'` takes the start of the first run at or after the point, `bias: 'end'` the end
 * of the last run at or before it. Returns null when there is no such run.
 */
export function pointToOffset(node, offset, bias, runs) {
  const run = runOf(node);
  if (run) {
    const text = run.textContent;
    let index;
    if (node.nodeType === TEXT_NODE) index = offset;
    else if (node === run) index = offset === 0 ? 0 : text.length;
    else index = bias === 'start' ? 0 : text.length; // an element inside a run (not expected)
    return runStart(run) + scalarsBefore(text, index, bias);
  }
  if (!runs.length) return null;
  // Binary search: runs are in document order, so "the point is before this run" is monotonic.
  let low = 0;
  let high = runs.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (comparePointToRun(runs[middle], node, offset) < 0) high = middle;
    else low = middle + 1;
  }
  if (bias === 'start') return low < runs.length ? runStart(runs[low]) : null;
  return low > 0 ? runEnd(runs[low - 1]) : null;
}

/** Index of the run that holds scalar `offset` (start <= offset < end), or -1. */
export function runIndexAt(runs, offset) {
  let low = 0;
  let high = runs.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const run = runs[middle];
    if (offset < runStart(run)) high = middle - 1;
    else if (offset >= runEnd(run)) low = middle + 1;
    else return middle;
  }
  return -1;
}

/** First run starting at or after `offset` (index), or runs.length. */
function runIndexFrom(runs, offset) {
  let low = 0;
  let high = runs.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (runStart(runs[middle]) < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

function charAt(runs, offset) {
  const index = runIndexAt(runs, offset);
  if (index < 0) return null;
  const run = runs[index];
  const text = run.textContent;
  const from = utf16Index(text, offset - runStart(run));
  return String.fromCodePoint(text.codePointAt(from));
}

const SPACE = /^\s$/u;

/**
 * Trims white space (and the gaps between segments, which no run shows) from both ends of a
 * span. Returns null when nothing but white space is left.
 */
export function trimSpan(runs, start, end) {
  let from = start;
  let to = end;
  while (from < to) {
    const ch = charAt(runs, from);
    if (ch === null) {
      const next = runIndexFrom(runs, from + 1);
      if (next >= runs.length) return null;
      from = runStart(runs[next]);
    } else if (SPACE.test(ch)) {
      from += 1;
    } else break;
  }
  while (to > from) {
    const ch = charAt(runs, to - 1);
    if (ch === null) {
      const index = runIndexFrom(runs, to) - 1; // runs starting before `to`
      let previous = index;
      while (previous >= 0 && runEnd(runs[previous]) > to - 1) previous -= 1;
      if (previous < 0) return null;
      to = runEnd(runs[previous]);
    } else if (SPACE.test(ch)) {
      to -= 1;
    } else break;
  }
  return to > from ? { start: from, end: to } : null;
}

/**
 * The scalar span {start, end} of a DOM Range inside `root`, trimmed of surrounding white
 * space, or null when the range is empty, outside the transcript or covers no text.
 */
export function rangeToSpan(root, range, runs = runsIn(root)) {
  if (!range || range.collapsed || !runs.length) return null;
  const doc = root.ownerDocument;
  const whole = doc.createRange();
  whole.selectNodeContents(root);
  let startNode = range.startContainer;
  let startOffset = range.startOffset;
  let endNode = range.endContainer;
  let endOffset = range.endOffset;
  try {
    if (whole.comparePoint(endNode, endOffset) < 0 || whole.comparePoint(startNode, startOffset) > 0) return null;
    if (whole.comparePoint(startNode, startOffset) < 0) [startNode, startOffset] = [root, 0];
    if (whole.comparePoint(endNode, endOffset) > 0) [endNode, endOffset] = [root, root.childNodes.length];
  } catch {
    return null; // a point in another document
  }
  const start = pointToOffset(startNode, startOffset, 'start', runs);
  const end = pointToOffset(endNode, endOffset, 'end', runs);
  if (start === null || end === null || end <= start) return null;
  return trimSpan(runs, start, end);
}

/** The span of the current selection inside `root`, or null. */
export function selectionToSpan(root, selection, runs) {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  return rangeToSpan(root, selection.getRangeAt(0), runs);
}

/** A DOM Range covering the scalar span [start, end) of the runs, or null. */
export function spanToRange(runs, start, end) {
  if (!runs.length || end <= start) return null;
  let first = runIndexAt(runs, start);
  if (first < 0) {
    first = runIndexFrom(runs, start);
    if (first >= runs.length) return null;
    start = runStart(runs[first]);
  }
  let last = runIndexAt(runs, end - 1);
  if (last < 0) {
    last = runIndexFrom(runs, end) - 1;
    while (last >= 0 && runEnd(runs[last]) > end) last -= 1;
    if (last < 0) return null;
    end = runEnd(runs[last]);
  }
  if (end <= start) return null;
  const startRun = runs[first];
  const endRun = runs[last];
  const startText = startRun.firstChild;
  const endText = endRun.firstChild;
  if (!startText || !endText) return null;
  const range = startRun.ownerDocument.createRange();
  range.setStart(startText, utf16Index(startText.data, start - runStart(startRun)));
  range.setEnd(endText, utf16Index(endText.data, end - runStart(endRun)));
  return range;
}

/**
 * The text of [start, end) as the runs show it. Gaps that no run shows (between segments)
 * become a line break: this is for previews, the server keeps the exact quote.
 */
export function spanText(runs, start, end) {
  let text = '';
  let cursor = start;
  for (let index = Math.max(0, runIndexFrom(runs, start) - 1); index < runs.length; index += 1) {
    const run = runs[index];
    const s = runStart(run);
    if (s >= end) break;
    const e = runEnd(run);
    if (e <= start) continue;
    if (s > cursor) text += '\n';
    const from = Math.max(start, s) - s;
    const to = Math.min(end, e) - s;
    text += sliceScalars(run.textContent, from, to);
    cursor = Math.min(end, e);
  }
  return text;
}

/** The text of one segment element and its scalar start (its runs are contiguous). */
export function segmentText(segment) {
  const runs = runsIn(segment);
  if (!runs.length) return { start: Number(segment.getAttribute('data-start')), text: '' };
  return { start: runStart(runs[0]), text: runs.map((run) => run.textContent).join('') };
}

// ---------------------------------------------------------------------------- text units

function segmenter(granularity) {
  try {
    return typeof Intl !== 'undefined' && Intl.Segmenter ? new Intl.Segmenter(undefined, { granularity }) : null;
  } catch {
    return null;
  }
}

/**
 * Sentences of `text` as scalar spans relative to the text, trimmed, without empty ones.
 * Paragraph breaks always end a sentence.
 */
export function sentenceSpans(text) {
  const spans = [];
  const pieces = [];
  const tool = segmenter('sentence');
  let cursor = 0;
  for (const paragraph of text.split(/(\n+)/)) {
    if (paragraph && !/^\n+$/.test(paragraph)) {
      if (tool) {
        for (const part of tool.segment(paragraph)) pieces.push([cursor + part.index, cursor + part.index + part.segment.length]);
      } else {
        const pattern = /[^.!?…]*(?:[.!?…]+["”’)\]]*\s*|$)/gu;
        let match;
        while ((match = pattern.exec(paragraph)) && match[0]) {
          pieces.push([cursor + match.index, cursor + match.index + match[0].length]);
        }
      }
    }
    cursor += paragraph.length;
  }
  for (const [from, to] of pieces) {
    const chunk = text.slice(from, to);
    const lead = chunk.length - chunk.trimStart().length;
    const trail = chunk.length - chunk.trimEnd().length;
    if (from + lead >= to - trail) continue;
    spans.push({
      start: scalarLength(text.slice(0, from + lead)),
      end: scalarLength(text.slice(0, to - trail)),
    });
  }
  return spans;
}

/** Word spans of `text` (scalar offsets relative to the text). */
export function wordSpans(text) {
  const spans = [];
  const tool = segmenter('word');
  if (tool) {
    for (const part of tool.segment(text)) {
      if (part.isWordLike === false && !/[^\s\p{P}]/u.test(part.segment)) continue;
      if (!part.segment.trim()) continue;
      const from = scalarLength(text.slice(0, part.index));
      spans.push({ start: from, end: from + scalarLength(part.segment) });
    }
    return spans;
  }
  const pattern = /[^\s]+/gu;
  let match;
  while ((match = pattern.exec(text))) {
    const from = scalarLength(text.slice(0, match.index));
    spans.push({ start: from, end: from + scalarLength(match[0]) });
  }
  return spans;
}
