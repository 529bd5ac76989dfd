// Transcript refresh: after a change, fetch the page again and swap in its transcript and
// orphans box, keeping the scroll position and putting focus back where it belongs.

import { fetchPage } from './api.js';
import { announce } from './ui.js';
import { panel, workbench } from './workbench.js';
import { transcript, segments, segmentByIndex, prepareTranscript, resolveFocusTarget } from './transcript.js';
import { closePanel } from './panel.js';
import { applyHighlightFilter } from './filter.js';
import { t } from './i18n.js';

/**
 * Reloads the transcript and the orphans box from the server, keeping the scroll position
 * and putting focus back (`focus`: {offset} | {chip} | {segment}; default: where it was).
 */
export async function refreshTranscript({ focus = null, keepPanel = false } = {}) {
  const old = transcript();
  const active = document.activeElement;
  let focusTarget = focus;
  if (!focusTarget && active && old.contains(active) && !panel.contains(active)) {
    if (active.matches('button.chip')) focusTarget = { chip: active.dataset.coding };
    else {
      const segment = active.closest('section.segment');
      if (segment) focusTarget = { segment: Number(segment.dataset.index) };
    }
  }
  // Scroll anchor: the first passage visible at the top of the window.
  const anchor = segments().find((segment) => segment.getBoundingClientRect().bottom > 0);
  const anchorIndex = anchor ? anchor.dataset.index : null;
  const anchorTop = anchor ? anchor.getBoundingClientRect().top : 0;
  let page;
  try {
    page = await fetchPage(window.location.pathname);
  } catch (error) {
    announce(t('refresh.failed', { detail: error.detail }), { error: true });
    return;
  }
  const fresh = page.getElementById('transcript');
  if (!fresh) return;
  if (!keepPanel) closePanel({ restoreFocus: false });
  else workbench.append(panel);
  old.replaceWith(document.adoptNode(fresh));
  const freshOrphans = page.querySelector('.orphans');
  const oldOrphans = document.querySelector('.orphans');
  if (freshOrphans) {
    const node = document.adoptNode(freshOrphans);
    if (oldOrphans) {
      node.open = oldOrphans.open;
      oldOrphans.replaceWith(node);
    } else workbench.before(node);
  } else if (oldOrphans) oldOrphans.remove();
  prepareTranscript();
  applyHighlightFilter();
  if (anchorIndex !== null) {
    const again = segmentByIndex(anchorIndex);
    if (again) window.scrollBy(0, again.getBoundingClientRect().top - anchorTop);
  }
  const target = resolveFocusTarget(focusTarget);
  if (target) target.focus({ preventScroll: true });
  if (target) target.scrollIntoView({ block: 'nearest' });
  document.dispatchEvent(new CustomEvent('fieldwork:transcript-refreshed'));
}
