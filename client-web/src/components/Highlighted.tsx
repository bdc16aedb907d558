import type { ComponentChildren } from 'preact';
import { segmentText, type Segment, type Span } from '../lib/segments';

export interface HighlightedProps<K> {
  text: string;
  spans: readonly Span<K>[];
  /** Renders a covered segment (a <mark> usually); plain text is left as it is. */
  renderMark: (segment: Segment<K>, index: number) => ComponentChildren;
}

/**
 * Text with some code point ranges marked. The rendered text content is
 * exactly `text`, so DOM selections inside it map back to offsets.
 */
export function Highlighted<K>({ text, spans, renderMark }: HighlightedProps<K>) {
  const segments = segmentText(text, spans);
  return <>{segments.map((segment, i) => (segment.keys.length === 0 ? segment.text : renderMark(segment, i)))}</>;
}
