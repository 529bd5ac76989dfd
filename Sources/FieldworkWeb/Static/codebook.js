// The codebook page: a keyboard-navigable tree (WAI-ARIA tree pattern) and dialogs to add,
// rename and move codes through /api/codebook (definition, merge and delete: codebook-edit.js). After a change the page reloads, focus returns
// to the code and the change is announced.

import { post, patch } from './api.js';
import { el, field, makeDialog, announce, fold, nextId, submitting, dialogActions } from './ui.js';
import { t, language } from './i18n.js';
import { addEditActions } from './codebook-edit.js';

const FLASH_KEY = 'fieldwork.flash';
const COLLAPSED_KEY = 'fieldwork.collapsedCodes';
export const ID_PATTERN = /^[a-z0-9]+(?:[._-][a-z0-9]+)*$/;
export const KINDS = ['theme', 'need', 'barrier', 'precondition', 'actor', 'emotion', 'other'];
const PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#bcbd22', '#7f7f7f'];

const itemsOf = (tree) => Array.from(tree.querySelectorAll('li[role="treeitem"]'));
const groupOf = (item) => item.querySelector(':scope > ul[role="group"]');
const parentItem = (item) => item.parentElement.closest('li[role="treeitem"]');
const isCollapsed = (item) => item.getAttribute('aria-expanded') === 'false';
const codeOf = (item) => ({
  id: item.dataset.code,
  name: item.dataset.name,
  kind: item.dataset.kind,
  parent: item.dataset.parent || null,
});

function collapsedSet() {
  try {
    return new Set(JSON.parse(sessionStorage.getItem(COLLAPSED_KEY) || '[]'));
  } catch {
    return new Set();
  }
}

function saveCollapsed(tree) {
  try {
    const ids = itemsOf(tree).filter(isCollapsed).map((item) => item.dataset.code);
    sessionStorage.setItem(COLLAPSED_KEY, JSON.stringify(ids));
  } catch {
    // storage disabled
  }
}

function visibleItems(tree) {
  return itemsOf(tree).filter((item) => {
    for (let parent = parentItem(item); parent; parent = parentItem(parent)) {
      if (isCollapsed(parent)) return false;
    }
    return true;
  });
}

export function slug(text) {
  return fold(text).replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
}

export function reloadWith(message, code) {
  try {
    sessionStorage.setItem(FLASH_KEY, JSON.stringify({ message, code }));
  } catch {
    // no flash message then
  }
  // The reloaded page scrolls to the code itself: left to the browser, the scroll position of
  // before the reload came back after load, and a code added or moved further down had the
  // focus far below the window (initCodebook turns it on again after the load).
  if (code) history.scrollRestoration = 'manual';
  window.location.reload();
}

