// Fieldwork's browser entry point, loaded by every page. Pages work without it (they are
// rendered on the server); it adds coding, editing and keyboard shortcuts.

import { initCoder } from './coder.js';
import { initDocumentPage } from './document.js';
import { initCodebook } from './codebook.js';
import { initMemos } from './memos.js';
import { initBlind } from './blind.js';
import { initAdjudication } from './adjudicate.js';
import { el, makeDialog, isEditable } from './ui.js';

const SHORTCUTS = {
  everywhere: ['Everywhere', [
    [['?'], 'Show these shortcuts'],
    [['/'], 'Search the transcripts'],
  ]],
  document: ['Reading and coding a transcript', [
    [['Tab'], 'Move to the next passage (then its codes in the margin)'],
    [['J'], ['K'], 'Next / previous passage (also ↓ ↑ on a passage)'],
    [['Home'], ['End'], 'First / last passage'],
    [['Enter'], ['C'], 'Code the selection, or the whole focused passage when nothing is selected'],
    [['S'], ['Shift', 'S'], 'Select the next / previous sentence of the passage'],
    [['E'], 'Extend the selection to the end of the next sentence'],
    [['A'], 'Select the whole passage'],
    [['Shift', '→'], ['Shift', '←'], 'Make the selection end a word later / earlier'],
    [[']'], ['['], 'Make the selection start a word later / earlier'],
    [['Esc'], 'Clear the selection, close the panel'],
    [['M'], 'Write a memo on this document'],
    [['Enter'], 'On a code in the margin: show, edit or delete that coding'],
  ]],
  picker: ['In the code picker', [
    [['Type'], 'Filter codes by name, id or parent (accents optional)'],
    [['↓'], ['↑'], 'Move through the codes'],
    [['Enter'], 'Apply the highlighted code'],
    [['Ctrl', 'Enter'], 'Apply from the memo field'],
    [['Esc'], 'Close without coding'],
  ]],
  codebook: ['In the codebook tree', [
    [['↓'], ['↑'], 'Next / previous code'],
    [['→'], ['←'], 'Open / close a branch, go to child / parent'],
    [['Home'], ['End'], 'First / last code'],
    [['R'], ['F2'], 'Rename the focused code'],
    [['M'], 'Move the focused code'],
    [['A'], 'Add a code under the focused code'],
    [['N'], 'Add a top-level code'],
  ]],
};

function keys(combo) {
  const parts = [];
  combo.forEach((key, index) => {
    if (index) parts.push('+');
    parts.push(el('kbd', {}, key));
  });
  return parts;
}

function showHelp() {
  if (document.querySelector('dialog.help-dialog[open]')) return;
  const page = document.querySelector('main')?.dataset.page;
  const sections = [SHORTCUTS.everywhere];
  if (document.getElementById('transcript')) sections.unshift(SHORTCUTS.document, SHORTCUTS.picker);
  if (document.querySelector('.code-tree')) sections.unshift(SHORTCUTS.codebook);
  const dialog = makeDialog({ title: 'Keyboard shortcuts', className: 'help-dialog' });
  for (const [title, rows] of sections) {
    const list = el('dl', { class: 'shortcuts' });
    for (const row of rows) {
      const description = row[row.length - 1];
      const combos = row.slice(0, -1);
      const term = el('dt', {});
      combos.forEach((combo, index) => {
        if (index) term.append(el('span', { class: 'or' }, ' or '));
        term.append(...keys(combo));
      });
      list.append(term, el('dd', {}, description));
    }
    dialog.body.append(el('section', {}, el('h3', {}, title), list));
  }
  if (page === 'documents' && document.getElementById('transcript')) {
    dialog.body.append(el('p', { class: 'hint' }, 'With the mouse: select text to code it; click a highlight or a code in the margin to see, change or delete it.'));
  }
  const close = el('button', { type: 'button', class: 'primary', onclick: () => dialog.close() }, 'Close');
  dialog.actions.append(close);
  dialog.open(dialog.heading);
}

function initShortcuts() {
  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (isEditable(event.target) || (event.target instanceof Element && event.target.closest('dialog'))) return;
    if (event.key === '?') {
      event.preventDefault();
      showHelp();
    } else if (event.key === '/') {
      const search = document.getElementById('search-q');
      if (!search) return;
      event.preventDefault();
      search.focus();
      search.select();
    }
  });
}

function start() {
  document.documentElement.classList.add('js');
  initCoder();
  initBlind();
  initShortcuts();
  if (document.getElementById('transcript')) initDocumentPage();
  if (document.querySelector('.code-tree')) initCodebook();
  initMemos();
  const adjudication = document.querySelector('.adjudication');
  if (adjudication) initAdjudication(adjudication);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
