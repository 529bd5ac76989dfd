// Undo of the last coding action made on this page (code, change code, memo, delete): the
// "Undo" button by the coding hint, or Ctrl+Z / ⌘Z outside a text field. One step: the action
// is reversed through the same API, with the version it left, so an undo never overwrites a
// change someone else made in between (that is a 409, and the page says so).

import { ApiError } from './api.js';
import { el, announce, isEditable } from './ui.js';
import { state } from './workbench.js';
import { refreshTranscript } from './refresh.js';

let last = null; // { label, run: async () => focus target or null }
let button = null;

/** Remembers how to reverse the action just done (`label`: "coding “…” as Need"). */
export function recordUndo(label, run) {
  last = { label, run };
  if (button) {
    button.disabled = false;
    button.textContent = 'Undo';
    button.setAttribute('aria-label', `Undo ${label}`);
    button.title = `Undo ${label} (Ctrl+Z)`;
  }
}

function clear() {
  last = null;
  if (button) {
    button.disabled = true;
    button.setAttribute('aria-label', 'Undo (nothing to undo)');
    button.title = 'Nothing to undo';
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
    announce(`Undone: ${label}.`);
  } catch (failure) {
    state.busy = false;
    const why = failure instanceof ApiError && failure.status === 409
      ? 'it was changed again in the meantime'
      : failure instanceof ApiError && failure.status === 404 ? 'it no longer exists' : (failure.detail || String(failure));
    await refreshTranscript();
    announce(`Could not undo ${label}: ${why}.`, { error: true });
  }
}

/** Run once on the document page: the button and the shortcut. */
export function initUndo(tools) {
  button = el('button', { type: 'button', class: 'secondary undo-button', 'aria-keyshortcuts': 'Control+Z' }, 'Undo');
  button.addEventListener('click', undoLast);
  tools.append(button);
  clear();
  document.addEventListener('keydown', (event) => {
    if (event.key.toLowerCase() !== 'z' || !(event.ctrlKey || event.metaKey) || event.shiftKey || event.altKey) return;
    if (isEditable(event.target) || (event.target instanceof Element && event.target.closest('dialog'))) return;
    if (!last) return;
    event.preventDefault();
    undoLast();
  });
}