function initTree(tree) {
  const collapsed = collapsedSet();
  const items = itemsOf(tree);
  items.forEach((item, index) => {
    item.tabIndex = index === 0 ? 0 : -1;
    const name = item.querySelector(':scope > .code-row .code-name');
    if (name) {
      name.id = name.id || nextId('code-name');
      item.setAttribute('aria-labelledby', name.id);
    }
    const row = item.querySelector(':scope > .code-row');
    const hasChildren = Boolean(groupOf(item));
    if (!hasChildren) {
      item.removeAttribute('aria-expanded');
      if (row) row.prepend(el('span', { class: 'twisty is-leaf', 'aria-hidden': 'true' }));
    } else {
      if (collapsed.has(item.dataset.code)) item.setAttribute('aria-expanded', 'false');
      if (row) {
        row.prepend(el('span', {
          class: 'twisty', 'aria-hidden': 'true', title: t('codebook.twisty'),
          onclick: (event) => {
            event.stopPropagation();
            toggle(item);
            focusItem(item);
          },
        }));
      }
    }
    for (const [selector, keys] of [['.rename', 'R F2'], ['.move', 'M'], ['.add-child', 'A']]) {
      const button = row && row.querySelector(selector);
      if (button) {
        button.setAttribute('aria-keyshortcuts', keys);
        button.setAttribute('aria-haspopup', 'dialog');
      }
    }
  });

  function focusItem(item) {
    if (!item) return;
    for (const other of itemsOf(tree)) other.tabIndex = -1;
    item.tabIndex = 0;
    item.focus();
  }

  function toggle(item, open = isCollapsed(item)) {
    if (!groupOf(item)) return;
    item.setAttribute('aria-expanded', String(open));
    saveCollapsed(tree);
  }

  tree.addEventListener('keydown', (event) => {
    const item = event.target;
    if (!(item instanceof Element) || item.getAttribute('role') !== 'treeitem') return;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const visible = visibleItems(tree);
    const index = visible.indexOf(item);
    switch (event.key) {
      case 'ArrowDown': focusItem(visible[index + 1]); break;
      case 'ArrowUp': focusItem(visible[index - 1]); break;
      case 'Home': focusItem(visible[0]); break;
      case 'End': focusItem(visible[visible.length - 1]); break;
      case 'ArrowRight':
        if (groupOf(item)) {
          if (isCollapsed(item)) toggle(item, true);
          else focusItem(groupOf(item).querySelector('li[role="treeitem"]'));
        }
        break;
      case 'ArrowLeft':
        if (groupOf(item) && !isCollapsed(item)) toggle(item, false);
        else focusItem(parentItem(item));
        break;
      case '*':
        for (const sibling of item.parentElement.children) if (groupOf(sibling)) toggle(sibling, true);
        break;
      case 'F2':
      case 'r': renameCode(item); break;
      case 'm': moveCode(item, tree); break;
      case 'a': addCode(item); break;
      default: return;
    }
    event.preventDefault();
  });

  tree.addEventListener('click', (event) => {
    const target = event.target;
    if (!(target instanceof Element)) return;
    const item = target.closest('li[role="treeitem"]');
    if (!item) return;
    if (target.closest('button.rename')) renameCode(item);
    else if (target.closest('button.move')) moveCode(item, tree);
    else if (target.closest('button.add-child')) addCode(item);
    else if (!target.closest('a, button') && target.closest('.code-row')) {
      for (const other of itemsOf(tree)) other.tabIndex = -1;
      item.tabIndex = 0;
      if (!window.getSelection().toString()) item.focus();
    }
  });

  tree.addEventListener('focusin', (event) => {
    const item = event.target instanceof Element ? event.target.closest('li[role="treeitem"]') : null;
    if (!item || event.target !== item) return;
    for (const other of itemsOf(tree)) if (other !== item) other.tabIndex = -1;
    item.tabIndex = 0;
  });

  return { focusItem };
}

// ---------------------------------------------------------------------- dialogs

// The dialogs' buttons and submission are ui.js's (the need page's confirmations use them too);
// codebook-edit.js takes them from here.
export { submitting, dialogActions };

function renameCode(item) {
  const code = codeOf(item);
  const input = el('input', { type: 'text', required: true, autocomplete: 'off', value: code.name });
  const dialog = makeDialog({
    title: t('codebook.renameTitle', { name: code.name }),
    description: t('codebook.renameHint', { id: code.id }),
  });
  dialog.body.append(field(t('codebook.name'), input).wrapper);
  dialogActions(dialog, t('codebook.rename'), () => {
    const name = input.value.trim();
    if (!name) {
      input.setAttribute('aria-invalid', 'true');
      dialog.setError(t('codebook.needsName'));
      input.focus();
      return;
    }
    if (name === code.name) {
      dialog.close();
      return;
    }
    submitting(dialog, input,
      () => patch(`/api/codebook/codes/${encodeURIComponent(code.id)}`, { name, language }),
      () => reloadWith(t('codebook.renamed', { name }), code.id));
  });
  dialog.open(input);
  input.select();
}

function moveCode(item, tree) {
  const code = codeOf(item);
  const blocked = new Set([item, ...item.querySelectorAll('li[role="treeitem"]')].map((node) => node.dataset.code));
  const select = el('select', { required: true });
  select.append(el('option', { value: '' }, t('codebook.topLevel')));
  for (const other of itemsOf(tree)) {
    let depth = 0;
    for (let parent = parentItem(other); parent; parent = parentItem(parent)) depth += 1;
    const label = `${'\u00a0\u00a0'.repeat(depth + 1)}${other.dataset.name} (${other.dataset.code})`;
    select.append(el('option', { value: other.dataset.code, disabled: blocked.has(other.dataset.code) }, label));
  }
  select.value = code.parent || '';
  const dialog = makeDialog({
    title: t('codebook.moveTitle', { name: code.name }),
    description: t('codebook.moveHint'),
  });
  dialog.body.append(field(t('codebook.newParent'), select).wrapper);
  dialogActions(dialog, t('codebook.move'), () => {
    const parent = select.value || null;
    if (parent === code.parent) {
      dialog.setError(t('codebook.sameParent'));
      select.focus();
      return;
    }
    const body = parent ? { parent } : { move_to_top: true };
    const where = parent ? t('codebook.under', { name: tree.querySelector(`li[data-code="${CSS.escape(parent)}"]`)?.dataset.name || parent }) : t('codebook.toTop');
    submitting(dialog, select,
      () => patch(`/api/codebook/codes/${encodeURIComponent(code.id)}`, body),
      () => reloadWith(t('codebook.moved', { name: code.name, where }), code.id));
  });
  dialog.open(select);
}

