import type { SnippetSegment } from '../lib/search';

/**
 * A search snippet: each segment's text rendered as text (never as HTML), the hits inside
 * <mark> so they are seen and, with the mark's CSS label, heard.
 */
export function Snippet({ segments }: { segments: readonly SnippetSegment[] }) {
  return <>{segments.map((s, i) => (s.hit ? <mark key={i}>{s.text}</mark> : s.text))}</>;
}
