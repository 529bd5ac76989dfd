// A coding's history in its details card: a collapsed "History" list, fetched when opened
// (most cards are opened to edit, not to audit). Built with textContent only.

import { get } from './api.js';
import { el } from './ui.js';
import { t, tn, dateTime } from './i18n.js';

const KINDS = new Set(['created', 'changed', 'reattached', 'reanchored', 'orphaned', 'recovered', 'merged', 'removed', 'restored']);

function when(text) {
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? text : dateTime(date);
}

function entry(event) {
  const time = el('time', { datetime: event.at }, when(event.at));
  return el('li', { class: 'history-event', data: { kind: event.kind } },
    el('span', { class: 'history-what' }, t('history.by', { what: KINDS.has(event.kind) ? t(`history.${event.kind}`) : event.kind, name: event.by })),
    ' · ', time,
    event.summary ? el('span', { class: 'history-detail' }, ` — ${event.summary}`) : null);
}

/** The collapsed History section of the coding `id`; its events load on first opening. */
export function historySection(id) {
  const list = el('ol', { class: 'history-list', 'aria-live': 'polite' });
  const section = el('details', { class: 'coding-history', data: { historyOf: id } },
    el('summary', {}, t('history.title')), list);
  let loaded = false;
  section.addEventListener('toggle', async () => {
    if (!section.open || loaded) return;
    loaded = true;
    list.replaceChildren(el('li', { class: 'history-loading' }, t('history.loading')));
    try {
      const events = await get(`/api/codings/${encodeURIComponent(id)}/history`);
      list.replaceChildren(...(events.length ? events.map(entry) : [el('li', {}, t('history.none'))]));
    } catch (error) {
      loaded = false; // let the person try again by reopening
      list.replaceChildren(el('li', { class: 'form-error' }, t('history.failed', { detail: error.detail || error.message })));
    }
  });
  return section;
}
