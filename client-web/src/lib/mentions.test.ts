import { describe, expect, it } from 'vitest';
import { activeMention, insertMention, mentionedNames } from './mentions';

describe('activeMention', () => {
  it('finds the mention being typed at the caret', () => {
    expect(activeMention('Thanks @wr', 10)).toEqual({ start: 7, query: 'wr' });
    expect(activeMention('@', 1)).toEqual({ start: 0, query: '' });
    expect(activeMention('(@mia', 5)).toEqual({ start: 1, query: 'mia' });
  });
  it('ignores addresses, links and finished words', () => {
    expect(activeMention('mail me@home', 12)).toBeNull();
    expect(activeMention('see /x@y', 8)).toBeNull();
    expect(activeMention('no mention here', 15)).toBeNull();
    expect(activeMention('@mia and more', 13)).toBeNull();
  });
});

describe('insertMention', () => {
  it('replaces the typed part with the username and a space', () => {
    const m = activeMention('Hi @wr', 6)!;
    expect(insertMention('Hi @wr', m, 6, 'wren')).toEqual({ text: 'Hi @wren ', caret: 9 });
  });
  it('keeps the text after the name', () => {
    const m = activeMention('Hi @wr! ok', 6)!;
    expect(insertMention('Hi @wr! ok', m, 6, 'wren')).toEqual({ text: 'Hi @wren! ok', caret: 8 });
    const n = activeMention('Hi @w ok', 5)!;
    expect(insertMention('Hi @w ok', n, 5, 'wren')).toEqual({ text: 'Hi @wren ok', caret: 9 });
  });
  it('replaces the rest of a name the caret is inside', () => {
    const m = activeMention('Hi @wrxx', 6)!;
    expect(insertMention('Hi @wrxx', m, 6, 'wren').text).toBe('Hi @wren ');
  });
});

describe('mentionedNames', () => {
  it('lists each complete mention once, lower-case', () => {
    expect(mentionedNames('Thanks @Mia and @rui. Also @mia, mail a@b.com')).toEqual(['mia', 'rui']);
  });
});
