// The panel: one card placed right after the passage it is about, holding either the code
// picker or a coding's details. Opening, closing (focus goes back), busy state, Escape.

import { el, announce, nextId } from './ui.js';
import { panel, workbench, state } from './workbench.js';
import { transcript, resolveFocusTarget } from './transcript.js';
import { selectSpan, clearPending } from './selection.js';
import { t, tn, dateTime } from './i18n.js';

/**
 * Run once. The panel does its own announcing (focus moves into it), so the server's
 * aria-live on it would double-speak.
 */
export function initPanel() {
  panel.removeAttribute('aria-live');
  panel.setAttribute('tabindex', '-1');
  panel.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    escapePanel();
  });
  // Leaving the page (a link, reload, closing the tab) with an unsaved memo asks first.
  window.addEventListener('beforeunload', (event) => {
    if (!state.dirty) return;
    event.preventDefault();
    event.returnValue = '';
  });
  // Links inside the page ask in words of their own (the browser's leave-page prompt is generic).
  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (!link || event.defaultPrevented || !state.dirty) return;
    if (confirmDiscard()) state.dirty = false; // do not ask twice on the way out
    else event.preventDefault();
  });
}

/**
 * True when nothing unsaved would be lost, or the person agrees to discard their memo text.
 * Asked before the panel is closed with ×, replaced by a new selection or coding, or the page left.
 */
export function confirmDiscard() {
  if (!state.dirty || panel.hidden) return true;
  const discard = window.confirm(t('panel.discard'));
  if (discard) state.dirty = false;
  return discard;
}

function placePanel(segment) {
  if (segment && segment.isConnected) segment.after(panel);
  else workbench.append(panel);
}

export function openPanel(kind, segment, content, returnFocus) {
  state.panelKind = kind;
  state.busy = false;
  state.returnFocus = returnFocus;
  state.dirty = false;
  state.escapeArmed = false;
  placePanel(segment);
  panel.classList.toggle('is-picker', kind === 'picker');
  panel.classList.toggle('is-details', kind === 'details');
  panel.replaceChildren(...content);
  const title = panel.querySelector('.panel-title');
  if (title) panel.setAttribute('aria-labelledby', title.id);
  panel.hidden = false;
  panel.scrollIntoView({ block: 'nearest' });
}

export function closePanel({ restoreFocus = true, reselect = null } = {}) {
  const wasOpen = !panel.hidden;
  panel.hidden = true;
  panel.replaceChildren();
  panel.removeAttribute('aria-busy');
  workbench.append(panel);
  clearPending();
  clearActive();
  state.busy = false;
  state.panelKind = null;
  state.dirty = false;
  if (wasOpen && restoreFocus) {
    const target = resolveFocusTarget(state.returnFocus);
    if (target) target.focus({ preventScroll: false });
  }
  if (reselect) {
    selectSpan(reselect);
    state.keyboardSpan = reselect;
  }
  state.returnFocus = null;
}

export function panelHeader(text) {
  const id = nextId('panel-title');
  return el('div', { class: 'panel-head' },
    el('h2', { class: 'panel-title', id, tabindex: '-1' }, text),
    el('button', { type: 'button', class: 'panel-close', 'aria-label': t('action.close'), title: t('panel.closeTitle'), onclick: () => { if (confirmDiscard()) closePanel(); } }, '×'));
}

let focusBeforeBusy = null;

export function setBusy(on, scope = panel) {
  state.busy = on;
  scope.setAttribute('aria-busy', on ? 'true' : 'false');
  if (on) focusBeforeBusy = document.activeElement;
  for (const control of scope.querySelectorAll('button, textarea, input')) {
    if (control.classList.contains('panel-close')) continue;
    if (on) {
      control.dataset.wasDisabled = control.disabled ? '1' : '';
      control.disabled = true;
    } else {
      control.disabled = control.dataset.wasDisabled === '1';
      delete control.dataset.wasDisabled;
    }
  }
  // Disabling the focused control dropped focus to the page: put it back.
  if (!on && focusBeforeBusy && focusBeforeBusy.isConnected && (document.activeElement === document.body || !document.activeElement)) {
    focusBeforeBusy.focus();
  }
}

/** Escape closes the panel, but asks first when a memo would be lost. */
export function escapePanel() {
  if (state.dirty && !state.escapeArmed) {
    state.escapeArmed = true;
    announce(t('panel.unsaved'));
    return;
  }
  const reselect = state.panelKind === 'picker' ? state.pendingSpan : null;
  closePanel({ reselect });
}

function clearActive() {
  for (const node of document.querySelectorAll('#transcript .is-active')) node.classList.remove('is-active');
}

export function markActive(ids) {
  clearActive();
  for (const id of ids) {
    for (const node of transcript().querySelectorAll(`[data-coding="${CSS.escape(id)}"]`)) node.classList.add('is-active');
  }
}
