// Margin code labels beside the words they code: each chip is moved down to the line where its
// highlight starts in the passage (never above the chip before it, so chips never overlap).
// Done in the browser because only it knows where lines wrap; run on every new transcript and
// when the width changes. On narrow screens the margin is a row under the text: left as it is.

import { transcript } from './transcript.js';

/** Aligns the chips of every passage (reads all positions first, then writes: one layout). */
export function alignMargins() {
  const root = transcript();
  if (!root) return;
  const lists = Array.from(root.querySelectorAll('section.segment > ul.margin'));
  for (const list of lists) for (const item of list.children) item.style.marginTop = '';
  const plans = [];
  for (const list of lists) {
    if (!list.children.length || getComputedStyle(list).flexDirection !== 'column') continue;
    const segment = list.parentElement;
    const items = Array.from(list.children).map((item) => {
      const chip = item.querySelector('button.chip[data-coding]');
      const mark = chip && segment.querySelector(`mark.hl[data-coding="${CSS.escape(chip.dataset.coding)}"]`);
      // The first line box of the highlight: where its words begin.
      const first = mark && mark.getClientRects()[0];
      return { item, top: item.getBoundingClientRect().top, want: first ? first.top : null };
    });
    plans.push(items);
  }
  for (const items of plans) {
    let shift = 0;
    for (const { item, top, want } of items) {
      if (want === null || item.hidden) continue;
      const extra = want - (top + shift);
      if (extra > 1) {
        item.style.marginTop = `${extra}px`;
        shift += extra;
      }
    }
  }
}

let pending = 0;

/** Run once: realign when the window (or the zoom) changes width, and once fonts are in. */
export function initMargins() {
  let width = window.innerWidth;
  window.addEventListener('resize', () => {
    if (window.innerWidth === width) return;
    width = window.innerWidth;
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(alignMargins);
  });
  if (document.fonts && document.fonts.ready) document.fonts.ready.then(alignMargins);
}
