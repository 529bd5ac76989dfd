// The recording beside the transcript: "play from here" on timed passages and codings, the
// passage being played highlighted and followed, and keys to play/pause (P) and go back 5 s (B),
// with Alt also while typing in the code picker or a memo. The player is the browser's own
// <audio>/<video> (RecordingPlayer.swift); the file comes from this server only.

import { el, announce, isEditable } from './ui.js';
import { transcript, segments } from './transcript.js';
import { t } from './i18n.js';

export const player = () => document.getElementById('recording-player');

const SKIP_BACK = 5;

/** Seconds into the recording where the text at scalar `offset` is spoken, or null: the time of
 * the timed passage holding it, else of the nearest timed passage before it. */
export function timeAt(offset) {
  let time = null;
  for (const segment of segments()) {
    if (Number(segment.dataset.start) > offset) break;
    if (segment.dataset.timeStart !== undefined) time = Number(segment.dataset.timeStart);
  }
  return time;
}

/** "Play from here" for a coding's passage (in its details card), or null without a time. */
export function playFromButton(offset) {
  const time = player() ? timeAt(offset) : null;
  if (time === null) return null;
  return el('button', { type: 'button', class: 'play-from play-coding', data: { time: String(time) } },
    t('recording.playCoding', { time: clock(time) }));
}

/** 754 → "12:34", 3723 → "1:02:03" (as SegmentTimestamp.clock writes it). */
function clock(seconds) {
  const total = Math.max(0, Math.floor(seconds));
  const two = (n) => String(n).padStart(2, '0');
  const hours = Math.floor(total / 3600);
  const rest = `${two(Math.floor(total / 60) % 60)}:${two(total % 60)}`;
  return hours ? `${hours}:${rest}` : rest;
}

export async function playFrom(time) {
  const media = player();
  if (!media) return;
  media.currentTime = time;
  try {
    await media.play();
  } catch (error) {
    announce(t('recording.failed', { detail: error.message }), { error: true });
  }
  markPlaying(true);
}

function togglePlay() {
  const media = player();
  if (media.paused) media.play().catch((error) => announce(t('recording.failed', { detail: error.message }), { error: true }));
  else media.pause();
}

function skipBack() {
  const media = player();
  media.currentTime = Math.max(0, media.currentTime - SKIP_BACK);
}

/** The timed passage playing at `time`: from its start to its end (or, without one, on). */
function segmentAtTime(time) {
  let found = null;
  for (const segment of transcript().querySelectorAll('section.segment[data-time-start]')) {
    const start = Number(segment.dataset.timeStart);
    if (start > time) break;
    const end = segment.dataset.timeEnd === undefined ? Infinity : Number(segment.dataset.timeEnd);
    if (time < end) found = segment;
  }
  return found;
}

let current = null;

/** Highlights the passage being played and, when `follow`, scrolls it into view (smoothly unless
 * the person prefers reduced motion). */
function markPlaying(follow) {
  const media = player();
  if (!media || !transcript()) return;
  const segment = segmentAtTime(media.currentTime);
  if (segment === current && segment && segment.isConnected) return;
  if (current) {
    current.classList.remove('is-playing');
    current.removeAttribute('aria-current');
  }
  current = segment;
  if (!segment) return;
  segment.classList.add('is-playing');
  segment.setAttribute('aria-current', 'time');
  if (follow && !media.paused) {
    const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    const box = segment.getBoundingClientRect();
    if (box.top < 0 || box.bottom > window.innerHeight) {
      segment.scrollIntoView({ block: 'center', behavior: reduced ? 'auto' : 'smooth' });
    }
  }
}

/** Run once on the document page: wires the player if the page has one. */
export function initRecording() {
  const media = player();
  if (!media) return;
  media.addEventListener('timeupdate', () => markPlaying(true));
  media.addEventListener('seeked', () => markPlaying(false));
  // Delegated: the transcript is replaced after every change (refresh.js), the card is rebuilt.
  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button.play-from') : null;
    if (!button) return;
    event.preventDefault();
    playFrom(Number(button.dataset.time));
  });
  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.isComposing || event.ctrlKey || event.metaKey) return;
    // Alt+P / Alt+B anywhere (by physical key: Alt changes the character on some systems);
    // plain P / B where typing is not going on.
    const typing = isEditable(event.target) || (event.target instanceof Element && event.target.closest('dialog'));
    let action = null;
    if (event.altKey && !event.shiftKey) action = { KeyP: togglePlay, KeyB: skipBack }[event.code];
    else if (!event.altKey && !event.shiftKey && !typing) action = { p: togglePlay, b: skipBack }[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  });
}
