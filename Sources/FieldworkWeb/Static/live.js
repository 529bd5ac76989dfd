// Live refresh: while the document page is visible it asks the server every few seconds for the
// document's activity stamp (GET /api/documents/{id}/changes, a cheap read) and, when someone
// else changed a coding or memo of this document, reloads the transcript in place. It never
// does so under the person's hands: while a card or the picker is open, text is selected,
// a memo is unsaved or a re-attach is under way, it waits for the next poll. Our own changes
// reload the transcript already (refresh.js), and the stamp is taken again after each reload.
// Selected words stay selected across the reload (unless the text itself changed), and nothing
// is reloaded while a mouse button is down in the transcript (a selection being drawn).

import { get } from './api.js';
import { announce } from './ui.js';
import { state, banner } from './workbench.js';
import { transcript, documentRevision } from './transcript.js';
import { currentSpan, selectSpan } from './selection.js';
import { refreshTranscript } from './refresh.js';
import { t } from './i18n.js';

export const POLL_MS = 3000;
let stamp = null;
let timer = 0;
let polling = false;
let pointerDown = false;

const changesUrl = () => {
  const id = decodeURIComponent(window.location.pathname.split('/')[2] || '');
  return `/api/documents/${encodeURIComponent(id)}/changes`;
};

/** Whether a reload now would disturb nothing the person is doing. */
function quiet() {
  // The picker and a coding's card are panels; a re-attach shows its banner.
  if (state.panelKind || state.busy || state.dirty) return false;
  if (banner && !banner.hidden) return false;
  return !pointerDown;
}

/** The selected span in the transcript, if any (kept across a reload of the same text). */
function selectedSpan() {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || !selection.rangeCount) return null;
  if (!transcript().contains(selection.getRangeAt(0).commonAncestorContainer)) return null;
  return currentSpan();
}

async function currentStamp() {
  const changes = await get(changesUrl());
  return changes.stamp;
}

async function poll() {
  if (polling || document.hidden) return;
  polling = true;
  try {
    const now = await currentStamp();
    if (stamp === null) stamp = now;
    else if (now !== stamp && quiet()) {
      const span = selectedSpan();
      const revision = documentRevision();
      await refreshTranscript();
      if (span && documentRevision() === revision) selectSpan(span);
      stamp = await currentStamp();
      // A new text revision is a corrected transcript taken in again, not a coder's change.
      announce(t(documentRevision() === revision ? 'live.updated' : 'live.corrected'));
    }
  } catch (error) {
    // Signed out or the document gone: stop asking; a failed poll otherwise tries again.
    if (error.status === 401 || error.status === 404) window.clearInterval(timer);
  } finally {
    polling = false;
  }
}

/** Run once on the document page. */
export function initLiveRefresh() {
  poll();
  timer = window.setInterval(poll, POLL_MS);
  transcript().parentElement.addEventListener('pointerdown', () => { pointerDown = true; });
  document.addEventListener('pointerup', () => { pointerDown = false; });
  document.addEventListener('visibilitychange', () => { if (!document.hidden) poll(); });
  // After our own change the transcript is fresh: take the stamp again so it is not reloaded twice.
  document.addEventListener('fieldwork:transcript-refreshed', async () => {
    if (polling) return;
    try { stamp = await currentStamp(); } catch { /* the next poll tries again */ }
  });
}
