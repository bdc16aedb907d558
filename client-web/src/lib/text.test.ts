import { describe, expect, it } from 'vitest';
import { checkBody, countCodePoints, describeBodyProblem, isBlank, normaliseBody } from './text';

describe('countCodePoints', () => {
  it('counts ASCII like length', () => {
    expect(countCodePoints('')).toBe(0);
    expect(countCodePoints('hello')).toBe(5);
  });

  it('counts an astral character (emoji) once', () => {
    expect('😀'.length).toBe(2);
    expect(countCodePoints('😀')).toBe(1);
    expect(countCodePoints('a😀b')).toBe(3);
    expect(countCodePoints('𝒳𝒴')).toBe(2);
  });

  it('counts combining sequences per code point, like the server', () => {
    // thumbs up + skin tone modifier: two code points
    expect(countCodePoints('👍🏽')).toBe(2);
    // e + combining acute accent
    expect(countCodePoints('e\u0301')).toBe(2);
    // family emoji with zero-width joiners: 5 code points
    expect(countCodePoints('👨‍👩‍👧')).toBe(5);
  });

  it('counts BMP non-ASCII characters once', () => {
    expect(countCodePoints('héllo wörld ✓ 日本')).toBe(16);
  });

  it('counts a lone surrogate as one', () => {
    expect(countCodePoints('\ud83d')).toBe(1);
    expect(countCodePoints('a\ude00b')).toBe(3);
    expect(countCodePoints('\ude00\ud83d')).toBe(2);
  });

  it('agrees with Array.from for well-formed strings', () => {
    const s = 'Quarterly 📈 results: ✅ done, 🚀 next. Ünïcödé 𝔘';
    expect(countCodePoints(s)).toBe(Array.from(s).length);
  });
});

describe('checkBody', () => {
  it('refuses empty and blank text', () => {
    expect(checkBody('')).toEqual({ kind: 'empty' });
    expect(checkBody('  \n\t ')).toEqual({ kind: 'empty' });
    expect(isBlank(' x ')).toBe(false);
  });

  it('accepts exactly the limit in code points', () => {
    expect(checkBody('😀'.repeat(5000))).toBeNull();
    expect(checkBody('😀'.repeat(5001))).toEqual({ kind: 'too_long', over: 1 });
    expect(checkBody('abc', 2)).toEqual({ kind: 'too_long', over: 1 });
  });

  it('refuses control characters except tab and newline', () => {
    expect(checkBody('a\tb\nc')).toBeNull();
    expect(checkBody('a\u0000b')).toEqual({ kind: 'control_character' });
    expect(checkBody('a\u0007b')).toEqual({ kind: 'control_character' });
    expect(checkBody('a\u007fb')).toEqual({ kind: 'control_character' });
  });

  it('treats CRLF as a newline', () => {
    expect(normaliseBody('a\r\nb\rc')).toBe('a\nb\nc');
    expect(checkBody('a\r\nb')).toBeNull();
  });

  it('describes each problem in a sentence', () => {
    expect(describeBodyProblem({ kind: 'too_long', over: 1 })).toMatch(/1 character over the limit of 5000/);
    expect(describeBodyProblem({ kind: 'too_long', over: 3 })).toMatch(/3 characters over/);
    expect(describeBodyProblem({ kind: 'empty' })).toMatch(/cannot be empty/);
  });
});
