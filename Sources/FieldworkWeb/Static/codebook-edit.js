// The codebook page's other edits, each in a dialog from buttons on the code's row:
// *Definition* (description, include, exclude), *Merge…* (into another code, which takes over
// its codings through `formerly`) and *Delete* (only a code nothing is coded with and nothing
// sits below; the server says why otherwise). The definition is edited in the interface's
// language (GET /api/codebook?lang=…, PATCH with `language`): where the codebook gives it per
// language, only this language's text changes and the others stay.

import { get, post, patch, del } from './api.js';
import { el, field, makeDialog } from './ui.js';
import { t, tn, language } from './i18n.js';
import { reloadWith, submitting, dialogActions } from './codebook.js';

let shownCodes = null;
async function shownCode(id) {
  shownCodes ??= get(`/api/codebook?lang=${encodeURIComponent(language)}`);
  return (await shownCodes).find((code) => code.id === id) || {};
}

async function editDefinition(item) {
  const id = item.dataset.code;
  const name = item.dataset.name;
  const code = await shownCode(id);
  const boxes = ['description', 'include', 'exclude'].map((key) => {
    const box = el('textarea', { rows: key === 'description' ? '4' : '2' });
    box.value = code[key] || '';
    return [key, box];
  });
  const dialog = makeDialog({ title: t('codebook.definitionTitle', { name }), description: t('codebook.definitionHint') });
  for (const [key, box] of boxes) dialog.body.append(field(t(`codebook.field.${key}`), box).wrapper);
  dialogActions(dialog, t('action.save'), () => {
    const body = {};
    for (const [key, box] of boxes) if (box.value.trim() !== (code[key] || '')) body[key] = box.value.trim();
    if (!Object.keys(body).length) { dialog.close(); return; }
    body.language = language;
    submitting(dialog, boxes[0][1],
      () => patch(`/api/codebook/codes/${encodeURIComponent(id)}`, body),
      () => reloadWith(t('codebook.definitionSaved', { name }), id));
  });
  dialog.open(boxes[0][1]);
}

function mergeCode(item, tree) {
  const id = item.dataset.code;
  const name = item.dataset.name;
  const select = el('select', { required: true });
  select.append(el('option', { value: '' }, t('codebook.chooseCode')));
  for (const other of tree.querySelectorAll('li[role="treeitem"]')) {
    if (other.dataset.code === id) continue;
    select.append(el('option', { value: other.dataset.code }, `${other.dataset.name} (${other.dataset.code})`));
  }
  const dialog = makeDialog({ title: t('codebook.mergeTitle', { name }), description: t('codebook.mergeHint', { id }) });
  dialog.body.append(field(t('codebook.mergeInto'), select).wrapper);
  dialogActions(dialog, t('codebook.merge'), () => {
    if (!select.value) {
      select.setAttribute('aria-invalid', 'true');
      dialog.setError(t('codebook.chooseCode'));
      select.focus();
      return;
    }
    const into = select.value;
    const target = select.selectedOptions[0].textContent;
    submitting(dialog, select,
      () => post(`/api/codebook/codes/${encodeURIComponent(id)}/merge`, { into }),
      (merged) => {
        // Codings that were the same passage by the same coder on both codes are now one (the
        // other removed, with a history naming the one kept): said, so a count that drops is explained.
        const folded = merged?.duplicates_removed?.length ?? 0;
        const message = t('codebook.merged', { name, target }) + (folded ? ' ' + tn('codebook.mergedDuplicates', folded) : '');
        reloadWith(message, into);
      });
  });
  dialog.open(select);
}

function deleteCode(item, tree) {
  const id = item.dataset.code;
  const name = item.dataset.name;
  // A code in use, or with codes below it, cannot be deleted: the dialog says so at once and
  // offers the merge (it offered Delete, then showed the server's refusal, in English).
  const codings = Number(item.querySelector(':scope > .code-row .count')?.textContent || 0);
  const children = item.querySelector(':scope > ul[role="group"] > li[role="treeitem"]') !== null;
  if (codings > 0 || children) {
    const reason = children ? t('codebook.deleteHasChildren', { name }) : tn('codebook.deleteInUse', codings, { name });
    const refusal = makeDialog({ title: t('codebook.deleteTitle', { name }), description: reason });
    dialogActions(refusal, t('codebook.merge'), () => {
      refusal.close();
      mergeCode(item, tree);
    });
    refusal.open(refusal.actions.querySelector('button'));
    return;
  }
  const dialog = makeDialog({ title: t('codebook.deleteTitle', { name }), description: t('codebook.deleteHint') });
  dialogActions(dialog, t('codebook.delete'), () => {
    submitting(dialog, null,
      () => del(`/api/codebook/codes/${encodeURIComponent(id)}`),
      () => reloadWith(t('codebook.deleted', { name }), item.dataset.parent || null));
  });
  dialog.open(dialog.actions.querySelector('button'));
}

/** Adds the three buttons to every code's row. */
export function addEditActions(tree) {
  for (const item of tree.querySelectorAll('li[role="treeitem"]')) {
    const actions = item.querySelector(':scope > .code-row .code-actions');
    if (!actions) continue;
    const button = (cls, label, run) => {
      const b = el('button', { type: 'button', class: cls, 'aria-haspopup': 'dialog' }, label);
      b.addEventListener('click', (event) => { event.stopPropagation(); run(); });
      return b;
    };
    actions.append(' ', button('definition', t('codebook.definition'), () => editDefinition(item)),
      ' ', button('merge', t('codebook.merge'), () => mergeCode(item, tree)),
      ' ', button('delete', t('codebook.delete'), () => deleteCode(item, tree)));
  }
}
