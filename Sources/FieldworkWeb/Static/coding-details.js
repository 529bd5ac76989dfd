// A coding's details: the card (or cards, where codings overlap) that shows who coded what,
// and lets the coder save its memo, change its code or delete it. A conflict (someone else
// changed it meanwhile) reloads the card, keeps the unsaved memo text and shows the memo saved
// meanwhile beside it, to merge by hand. Every change is sent with the coder's name; the
// card's History section lists every change so far (coding-history.js).

import { get, post, patch, del, query, ApiError } from './api.js';
import { recordUndo, undoLast } from './undo.js';
import { el, codeDot, announce, nextId } from './ui.js';
import { ensureCoder } from './coder.js';
import { loadCodes, createPicker, rememberCode } from './picker.js';
import { panel, state } from './workbench.js';
import { documentId, segmentAt } from './transcript.js';
import { openPanel, closePanel, panelHeader, setBusy, markActive, confirmDiscard } from './panel.js';
import { refreshTranscript } from './refresh.js';
import { historySection } from './coding-history.js';
import { playFromButton } from './recording.js';
import { t, tn, dateTime } from './i18n.js';

function codeLabel(codes, id) {
  const code = codes.byId.get(id);
  return code ? { name: code.name, path: code.path.join(' › ') } : { name: id, path: '' };
}

/**
 * Opens the details card for the codings `ids` (several where highlights overlap) under
 * `segment`. After a conflict, `drafts` keeps unsaved memo text and `message` says why.
 */
export async function openDetails(ids, segment, returnFocus, { drafts = {}, message = '' } = {}) {
  if (!confirmDiscard()) return;
  let codes;
  let all;
  try {
    [codes, all] = await Promise.all([loadCodes(), get(`/api/codings?${query({ document: documentId() })}`)]);
  } catch (error) {
    announce(t('details.loadFailed', { detail: error.detail || error.message }), { error: true });
    return;
  }
  const byId = new Map(all.map((coding) => [coding.id, coding]));
  const codings = ids.map((id) => byId.get(id)).filter(Boolean);
  if (!codings.length) {
    announce(t('details.gone'));
    await refreshTranscript();
    return;
  }
  const title = codings.length === 1 ? t('details.title') : t('details.overlap', { count: codings.length });
  const cards = codings.map((coding, index) => codingCard(coding, codes, { multiple: codings.length > 1, open: index === 0, draft: drafts[coding.id], ids, segment, returnFocus }));
  const notice = el('p', { class: 'form-error', role: 'status', 'aria-live': 'polite' }, message);
  openPanel('details', segment, [panelHeader(title), notice, ...cards], returnFocus);
  state.dirty = codings.some((c) => drafts[c.id] !== undefined && drafts[c.id] !== (c.memo || ''));
  markActive(codings.map((c) => c.id));
  panel.querySelector('.panel-title').focus();
}

/**
 * The memo someone else saved while this person was editing, shown read-only beside their
 * draft, with a button that adds it to the draft (the person merges, then saves).
 */
function memoConflict(coding, memo) {
  const saved = coding.memo || '';
  const by = coding.updated_by || coding.coder;
  const add = el('button', { type: 'button', class: 'secondary' }, t('details.addTheirs'));
  add.addEventListener('click', () => {
    memo.value = memo.value.trim() ? `${memo.value.trimEnd()}\n\n${saved}` : saved;
    memo.dispatchEvent(new Event('input'));
    memo.focus();
  });
  const headingId = nextId('memo-theirs');
  return el('section', { class: 'memo-conflict', 'aria-labelledby': headingId },
    el('h4', { id: headingId }, t('details.savedMeanwhile', { name: by })),
    el('blockquote', { class: 'memo-theirs' }, saved || t('details.memoCleared')),
    saved ? el('div', { class: 'panel-actions' }, add) : null);
}

