// Re-attach mode: on an orphaned coding's page a banner asks for the passage it belongs to;
// the selection (mouse or keyboard) becomes the new span, and "Attach here" saves it.

import { post, ApiError } from './api.js';
import { spanText } from './offsets.js';
import { el } from './ui.js';
import { ensureCoder } from './coder.js';
import { banner, confirmButton, state } from './workbench.js';
import { transcript, runs, documentRevision, segmentAt, focusSegment } from './transcript.js';
import { refreshTranscript } from './refresh.js';
import { currentSpan, showPending, clearPending } from './selection.js';
import { t, tn, dateTime } from './i18n.js';

/** The span "Attach here" would save (null: none), shown on the button and highlighted. */
export function setReattachSpan(span) {
  if (!confirmButton) return;
  state.reattachSpan = span;
  confirmButton.disabled = !span;
  confirmButton.textContent = span ? `${t('reattach.attach')} (${tn('coding.characters', Array.from(spanText(runs(), span.start, span.end)).length)})` : t('reattach.attach');
  if (span) showPending(span);
  else clearPending();
}

/**
 * The keyboard starts in the transcript, at the passage where the coding last stood (after a
 * Re-attach link the focus was on the page itself, some 30 Tabs away; found by a new user): J/K,
 * S and Enter work from there, and the banner's button is the next stop after Enter. Run once
 * the transcript's passages take the focus (`prepareTranscript`).
 */
export function focusReattachStart() {
  if (!banner || window.location.hash) return;
  focusSegment(segmentAt(Number(banner.dataset.start) || 0));
}

/** Run once: follow the selection, and save on "Attach here" (only while re-attaching). */
export function initReattach() {
  if (!banner || !confirmButton) return;
  const bannerError = el('p', { class: 'form-error' });
  banner.append(bannerError);
  document.addEventListener('selectionchange', () => {
    if (state.panelKind) return;
    const selection = window.getSelection();
    if (!selection.rangeCount) return;
    const root = transcript();
    if (!root.contains(selection.anchorNode) && !root.contains(selection.focusNode)) return;
    setReattachSpan(currentSpan());
  });
  confirmButton.addEventListener('click', async () => {
    const span = state.reattachSpan;
    if (!span || state.busy) return;
    state.busy = true;
    confirmButton.disabled = true;
    bannerError.textContent = '';
    const coder = await ensureCoder(t('coder.forReattach'));
    if (!coder) {
      state.busy = false;
      confirmButton.disabled = false;
      bannerError.textContent = t('reattach.needsCoder');
      return;
    }
    try {
      await post(`/api/codings/${encodeURIComponent(banner.dataset.coding)}/reattach`, {
        version: Number(banner.dataset.version), start: span.start, end: span.end,
        revision: documentRevision(), quote: spanText(runs(), span.start, span.end), coder,
      });
      clearPending();
      window.location.assign(`${window.location.pathname}#s${span.start}`);
    } catch (failure) {
      state.busy = false;
      confirmButton.disabled = false;
      bannerError.textContent = failure.detail || String(failure);
      if (failure instanceof ApiError && failure.code === 'stale_document') {
        setReattachSpan(null);
        await refreshTranscript();
        bannerError.textContent = t('coding.stale');
      } else if (failure instanceof ApiError && failure.status === 409) {
        bannerError.textContent += ` ${t('reattach.reload')}`;
      }
    }
  });
}
