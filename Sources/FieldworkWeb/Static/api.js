// The JSON API: same-origin fetches; state-changing ones carry the session's CSRF token.
// Errors are thrown as ApiError with the server's `detail`, ready to show to the user.

import { t } from './i18n.js';

export class ApiError extends Error {
  constructor(status, code, detail) {
    super(detail);
    this.status = status;
    this.code = code;
    this.detail = detail;
  }
}

export function csrfToken() {
  const meta = document.querySelector('meta[name="csrf-token"]');
  return meta ? meta.getAttribute('content') || '' : '';
}

export async function api(method, url, body) {
  const init = { method, credentials: 'same-origin', headers: { Accept: 'application/json' } };
  if (method !== 'GET' && method !== 'HEAD') {
    init.headers['X-CSRF-Token'] = csrfToken();
    init.headers['Content-Type'] = 'application/json';
    if (body !== undefined) init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(url, init);
  } catch {
    throw new ApiError(0, 'network', t('api.unreachable'));
  }
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json().catch(() => null) : null;
  if (!response.ok) {
    const detail = data && typeof data.detail === 'string' ? data.detail : `${response.status} ${response.statusText}`.trim();
    throw new ApiError(response.status, (data && data.error) || `http_${response.status}`, detail);
  }
  return data;
}

export const get = (url) => api('GET', url);
export const post = (url, body) => api('POST', url, body);
export const patch = (url, body) => api('PATCH', url, body);
export const del = (url) => api('DELETE', url);

/** Builds a query string from an object, skipping null and undefined values. */
export function query(parameters) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(parameters)) {
    if (value !== null && value !== undefined) search.set(key, String(value));
  }
  return search.toString();
}

/**
 * Fetches one of the server's own pages and parses it (inert: a parsed document runs no
 * script, and the server escapes every value it writes).
 */
export async function fetchPage(url) {
  let response;
  try {
    response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'text/html' } });
  } catch {
    throw new ApiError(0, 'network', t('api.unreachable'));
  }
  if (!response.ok) throw new ApiError(response.status, `http_${response.status}`, t('api.reloadFailed', { status: response.status }));
  return new DOMParser().parseFromString(await response.text(), 'text/html');
}
