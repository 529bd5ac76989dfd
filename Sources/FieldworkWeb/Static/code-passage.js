// Coding a selection: the code picker card for a span (code + optional memo, then save), and
// the C / Enter command that opens it for the selection or the whole focused passage.

import { post, del, query, ApiError } from './api.js';
import { recordUndo } from './undo.js';
import { spanText } from './offsets.js';
import { el, announce, truncate, nextId } from './ui.js';
import { t, tn } from './i18n.js';
import { ensureCoder } from './coder.js';
import { loadCodes, createPicker, rememberCode } from './picker.js';
import { state } from './workbench.js';
import { documentId, documentRevision, runs, segmentAt } from './transcript.js';
import { currentSpan, selectSpan, showPending, segmentSpan, overlaps } from './selection.js';
import { openPanel, closePanel, panelHeader, setBusy, confirmDiscard } from './panel.js';
import { refreshTranscript } from './refresh.js';

/** Opens the picker card under the passage to code `span`; focus returns to `returnFocus`. */
export async function openPicker(span, returnFocus) {
  // A read-only server (a hot standby) or a role that reads only refuses codings: say so
  // instead of offering the picker.
  const noChanges = document.querySelector('main')?.dataset.noChanges;
  if (noChanges) {
    announce(t(noChanges === 'server' ? 'readOnly.noCoding' : 'role.noCoding'), { error: true });
    return;
  }
  if (!confirmDiscard()) return;
  let codes;
  try {
    codes = await loadCodes();
  } catch (error) {
    announce(t('codebook.loadFailed', { detail: error.detail || error.message }), { error: true });
    return;
  }
  state.pendingSpan = span;
  const segment = segmentAt(span.end - 1);
  const quote = spanText(runs(), span.start, span.end);
  const memoId = nextId('picker-memo');
  const memo = el('textarea', { id: memoId, class: 'memo-input', rows: '2', placeholder: t('picker.memoPlaceholder') });
  const error = el('p', { class: 'form-error', role: 'status', 'aria-live': 'polite' });
  const apply = async (code) => {
    if (!code || state.busy) return;
    state.busy = true; // also guards the Enter that closes the coder dialog from submitting again
    const coder = await ensureCoder();
    if (!coder) {
      state.busy = false;
      error.textContent = t('coding.needsCoder');
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
      recordUndo(t('undo.coding', { quote: truncate(quote, 40), code: code.name }), async () => {
        await del(`/api/codings/${encodeURIComponent(created.id)}?${query({ version: created.version, coder })}`);
        return { offset: created.start };
      });
      state.dirty = false;
      state.keyboardSpan = null;
      window.getSelection().removeAllRanges();
      closePanel({ restoreFocus: false });
      await refreshTranscript({ focus: { offset: span.start } });
      announce(t('coding.coded', { quote: truncate(quote, 60), code: code.name }));
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
    label: t('col.code'),
    allowCreate: true,
    onChoose: apply,
    onCancel: () => closePanel({ reselect: span }),
  });
  const form = el('form', { class: 'panel-form', novalidate: true },
    picker.root,
    el('div', { class: 'field' }, el('label', { for: memoId }, `${t('coding.memo')} `, el('span', { class: 'optional' }, t('coding.optional'))), memo),
    error,
    el('div', { class: 'panel-actions' },
      el('button', { type: 'submit', class: 'primary' }, t('coding.apply')),
      el('button', { type: 'button', class: 'secondary', onclick: () => closePanel({ reselect: span }) }, t('action.cancel'))));
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
    panelHeader(t('coding.title')),
    el('blockquote', { class: 'panel-quote' }, truncate(quote, 400)),
    el('p', { class: 'panel-meta' }, `${tn('coding.characters', count)} · ${t('coding.offsets', { start: span.start, end: span.end })}`),
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
  announce(t('coding.stale'), { error: true });
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
    announce(t('coding.selectFirst'));
    return;
  }
  const focusSegmentEl = segment || segmentAt(span.start);
  openPicker(span, focusSegmentEl ? { segment: Number(focusSegmentEl.dataset.index) } : null);
}
