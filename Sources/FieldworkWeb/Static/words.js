// A selection made with the mouse is widened to whole words, as MAXQDA and ATLAS.ti do: a drag
// that starts inside "Ja" and ends inside "oftast" codes "Ja, jag vaknar tidigt, oftast", not
// the fragment "a, jag vaknar tidigt, oft" that a need page and a handout would then quote.
// Keyboard selections are taken as given (they are made a character at a time on purpose), and
// so are selections a script makes (assistive technology, the tests): see pointer.js.

import { spanText } from './offsets.js';

// Letters, digits and combining marks (å written as a + ring stays one word).
const WORD = /^[\p{L}\p{N}\p{M}]$/u;
// Past this a "word" is not one (a URL, a line of digits): the selection is left as it is.
const LONGEST_WORD = 64;

/** `span` with its ends moved out to the edges of the words they fall inside. */
export function wholeWords(span, runs) {
  // One scalar at a time: a gap between runs (a speaker label) reads as '' and ends a word.
  const isWord = (offset) => offset >= 0 && WORD.test(spanText(runs, offset, offset + 1));
  let { start, end } = span;
  if (isWord(start)) while (span.start - start < LONGEST_WORD && isWord(start - 1)) start -= 1;
  if (isWord(end - 1)) while (end - span.end < LONGEST_WORD && isWord(end)) end += 1;
  if (span.start - start >= LONGEST_WORD) start = span.start;
  if (end - span.end >= LONGEST_WORD) end = span.end;
  return { start, end };
}
