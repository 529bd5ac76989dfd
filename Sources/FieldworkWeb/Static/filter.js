// Show only some highlights: by code (with the codes below it) or by coder. The choice is
// kept across transcript refreshes; hidden codings lose their highlight and margin chip
// (their text stays readable and selectable). A blind pass (blind.js) shows the coder's own
// codings only, whatever is chosen here. The code counts (code-tally.js) are drawn from here too.

import { alignMargins } from './margins.js';
import { el, nextId } from './ui.js';
import { transcript } from './transcript.js';
import { blindCoder, onBlindChange } from './blind.js';
import { t, tn, dateTime } from './i18n.js';
import { initTally, renderTally } from './code-tally.js';

const chosen = { code: '', coder: '' };
let codeSelect = null;
let coderSelect = null;
let count = null;

/** Whether a coding with `code` by `coder` is shown under the current choice. */
function shown(code, coder) {
  const codeOk = !chosen.code || code === chosen.code || code.startsWith(`${chosen.code}.`);
  const blind = blindCoder();
  return codeOk && (!chosen.coder || coder === chosen.coder) && (!blind || coder === blind);
}

function options(select, values, allLabel) {
  const current = select.value;
  select.replaceChildren(el('option', { value: '' }, allLabel), ...values.map(([value, label]) => el('option', { value }, label)));
  select.value = values.some(([value]) => value === current) ? current : '';
}

/** Fills the choices from the codings on the page and hides what does not match. Run after every refresh. */
export function applyHighlightFilter() {
  if (!codeSelect) return;
  const chips = [...transcript().querySelectorAll('button.chip[data-coding]')];
  const blind = blindCoder();
  const codes = new Map();
  const coders = new Set();
  // In a blind pass the choices come from the coder's own codings only: the others' codes and
  // names would tell what they saw in the passage.
  for (const chip of chips.filter((chip) => !blind || chip.dataset.coder === blind)) {
    codes.set(chip.dataset.code, chip.textContent);
    if (chip.dataset.coder) coders.add(chip.dataset.coder);
  }
  options(codeSelect, [...codes].sort((a, b) => a[1].localeCompare(b[1])), t('filter.allCodes'));
  options(coderSelect, [...coders].sort().map((coder) => [coder, coder]), t('filter.allCoders'));
  chosen.code = codeSelect.value;
  chosen.coder = coderSelect.value;
  const coderOf = new Map(chips.map((chip) => [chip.dataset.coding, chip.dataset.coder || '']));
  let visible = 0;
  for (const chip of chips) {
    const on = shown(chip.dataset.code, chip.dataset.coder || '');
    chip.closest('li').hidden = !on;
    if (on) visible += 1;
  }
  for (const mark of transcript().querySelectorAll('mark.hl[data-coding]')) {
    mark.classList.toggle('is-filtered-out', !shown(mark.dataset.code, coderOf.get(mark.dataset.coding) || ''));
  }
  // Orphans of the document: in a blind pass only the coder's own (with their quotes).
  const orphans = document.querySelector('details.orphans');
  if (orphans) {
    const items = [...orphans.querySelectorAll('li[data-coder]')];
    for (const item of items) item.hidden = Boolean(blind) && item.dataset.coder !== blind;
    orphans.hidden = items.length > 0 && items.every((item) => item.hidden);
    const summary = orphans.querySelector('summary');
    summary.dataset.all ??= summary.textContent;
    const mine = items.filter((item) => !item.hidden).length;
    summary.textContent = blind ? tn('document.ownOrphans', mine) : summary.dataset.all;
  }
  const filtering = chosen.code || chosen.coder || blind;
  // A blind pass does not tell how much the others coded either.
  const total = blind ? chips.filter((chip) => chip.dataset.coder === blind).length : chips.length;
  count.textContent = filtering ? t(blind ? 'filter.countBlind' : 'filter.count', { visible, total }) : '';
  const counted = chips.filter((chip) => !blind || chip.dataset.coder === blind)
    .map((chip) => ({ id: chip.dataset.coding, code: chip.dataset.code, name: chip.textContent }));
  renderTally(counted, chosen.code, (code) => {
    codeSelect.value = code;
    applyHighlightFilter();
  });
  alignMargins(); // hidden chips leave room for the others
}

/** Run once on the document page. */
export function initHighlightFilter(tools) {
  const codeId = nextId('filter-code');
  const coderId = nextId('filter-coder');
  codeSelect = el('select', { id: codeId });
  coderSelect = el('select', { id: coderId });
  count = el('span', { class: 'filter-count', role: 'status', 'aria-live': 'polite' });
  for (const select of [codeSelect, coderSelect]) select.addEventListener('change', applyHighlightFilter);
  tools.append(el('div', { class: 'highlight-filter', role: 'group', 'aria-label': t('filter.label') },
    el('label', { for: codeId }, `${t('col.code')} `), codeSelect,
    el('label', { for: coderId }, `${t('col.coder')} `), coderSelect, count));
  initTally(tools);
  onBlindChange(applyHighlightFilter);
  applyHighlightFilter();
}
