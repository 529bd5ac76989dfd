// The document page's shared pieces: its fixed elements (the workbench, the panel card, the
// re-attach banner and its button) and the state its modules read and change together.

export let workbench = null;
export let panel = null;
export let banner = null; // only while re-attaching an orphaned coding
export let confirmButton = null;

export const state = {};

/** Finds the page's elements and resets the state. False when this is not a document page. */
export function bindWorkbench() {
  workbench = document.querySelector('.workbench');
  panel = document.getElementById('panel');
  if (!workbench || !panel || !document.getElementById('transcript')) return false;
  banner = document.getElementById('reattach-banner');
  confirmButton = document.getElementById('reattach-confirm');
  for (const key of Object.keys(state)) delete state[key];
  Object.assign(state, {
    panelKind: null, // 'picker' | 'details'
    returnFocus: null, // {segment: index} | {chip: codingId} | Element
    keyboardSpan: null, // the span our keyboard commands selected last
    reattachSpan: null,
    busy: false,
    pendingSpan: null, // the span the picker is coding
    dirty: false, // unsaved memo text in the details card
    escapeArmed: false,
  });
  return true;
}
