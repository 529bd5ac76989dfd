// The code picker: an editable combobox (WAI-ARIA 1.2) over a listbox of codes. Typing
// filters by name, id and path, then description, include and examples, ignoring case and
// diacritics; when nothing matches, a new code can be made here and applied at once; ↑/↓ move, Enter chooses,
// Escape closes; a click chooses too. Recently used codes come first.

import { get } from './api.js';
import { el, codeDot, fold, nextId } from './ui.js';
import { t, tn, language } from './i18n.js';
import { newCodeForm } from './new-code.js';

const RECENT_KEY = 'fieldwork.recentCodes';
const RECENT_MAX = 5;

let codesPromise = null;

/** The codebook in tree order, each code with its depth and path of ancestor names. */
export function loadCodes(force = false) {
  if (!codesPromise || force) {
    codesPromise = get(`/api/codebook?lang=${encodeURIComponent(language)}`).then(buildTree).catch((error) => {
      codesPromise = null;
      throw error;
    });
  }
  return codesPromise;
}

function buildTree(items) {
  const byId = new Map(items.map((code, index) => [code.id, { ...code, order: index }]));
  const children = new Map();
  for (const code of byId.values()) {
    const parent = code.parent && byId.has(code.parent) ? code.parent : null;
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent).push(code);
  }
  for (const list of children.values()) list.sort((a, b) => (a.position - b.position) || (a.order - b.order));
  const list = [];
  const visit = (parent, depth, path) => {
    for (const code of children.get(parent) || []) {
      code.depth = depth;
      code.path = path;
      code.search = fold(`${code.name} ${code.id} ${path.join(' ')}`);
      code.foldedName = fold(code.name);
      // Definitions and examples match too, ranked after every match on a name, id or path.
      code.searchMore = fold([code.description, code.include, ...(code.examples || [])].filter(Boolean).join(' '));
      list.push(code);
      visit(code.id, depth + 1, [...path, code.name]);
    }
  };
  visit(null, 0, []);
  return { list, byId };
}

