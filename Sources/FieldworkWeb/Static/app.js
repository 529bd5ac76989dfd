// Fieldwork's browser entry point, loaded by every page. Pages work without it (they are
// rendered on the server); it adds coding, editing and keyboard shortcuts.

import { initCoder } from './coder.js';
import { initDocumentPage } from './document.js';
import { initCodebook } from './codebook.js';
import { initRetrievalCodes } from './retrieval-codes.js';
import { initMemos } from './memos.js';
import { initBlind } from './blind.js';
import { initAdjudication } from './adjudicate.js';
import { el, makeDialog, isEditable } from './ui.js';
import { t } from './i18n.js';

const SHORTCUTS = {
  everywhere: [t('keys.sectionEverywhere'), [
    [['?'], t('keys.showTheseShortcuts')],
    [['/'], t('keys.searchTheTranscripts')],
  ]],
  document: [t('keys.sectionReadingAndCoding'), [
    [['Tab'], t('keys.moveToTheNext')],
    [['J'], ['K'], t('keys.nextPreviousPassageAlso')],
    [['Home'], ['End'], t('keys.firstLastPassage')],
    [['Enter'], ['C'], t('keys.codeTheSelectionOr')],
    [['S'], ['Shift', 'S'], t('keys.selectTheNextPrevious')],
    [['E'], t('keys.extendTheSelectionTo')],
    [['A'], t('keys.selectTheWholePassage')],
    [['Shift', '→'], ['Shift', '←'], t('keys.makeTheSelectionEnd')],
    [[']'], ['['], t('keys.makeTheSelectionStart')],
    [['Esc'], t('keys.clearTheSelectionClose')],
    [['Ctrl', 'Z'], t('keys.undoTheLastChange')],
    [['M'], t('keys.writeAMemoOn')],
    [['Enter'], t('keys.onACodeIn')],
  ]],
  recording: [t('keys.sectionRecording'), [
    [['P'], ['Alt', 'P'], t('keys.playPause')],
    [['B'], ['Alt', 'B'], t('keys.skipBack')],
  ]],
  picker: [t('keys.sectionInTheCode'), [
    [[t('keys.type')], t('keys.filterCodesByName')],
    [['↓'], ['↑'], t('keys.moveThroughTheCodes')],
    [['Enter'], t('keys.applyTheHighlightedCode')],
    [['Ctrl', 'Enter'], t('keys.applyFromTheMemo')],
    [['Esc'], t('keys.closeWithoutCoding')],
  ]],
  codebook: [t('keys.sectionInTheCodebook'), [
    [['↓'], ['↑'], t('keys.nextPreviousCode')],
    [['→'], ['←'], t('keys.openCloseABranch')],
    [['Home'], ['End'], t('keys.firstLastCode')],
    [['R'], ['F2'], t('keys.renameTheFocusedCode')],
    [['M'], t('keys.moveTheFocusedCode')],
    [['A'], t('keys.addACodeUnder')],
    [['N'], t('keys.addAToplevelCode')],
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
  if (document.getElementById('transcript')) {
    sections.unshift(SHORTCUTS.document, ...(document.getElementById('recording-player') ? [SHORTCUTS.recording] : []), SHORTCUTS.picker);
  }
  if (document.querySelector('.code-tree')) sections.unshift(SHORTCUTS.codebook);
  const dialog = makeDialog({ title: t('keys.title'), className: 'help-dialog' });
  for (const [title, rows] of sections) {
    const list = el('dl', { class: 'shortcuts' });
    for (const row of rows) {
      const description = row[row.length - 1];
      const combos = row.slice(0, -1);
      const term = el('dt', {});
      combos.forEach((combo, index) => {
        if (index) term.append(el('span', { class: 'or' }, ` ${t('keys.or')} `));
        term.append(...keys(combo));
      });
      list.append(term, el('dd', {}, description));
    }
    dialog.body.append(el('section', {}, el('h3', {}, title), list));
  }
  if (page === 'documents' && document.getElementById('transcript')) {
    dialog.body.append(el('p', { class: 'hint' }, t('keys.mouse')));
  }
  const close = el('button', { type: 'button', class: 'primary', onclick: () => dialog.close() }, t('action.close'));
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

/**
 * Keeps --header-height (layout.css: scroll-padding-top, sticky table heads) at the sticky
 * header's real height: it wraps to two or three rows by language and width, and a fixed
 * guess left the passage a link or the keyboard jumps to, or the code picker's heading, under it.
 * A header that is not sticky (narrow windows) covers nothing.
 */
function initHeaderOffset() {
  const header = document.querySelector('header.top');
  if (!header || typeof ResizeObserver === 'undefined') return;
  const root = document.documentElement;
  const update = () => {
    const sticky = getComputedStyle(header).position === 'sticky';
    root.style.setProperty('--header-height', `${sticky ? Math.ceil(header.getBoundingClientRect().height) : 0}px`);
  };
  new ResizeObserver(update).observe(header);
  // The header's height can stay while its position changes (the narrow-window rule).
  window.addEventListener('resize', update);
  update();
}

function start() {
  document.documentElement.classList.add('js');
  initHeaderOffset();
  initCoder();
  initBlind();
  initShortcuts();
  if (document.getElementById('transcript')) initDocumentPage();
  if (document.querySelector('.code-tree')) initCodebook();
  initMemos();
  initRetrievalCodes();
  // The print view's button (no inline script under the CSP).
  for (const button of document.querySelectorAll('button[data-action="print"]')) button.addEventListener('click', () => window.print());
  const adjudication = document.querySelector('.adjudication');
  if (adjudication) initAdjudication(adjudication);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
