// Coding a selection: the code picker card for a span (code + optional memo, then save), and
// the C / Enter command that opens it for the selection or the whole focused passage.

import { post, del, query, ApiError } from './api.js';
import { recordUndo } from './undo.js';
import { spanText } from './offsets.js';
import { el, announce, truncate, nextId } from './ui.js';
import { ensureCoder } from './coder.js';
import { loadCodes, createPicker, rememberCode } from './picker.js';
import { state } from './workbench.js';
import { documentId, documentRevision, runs, segmentAt } from './transcript.js';
import { currentSpan, selectSpan, showPending, segmentSpan, overlaps } from './selection.js';
import { openPanel, closePanel, panelHeader, setBusy, confirmDiscard } from './panel.js';
import { refreshTranscript } from './refresh.js';

/** Opens the picker card under the passage to code `span`; focus returns to `returnFocus`. */
export async function openPicker(span, returnFocus) {
  if (!confirmDiscard()) return;
  let codes;
  try {
    codes = await loadCodes();
  } catch (error) {
    announce(`The codebook could not be loaded: ${error.detail || error.message}`, { error: true });
    return;
  }
  state.pendingSpan = span;
  const segment = segmentAt(span.end - 1);
  const quote = spanText(runs(), span.start, span.end);
  const memoId = nextId('picker-memo');
  const memo = el('textarea', { id: memoId, class: 'memo-input', rows: '2', placeholder: 'Why this code? (optional)' });
  const error = el('p', { class: 'form-error', role: 'status', 'aria-live': 'polite' });
  const apply = async (code) => {
    if (!code || state.busy) return;
    state.busy = true; // also guards the Enter that closes the coder dialog from submitting again
    const coder = await ensureCoder();
    if (!coder) {
      state.busy = false;
      error.textContent = 'A coder name is needed to save a coding. Choose one, then apply again.';
      picker.focus();
      return;
    }
    error.textContent = '';
    setBusy(true);
    try {
      const created = await post('/api/codings', {
        document: documentId(), start: span.start, end: span.end, code: code.id, coder, memo: memo.value.trim() || null,
        // The server refuses offsets counted in an older text unless they still hold these words.
        revision: documentRevision(), quote,
      });
      rememberCode(code.id);
      recordUndo(`coding “${truncate(quote, 40)}” as ${code.name}`, async () => {
        await del(`/api/codings/${encodeURIComponent(created.id)}?${query({ version: created.version, coder })}`);
        return { offset: created.start };
      });
      state.dirty = false;
      state.keyboardSpan = null;
      window.getSelection().removeAllRanges();
      closePanel({ restoreFocus: false });
      await refreshTranscript({ focus: { offset: span.start } });
      announce(`Coded “${truncate(quote, 60)}” as ${code.name}.`);
    } catch (failure) {
      setBusy(false);
      if (failure instanceof ApiError && failure.code === 'stale_document') {
        await reloadChangedDocument();
        return;
      }
      error.textContent = failure.detail || String(failure);
      picker.focus();
    }
  };
  const picker = createPicker({
    codes,
    label: 'Code',
    onChoose: apply,
    onCancel: () => closePanel({ reselect: span }),
  });
  const form = el('form', { class: 'panel-form', novalidate: true },
    picker.root,
    el('div', { class: 'field' }, el('label', { for: memoId }, 'Memo ', el('span', { class: 'optional' }, '(optional)')), memo),
    error,
    el('div', { class: 'panel-actions' },
      el('button', { type: 'submit', class: 'primary' }, 'Apply code'),
      el('button', { type: 'button', class: 'secondary', onclick: () => closePanel({ reselect: span }) }, 'Cancel')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    apply(picker.active());
  });
  memo.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      apply(picker.active());
    }
  });
  memo.addEventListener('input', () => {
    state.dirty = memo.value.trim() !== '';
    state.escapeArmed = false;
  });
  const count = Array.from(quote).length;
  openPanel('picker', segment, [
    panelHeader('Code this passage'),
    el('blockquote', { class: 'panel-quote' }, truncate(quote, 400)),
    el('p', { class: 'panel-meta' }, `${count} character${count === 1 ? '' : 's'} · offsets ${span.start}–${span.end}`),
    form,
  ], returnFocus);
  showPending(span);
  picker.focus();
}

/** The document was re-ingested since this page loaded: show the new text and say why. */
export async function reloadChangedDocument() {
  state.busy = false;
  window.getSelection().removeAllRanges();
  closePanel({ restoreFocus: false });
  await refreshTranscript();
  announce('This document was changed (re-ingested) since the page was opened, so nothing was saved. The page now shows the current text: select the passage again.', { error: true });
}

/** C or Enter: code the selection, or the whole focused passage when nothing is selected. */
export function codeCurrent(segment) {
  let span = currentSpan();
  // On a focused passage, a selection elsewhere (left over from before) does not count.
  if (span && segment && !overlaps(span, segmentSpan(segment))) span = null;
  if (!span && segment) {
    span = segmentSpan(segment);
    if (span.end <= span.start) return;
    selectSpan(span);
  }
  if (!span) {
    announce('Select some text in the transcript first, or move to a passage (Tab, J or K) and press Enter.');
    return;
  }
  const focusSegmentEl = segment || segmentAt(span.start);
  openPicker(span, focusSegmentEl ? { segment: Number(focusSegmentEl.dataset.index) } : null);
}
