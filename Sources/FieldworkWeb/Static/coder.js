// The coder's name: chosen once per browser (localStorage), shown in the header, sent with
// every coding (`coder`) and memo (`author`).

import { el, field, makeDialog, announce } from './ui.js';
import { t } from './i18n.js';

const KEY = 'fieldwork.coder';
const MAX = 80;

// The server reads the name from this cookie on every request — pages and downloads too — to
// record who acted in the audit log and to decide access to restricted material.
const COOKIE = 'fieldwork_coder';

function mirrorCookie(name) {
  const value = name ? encodeURIComponent(name) : '';
  document.cookie = `${COOKIE}=${value}; path=/; SameSite=Strict${name ? '' : '; max-age=0'}`;
}

// Team mode: the page names the account logged in, which is the coder; nothing is asked.
const ACCOUNT = document.querySelector('meta[name="fieldwork-account"]')?.content || null;

export function getCoder() {
  if (ACCOUNT) return ACCOUNT;
  try {
    const name = (localStorage.getItem(KEY) || '').trim();
    return name || null;
  } catch {
    return null; // storage disabled: ask each time
  }
}

function setCoder(name) {
  try {
    localStorage.setItem(KEY, name);
  } catch {
    // storage disabled: the name lives for this page only
  }
  memory = name;
  mirrorCookie(name);
  updateButton();
  document.dispatchEvent(new CustomEvent('fieldwork:coder'));
}

let memory = null;
const current = () => getCoder() || memory;

function updateButton() {
  const button = document.getElementById('coder-button');
  if (!button) return;
  const name = current();
  button.textContent = name ? t('coder.button', { name }) : t('coder.unset');
  button.classList.toggle('is-unset', !name);
  button.setAttribute('aria-haspopup', 'dialog');
  button.title = name ? t('coder.changeTitle') : t('coder.setTitle');
}

/**
 * Asks for the coder's name in a small dialog. Resolves to the name, or null when cancelled.
 * `reason` explains why we ask now (for example before the first coding).
 */
export async function askCoder(reason = null) {
  const input = el('input', { type: 'text', name: 'coder', autocomplete: 'nickname', maxlength: MAX, required: true, spellcheck: 'false', value: current() || '' });
  const dialog = makeDialog({
    title: current() ? t('coder.change') : t('coder.who'),
    className: 'coder-dialog',
    description: reason || t('coder.description'),
  });
  dialog.body.append(field(t('coder.name'), input, t('coder.nameHint')).wrapper);
  dialog.actions.append(
    el('button', { type: 'submit', class: 'primary' }, t('action.save')),
    el('button', { type: 'button', class: 'secondary', onclick: () => dialog.close(null) }, t('action.cancel')),
  );
  dialog.form.addEventListener('submit', (event) => {
    event.preventDefault();
    const name = input.value.trim();
    if (!name || Array.from(name).length > MAX) {
      input.setAttribute('aria-invalid', 'true');
      dialog.setError(name ? t('coder.tooLong', { max: MAX }) : t('coder.empty'));
      input.focus();
      return;
    }
    setCoder(name);
    dialog.close(name);
  });
  const promise = dialog.open(input);
  input.select();
  const name = await promise;
  if (name) announce(t('coder.codingAs', { name }));
  return name;
}

/** The coder's name, asking for it first if it was never set. Null when the user declines. */
export async function ensureCoder(reason = t('coder.first')) {
  return current() || askCoder(reason);
}

export function initCoder() {
  if (ACCOUNT) return;
  mirrorCookie(current());
  updateButton();
  const button = document.getElementById('coder-button');
  if (button) button.addEventListener('click', () => { askCoder(); });
  window.addEventListener('storage', (event) => {
    if (event.key === KEY) {
      mirrorCookie(current());
      updateButton();
    }
  });
}
