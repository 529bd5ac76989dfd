// Code counts beside the transcript: "Codes in this document", each code with how many
// codings it has here (a coding spanning two passages counts once; in a blind pass only your
// own). Each entry is a button that shows only that code's highlights (the Code filter), and
// pressed again shows all. Rebuilt whenever the filter is applied, so after every refresh.

import { el } from './ui.js';
import { t, tn } from './i18n.js';

let box = null;

/** `codings`: [{id, code, name}] of the codings counted; `current`: the chosen code filter. */
export function renderTally(codings, current, choose) {
  if (!box) return;
  const counts = new Map();
  for (const coding of codings) {
    const entry = counts.get(coding.code) || { name: coding.name, ids: new Set() };
    entry.ids.add(coding.id);
    counts.set(coding.code, entry);
  }
  const entries = [...counts].sort((a, b) => b[1].ids.size - a[1].ids.size || a[1].name.localeCompare(b[1].name));
  const list = el('ul', { class: 'tally-list' });
  for (const [code, { name, ids }] of entries) {
    const button = el('button', {
      type: 'button', 'aria-pressed': String(current === code), data: { code },
      'aria-label': tn('tally.entry', ids.size, { code: name }),
    }, el('span', { class: 'tally-name' }, name), ' ', el('span', { class: 'tally-count' }, String(ids.size)));
    button.addEventListener('click', () => choose(current === code ? '' : code));
    list.append(el('li', {}, button));
  }
  // Drawn anew each time: keep keyboard focus on the same code's button.
  const focused = box.contains(document.activeElement) ? document.activeElement.dataset.code : null;
  box.querySelector('.tally-list')?.remove();
  box.querySelector('.tally-empty')?.remove();
  if (entries.length) box.append(list);
  else box.append(el('p', { class: 'tally-empty' }, t('tally.none')));
  if (focused) box.querySelector(`button[data-code="${CSS.escape(focused)}"]`)?.focus();
}

/** Run once: the box goes into the margin column's place above the transcript. */
export function initTally(container) {
  const heading = el('h2', { class: 'tally-title', id: 'tally-title' }, t('tally.title'));
  box = el('section', { class: 'code-tally', 'aria-labelledby': 'tally-title' }, heading);
  container.append(box);
}
