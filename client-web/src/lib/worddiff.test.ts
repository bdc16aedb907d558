import { describe, expect, it } from 'vitest';
import { summariseDiff, wordDiff } from './worddiff';

describe('wordDiff', () => {
  it('marks the words that changed between two versions, in reading order', () => {
    const parts = wordDiff('Thanks to the team who worked late nights.', 'Thanks to the team who went the extra mile.');
    expect(parts.filter((p) => p.kind === 'removed').map((p) => p.text.trim())).toEqual(['worked late nights']);
    expect(parts.filter((p) => p.kind === 'added').map((p) => p.text.trim())).toEqual(['went the extra mile']);
    // reading the kept and added parts gives the new text; kept and removed the old one
    expect(parts.filter((p) => p.kind !== 'removed').map((p) => p.text).join('')).toBe('Thanks to the team who went the extra mile.');
    expect(parts.filter((p) => p.kind !== 'added').map((p) => p.text).join('')).toBe('Thanks to the team who worked late nights.');
  });
  it('summarises added and removed words', () => {
    expect(summariseDiff(wordDiff('a b c', 'a b c'))).toBe('No changes');
    expect(summariseDiff(wordDiff('we crushed it', 'we did well'))).toBe('2 words added, 2 words removed');
    expect(summariseDiff(wordDiff('hello', 'hello world'))).toBe('1 word added, 0 words removed');
  });
});
