// Keyboard selection and navigation on the transcript: J/K and arrows between passages,
// Enter or C to code, S/E/A to select sentences or the passage, Shift+←/→ and [ ] to adjust
// the selection by words, Esc to clear it, M to the document memo.

import { spanText, segmentText, sentenceSpans, wordSpans } from './offsets.js';
import { announce, truncate, isEditable } from './ui.js';
import { panel, banner, confirmButton, state } from './workbench.js';
import { runs, segments, segmentAt, focusSegment } from './transcript.js';
import { currentSpan, selectSpan, segmentSpan, overlaps, sameSpan } from './selection.js';
import { escapePanel } from './panel.js';
import { codeCurrent } from './code-passage.js';
import { setReattachSpan } from './reattach.js';
import { t, tn, dateTime } from './i18n.js';

/** Selects `span` for the keyboard commands and reads it out (`message` leads). */
function keyboardSelect(span, message) {
  selectSpan(span);
  state.keyboardSpan = span;
  if (banner) setReattachSpan(span);
  const text = spanText(runs(), span.start, span.end);
  announce(`${message || t('keyboard.selected')}: ${truncate(text, 160)}`, { timeout: 4000 });
}

/** Absolute word spans of the segments around `offset` (the one holding it and its neighbours). */
function wordsNear(offset) {
  const all = segments();
  const index = all.indexOf(segmentAt(offset));
  const words = [];
  for (const segment of all.slice(Math.max(0, index - 1), index + 2)) {
    const { start, text } = segmentText(segment);
    for (const word of wordSpans(text)) words.push({ start: start + word.start, end: start + word.end });
  }
  return words;
}

/** Absolute sentence spans of the segment holding `offset` and the next one. */
function sentencesFrom(offset) {
  const all = segments();
  const index = all.indexOf(segmentAt(offset));
  const sentences = [];
  for (const segment of all.slice(Math.max(0, index), index + 2)) {
    const { start, text } = segmentText(segment);
    for (const sentence of sentenceSpans(text)) sentences.push({ start: start + sentence.start, end: start + sentence.end });
  }
  return sentences;
}

function adjustSpan(span, edge, direction) {
  if (edge === 'end') {
    const words = wordsNear(span.end);
    const candidates = direction > 0
      ? words.filter((w) => w.end > span.end)
      : words.filter((w) => w.end < span.end && w.end > span.start).reverse();
    return candidates.length ? { start: span.start, end: candidates[0].end } : span;
  }
  const words = wordsNear(span.start);
  const candidates = direction < 0
    ? words.filter((w) => w.start < span.start).reverse()
    : words.filter((w) => w.start > span.start && w.start < span.end);
  return candidates.length ? { start: candidates[0].start, end: span.end } : span;
}

function selectSentence(segment, direction) {
  const { start, text } = segmentText(segment);
  const sentences = sentenceSpans(text).map((s) => ({ start: start + s.start, end: start + s.end }));
  if (!sentences.length) return;
  const current = currentSpan();
  let index;
  if (current && current.start >= start && current.end <= start + Array.from(text).length) {
    index = direction > 0
      ? sentences.findIndex((s) => s.start >= current.end)
      : sentences.map((s) => s.end <= current.start).lastIndexOf(true);
    if (index < 0) index = direction > 0 ? 0 : sentences.length - 1;
  } else {
    index = direction > 0 ? 0 : sentences.length - 1;
  }
  keyboardSelect(sentences[index], t('keyboard.sentence', { index: index + 1, total: sentences.length }));
}

/** The passage `direction` steps from the focused one; unfocused: the first one in view. */
function neighbour(direction) {
  const all = segments();
  const focused = document.activeElement && document.activeElement.closest && document.activeElement.closest('section.segment');
  let index = focused ? all.indexOf(focused) : -1;
  if (index < 0) {
    // Start from the passage at the top of the window.
    index = all.findIndex((segment) => segment.getBoundingClientRect().bottom > 80);
    if (index < 0) index = 0;
    return all[index];
  }
  return all[Math.max(0, Math.min(all.length - 1, index + direction))];
}

/** Run once: the transcript's keyboard commands. */
export function initKeyboard() {
  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.isComposing) return;
    const target = event.target;
    if (isEditable(target) || (target instanceof Element && (target.closest('dialog') || panel.contains(target)))) return;
    const segment = target instanceof Element ? target.closest('#transcript section.segment') : null;
    const onSegment = segment && target === segment;
    const plain = !event.ctrlKey && !event.metaKey && !event.altKey;
    const key = event.key;

    if (plain && !event.shiftKey && (key === 'j' || key === 'k')) {
      focusSegment(neighbour(key === 'j' ? 1 : -1));
    } else if (onSegment && plain && !event.shiftKey && (key === 'ArrowDown' || key === 'ArrowUp')) {
      focusSegment(neighbour(key === 'ArrowDown' ? 1 : -1));
    } else if (onSegment && plain && (key === 'Home' || key === 'End')) {
      const all = segments();
      focusSegment(key === 'Home' ? all[0] : all[all.length - 1]);
    } else if (plain && !event.shiftKey && key === 'c') {
      codeCurrent(onSegment ? segment : null);
    } else if (onSegment && plain && !event.shiftKey && key === 'Enter') {
      if (banner && confirmButton) {
        let span = currentSpan();
        if (span && !overlaps(span, segmentSpan(segment))) span = null;
        if (!span) {
          span = segmentSpan(segment);
          keyboardSelect(span, t('keyboard.wholePassage'));
        }
        setReattachSpan(span);
        confirmButton.focus();
      } else {
        codeCurrent(segment);
      }
    } else if (onSegment && plain && (key === 's' || key === 'S')) {
      selectSentence(segment, event.shiftKey ? -1 : 1);
    } else if (onSegment && plain && !event.shiftKey && key === 'e') {
      const span = currentSpan();
      if (!span) {
        selectSentence(segment, 1);
      } else {
        const next = sentencesFrom(span.end - 1).find((sentence) => sentence.end > span.end);
        if (next) keyboardSelect({ start: span.start, end: next.end }, t('keyboard.extended'));
      }
    } else if (onSegment && plain && key === 'a') {
      keyboardSelect(segmentSpan(segment), t('keyboard.wholePassage'));
    } else if (onSegment && !event.ctrlKey && !event.metaKey && !event.altKey && event.shiftKey && (key === 'ArrowRight' || key === 'ArrowLeft')) {
      const span = currentSpan();
      if (!span || !sameSpan(span, state.keyboardSpan)) return; // native (caret browsing) selection
      keyboardSelect(adjustSpan(span, 'end', key === 'ArrowRight' ? 1 : -1));
    } else if (onSegment && plain && (key === '[' || key === ']')) {
      const span = currentSpan();
      if (!span) return;
      keyboardSelect(adjustSpan(span, 'start', key === ']' ? 1 : -1));
    } else if (plain && key === 'Escape' && !panel.hidden) {
      escapePanel();
    } else if (plain && key === 'Escape' && currentSpan()) {
      window.getSelection().removeAllRanges();
      state.keyboardSpan = null;
      if (banner) setReattachSpan(null);
    } else if (plain && key === 'm' && document.getElementById('memo-text')) {
      const memo = document.getElementById('memo-text');
      memo.scrollIntoView({ block: 'center' });
      memo.focus();
    } else {
      return;
    }
    event.preventDefault();
  });
}
