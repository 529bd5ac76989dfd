// The transcript's passages: the element and its cached text runs, finding a passage by index
// or offset, focus targets that survive a re-render, and the set-up each fresh transcript gets.

import { runsIn } from './offsets.js';

let cachedRuns = null;

export const transcript = () => document.getElementById('transcript');
export const documentId = () => transcript().dataset.document;
/** The revision of the text this page shows (refreshed with the transcript). */
export const documentRevision = () => Number(transcript().dataset.revision);
export const runs = () => {
  if (!cachedRuns) cachedRuns = runsIn(transcript());
  return cachedRuns;
};
export const segments = () => Array.from(transcript().querySelectorAll('section.segment'));

/** Labels chips and highlights and makes passages focusable; run on every new transcript. */
export function prepareTranscript() {
  cachedRuns = null;
  const root = transcript();
  const names = new Map();
  for (const chip of root.querySelectorAll('button.chip[data-coding]')) {
    names.set(chip.dataset.coding, chip.textContent);
    if (!chip.getAttribute('aria-label')) {
      chip.setAttribute('aria-label', `${chip.textContent}, coded by ${chip.dataset.coder || 'unknown'}`);
    }
  }
  for (const mark of root.querySelectorAll('mark.hl[data-coding]')) {
    const name = names.get(mark.dataset.coding);
    if (name && !mark.title) mark.title = name;
  }
  for (const segment of root.querySelectorAll('section.segment')) {
    segment.tabIndex = 0;
  }
}

export function segmentByIndex(index) {
  return transcript().querySelector(`section.segment[data-index="${CSS.escape(String(index))}"]`);
}

/** The segment holding scalar `offset`, or the nearest one before it. */
export function segmentAt(offset) {
  let best = null;
  for (const segment of segments()) {
    if (Number(segment.dataset.start) <= offset) best = segment;
    else break;
  }
  return best || segments()[0] || null;
}

export function focusSegment(segment, { scroll = true } = {}) {
  if (!segment) return;
  segment.focus({ preventScroll: !scroll });
  if (scroll) segment.scrollIntoView({ block: 'nearest' });
}

/** The element a saved focus target ({segment} | {chip} | {offset} | Element) now stands for. */
export function resolveFocusTarget(target) {
  if (!target) return null;
  if (target instanceof Element) return target.isConnected ? target : null;
  if (target.chip) {
    const chip = transcript().querySelector(`button.chip[data-coding="${CSS.escape(target.chip)}"]`);
    if (chip) return chip;
  }
  if (target.segment !== undefined) return segmentByIndex(target.segment);
  if (target.offset !== undefined) return segmentAt(target.offset);
  return null;
}
