/**
 * @mentions while writing: the one being typed at the caret (for autocompletion), inserting a
 * chosen username, and every complete mention in a text. The rules follow the server's
 * extractor (domain/references): '@' at the start or after a character that cannot be part of a
 * word, address or link, then 1-64 of [A-Za-z0-9._-].
 */

const NAME = /[A-Za-z0-9._-]/;
const NOT_BEFORE = /[A-Za-z0-9._\-@#/&=+:]/;

export interface ActiveMention {
  /** index (UTF-16) of the '@' */
  start: number;
  /** what follows the '@' up to the caret (may be empty) */
  query: string;
}

/** The mention being typed when the caret is at `caret`, or null. */
export function activeMention(text: string, caret: number): ActiveMention | null {
  let i = caret;
  while (i > 0 && caret - i < 64 && NAME.test(text[i - 1])) i--;
  if (i === 0 || text[i - 1] !== '@') return null;
  const at = i - 1;
  if (at > 0) {
    const before = text[at - 1];
    if (NOT_BEFORE.test(before) || before.charCodeAt(0) >= 0x80) return null;
  }
  return { start: at, query: text.slice(i, caret) };
}

/** The text with the mention at `m` (up to the caret) replaced by "@username ", and the new caret. */
export function insertMention(text: string, m: ActiveMention, caret: number, username: string): { text: string; caret: number } {
  let end = caret;
  while (end < text.length && NAME.test(text[end])) end++;
  const inserted = `@${username}`;
  const after = text.slice(end);
  // A space after the name at the end of the text; an existing space or punctuation is kept.
  const space = after === '' ? ' ' : '';
  const caretAfter = m.start + inserted.length + (after === '' || after.startsWith(' ') ? 1 : 0);
  return { text: text.slice(0, m.start) + inserted + space + after, caret: caretAfter };
}

/** The usernames mentioned in `text`, lower-case, each once, in order of appearance. */
export function mentionedNames(text: string): string[] {
  const out: string[] = [];
  const re = /@([A-Za-z0-9._-]{1,64})/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const before = m.index > 0 ? text[m.index - 1] : '';
    if (before && (NOT_BEFORE.test(before) || before.charCodeAt(0) >= 0x80)) continue;
    const name = m[1].replace(/[.-]+$/, '').toLowerCase();
    if (name && !out.includes(name)) out.push(name);
  }
  return out;
}