export function recentCodes() {
  try {
    const value = JSON.parse(localStorage.getItem(RECENT_KEY) || '[]');
    return Array.isArray(value) ? value.filter((id) => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

export function rememberCode(id) {
  try {
    const list = [id, ...recentCodes().filter((other) => other !== id)].slice(0, RECENT_MAX);
    localStorage.setItem(RECENT_KEY, JSON.stringify(list));
  } catch {
    // storage disabled: no recents
  }
}

/** Codes matching `text`, best first. Empty text: recent codes, then the whole tree. */
export function filterCodes(codes, text, recent = []) {
  const tokens = fold(text).split(/\s+/).filter(Boolean);
  if (!tokens.length) {
    const recentSet = new Set(recent.filter((id) => codes.byId.has(id)));
    const first = [...recentSet].map((id) => ({ code: codes.byId.get(id), recent: true }));
    return [...first, ...codes.list.filter((code) => !recentSet.has(code.id)).map((code) => ({ code, recent: false }))];
  }
  const query = tokens.join(' ');
  const scored = [];
  for (const code of codes.list) {
    if (!tokens.every((token) => code.search.includes(token))) {
      if (tokens.every((token) => code.search.includes(token) || code.searchMore.includes(token))) scored.push({ code, score: 6 });
      continue;
    }
    let score = 5;
    if (code.id === query || code.foldedName === query) score = 0;
    else if (code.foldedName.startsWith(query)) score = 1;
    else if (code.foldedName.split(/[\s\-–/]+/).some((word) => word.startsWith(tokens[0]))) score = 2;
    else if (code.id.startsWith(tokens[0])) score = 3;
    else if (code.foldedName.includes(tokens[0])) score = 4;
    scored.push({ code, score });
  }
  scored.sort((a, b) => a.score - b.score || a.code.order - b.code.order);
  return scored.map(({ code }) => ({ code, recent: false }));
}

/**
 * Builds a picker. Options: codes (from loadCodes), label, onChoose(code), onCancel(),
 * exclude (a code id not to offer, e.g. the current one), allowCreate (offer a new code when
 * nothing matches; the created code is passed to onChoose).
 * Returns {root, input, focus(), active()}.
 */
export function createPicker({ codes, label = t('col.code'), onChoose, onCancel, exclude = null, placeholder = t('picker.placeholder'), allowCreate = false }) {
  const prefix = nextId('picker');
  const listId = `${prefix}-list`;
  const input = el('input', {
    id: `${prefix}-input`, type: 'text', class: 'picker-input', role: 'combobox', autocomplete: 'off',
    spellcheck: 'false', 'aria-autocomplete': 'list', 'aria-expanded': 'true', 'aria-controls': listId,
    placeholder, enterkeyhint: 'done',
  });
  const listbox = el('ul', { id: listId, role: 'listbox', class: 'picker-list', 'aria-label': t('picker.codes'), tabindex: '-1' });
  const empty = el('p', { class: 'picker-empty', hidden: true });
  const definition = el('div', { class: 'picker-def', id: `${prefix}-def` });
  const count = el('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  const root = el('div', { class: 'picker' },
    el('label', { for: input.id, class: 'picker-label' }, label),
    input, el('p', { class: 'picker-keys', 'aria-hidden': 'true' }, t('picker.keys')),
    listbox, empty, definition, count);

  let options = [];
  let activeIndex = -1;
  let countTimer = 0;

  function render() {
    const text = input.value;
    options = filterCodes(codes, text, recentCodes()).filter(({ code }) => code.id !== exclude);
    listbox.replaceChildren();
    listbox.classList.toggle('is-tree', !text.trim());
    options.forEach(({ code, recent }, index) => {
      const path = code.path.join(' › ');
      const option = el('li', {
        id: `${prefix}-opt-${index}`, role: 'option', class: 'option', 'aria-selected': 'false',
        'aria-label': [code.name, path ? t('picker.inPath', { path }) : null, recent ? t('picker.recentLabel') : null].filter(Boolean).join(', '),
        data: { code: code.id, depth: recent ? 0 : Math.min(code.depth, 6), index },
      },
      codeDot(code.id),
      el('span', { class: 'option-main' },
        el('span', { class: 'option-name' }, code.name),
        path ? el('span', { class: 'option-path' }, path) : null),
      recent ? el('span', { class: 'option-tag' }, t('picker.recent')) : null,
      el('code', { class: 'option-id' }, code.id));
      listbox.append(option);
    });
    empty.hidden = options.length > 0;
    empty.replaceChildren();
    if (!options.length) {
      empty.append(t(allowCreate ? 'picker.noMatchCreate' : 'picker.noMatch', { text: text.trim() }));
      if (allowCreate && text.trim()) {
        empty.append(' ', el('button', { type: 'button', class: 'secondary picker-create', onclick: () => startCreate() },
          t('picker.create', { text: text.trim() })));
      }
    }
    setActive(options.length ? 0 : -1);
    window.clearTimeout(countTimer);
    countTimer = window.setTimeout(() => {
      count.textContent = text.trim() ? tn('picker.count', options.length) : '';
    }, 500);
  }

  function setActive(index) {
    const previous = listbox.querySelector('[aria-selected="true"]');
    if (previous) {
      previous.setAttribute('aria-selected', 'false');
      previous.classList.remove('is-active');
    }
    activeIndex = index;
    if (index < 0) {
      input.removeAttribute('aria-activedescendant');
      definition.replaceChildren();
      return;
    }
    const option = listbox.children[index];
    option.setAttribute('aria-selected', 'true');
    option.classList.add('is-active');
    input.setAttribute('aria-activedescendant', option.id);
    option.scrollIntoView({ block: 'nearest' });
    const { code } = options[index];
    definition.replaceChildren(...[
      code.description ? el('p', {}, code.description) : null,
      code.include ? el('p', {}, el('strong', {}, `${t('code.include')}: `), code.include) : null,
      code.exclude ? el('p', {}, el('strong', {}, `${t('code.exclude')}: `), code.exclude) : null,
    ].filter(Boolean));
  }

  function move(delta) {
    if (!options.length) return;
    let next = activeIndex + delta;
    if (Math.abs(delta) === 1) next = (next + options.length) % options.length;
    else next = Math.max(0, Math.min(options.length - 1, next));
    setActive(next);
  }

  function choose(index = activeIndex) {
    if (index >= 0 && options[index]) onChoose(options[index].code);
    else if (allowCreate && input.value.trim()) startCreate();
  }

  /** Nothing matched: the new-code form replaces the list until it is created or left. */
  function startCreate() {
    let listParts = [];
    const form = newCodeForm({
      codes, name: input.value.trim(),
      onCreated: (created) => {
        loadCodes(true).catch(() => {});
        onChoose({ ...created, path: [] });
      },
      onCancel: () => {
        form.root.remove();
        for (const part of listParts) part.hidden = false;
        render();
        input.focus();
      },
    });
    listParts = [...root.children];
    for (const part of listParts) part.hidden = true;
    root.append(form.root);
    form.focus();
  }

  input.addEventListener('input', render);
  input.addEventListener('keydown', (event) => {
    if (event.isComposing) return;
    switch (event.key) {
      case 'ArrowDown': move(1); break;
      case 'ArrowUp': move(-1); break;
      case 'PageDown': move(8); break;
      case 'PageUp': move(-8); break;
      case 'Enter':
        if (event.ctrlKey || event.metaKey) return; // the surrounding form's shortcut
        choose();
        break;
      case 'Escape':
        if (onCancel) onCancel();
        break;
      default: return;
    }
    event.preventDefault();
    event.stopPropagation();
  });
  listbox.addEventListener('mousedown', (event) => event.preventDefault()); // keep focus in the input
  listbox.addEventListener('click', (event) => {
    const option = event.target.closest('[role="option"]');
    if (!option) return;
    const index = Number(option.dataset.index);
    setActive(index);
    choose(index);
  });

  render();
  return {
    root,
    input,
    focus() { input.focus(); },
    active() { return activeIndex >= 0 ? options[activeIndex].code : null; },
  };
}
