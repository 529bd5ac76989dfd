// Retrieval over several codes: *Add a code* beside the code picker adds another picker (each
// sent as its own `code=`, so the passages coded with any of them are listed together);
// each added one can be removed. The codes of the address (`data-more`) come back as pickers.

import { el, nextId } from './ui.js';
import { t } from './i18n.js';

function addPicker(first, anchor, value = '') {
  const select = first.cloneNode(true);
  select.id = nextId('retrieval-code');
  select.removeAttribute('required');
  select.removeAttribute('data-more');
  select.value = value;
  const remove = el('button', { type: 'button', class: 'secondary' }, t('retrieval.removeCode'));
  const label = el('label', { for: select.id }, `${t('retrieval.orCode')} `);
  // Laid out as the form's other fields are: the label above, the picker (and Remove) below.
  const wrapper = el('span', { class: 'more-code' }, label, el('span', { class: 'more-code-row' }, select, remove));
  remove.addEventListener('click', () => {
    wrapper.remove();
    first.focus();
  });
  anchor.before(wrapper);
  return select;
}

/** Run once on the retrieval page. */
export function initRetrievalCodes() {
  const first = document.querySelector('form.filters select[name="code"][data-more]');
  if (!first) return;
  const add = el('button', { type: 'button', class: 'secondary add-code-filter' }, t('retrieval.addCode'));
  first.closest('label').after(add);
  for (const id of first.dataset.more.split(' ').filter(Boolean)) addPicker(first, add, id);
  add.addEventListener('click', () => addPicker(first, add).focus());
}
