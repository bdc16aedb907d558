import { describe, expect, it } from 'vitest';
import { splitReferences } from './references';

describe('splitReferences', () => {
  it('cuts the text at code-point offsets', () => {
    const pieces = splitReferences('👋 @ana on #ops', [
      { kind: 'mention', value: 'ana', start: 2, end: 6 },
      { kind: 'topic', value: 'ops', start: 10, end: 14 },
    ]);
    expect(pieces.map((p) => p.text)).toEqual(['👋 ', '@ana', ' on ', '#ops']);
    expect(pieces[1].ref?.kind).toBe('mention');
    expect(pieces[3].ref?.value).toBe('ops');
  });

  it('keeps plain text whole and ignores references outside it', () => {
    expect(splitReferences('hello', undefined)).toEqual([{ text: 'hello' }]);
    expect(splitReferences('hi', [{ kind: 'topic', value: 'x', start: 1, end: 9 }])).toEqual([{ text: 'hi' }]);
  });
});
