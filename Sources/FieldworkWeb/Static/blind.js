// Blind pass: a coder hides everyone else's codings for an independent pass. The choice is kept
// per browser (localStorage) and shown as a banner on every page while it is on. The document
// page is drawn by the server with the coder's codings only, and asked for again when the pass
// changes; it also hides other coders' highlights, margin chips and orphans at once (filter.js
// asks `blindCoder`);
// the pages rendered on the server that list codings by a `coder` parameter (retrieval, the code ×
// case matrix, co-occurrence, orphans and the passages behind their cells; marked
// `data-coder-scoped`) are reloaded with `coder=` set to the coder. The pages that compare
// coders (agreement, disagreements) are not shown at all: the pass is mirrored into a cookie, the
// server sends an explanation in their place (BlindPassPages.swift), and a page rendered the
// other way (`data-compares-coders`) is asked for again.

import { el } from './ui.js';
import { getCoder, ensureCoder } from './coder.js';
import { t, tn, dateTime } from './i18n.js';

const KEY = 'fieldwork.blind';
const COOKIE = 'fieldwork_blind';
const listeners = [];

function stored() {
  try {
    return localStorage.getItem(KEY) === 'on';
  } catch {
    return false;
  }
}

/** The coder whose codings alone are shown, or null when no blind pass is on. */
export function blindCoder() {
  return stored() ? getCoder() : null;
}

/** Runs `callback` whenever the blind pass (or the coder) changes. */
export function onBlindChange(callback) {
  listeners.push(callback);
}

function store(on) {
  try {
    if (on) localStorage.setItem(KEY, 'on');
    else localStorage.removeItem(KEY);
  } catch {
    // storage disabled: no blind pass
  }
}

/** The pass as the server sees it on every request: kept a year, like the localStorage choice. */
function mirrorCookie(on) {
  document.cookie = `${COOKIE}=${on ? 'on' : ''}; path=/; SameSite=Strict; max-age=${on ? 31536000 : 0}`;
}

function cookieOn() {
  return document.cookie.split('; ').includes(`${COOKIE}=on`);
}

/** A page comparing coders rendered for the other state is asked for again (once the cookie holds). */
function matchComparingPage(coder) {
  const page = document.querySelector('[data-compares-coders]');
  if (!page) return;
  const withheld = page.dataset.comparesCoders === 'withheld';
  if (withheld !== Boolean(coder) && cookieOn() === Boolean(coder)) window.location.reload();
}

/**
 * The document page draws only the coder's codings during a pass (`data-only-coder`, the others'
 * never reach the page): drawn for another state (the pass turned on or off, another coder), it
 * is asked for again once the cookies hold the new state; once per state, so a cookie the
 * browser refuses cannot reload it forever.
 */
function matchDrawnTranscript(coder) {
  const transcript = document.getElementById('transcript');
  if (!transcript) return;
  const drawn = transcript.dataset.onlyCoder ?? null;
  if (drawn === (coder || null) || cookieOn() !== Boolean(coder)) return;
  const state = `${transcript.dataset.document}|${coder || ''}`;
  try {
    if (sessionStorage.getItem('fieldwork.blindRedraw') === state) return;
    sessionStorage.setItem('fieldwork.blindRedraw', state);
  } catch {
    return;
  }
  window.location.reload();
}

function render() {
  const coder = blindCoder();
  mirrorCookie(Boolean(coder));
  document.documentElement.classList.toggle('is-blind', Boolean(coder));
  const toggle = document.getElementById('blind-toggle');
  if (toggle) {
    toggle.setAttribute('aria-pressed', coder ? 'true' : 'false');
    toggle.textContent = coder ? t('blind.on') : t('blind.off');
  }
  document.getElementById('blind-banner')?.remove();
  if (coder) {
    const off = el('button', { type: 'button', class: 'secondary', onclick: () => change(false) }, t('blind.showAll'));
    const banner = el('div', { id: 'blind-banner', class: 'blind-banner', role: 'status' },
      el('strong', {}, `${t('blind.title')}: `), `${t('blind.showing', { name: coder })} `, off);
    document.querySelector('header.top')?.after(banner);
  }
  narrowScopedPage(coder);
  matchComparingPage(coder);
  matchDrawnTranscript(coder);
  for (const callback of listeners) callback(coder);
}

async function change(on) {
  if (on && !(await ensureCoder(t('coder.forBlind')))) return;
  store(on);
  render();
}

/** A page that lists what the server sent: ask it again for the coder's codings only. */
function narrowScopedPage(coder) {
  const main = document.querySelector('main[data-coder-scoped]');
  if (!main) return;
  const url = new URL(window.location.href);
  if (coder && url.searchParams.get('coder') !== coder) {
    url.searchParams.set('coder', coder);
    window.location.replace(url.toString());
    return;
  }
  const select = main.querySelector('form.filters select[name="coder"]');
  if (!coder) {
    // Turned off here: show everyone's again (the others' names were taken out of the choice).
    if (main.dataset.blindNarrowed) {
      url.searchParams.delete('coder');
      window.location.replace(url.toString());
    }
    return;
  }
  main.dataset.blindNarrowed = 'true';
  if (!select) return;
  // Nor are the others' names offered.
  for (const option of [...select.options]) if (option.value !== coder) option.remove();
  if (!select.options.length) select.append(el('option', { value: coder }, coder));
  select.value = coder;
}

export function initBlind() {
  const coderButton = document.getElementById('coder-button');
  if (coderButton && !document.getElementById('blind-toggle')) {
    const toggle = el('button', { id: 'blind-toggle', type: 'button', class: 'blind-toggle', title: t('blind.toggleTitle') });
    toggle.addEventListener('click', () => change(!blindCoder()));
    coderButton.after(toggle);
  }
  window.addEventListener('storage', (event) => {
    if (event.key === KEY || event.key === 'fieldwork.coder') render();
  });
  document.addEventListener('fieldwork:coder', render);
  render();
}
