import { describe, expect, it } from 'vitest';
import {
  codePointToUtf16,
  codePointsToSelection,
  selectionToCodePoints,
  sliceCodePoints,
  splitsSurrogatePair,
  utf16ToCodePoint,
} from './offsets';

const text = 'Hi 😀 team, 𝒳 marks 🚀!';
//           H i _ 😀(2) _ t e a m , _ 𝒳(2) _ m a r k s _ 🚀(2) !

describe('utf16ToCodePoint', () => {
  it('is the identity for BMP-only text', () => {
    const s = 'plain text é ✓';
    for (let i = 0; i <= s.length; i++) expect(utf16ToCodePoint(s, i)).toBe(i);
  });

  it('subtracts one for every astral character before the offset', () => {
    expect(utf16ToCodePoint(text, 0)).toBe(0);
    expect(utf16ToCodePoint(text, 3)).toBe(3); // before 😀
    expect(utf16ToCodePoint(text, 5)).toBe(4); // after 😀
    const afterX = text.indexOf('𝒳') + 2;
    expect(utf16ToCodePoint(text, afterX)).toBe(afterX - 2); // 😀 and 𝒳 before it
    expect(utf16ToCodePoint(text, text.length)).toBe(Array.from(text).length);
  });

  it('moves an offset inside a surrogate pair according to the bias', () => {
    expect(splitsSurrogatePair(text, 4)).toBe(true);
    expect(splitsSurrogatePair(text, 3)).toBe(false);
    expect(utf16ToCodePoint(text, 4)).toBe(3);
    expect(utf16ToCodePoint(text, 4, 'backward')).toBe(3);
    expect(utf16ToCodePoint(text, 4, 'forward')).toBe(4);
  });

  it('refuses offsets outside the text', () => {
    expect(() => utf16ToCodePoint(text, -1)).toThrow(RangeError);
    expect(() => utf16ToCodePoint(text, text.length + 1)).toThrow(RangeError);
    expect(() => utf16ToCodePoint(text, 1.5)).toThrow(RangeError);
  });

  it('treats lone surrogates as one code point each', () => {
    const s = 'a\ud83db\ude00c';
    expect(utf16ToCodePoint(s, 5)).toBe(5);
    expect(codePointToUtf16(s, 5)).toBe(5);
  });
});

describe('codePointToUtf16', () => {
  it('inverts utf16ToCodePoint at character boundaries', () => {
    for (let i = 0; i <= text.length; i++) {
      if (splitsSurrogatePair(text, i)) continue;
      expect(codePointToUtf16(text, utf16ToCodePoint(text, i))).toBe(i);
    }
  });

  it('maps every code point offset to a boundary', () => {
    const n = Array.from(text).length;
    for (let cp = 0; cp <= n; cp++) {
      const u = codePointToUtf16(text, cp);
      expect(splitsSurrogatePair(text, u)).toBe(false);
      expect(Array.from(text.slice(0, u)).length).toBe(cp);
    }
  });

  it('refuses offsets past the end or negative', () => {
    const n = Array.from(text).length;
    expect(() => codePointToUtf16(text, n + 1)).toThrow(RangeError);
    expect(() => codePointToUtf16(text, -1)).toThrow(RangeError);
    expect(() => codePointToUtf16('', 1)).toThrow(RangeError);
    expect(codePointToUtf16('', 0)).toBe(0);
  });
});

describe('selection ranges', () => {
  it('converts a selection of an emoji and back', () => {
    const start16 = text.indexOf('🚀');
    const sel = { start: start16, end: start16 + 2 };
    const cp = selectionToCodePoints(text, sel);
    expect(cp.end - cp.start).toBe(1);
    expect(sliceCodePoints(text, cp)).toBe('🚀');
    expect(codePointsToSelection(text, cp)).toEqual(sel);
  });

  it('converts a word after astral characters', () => {
    const start16 = text.indexOf('marks');
    const cp = selectionToCodePoints(text, { start: start16, end: start16 + 5 });
    expect(cp).toEqual({ start: start16 - 2, end: start16 - 2 + 5 });
    expect(sliceCodePoints(text, cp)).toBe('marks');
  });

  it('widens a selection that cuts a surrogate pair in half', () => {
    // starts in the middle of 😀 and ends in the middle of 𝒳
    const s16 = text.indexOf('😀') + 1;
    const e16 = text.indexOf('𝒳') + 1;
    const cp = selectionToCodePoints(text, { start: s16, end: e16 });
    expect(sliceCodePoints(text, cp)).toBe('😀 team, 𝒳');
  });

  it('orders a backwards selection', () => {
    const cp = selectionToCodePoints(text, { start: 9, end: 5 });
    expect(cp).toEqual({ start: 4, end: 8 });
    expect(codePointsToSelection(text, { start: 8, end: 4 })).toEqual({ start: 5, end: 9 });
  });

  it('keeps an empty selection empty', () => {
    expect(selectionToCodePoints(text, { start: 5, end: 5 })).toEqual({ start: 4, end: 4 });
  });
});
