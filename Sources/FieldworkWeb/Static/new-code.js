// A new code made from the code picker when nothing matches what was typed: name, parent and
// kind, added to the codebook YAML through /api/codebook/codes exactly as the codebook page adds
// one (the server edits only the lines that change), then handed back to be applied at once.

import { post } from './api.js';
import { el, field, nextId } from './ui.js';
import { t } from './i18n.js';
import { ID_PATTERN, KINDS, slug } from './codebook.js';

/** The code id for `name` under `parent` (a free one: `_2`, `_3`… when taken). */
export function newCodeId(codes, name, parent) {
  const base = slug(name) || 'code';
  const stem = parent ? `${parent.id}.${base}` : base;
  let id = stem;
  for (let n = 2; codes.byId.has(id); n += 1) id = `${stem}_${n}`;
  return id;
}

/**
 * The form, filled with `name`. `onCreated(code)` gets the created code (the API's shape);
 * `onCancel()` goes back to the list. Returns {root, focus()}.
 */
export function newCodeForm({ codes, name, onCreated, onCancel }) {
  const nameInput = el('input', { type: 'text', required: true, autocomplete: 'off', value: name, id: nextId('new-code-name') });
  const parentSelect = el('select', { id: nextId('new-code-parent') },
    el('option', { value: '' }, t('codebook.topLevel')),
    ...codes.list.map((code) => el('option', { value: code.id },
      `${'\u00a0\u00a0'.repeat(code.depth)}${code.name}`)));
  const kindSelect = el('select', { id: nextId('new-code-kind') },
    ...KINDS.map((kind) => el('option', { value: kind }, t(`kind.${kind}`))));
  const error = el('p', { class: 'form-error', role: 'status', 'aria-live': 'polite' });
  const create = el('button', { type: 'button', class: 'primary' }, t('picker.createApply'));
  const back = el('button', { type: 'button', class: 'secondary' }, t('picker.back'));
  const kindField = field(t('codebook.kind'), kindSelect, t('picker.kindHint'));
  const root = el('div', { class: 'new-code', role: 'group', 'aria-label': t('picker.newCode') },
    field(t('codebook.name'), nameInput).wrapper,
    field(t('picker.parent'), parentSelect).wrapper,
    kindField.wrapper, error, el('div', { class: 'panel-actions' }, create, back));

  // A code under a parent takes the parent's kind (as on the codebook page).
  const syncKind = () => {
    const parent = codes.byId.get(parentSelect.value);
    if (parent) kindSelect.value = parent.kind;
    kindSelect.disabled = Boolean(parent);
  };
  parentSelect.addEventListener('change', syncKind);

  async function submit() {
    const text = nameInput.value.trim();
    if (!text) {
      nameInput.setAttribute('aria-invalid', 'true');
      error.textContent = t('codebook.needsName');
      nameInput.focus();
      return;
    }
    const parent = codes.byId.get(parentSelect.value) || null;
    const body = { id: newCodeId(codes, text, parent), name: text };
    if (!ID_PATTERN.test(body.id)) {
      error.textContent = t('codebook.badId');
      return;
    }
    if (parent) body.parent = parent.id;
    else body.kind = kindSelect.value;
    create.disabled = true;
    try {
      onCreated(await post('/api/codebook/codes', body));
    } catch (failure) {
      create.disabled = false;
      error.textContent = failure.detail || String(failure);
      nameInput.focus();
    }
  }
  create.addEventListener('click', submit);
  back.addEventListener('click', onCancel);
  root.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && event.target instanceof HTMLInputElement) {
      event.preventDefault();
      event.stopPropagation();
      submit();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    }
  });
  return { root, focus() { nameInput.focus(); nameInput.select(); } };
}