/** One coding's card: its memo, and the change-code and delete actions. */
function codingCard(coding, codes, { multiple, open, draft, ids, segment, returnFocus }) {
  const { name, path } = codeLabel(codes, coding.code);
  const memoId = nextId('coding-memo');
  const memo = el('textarea', { id: memoId, class: 'memo-input', rows: '3', placeholder: t('details.noMemo') });
  memo.value = draft !== undefined ? draft : coding.memo || '';
  const error = el('p', { class: 'form-error', role: 'status', 'aria-live': 'polite' });
  // Success has its own neutral line: in the error's red, "Memo saved." read as a failure.
  const status = el('p', { class: 'form-status', role: 'status', 'aria-live': 'polite' });
  const saveMemo = el('button', { type: 'button', class: 'secondary' }, t('memos.save'));
  const change = el('button', { type: 'button', class: 'secondary', 'aria-expanded': 'false' }, t('details.changeCode'));
  const remove = el('button', { type: 'button', class: 'danger-outline' }, t('details.delete'));
  const changeArea = el('div', { class: 'change-area', hidden: true });
  const confirmArea = el('div', { class: 'confirm-area', hidden: true, role: 'group', 'aria-label': t('details.confirmDeletion') });
  const body = el('div', { class: 'coding-body' });
  const created = coding.created_at ? new Date(coding.created_at) : null;
  const meta = [t('details.codedBy', { name: coding.coder }), created && !Number.isNaN(created.getTime()) ? dateTime(created) : null,
    coding.updated_by ? t('details.changedBy', { name: coding.updated_by }) : null]
    .filter(Boolean).join(' · ');
  // After a conflict: the memo saved meanwhile, beside the draft, until this person saves.
  const theirs = draft !== undefined && draft !== (coding.memo || '') ? memoConflict(coding, memo) : null;

  const context = { ids, segment, returnFocus };
  let card = coding; // the freshest version we know

  const stale = async (failure) => {
    const drafts = {};
    for (const area of panel.querySelectorAll('[data-coding-card]')) {
      const text = area.querySelector('textarea.memo-input');
      if (text) drafts[area.dataset.codingCard] = text.value;
    }
    state.dirty = false; // the drafts travel into the reloaded card
    await refreshTranscript({ keepPanel: true });
    const seg = context.segment && context.segment.isConnected ? context.segment : segmentAt(card.start);
    await openDetails(context.ids, seg, context.returnFocus, {
      drafts,
      message: t(drafts[card.id] !== undefined && drafts[card.id] !== (card.memo || '') ? 'details.conflictDraft' : 'details.conflict'),
    });
  };

  const gone = async (failure) => {
    const draft = memo.value.trim() && memo.value !== (card.memo || '') ? memo.value : '';
    state.dirty = false;
    closePanel({ restoreFocus: false });
    await refreshTranscript({ focus: { offset: card.start } });
    if (!draft) {
      announce(t('details.removedRefreshed', { detail: failure.detail }), { error: true });
      return;
    }
    // The memo text the person wrote is not thrown away with the coding: it stays to copy.
    const keptId = nextId('kept-memo');
    const kept = el('textarea', { id: keptId, class: 'memo-input', rows: '3', readonly: true });
    kept.value = draft;
    openPanel('details', segmentAt(card.start), [
      panelHeader(t('details.removed')),
      el('p', { class: 'form-error', role: 'status' }, t('details.removedMeanwhile')),
      el('div', { class: 'field' }, el('label', { for: keptId }, t('details.yourMemo')), kept),
    ], { offset: card.start });
    kept.focus();
    kept.select();
  };

  /**
   * A change that did not go through: a conflict or a vanished coding reloads (the promise
   * of that is returned); anything else is shown on the card (null is returned).
   */
  const failed = (failure) => {
    setBusy(false);
    if (failure instanceof ApiError && failure.status === 409) return stale(failure);
    if (failure instanceof ApiError && failure.status === 404) return gone(failure);
    status.textContent = '';
    // The server's detail is English; this refusal is said in the page's language.
    error.textContent = failure.code === 'memo_withheld' ? t('details.memoWithheld') : failure.detail || String(failure);
    return null;
  };

  /** The coder's name for a change (asked once per browser); null, with a message, if none is given. */
  const changer = async () => {
    status.textContent = ''; // "Memo saved." is stale once another change begins
    state.busy = true; // the coder dialog's Enter must not save twice
    const coder = await ensureCoder(t('coder.forChanges'));
    state.busy = false;
    if (!coder) error.textContent = t('details.needsCoderChange');
    return coder;
  };

  memo.addEventListener('input', () => {
    state.dirty = memo.value !== (card.memo || '');
    state.escapeArmed = false;
    status.textContent = '';
  });
  memo.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      saveMemo.click();
    }
  });

  saveMemo.addEventListener('click', async () => {
    if (state.busy) return;
    error.textContent = '';
    status.textContent = '';
    const coder = await changer();
    if (!coder) return;
    setBusy(true);
    try {
      const before = card;
      card = await patch(`/api/codings/${encodeURIComponent(card.id)}`, { version: card.version, memo: memo.value, coder });
      const after = card;
      recordUndo(t('undo.memo', { code: name }), async () => {
        await patch(`/api/codings/${encodeURIComponent(after.id)}`, { version: after.version, memo: before.memo || '', coder });
        return { chip: after.id };
      });
      state.dirty = false;
      if (theirs) theirs.remove();
      setBusy(false);
      // Said once: the card's status line is a live region (the page's announcer too said it twice).
      status.textContent = card.memo ? t('memos.saved') : t('memos.cleared');
    } catch (failure) {
      return failed(failure);
    }
  });

  change.addEventListener('click', () => {
    const opening = changeArea.hidden;
    changeArea.hidden = !opening;
    change.setAttribute('aria-expanded', String(opening));
    changeArea.replaceChildren();
    if (!opening) return;
    confirmArea.hidden = true;
    const picker = createPicker({
      codes,
      label: t('details.newCode', { code: name }),
      exclude: card.code,
      onCancel: () => {
        changeArea.hidden = true;
        change.setAttribute('aria-expanded', 'false');
        change.focus();
      },
      onChoose: async (code) => {
        if (state.busy) return;
        const coder = await changer();
        if (!coder) return;
        setBusy(true);
        try {
          const changed = await patch(`/api/codings/${encodeURIComponent(card.id)}`, { version: card.version, code: code.id, coder });
          rememberCode(code.id);
          recordUndo(t('undo.change', { from: name, to: code.name }), async () => {
            await patch(`/api/codings/${encodeURIComponent(changed.id)}`, { version: changed.version, code: card.code, coder });
            return { chip: changed.id };
          });
          closePanel({ restoreFocus: false });
          await refreshTranscript({ focus: { chip: card.id } });
          announce(t('details.changed', { from: name, to: code.name }));
        } catch (failure) {
          const reloading = failed(failure);
          if (reloading) return reloading;
          picker.focus();
        }
      },
    });
    changeArea.append(picker.root);
    picker.focus();
  });

  remove.addEventListener('click', () => {
    changeArea.hidden = true;
    change.setAttribute('aria-expanded', 'false');
    const keep = el('button', { type: 'button', class: 'secondary' }, t('details.keep'));
    const yes = el('button', { type: 'button', class: 'danger' }, t('details.deleteCoding'));
    confirmArea.replaceChildren(el('p', {}, t('details.confirmDelete', { code: name, name: card.coder })), el('div', { class: 'panel-actions' }, yes, keep));
    confirmArea.hidden = false;
    keep.addEventListener('click', () => {
      confirmArea.hidden = true;
      remove.focus();
    });
    yes.addEventListener('click', async () => {
      if (state.busy) return;
      state.busy = true;
      const coder = await ensureCoder(t('coder.forDeleting'));
      if (!coder) {
        state.busy = false;
        error.textContent = t('details.needsCoderDelete');
        return;
      }
      setBusy(true);
      try {
        await del(`/api/codings/${encodeURIComponent(card.id)}?${query({ version: card.version, coder })}`);
        const removed = card;
        // Undoing a deletion brings the same coding back: its id, memo and history (the removal
        // left it one version on).
        recordUndo(t('undo.deletion', { code: name }), async () => {
          await post(`/api/codings/${encodeURIComponent(removed.id)}/restore`, { version: removed.version + 1, coder });
          return { offset: removed.start };
        });
        closePanel({ restoreFocus: false });
        await refreshTranscript({ focus: { offset: card.start } });
        announce(t('details.deleted', { code: name }), { action: { label: t('undo.button'), run: undoLast } });
      } catch (failure) {
        return failed(failure);
      }
    });
    keep.focus();
  });

  body.append(...[
    multiple || !path ? null : el('p', { class: 'coding-path' }, path),
    el('p', { class: 'panel-meta' }, meta),
    el('blockquote', { class: 'panel-quote' }, coding.quote),
    playFromButton(coding.start),
    el('div', { class: 'field' }, el('label', { for: memoId }, theirs ? t('details.yourMemo') : t('coding.memo')), memo),
    theirs,
    el('div', { class: 'panel-actions' }, saveMemo, change, remove),
    changeArea, confirmArea, error, status,
    historySection(coding.id, (id) => codeLabel(codes, id).name),
  ].filter(Boolean));
  if (multiple) {
    return el('details', { class: 'coding-card', open: open || undefined, data: { codingCard: coding.id, code: coding.code } },
      el('summary', {}, codeDot(coding.code), el('span', { class: 'summary-name' }, name), el('span', { class: 'summary-meta' }, ` · ${coding.coder}`)),
      path ? el('p', { class: 'coding-path' }, path) : null,
      body);
  }
  return el('section', { class: 'coding-card', 'aria-label': name, data: { codingCard: coding.id, code: coding.code } },
    el('h3', { class: 'coding-name' }, codeDot(coding.code), name), body);
}
