// The interface's texts in the page's language. The server sends the message catalogue of the
// request's language as /static/messages.<lang>.js (a classic script in the page head, run
// before the modules), the same catalogue the server-rendered pages use.

const messages = window.fieldworkMessages || {};

/** The interface language (the page's `lang`). */
export const language = document.documentElement.lang || 'en';

/** `t('coder.button', {name})`: the text with its `{placeholders}` filled in. */
export function t(key, values = {}) {
  const template = Object.prototype.hasOwnProperty.call(messages, key) ? messages[key] : key;
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

/** A counted text: the key's `.one` or `.other` form, with `{count}` filled in. */
export function tn(key, count, values = {}) {
  return t(`${key}.${count === 1 ? 'one' : 'other'}`, { ...values, count });
}

/** The study's time zone (the workspace's `time_zone`), which the audit page shows times in too. */
const timeZone = document.querySelector('meta[name="time-zone"]')?.content;

/** A date and time in the interface language, in the study's time zone whatever the browser's. */
export function dateTime(date) {
  const options = { dateStyle: 'medium', timeStyle: 'short' };
  try {
    return date.toLocaleString(language === 'sv' ? 'sv-SE' : 'en-GB', timeZone ? { ...options, timeZone } : options);
  } catch {
    return date.toLocaleString(language === 'sv' ? 'sv-SE' : 'en-GB', options); // a zone the browser does not know
  }
}
