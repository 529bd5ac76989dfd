// The need page's "Link a solution" form: posts to /api/needs/{id}/links with the CSRF token
// (api.js) and the coder's name, then reloads so the server renders the new link and charts.

import { api } from './api.js';
import { ensureCoder } from './coder.js';
import { t, tn, dateTime } from './i18n.js';

function init() {
  const form = document.getElementById('link-solution');
  if (!form) return;
  const status = form.querySelector('.form-status');
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

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
else init();
