/**
 * Text measurement that matches the server's rules.
 *
 * The server limits post bodies to 5000 Unicode code points (not UTF-16 code
 * units, which is what String.prototype.length counts). An emoji such as "😀"
 * is one code point but two UTF-16 units; "👍🏽" is two code points.
 */

export const MAX_POST_CODE_POINTS = 5000;

/** Number of Unicode code points in `text`. A lone surrogate counts as one. */
export function countCodePoints(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // A high surrogate followed by a low surrogate is one code point.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

/** True when the text is empty or only white space (the server refuses it). */
export function isBlank(text: string): boolean {
  return text.trim().length === 0;
}

export type BodyProblem =
  | { kind: 'empty' }
  | { kind: 'too_long'; over: number }
  | { kind: 'control_character' };

// Control characters other than tab (U+0009) and newline (U+000A) are refused
// by the server; carriage returns are normalised away before sending.
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;

/** Normalise what a textarea gives us into what we send: CRLF/CR -> LF. */
export function normaliseBody(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** Client-side check mirroring the server's posting rules, for early feedback. */
export function checkBody(text: string, max = MAX_POST_CODE_POINTS): BodyProblem | null {
  const body = normaliseBody(text);
  if (isBlank(body)) return { kind: 'empty' };
  if (FORBIDDEN_CONTROL.test(body)) return { kind: 'control_character' };
  const n = countCodePoints(body);
  if (n > max) return { kind: 'too_long', over: n - max };
  return null;
}

export function describeBodyProblem(problem: BodyProblem, max = MAX_POST_CODE_POINTS): string {
  switch (problem.kind) {
    case 'empty':
      return 'Write something first: a post cannot be empty or only spaces.';
    case 'control_character':
      return 'The text contains an invisible control character. Remove it and try again.';
    case 'too_long':
      return `That is ${problem.over} ${problem.over === 1 ? 'character' : 'characters'} over the limit of ${max}. Shorten it a little.`;
  }
}
