/** Where each coach annotation goes on the post's current text. */
import type { Annotation, AnnotationCategory } from '../api/types';
import { selectionToCodePoints, sliceCodePoints, type TextRange } from './offsets';
import { locateAnchor } from './segments';

export interface PlacedAnnotation {
  annotation: Annotation;
  /** code points in the current text */
  start: number;
  end: number;
}

export interface Placement {
  /** open annotations on words still in the text, by position */
  placed: PlacedAnnotation[];
  /** open annotations whose words are gone ("no longer in the text") */
  orphaned: Annotation[];
  /** resolved annotations (applied suggestions included), not highlighted */
  resolved: Annotation[];
}

export function placeAnnotations(text: string, annotations: readonly Annotation[]): Placement {
  const placed: PlacedAnnotation[] = [];
  const orphaned: Annotation[] = [];
  const resolved: Annotation[] = [];
  for (const a of annotations) {
    if (a.resolved) {
      resolved.push(a);
      continue;
    }
    const at = a.orphaned || !a.anchor ? null : locateAnchor(text, a.anchor);
    if (at) placed.push({ annotation: a, start: at.start, end: at.end });
    else orphaned.push(a);
  }
  placed.sort((x, y) => x.start - y.start || x.end - y.end || x.annotation.id - y.annotation.id);
  return { placed, orphaned, resolved };
}

export const CATEGORIES: AnnotationCategory[] = ['praise', 'tone', 'clarity', 'policy', 'risk'];

const CATEGORY_LABELS: Record<AnnotationCategory, string> = {
  praise: 'Praise',
  tone: 'Tone',
  clarity: 'Clarity',
  policy: 'Policy',
  risk: 'Risk',
};

export function categoryLabel(category: string): string {
  return CATEGORY_LABELS[category as AnnotationCategory] ?? category;
}

/**
 * A selection (UTF-16 offsets into `text`) as the code point range to
 * annotate, without white space at either end. Null when nothing but white
 * space is selected.
 */
export function selectionForAnnotation(text: string, range16: TextRange): { start: number; end: number; quote: string } | null {
  let start = Math.max(0, Math.min(range16.start, range16.end));
  let end = Math.min(text.length, Math.max(range16.start, range16.end));
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (start >= end) return null;
  const cp = selectionToCodePoints(text, { start, end });
  return { start: cp.start, end: cp.end, quote: sliceCodePoints(text, cp) };
}

/**
 * The range for words typed by hand (keyboard users): the selection when it
 * still reads `quote`, else the first occurrence of `quote` in the text.
 */
export function rangeForQuote(
  text: string,
  quote: string,
  selection: { start: number; end: number } | null,
): { start: number; end: number } | null {
  if (quote === '') return null;
  if (selection) {
    try {
      if (sliceCodePoints(text, selection) === quote) return selection;
    } catch {
      // stale selection: fall through
    }
  }
  const at = text.indexOf(quote);
  if (at < 0) return null;
  return selectionToCodePoints(text, { start: at, end: at + quote.length });
}
