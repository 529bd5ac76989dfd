// A coding's history in its details card: a collapsed "History" list, fetched when opened
// (most cards are opened to edit, not to audit). Built with textContent only.

import { get } from './api.js';
import { el } from './ui.js';

const verbs = {
  created: 'Created', changed: 'Changed', reattached: 'Re-attached', reanchored: 'Re-anchored',
  orphaned: 'Orphaned', recovered: 'Recovered', merged: 'Merged', removed: 'Removed', restored: 'Restored',
};

function when(text) {
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? text : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

function entry(event) {
  const time = el('time', { datetime: event.at }, when(event.at));
  return el('li', { class: 'history-event', data: { kind: event.kind } },
    el('span', { class: 'history-what' }, `${verbs[event.kind] || event.kind} by ${event.by}`),
    ' · ', time,
    event.summary ? el('span', { class: 'history-detail' }, ` — ${event.summary}`) : null);
}

/** The collapsed History section of the coding `id`; its events load on first opening. */
export function historySection(id) {
  const list = el('ol', { class: 'history-list', 'aria-live': 'polite' });
  const section = el('details', { class: 'coding-history', data: { historyOf: id } },
    el('summary', {}, 'History'), list);
  let loaded = false;
  section.addEventListener('toggle', async () => {
    if (!section.open || loaded) return;
    loaded = true;
    list.replaceChildren(el('li', { class: 'history-loading' }, 'Loading…'));
    try {
      const events = await get(`/api/codings/${encodeURIComponent(id)}/history`);
      list.replaceChildren(...(events.length ? events.map(entry) : [el('li', {}, 'No history recorded.')]));
    } catch (error) {
      loaded = false; // let the person try again by reopening
      list.replaceChildren(el('li', { class: 'form-error' }, `The history could not be loaded: ${error.detail || error.message}`));
    }
  });
  return section;
}
