// Editing and deleting a memo in its list (`.memo-list li[data-memo]`): *Edit* turns the text
// into a box with Save and Cancel, *Delete* asks first. Both name the version the page showed,
// so a memo someone else changed meanwhile is not overwritten or deleted (409: the draft stays,
// and the page says to reload).

import { patch, del, query } from './api.js';
import { el, announce, nextId } from './ui.js';
import { ensureCoder } from './coder.js';
import { t } from './i18n.js';

function failure(item, error) {
  const message = item.querySelector('.memo-error');
  const detail = error.status === 409 ? t('memos.changedMeanwhile') : (error.detail || String(error));
  message.textContent = t('memos.failed', { detail });
}

function startEditing(item) {
  const text = item.querySelector('.memo-text');
  const actions = item.querySelector('.memo-actions');
  const id = nextId('memo-edit');
  const box = el('textarea', { id, rows: '4' });
  // An adjudication memo is shown in the interface language; its stored text is what is edited.
  box.value = text.dataset.text ?? text.textContent;
  const save = el('button', { type: 'button', class: 'primary' }, t('action.save'));
  const cancel = el('button', { type: 'button' }, t('action.cancel'));
  const editor = el('div', { class: 'memo-editor' }, el('label', { for: id }, t('memos.editLabel')), box,
    el('div', { class: 'memo-editor-actions' }, save, cancel));
  text.hidden = true;
  actions.hidden = true;
  text.after(editor);
  box.focus();
  const stop = () => {
    editor.remove();
    text.hidden = false;
    actions.hidden = false;
    actions.querySelector('button').focus();
  };
  cancel.addEventListener('click', stop);
  box.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') { event.preventDefault(); stop(); }
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) { event.preventDefault(); save.click(); }
  });
  save.addEventListener('click', async () => {
    const value = box.value.trim();
    if (!value) {
      item.querySelector('.memo-error').textContent = t('memos.empty');
      box.focus();
      return;
    }
    save.disabled = true;
    try {
      const memo = await patch(`/api/memos/${encodeURIComponent(item.dataset.memo)}`, { text: value, version: Number(item.dataset.version) });
      item.dataset.version = memo.version;
      text.textContent = memo.text;
      delete text.dataset.text;
      item.querySelector('.memo-error').textContent = '';
      stop();
      announce(t('memos.saved'));
    } catch (error) {
      failure(item, error);
    } finally {
      save.disabled = false;
    }
  });
}

async function remove(item) {
  if (!window.confirm(t('memos.confirmDelete'))) return;
  const author = await ensureCoder(t('coder.forMemos'));
  if (!author) return;
  try {
    await del(`/api/memos/${encodeURIComponent(item.dataset.memo)}?${query({ author, version: item.dataset.version })}`);
    const list = item.parentElement;
    const next = item.nextElementSibling || item.previousElementSibling;
    item.remove();
    list.classList.toggle('is-empty', list.children.length === 0);
    const target = next ? next.querySelector('.memo-actions button') : list.closest('section.memos').querySelector('textarea');
    if (target) target.focus();
    announce(t('memos.deleted'));
  } catch (error) {
    failure(item, error);
  }
}

/** Gives a memo's list item its Edit and Delete buttons (once). */
export function addMemoActions(item) {
  if (!item.dataset.memo || item.querySelector('.memo-actions')) return;
  const excerpt = item.querySelector('.memo-text').textContent.slice(0, 40);
  const edit = el('button', { type: 'button', 'aria-label': t('memos.editNamed', { memo: excerpt }) }, t('memos.edit'));
  const remover = el('button', { type: 'button', 'aria-label': t('memos.deleteNamed', { memo: excerpt }) }, t('memos.delete'));
  edit.addEventListener('click', () => startEditing(item));
  remover.addEventListener('click', () => remove(item));
  item.append(el('div', { class: 'memo-actions' }, edit, remover),
    el('p', { class: 'memo-error form-error', role: 'status', 'aria-live': 'polite' }));
}
