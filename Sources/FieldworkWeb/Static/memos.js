// Memo sections (`section.memos`): the form posts to /api/memos and the new memo joins the
// list without a reload. A failed save keeps the text and says why. Each memo can be edited
// or deleted in place (memo-edit.js).

import { post } from './api.js';
import { el, announce } from './ui.js';
import { ensureCoder } from './coder.js';
import { addMemoActions } from './memo-edit.js';
import { t, tn, dateTime } from './i18n.js';

function memoItem(memo) {
  const when = memo.created_at ? new Date(memo.created_at) : null;
  const meta = [memo.author, when && !Number.isNaN(when.getTime()) ? dateTime(when) : null]
    .filter(Boolean).join(' · ');
  const item = el('li', { class: 'is-new', data: { memo: memo.id, version: memo.version } },
    el('p', { class: 'memo-text' }, memo.text),
    el('p', { class: 'memo-meta' }, meta));
  addMemoActions(item);
  return item;
}

function initSection(section) {
  const form = section.querySelector('form.memo-form');
  const list = section.querySelector('.memo-list');
  if (!form || !list) return;
  for (const item of list.children) addMemoActions(item);
  sayTimes(list);
  const textarea = form.querySelector('textarea');
  const button = form.querySelector('button[type="submit"]');
  const error = el('p', { class: 'form-error', role: 'status', 'aria-live': 'polite' });
  form.append(error);
  if (textarea) {
    textarea.setAttribute('aria-keyshortcuts', 'Control+Enter');
    textarea.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        form.requestSubmit();
      }
    });
  }
  const empty = () => {
    list.classList.toggle('is-empty', list.children.length === 0);
  };
  empty();

  let sending = false;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!textarea || sending) return;
    const text = textarea.value.trim();
    if (!text) {
      error.textContent = t('memos.empty');
      textarea.setAttribute('aria-invalid', 'true');
      textarea.focus();
      return;
    }
    textarea.removeAttribute('aria-invalid');
    sending = true;
    const author = await ensureCoder(t('coder.forMemos'));
    if (!author) {
      sending = false;
      error.textContent = t('memos.needsName');
      return;
    }
    error.textContent = '';
    form.setAttribute('aria-busy', 'true');
    if (button) button.disabled = true;
    try {
      const memo = await post('/api/memos', {
        target: section.dataset.target,
        target_id: section.dataset.targetId || '',
        author,
        text,
      });
      list.append(memoItem(memo));
      empty();
      textarea.value = '';
      announce(t('memos.saved'));
      textarea.focus();
    } catch (failure) {
      error.textContent = t('memos.failed', { detail: failure.detail || String(failure) });
    } finally {
      sending = false;
      form.removeAttribute('aria-busy');
      if (button) button.disabled = false;
    }
  });
}

// The server wrote each time in the study's zone as 2026-12-03 13:59; said here as new ones are.
function sayTimes(container) {
  for (const time of container.querySelectorAll('time[datetime]')) {
    const when = new Date(time.dateTime);
    if (!Number.isNaN(when.getTime())) time.textContent = dateTime(when);
  }
}

export function initMemos() {
  for (const section of document.querySelectorAll('section.memos')) initSection(section);
  // The memos page's lists of memos on codes and documents (edited where they belong).
  for (const group of document.querySelectorAll('section.memo-group')) sayTimes(group);
}
