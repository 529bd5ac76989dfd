// Undo of the last coding action made on this page (code, change code, memo, delete): the
// "Undo" button by the coding hint, or Ctrl+Z / ⌘Z outside a text field. One step: the action
// is reversed through the same API, with the version it left, so an undo never overwrites a
// change someone else made in between (that is a 409, and the page says so).

import { ApiError } from './api.js';
import { el, announce, isEditable } from './ui.js';
import { state } from './workbench.js';
import { refreshTranscript } from './refresh.js';
import { t, tn, dateTime } from './i18n.js';

let last = null; // { label, run: async () => focus target or null }
let button = null;

/** Remembers how to reverse the action just done (`label`: "coding “…” as Need"). */
export function recordUndo(label, run) {
  last = { label, run };
  if (button) {
    button.disabled = false;
    button.textContent = t('undo.button');
    button.setAttribute('aria-label', t('undo.label', { label }));
    button.title = `${t('undo.label', { label })} (Ctrl+Z)`;
  }
}

function clear() {
  last = null;
  if (button) {
    button.disabled = true;
    button.setAttribute('aria-label', t('undo.nothingLabel'));
    button.title = t('undo.nothing');
  }
}

export async function undoLast() {
  if (!last || state.busy) return;
  const { label, run } = last;
  clear();
  state.busy = true;
  try {
    const focus = await run();
    state.busy = false;
    await refreshTranscript(focus ? { focus } : {});
    announce(t('undo.done', { label }));
  } catch (failure) {
    state.busy = false;
    // A restore refused for its own reason (its words are gone, or the coding is live again) says it.
    const why = failure instanceof ApiError && failure.status === 409
      ? (['conflict', 'duplicate_coding'].includes(failure.code) && failure.detail ? failure.detail : t('undo.changedAgain'))
      : failure instanceof ApiError && failure.status === 404 ? t('undo.gone') : (failure.detail || String(failure));
    await refreshTranscript();
    announce(t('undo.failed', { label, why }), { error: true });
  }
}

/** Run once on the document page: the button and the shortcut. */
export function initUndo(tools) {
  button = el('button', { type: 'button', class: 'secondary undo-button', 'aria-keyshortcuts': 'Control+Z' }, t('undo.button'));
  button.addEventListener('click', undoLast);
  tools.append(button);
  clear();
  document.addEventListener('keydown', (event) => {
    if (event.key.toLowerCase() !== 'z' || !(event.ctrlKey || event.metaKey) || event.shiftKey || event.altKey) return;
    if (isEditable(event.target) || (event.target instanceof Element && event.target.closest('dialog'))) return;
    event.preventDefault();
    // One step only: a second Ctrl+Z says so (it did nothing, and the first's toast stayed).
    if (!last) {
      if (!state.busy) announce(t('undo.nothing'));
      return;
    }
    undoLast();
  });
}
