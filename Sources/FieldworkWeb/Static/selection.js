// Text selections as scalar spans: reading and setting the window's selection, the pending
// highlight on the passage being coded, and comparing spans.

import { selectionToSpan, spanToRange, segmentText } from './offsets.js';
import { transcript, runs } from './transcript.js';

const HIGHLIGHT = 'fw-pending';

export const currentSpan = () => selectionToSpan(transcript(), window.getSelection(), runs());

export function selectSpan(span) {
  const range = spanToRange(runs(), span.start, span.end);
  if (!range) return;
  const selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
}

export function showPending(span) {
  if (!window.CSS || !CSS.highlights || typeof Highlight === 'undefined') return;
  const range = spanToRange(runs(), span.start, span.end);
  if (range) CSS.highlights.set(HIGHLIGHT, new Highlight(range));
}

export function clearPending() {
  if (window.CSS && CSS.highlights) CSS.highlights.delete(HIGHLIGHT);
}

export const segmentSpan = (segment) => {
  const { start, text } = segmentText(segment);
  return { start, end: start + Array.from(text).length };
};

export const overlaps = (a, b) => a.start < b.end && b.start < a.end;

export const sameSpan = (a, b) => Boolean(a && b && a.start === b.start && a.end === b.end);
