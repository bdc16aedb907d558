import { describe, expect, it } from 'vitest';
import { locateAnchor, segmentText, sortFindings, summariseFindings, textOffsetIn, worstSeverity, type NodeLike } from './segments';

const join = (segments: { text: string }[]) => segments.map((s) => s.text).join('');

describe('segmentText', () => {
  it('returns the whole text when nothing is marked', () => {
    expect(segmentText('hello', [])).toEqual([{ text: 'hello', start: 0, end: 5, keys: [] }]);
    expect(segmentText('', [])).toEqual([{ text: '', start: 0, end: 0, keys: [] }]);
  });

  it('cuts at the boundaries of one range', () => {
    const s = segmentText('We hear you, truly', [{ key: 1, start: 3, end: 11 }]);
    expect(s.map((x) => [x.text, x.keys])).toEqual([
      ['We ', []],
      ['hear you', [1]],
      [', truly', []],
    ]);
  });

  it('splits overlapping and nested ranges into pieces covered by each', () => {
    //           0123456789012345
    const text = 'alpha beta gamma';
    const s = segmentText(text, [
      { key: 'a', start: 0, end: 10 }, // alpha beta
      { key: 'b', start: 6, end: 16 }, // beta gamma
      { key: 'c', start: 7, end: 9 }, // et
    ]);
    expect(s.map((x) => [x.text, x.keys])).toEqual([
      ['alpha ', ['a']],
      ['b', ['a', 'b']],
      ['et', ['a', 'b', 'c']],
      ['a', ['a', 'b']],
      [' gamma', ['b']],
    ]);
    expect(join(s)).toBe(text);
  });

  it('uses code point offsets: emoji and other astral characters count once', () => {
    const text = 'Go 🚀 team 👍🏽 now';
    // code points: G o ␠ 🚀 ␠ t e a m ␠ 👍 🏽 ␠ n o w
    const s = segmentText(text, [
      { key: 1, start: 3, end: 4 },
      { key: 2, start: 10, end: 12 },
    ]);
    expect(s.filter((x) => x.keys.length).map((x) => x.text)).toEqual(['🚀', '👍🏽']);
    expect(join(s)).toBe(text);
    expect(s[1]).toMatchObject({ start: 3, end: 4 });
  });

  it('ignores empty or inverted ranges and clips ranges past the end', () => {
    const s = segmentText('abc', [
      { key: 1, start: 2, end: 2 },
      { key: 2, start: 2, end: 1 },
      { key: 3, start: 1, end: 99 },
      { key: 4, start: -5, end: 1 },
    ]);
    expect(s.map((x) => [x.text, x.keys])).toEqual([
      ['a', [4]],
      ['bc', [3]],
    ]);
  });

  it('keeps touching ranges apart', () => {
    const s = segmentText('abcd', [
      { key: 1, start: 0, end: 2 },
      { key: 2, start: 2, end: 4 },
    ]);
    expect(s.map((x) => [x.text, x.keys])).toEqual([
      ['ab', [1]],
      ['cd', [2]],
    ]);
  });

  it('segments lint findings of a real-looking text', () => {
    const text = 'This is AMAZING!! Mail me at ceo@example.com 😀';
    const findings = [
      { key: 0, start: 8, end: 17 },
      { key: 1, start: 29, end: 44 },
    ];
    const marked = segmentText(text, findings).filter((s) => s.keys.length > 0);
    expect(marked.map((m) => m.text)).toEqual(['AMAZING!!', 'ceo@example.com']);
  });
});

describe('locateAnchor', () => {
  const text = 'We hear you. We hear you loud and clear 🎉 today.';
  it('uses the offsets when the quote is still there', () => {
    expect(locateAnchor(text, { exact: 'We hear you', start: 13, end: 24 })).toEqual({ start: 13, end: 24 });
  });
  it('finds the quote again when the offsets are stale, preferring the matching context', () => {
    expect(locateAnchor(text, { exact: 'We hear you', prefix: '. ', suffix: ' loud', start: 1, end: 12 })).toEqual({ start: 13, end: 24 });
    expect(locateAnchor(text, { exact: 'today', start: 0, end: 5 })).toEqual({ start: 42, end: 47 });
  });
  it('counts code points before an emoji', () => {
    expect(locateAnchor('🎉🎉 go', { exact: 'go', start: 0, end: 2 })).toEqual({ start: 3, end: 5 });
  });
  it('gives null when the words are gone', () => {
    expect(locateAnchor(text, { exact: 'nowhere', start: 0, end: 7 })).toBeNull();
    expect(locateAnchor(text, { exact: '', start: 0, end: 0 })).toBeNull();
  });
});

describe('findings helpers', () => {
  it('picks the worst severity', () => {
    expect(worstSeverity(['info', 'warning'])).toBe('warning');
    expect(worstSeverity(['warning', 'error', 'info'])).toBe('error');
    expect(worstSeverity([])).toBe('info');
  });
  it('sorts errors first, then by position', () => {
    const sorted = sortFindings([
      { severity: 'warning', start: 1 },
      { severity: 'error', start: 9 },
      { severity: 'error', start: 2 },
      { severity: 'info', start: 0 },
    ]);
    expect(sorted.map((f) => `${f.severity}@${f.start}`)).toEqual(['error@2', 'error@9', 'warning@1', 'info@0']);
  });
  it('summarises by severity', () => {
    expect(summariseFindings([])).toBe('No policy hints.');
    expect(summariseFindings([{ severity: 'error' }, { severity: 'warning' }, { severity: 'warning' }])).toBe('1 error, 2 warnings.');
    expect(summariseFindings([{ severity: 'info' }])).toBe('1 tip.');
  });
});

describe('textOffsetIn', () => {
  const t = (value: string): NodeLike => ({ nodeType: 3, nodeValue: value, childNodes: [] });
  const el = (...children: NodeLike[]): NodeLike => ({ nodeType: 1, nodeValue: null, childNodes: children });

  it('counts the text before a position across marks', () => {
    const a = t('We ');
    const markText = t('hear 😀');
    const mark = el(markText);
    const c = t(' you');
    const root = el(a, mark, c);
    expect(textOffsetIn(root, a, 1)).toBe(1);
    expect(textOffsetIn(root, markText, 2)).toBe(5);
    expect(textOffsetIn(root, c, 4)).toBe(3 + 7 + 4);
    // element containers count child nodes
    expect(textOffsetIn(root, root, 2)).toBe(10);
    expect(textOffsetIn(root, mark, 1)).toBe(10);
  });

  it('is null for a node outside the root', () => {
    expect(textOffsetIn(el(t('x')), t('y'), 0)).toBeNull();
  });
});
