// The document page: select text and code it, inspect and change codings, re-attach orphans.
//
// Mouse: select text → the picker opens under the passage; click a highlight or a margin chip
// → its details. Keyboard: Tab or J/K to a passage, Enter or C codes the whole passage (or the
// current selection), S selects sentence by sentence, E extends by a sentence, Shift+←/→ and
// [ ] adjust by words.
//
// This file wires the page together; the parts live in their own modules: workbench.js (shared
// elements and state), transcript.js, selection.js, panel.js, code-passage.js (coding a
// selection), coding-details.js, refresh.js, reattach.js, pointer.js, keyboard.js, undo.js, filter.js,
// margins.js (chips beside their words), recording.js (the player) and live.js (others' changes).

import { el } from './ui.js';
import { bindWorkbench } from './workbench.js';
import { prepareTranscript, segmentAt } from './transcript.js';
import { initPanel } from './panel.js';
import { initReattach, focusReattachStart } from './reattach.js';
import { initPointer } from './pointer.js';
import { initKeyboard } from './keyboard.js';
import { initUndo } from './undo.js';
import { initHighlightFilter } from './filter.js';
import { alignMargins, initMargins } from './margins.js';
import { initRecording } from './recording.js';
import { initLiveRefresh } from './live.js';
import { t, tn, dateTime } from './i18n.js';

export function initDocumentPage() {
  if (!bindWorkbench()) return;
  initPanel();
  initReattach();
  initPointer();
  initKeyboard();
  prepareTranscript();
  focusReattachStart();
  const hint = document.getElementById('coding-hint');
  if (hint) hint.append(' ', el('span', {}, ...keyHint()));
  // One row above the transcript: undo, and which highlights to show.
  const tools = el('div', { class: 'coding-tools' });
  if (hint) hint.after(tools);
  else document.querySelector('.workbench').before(tools);
  initUndo(tools);
  initHighlightFilter(tools);
  // The document with its codings, coders and memos, to print or save (DocumentPrintPage).
  tools.append(el('a', { class: 'print-link', href: `${window.location.pathname.replace(/\/$/, '')}/print` }, t('document.printView')));
  alignMargins();
  initMargins();
  initRecording();
  initLiveRefresh();
  window.addEventListener('hashchange', goToHash);
  goToHash();
}

/** "Press ? for all keyboard shortcuts.", with the key as <kbd>. */
function keyHint() {
  const [before, after] = t('document.keysHint').split('{key}');
  return [before, el('kbd', {}, '?'), after];
}

/** Links into the text (#s<offset>) scroll to, focus and flash the passage holding it. */
function goToHash() {
  const match = /^#s(\d+)$/.exec(window.location.hash);
  if (!match) return;
  const segment = segmentAt(Number(match[1]));
  if (!segment) return;
  // Centred when it fits below the sticky header; a longer passage is shown from its start
  // (centred, its first lines went under the header).
  const header = document.querySelector('header.top')?.getBoundingClientRect().height || 0;
  const fits = segment.getBoundingClientRect().height < (window.innerHeight - header) * 0.6;
  segment.scrollIntoView({ block: fits ? 'center' : 'start' });
  segment.focus({ preventScroll: true });
  segment.classList.remove('is-target');
  void segment.offsetWidth; // restart the flash animation
  segment.classList.add('is-target');
}
