import { describe, expect, it } from 'vitest';
import type { Annotation } from '../api/types';
import { categoryLabel, placeAnnotations, rangeForQuote, selectionForAnnotation } from './annotations';

function annotation(id: number, exact: string, start: number, end: number, extra: Partial<Annotation> = {}): Annotation {
  return {
    id,
    post_id: 1,
    version: 1,
    coach: { id: 3, username: 'cora', display_name: 'Cora Coach' },
    category: 'tone',
    comment: 'c',
    suggestion: null,
    anchor: { exact, prefix: '', suffix: '', start, end },
    orphaned: false,
    resolved: false,
    resolved_at: null,
    applied: false,
    created_at: '2026-11-24T15:00:00.000Z',
    replies: [],
    ...extra,
  };
}

describe('placeAnnotations', () => {
  const text = 'Thanks team 🙌 for an AMAZING quarter';
  it('places open annotations by position and keeps overlapping ones', () => {
    const p = placeAnnotations(text, [annotation(2, 'AMAZING quarter', 21, 36), annotation(1, 'team 🙌', 7, 13), annotation(3, 'AMAZING', 21, 28)]);
    expect(p.placed.map((x) => [x.annotation.id, x.start, x.end])).toEqual([
      [1, 7, 13],
      [3, 21, 28],
      [2, 21, 36],
    ]);
    expect(p.orphaned).toEqual([]);
  });
  it('lists orphaned, unplaceable and resolved annotations apart', () => {
    const p = placeAnnotations(text, [
      annotation(1, 'gone words', 0, 10, { orphaned: true }),
      annotation(2, 'not here', 0, 8),
      annotation(3, 'Thanks', 0, 6, { resolved: true, applied: true }),
    ]);
    expect(p.placed).toEqual([]);
    expect(p.orphaned.map((a) => a.id)).toEqual([1, 2]);
    expect(p.resolved.map((a) => a.id)).toEqual([3]);
  });
  it('follows the words when the offsets are stale', () => {
    const p = placeAnnotations('Oh! ' + text, [annotation(1, 'team 🙌', 7, 13)]);
    expect(p.placed[0]).toMatchObject({ start: 11, end: 17 });
  });
});

describe('selectionForAnnotation', () => {
  it('converts a UTF-16 selection to code points and trims white space', () => {
    const text = '🎉 Big news: we shipped';
    // UTF-16: 🎉 is 0-1, space 2, "Big news:" 3..11; in code points 2..11
    expect(selectionForAnnotation(text, { start: 2, end: 12 })).toEqual({ start: 2, end: 11, quote: 'Big news:' });
    expect(selectionForAnnotation(text, { start: 12, end: 2 })).toEqual({ start: 2, end: 11, quote: 'Big news:' });
  });
  it('includes a half-selected emoji whole', () => {
    expect(selectionForAnnotation('a😀b', { start: 1, end: 2 })).toEqual({ start: 1, end: 2, quote: '😀' });
  });
  it('refuses a selection of only white space', () => {
    expect(selectionForAnnotation('a   b', { start: 1, end: 4 })).toBeNull();
  });
});

describe('rangeForQuote', () => {
  const text = 'We 😀 hear you. We hear you.';
  it('keeps the selection when it still reads the quote', () => {
    expect(rangeForQuote(text, 'We hear you', { start: 15, end: 26 })).toEqual({ start: 15, end: 26 });
  });
  it('finds typed words (first occurrence, in code points)', () => {
    expect(rangeForQuote(text, 'hear you', null)).toEqual({ start: 5, end: 13 });
    expect(rangeForQuote(text, 'nope', null)).toBeNull();
    expect(rangeForQuote(text, '', null)).toBeNull();
  });
  it('labels categories', () => {
    expect(categoryLabel('risk')).toBe('Risk');
    expect(categoryLabel('other')).toBe('other');
  });
});
