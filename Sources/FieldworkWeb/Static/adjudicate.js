// The disagreements page: accept a disputed code into the consensus coder, dismiss it, or save
// the passage's discussion memo. Each action is recorded under the coder's name (asked once);
// after a decision the page is reloaded from the server, which renders the new state.

import { post } from './api.js';
import { ensureCoder } from './coder.js';
import { t, tn, dateTime } from './i18n.js';

async function decide(button) {
  const passage = button.closest('section.passage');
  const status = passage.querySelector('.discussion .status');
  const by = await ensureCoder(t('coder.forDecisions'));
  if (!by) return;
  const where = { document: passage.dataset.document, start: Number(passage.dataset.start), end: Number(passage.dataset.end), by };
  button.disabled = true;
  try {
    const action = button.dataset.action;
    if (action === 'discuss') {
      const box = passage.querySelector('.discussion textarea');
      const version = box.dataset.version ? Number(box.dataset.version) : undefined;
      const memo = await post('/api/disagreements/discussion', { ...where, text: box.value, version });
      box.dataset.version = String(memo.version);
      status.textContent = t('disagreements.saved');
    } else {
      await post(`/api/disagreements/${action}`, { ...where, code: button.closest('li').dataset.code });
      // Back to this passage after the reload, not the top of the page (a keyboard user had to
      // Tab through the header and every passage before it; found by a new user).
      sessionStorage.setItem(FOCUS_KEY, passage.getAttribute('aria-labelledby'));
      window.location.reload();
    }
  } catch (error) {
    status.textContent = error.detail || String(error);
  } finally {
    button.disabled = false;
  }
}

const FOCUS_KEY = 'fieldwork.adjudicated';

/** After a decision's reload: focus the decided passage's heading and say what was decided. */
function refocus(root) {
  const id = sessionStorage.getItem(FOCUS_KEY);
  if (!id) return;
  sessionStorage.removeItem(FOCUS_KEY);
  const heading = document.getElementById(id);
  if (!heading || !root.contains(heading)) return;
  heading.setAttribute('tabindex', '-1');
  heading.focus();
}

export function initAdjudication(root) {
  refocus(root);
  root.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button[data-action]') : null;
    if (button && root.contains(button)) decide(button);
  });
}