function addCode(parentItemEl) {
  const parent = parentItemEl ? codeOf(parentItemEl) : null;
  const name = el('input', { type: 'text', required: true, autocomplete: 'off' });
  const id = el('input', { type: 'text', required: true, autocomplete: 'off', spellcheck: 'false', class: 'mono', value: parent ? `${parent.id}.` : '' });
  const description = el('textarea', { rows: '3' });
  const ownColour = el('input', { type: 'checkbox' });
  const colour = el('input', { type: 'color', value: PALETTE[Math.floor(Math.random() * PALETTE.length)] });
  ownColour.checked = !parent;
  colour.disabled = !ownColour.checked;
  ownColour.addEventListener('change', () => { colour.disabled = !ownColour.checked; });
  const kind = el('select', {});
  for (const value of KINDS) kind.append(el('option', { value }, t(`kind.${value}`)));

  let idEdited = false;
  id.addEventListener('input', () => { idEdited = true; });
  name.addEventListener('input', () => {
    if (idEdited) return;
    const base = slug(name.value);
    id.value = parent ? `${parent.id}.${base}` : base;
  });

  const dialog = makeDialog({
    title: parent ? t('codebook.addUnder', { name: parent.name }) : t('codebook.addRoot'),
    className: 'add-code',
    description: parent ? t('codebook.inherits', { kind: t(`kind.${parent.kind}`), name: parent.name }) : null,
  });
  dialog.body.append(...[
    field(t('codebook.name'), name).wrapper,
    field(t('codebook.id'), id, t('codebook.idHint')).wrapper,
    field(t('codebook.descriptionOptional'), description).wrapper,
    parent ? null : field(t('codebook.kind'), kind).wrapper,
    el('div', { class: 'field field-inline' },
      el('label', {}, ownColour, ` ${t('codebook.ownColour')}`), colour),
  ].filter(Boolean));
  colour.setAttribute('aria-label', t('codebook.colour'));
  dialogActions(dialog, t('codebook.addCode'), () => {
    for (const input of [name, id]) input.removeAttribute('aria-invalid');
    const body = { id: id.value.trim(), name: name.value.trim() };
    if (!body.name) {
      name.setAttribute('aria-invalid', 'true');
      dialog.setError(t('codebook.needsName'));
      name.focus();
      return;
    }
    if (!ID_PATTERN.test(body.id)) {
      id.setAttribute('aria-invalid', 'true');
      dialog.setError(t('codebook.badId'));
      id.focus();
      return;
    }
    if (parent) body.parent = parent.id;
    else body.kind = kind.value;
    if (description.value.trim()) body.description = description.value.trim();
    if (ownColour.checked) body.color = colour.value;
    submitting(dialog, name,
      () => post('/api/codebook/codes', body),
      (created) => reloadWith(t('codebook.added', { name: created.name }), created.id));
  });
  dialog.open(name);
}

export function initCodebook() {
  const tree = document.querySelector('.code-tree');
  if (!tree) return;
  const { focusItem } = initTree(tree);
  addEditActions(tree);
  const addRoot = document.getElementById('add-root-code');
  if (addRoot) {
    addRoot.setAttribute('aria-haspopup', 'dialog');
    addRoot.setAttribute('aria-keyshortcuts', 'N');
    addRoot.addEventListener('click', () => addCode(null));
  }
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'n' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    const target = event.target;
    if (target instanceof Element && target.closest('input, textarea, select, dialog, [contenteditable]')) return;
    event.preventDefault();
    addCode(null);
  });
  if (history.scrollRestoration === 'manual') {
    // The browser's own again once this load is done (reloadWith turned it off for it).
    window.addEventListener('load', () => setTimeout(() => { history.scrollRestoration = 'auto'; }, 0), { once: true });
  }
  let flash = null;
  try {
    flash = JSON.parse(sessionStorage.getItem(FLASH_KEY) || 'null');
    sessionStorage.removeItem(FLASH_KEY);
  } catch {
    flash = null;
  }
  if (flash) {
    const item = flash.code ? tree.querySelector(`li[data-code="${CSS.escape(flash.code)}"]`) : null;
    if (item) {
      for (let parent = parentItem(item); parent; parent = parentItem(parent)) parent.setAttribute('aria-expanded', 'true');
      item.scrollIntoView({ block: 'center' });
      focusItem(item);
      item.classList.add('is-target');
    }
    if (flash.message) announce(flash.message);
  }
}
