// Small DOM helpers. Everything is built with createElement and textContent: no HTML strings,
// no inline styles (the CSP forbids them), so untrusted text stays text.

import { t } from './i18n.js';

let uid = 0;
export const nextId = (prefix) => `${prefix}-${++uid}`;

/**
 * el('button', {type: 'button', class: 'x', data: {code: id}}, 'Label', child…)
 * Attributes with value false/null/undefined are left out; true sets an empty attribute.
 */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === false || value === null || value === undefined) continue;
    if (name === 'data') {
      for (const [key, data] of Object.entries(value)) {
        if (data !== null && data !== undefined) element.dataset[key] = String(data);
      }
    } else if (name === 'text') {
      element.textContent = String(value);
    } else if (name === 'value' && 'value' in element) {
      element.value = String(value);
    } else if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

function append(parent, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** A code's colour dot (its colour comes from /static/codes.css through data-code). */
export const codeDot = (code) => el('span', { class: 'code-dot', 'aria-hidden': 'true', data: { code } });

/** Shortens text for previews and announcements, by code points. */
export function truncate(text, max = 120) {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('');
}

// ------------------------------------------------------------------------ live region

let region = null;
let clearTimer = 0;

/** The page's polite status region (a toast), created once. */
function statusRegion() {
  if (!region) {
    region = el('div', { class: 'toast', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true', id: 'fw-status' });
    (document.querySelector('main') || document.body).append(region);
  }
  return region;
}

/** Says something politely to everyone: screen reader users hear it, others see a toast. */
export function announce(message, { error = false, timeout = 7000, action = null } = {}) {
  const target = statusRegion();
  window.clearTimeout(clearTimer);
  target.classList.toggle('is-error', error);
  target.textContent = '';
  // A fresh text node after a tick makes repeated identical messages speak again.
  window.setTimeout(() => {
    target.textContent = message;
    // `action` ({label, run}): a button beside the words, e.g. Undo after a deletion, where the
    // hand already is (the toolbar's Undo may have scrolled out of view).
    if (action) {
      const button = el('button', { type: 'button', class: 'toast-action' }, action.label);
      button.addEventListener('click', () => {
        target.textContent = '';
        action.run();
      });
      target.append(' ', button);
    }
  }, 30);
  if (timeout) clearTimer = window.setTimeout(() => { target.textContent = ''; }, timeout);
}

// ------------------------------------------------------------------------ dialogs

/**
 * A modal <dialog> with a heading, a form, an error line (role=status) and actions.
 * `open()` shows it and returns a promise of the value passed to `close(value)` (or null when
 * dismissed); focus goes back to where it was.
 */
export function makeDialog({ title, className = '', description = null }) {
  const titleId = nextId('dialog-title');
  const heading = el('h2', { id: titleId, class: 'dialog-title', tabindex: '-1' }, title);
  const error = el('p', { class: 'form-error', role: 'status', 'aria-live': 'polite' });
  const body = el('div', { class: 'dialog-body' });
  const actions = el('div', { class: 'dialog-actions' });
  const form = el('form', { method: 'dialog', class: 'dialog-form', novalidate: true }, heading,
    description ? el('p', { class: 'hint' }, description) : null, body, error, actions);
  const dialog = el('dialog', { class: `fw-dialog ${className}`.trim(), 'aria-labelledby': titleId }, form);
  let resolve = null;
  let returnFocus = null;
  let result = null;

  dialog.addEventListener('close', () => {
    const done = resolve;
    resolve = null;
    dialog.remove();
    if (returnFocus && returnFocus.isConnected) returnFocus.focus();
    if (done) done(result);
  });
  dialog.addEventListener('cancel', () => { result = null; });

  return {
    dialog, form, body, actions, error, heading,
    setError(message) { error.textContent = message || ''; },
    busy(on) {
      form.setAttribute('aria-busy', on ? 'true' : 'false');
      for (const button of actions.querySelectorAll('button')) button.disabled = on;
    },
    open(focusTarget) {
      returnFocus = document.activeElement;
      result = null;
      document.body.append(dialog);
      dialog.showModal();
      if (focusTarget) focusTarget.focus();
      return new Promise((r) => { resolve = r; });
    },
    close(value = null) {
      result = value;
      dialog.close();
    },
  };
}

/**
 * Runs a dialog's `request`: busy meanwhile, `onSuccess(result)` after it; a failure is shown
 * in the dialog (focus back to `input`, if given) and the dialog stays open to try again.
 */
export async function submitting(dialog, input, request, onSuccess) {
  dialog.setError('');
  dialog.busy(true);
  try {
    const result = await request();
    onSuccess(result);
  } catch (failure) {
    dialog.busy(false);
    dialog.setError(failure.detail || String(failure));
    if (input) input.focus();
  }
}

/** A dialog's submit and Cancel buttons; `onSubmit` runs on submit (the form never posts). */
export function dialogActions(dialog, label, onSubmit) {
  dialog.actions.append(
    el('button', { type: 'submit', class: 'primary' }, label),
    el('button', { type: 'button', class: 'secondary', onclick: () => dialog.close() }, t('action.cancel')));
  dialog.form.addEventListener('submit', (event) => {
    event.preventDefault();
    onSubmit();
  });
}

/** A labelled field: returns {wrapper, input}. */
export function field(label, control, hint = null) {
  const id = control.id || nextId('field');
  control.id = id;
  const hintEl = hint ? el('span', { class: 'field-hint', id: `${id}-hint` }, hint) : null;
  if (hintEl) control.setAttribute('aria-describedby', hintEl.id);
  return { wrapper: el('div', { class: 'field' }, el('label', { for: id }, label), control, hintEl), input: control };
}

export function isEditable(target) {
  if (!(target instanceof Element)) return false;
  return Boolean(target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]'));
}

/** Removes diacritics and case, for forgiving filters (“hemtjanst” finds “Hemtjänst”). */
export function fold(text) {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
