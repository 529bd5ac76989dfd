// A coding's history in its details card: a collapsed "History" list, fetched when opened
// (most cards are opened to edit, not to audit). Built with textContent only. What changed is
// said from the event's fields in the interface language, with code names and the words' offsets
// as the picker shows them (the API's `summary` is English, with offsets as `span [a, b)`).

import { get } from './api.js';
import { el } from './ui.js';
import { t, tn, dateTime } from './i18n.js';

const KINDS = new Set(['created', 'changed', 'reattached', 'reanchored', 'orphaned', 'recovered', 'merged', 'removed', 'restored']);

function when(text) {
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? text : dateTime(date);
}

/** The words' place as the code picker, the agreement page and the CLI (`--start`, `--end`,
 * `segments`) give it: the API's offsets `[start, end)`, one convention everywhere. */
function characters(start, end) {
  return t('coding.offsets', { start, end });
}

const METHODS = {
  position: () => t('history.methodPosition'),
  exact: () => t('history.methodExact'),
  fuzzy: () => t('history.methodFuzzy'),
};

/** What the event changed, in words: the same facts as the API's English `summary`. */
function detail(event, codeName) {
  const parts = [];
  if (event.old_code && event.old_code !== event.code) parts.push(t('history.codeChanged', { from: codeName(event.old_code), to: codeName(event.code) }));
  if (event.kind === 'created') parts.push(t('history.code', { code: codeName(event.code) }));
  if (event.memo_changed) parts.push(t('history.memoChanged'));
  const moved = event.old_start != null && (event.old_start !== event.start || event.old_end !== event.end);
  if (moved) {
    parts.push(t('history.moved', { from: characters(event.old_start, event.old_end), to: characters(event.start, event.end) }));
  } else if (['created', 'reanchored', 'orphaned'].includes(event.kind)) {
    parts.push(characters(event.start, event.end));
  }
  if (event.method) parts.push(METHODS[event.method] ? METHODS[event.method]() : event.method);
  if (event.source === 'import') parts.push(t('history.fromImport'));
  else if (event.source === 'migration') parts.push(t('history.fromMigration'));
  else if (event.source) parts.push(t('history.fromFile', { file: event.source, version: event.version }));
  return parts.join(', ');
}

function entry(event, codeName) {
  const time = el('time', { datetime: event.at }, when(event.at));
  const what = detail(event, codeName);
  return el('li', { class: 'history-event', data: { kind: event.kind } },
    el('span', { class: 'history-what' }, t('history.by', { what: KINDS.has(event.kind) ? t(`history.${event.kind}`) : event.kind, name: event.by })),
    ' · ', time,
    what ? el('span', { class: 'history-detail' }, ` — ${what}`) : null);
}

/**
 * The collapsed History section of the coding `id`; its events load on first opening.
 * `codeName` gives a code's name in the interface language (its id when unknown).
 */
export function historySection(id, codeName = (code) => code) {
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
      list.replaceChildren(...(events.length ? events.map((event) => entry(event, codeName)) : [el('li', {}, t('history.none'))]));
    } catch (error) {
      loaded = false; // let the person try again by reopening
      list.replaceChildren(el('li', { class: 'form-error' }, t('history.failed', { detail: error.detail || error.message })));
    }
  });
  return section;
}
