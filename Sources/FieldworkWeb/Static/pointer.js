// The mouse and touch: a selection opens the code picker, a click on a highlight or a margin
// chip opens that coding's details, a chip under the pointer or in focus lights up its
// passage, and a selection bar offers to code selections that raise no mouseup.

import { spanText } from './offsets.js';
import { el, truncate } from './ui.js';
import { workbench, panel, banner, state } from './workbench.js';
import { transcript, runs, segmentAt } from './transcript.js';
import { currentSpan, selectSpan } from './selection.js';
import { wholeWords } from './words.js';
import { openPicker } from './code-passage.js';
import { openDetails } from './coding-details.js';
import { t, tn, dateTime } from './i18n.js';

/** Run once: the selection bar, then the mouse and chip handlers. */
export function initPointer() {
  selectionBar();
  mouse();
  chipHighlights();
}

/**
 * Touch and keyboard (caret browsing) selections raise no mouseup: a small bar at the
 * bottom of the window offers to code them.
 */
function selectionBar() {
  const barButton = el('button', { type: 'button', class: 'primary', 'aria-keyshortcuts': 'C' }, t('pointer.code'));
  const barQuote = el('span', { class: 'selection-quote' });
  const bar = el('div', { class: 'selection-bar', hidden: true }, barQuote, barButton, el('span', { class: 'selection-key', 'aria-hidden': 'true' }, `${t('pointer.orPress')} `, el('kbd', {}, 'C')));
  (document.querySelector('main') || document.body).append(bar);
  barButton.addEventListener('click', () => {
    const span = currentSpan();
    bar.hidden = true;
    if (span) openPicker(span, { offset: span.start });
  });
  let barTimer = 0;
  document.addEventListener('selectionchange', () => {
    window.clearTimeout(barTimer);
    barTimer = window.setTimeout(() => {
      const span = banner || state.panelKind ? null : currentSpan();
      bar.hidden = !span;
      if (span) barQuote.textContent = t('quote.marks', { text: truncate(spanText(runs(), span.start, span.end), 60) });
    }, 200);
  });
}

/** Select to code; click a highlight or a chip for its details. */
function mouse() {
  document.addEventListener('mouseup', (event) => {
    if (event.button !== 0 || !(event.target instanceof Element)) return;
    if (panel.contains(event.target) || event.target.closest('dialog, header, form, button, a, input, textarea, select')) return;
    window.setTimeout(() => {
      let span = currentSpan();
      // A drag of the hand ends where the hand stopped, often inside a word: widen it to whole
      // words and show that selection (a script's selection, not trusted, is taken as given).
      if (span && event.isTrusted) {
        span = wholeWords(span, runs());
        selectSpan(span);
      }
      if (span) {
        state.keyboardSpan = null;
        if (banner) return; // re-attaching: the selection is for the banner's button
        const segment = event.target.closest('section.segment') || segmentAt(span.start);
        openPicker(span, segment ? { segment: Number(segment.dataset.index) } : null);
        return;
      }
      const mark = event.target.closest('mark.hl[data-coding]');
      if (!mark) return;
      const ids = [];
      for (let node = mark; node && node.matches && !node.matches('.text'); node = node.parentElement) {
        // Highlights hidden by the filter are not there for the reader.
        if (node.matches('mark.hl[data-coding]:not(.is-filtered-out)')) ids.unshift(node.dataset.coding);
      }
      if (!ids.length) return;
      const segment = mark.closest('section.segment');
      openDetails([...new Set(ids)], segment, segment ? { segment: Number(segment.dataset.index) } : null);
    }, 0);
  });

  workbench.addEventListener('click', (event) => {
    const chip = event.target.closest('button.chip[data-coding]');
    if (!chip || panel.contains(chip)) return;
    openDetails([chip.dataset.coding], chip.closest('section.segment'), { chip: chip.dataset.coding });
  });
}

/** A chip under the pointer or in focus lights up its passage. */
function chipHighlights() {
  const hot = (chip, on) => {
    for (const mark of transcript().querySelectorAll(`mark.hl[data-coding="${CSS.escape(chip.dataset.coding)}"]`)) mark.classList.toggle('is-hot', on);
  };
  workbench.addEventListener('mouseover', (event) => {
    const chip = event.target.closest && event.target.closest('button.chip[data-coding]');
    if (chip) hot(chip, true);
  });
  workbench.addEventListener('mouseout', (event) => {
    const chip = event.target.closest && event.target.closest('button.chip[data-coding]');
    if (chip) hot(chip, false);
  });
  workbench.addEventListener('focusin', (event) => {
    if (event.target.matches('button.chip[data-coding]')) hot(event.target, true);
  });
  workbench.addEventListener('focusout', (event) => {
    if (event.target.matches('button.chip[data-coding]')) hot(event.target, false);
  });
}
