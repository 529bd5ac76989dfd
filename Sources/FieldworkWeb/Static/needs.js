// The need page's "Link a solution" form: posts to /api/needs/{id}/links with the CSRF token
// (api.js) and the coder's name, then reloads so the server renders the new link and charts.

import { api } from './api.js';
import { makeDialog, dialogActions, submitting } from './ui.js';
import { ensureCoder } from './coder.js';
import { t, tn, dateTime } from './i18n.js';

function init() {
  const form = document.getElementById('link-solution');
  if (!form) return;
  const status = form.querySelector('.form-status');
  // A solution linked already: its rationale and status come into the form and the button says
  // the link is updated (linking it again replaced the rationale without showing it, and saving
  // it to mend a typo set a piloted link back to the form's first status).
  const solution = form.querySelector('select[name=solution]');
  const rationale = form.querySelector('textarea[name=rationale]');
  const linkStatus = form.querySelector('select[name=status]');
  const firstStatus = linkStatus.value;
  const submit = form.querySelector('button[type=submit]');
  const linkLabel = submit.textContent;
  let prefilled = '';
  const update = () => {
    const item = document.querySelector(`li.need-link[data-solution="${CSS.escape(solution.value)}"]`);
    const linked = item?.querySelector('.memo-text');
    if (rationale.value === '' || rationale.value === prefilled) {
      prefilled = linked ? linked.textContent : '';
      rationale.value = prefilled;
    }
    linkStatus.value = item?.dataset.status ?? firstStatus;
    submit.textContent = linked ? t('need.updateLink') : linkLabel;
    status.classList.remove('error');
    status.textContent = linked ? t('need.alreadyLinked') : '';
  };
  solution.addEventListener('change', update);
  update(); // the solution chosen when the page opens may be linked already
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const coder = await ensureCoder(t('coder.forLinks'));
    if (!coder) return;
    const data = new FormData(form);
    status.textContent = t('status.saving');
    try {
      await api('POST', `/api/needs/${encodeURIComponent(form.dataset.need)}/links`, {
        solution: data.get('solution'), status: data.get('status'), rationale: data.get('rationale'), coder,
      });
      status.textContent = t('need.linkedDone');
      window.location.reload();
    } catch (error) {
      status.textContent = error.detail || String(error);
      status.classList.add('error');
    }
  });
}

// Each linked solution's "Remove link" button: asks in the app's own dialog (as the codebook's
// Delete does; the browser's confirm() was unstyled and its buttons not in the interface's
// language), deletes the link through /api/needs/{id}/links/{solution}, then reloads so the
// list and charts are the server's. A failure is said in the dialog.
function initUnlink() {
  const form = document.getElementById('link-solution');
  if (!form) return;
  for (const button of document.querySelectorAll('li.need-link button.unlink')) {
    button.setAttribute('aria-haspopup', 'dialog');
    button.addEventListener('click', async () => {
      // The removal is recorded in the remover's codings file, as a coding's is.
      const coder = await ensureCoder(t('coder.forLinks'));
      if (!coder) return;
      const item = button.closest('li.need-link');
      const solution = item.querySelector('a')?.textContent || item.dataset.solution;
      const dialog = makeDialog({ title: t('need.unlinkTitle', { solution }), description: t('need.unlinkConfirm') });
      dialogActions(dialog, t('need.unlink'), () => submitting(dialog, null,
        () => api('DELETE', `/api/needs/${encodeURIComponent(form.dataset.need)}/links/${encodeURIComponent(item.dataset.solution)}`
          + `?coder=${encodeURIComponent(coder)}`),
        () => {
          form.querySelector('.form-status').textContent = t('need.unlinkedDone');
          window.location.reload();
        }));
      // Cancel first: the removal cannot be undone here.
      dialog.open(dialog.actions.querySelector('button.secondary'));
    });
  }
}

function start() {
  init();
  initUnlink();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
