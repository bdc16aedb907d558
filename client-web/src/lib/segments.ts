/**
 * Splitting a text into segments for highlighting: coach annotations and
 * policy lint findings arrive as code point ranges (end exclusive); the DOM
 * needs UTF-16 string slices. Ranges may overlap, nest, touch, be empty or
 * fall (partly) outside the text; every segment lists the ranges covering it.
 */
import { codePointToUtf16, sliceCodePoints } from './offsets';
import { countCodePoints } from './text';

export interface Span<K> {
  key: K;
  /** code point offsets, end exclusive */
  start: number;
  end: number;
}

export interface Segment<K> {
  text: string;
  /** code point offsets of this piece of text */
  start: number;
  end: number;
  /** the spans covering this piece, in the order they were given */
  keys: K[];
}

/**
 * The text cut at every span boundary. Spans that are empty or inverted are
 * ignored; spans reaching past the end are clipped. Concatenating the
 * segments' texts gives the text back.
 */
export function segmentText<K>(text: string, spans: readonly Span<K>[]): Segment<K>[] {
  const length = countCodePoints(text);
  const valid = spans
    .map((s) => ({ key: s.key, start: Math.max(0, Math.floor(s.start)), end: Math.min(length, Math.floor(s.end)) }))
    .filter((s) => Number.isFinite(s.start) && Number.isFinite(s.end) && s.start < s.end);
  const cuts = new Set<number>([0, length]);
  for (const s of valid) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment<K>[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i];
    const end = points[i + 1];
    const keys = valid.filter((s) => s.start <= start && s.end >= end).map((s) => s.key);
    segments.push({ text: text.slice(codePointToUtf16(text, start), codePointToUtf16(text, end)), start, end, keys });
  }
  if (segments.length === 0) segments.push({ text, start: 0, end: 0, keys: [] });
  return segments;
}

export interface AnchorLike {
  exact: string;
  prefix?: string;
  suffix?: string;
  start: number;
  end: number;
}

/**
 * Where an anchor sits in `text` (code points): at its offsets when the
 * quote is there, else at the occurrence of the quote (with its prefix and
 * suffix if they match) closest to the old offsets, else null.
 */
export function locateAnchor(text: string, anchor: AnchorLike): { start: number; end: number } | null {
  const length = countCodePoints(text);
  if (anchor.exact === '') return null;
  if (anchor.start >= 0 && anchor.end <= length && anchor.start < anchor.end) {
    if (sliceCodePoints(text, { start: anchor.start, end: anchor.end }) === anchor.exact) {
      return { start: anchor.start, end: anchor.end };
    }
  }
  const candidates: Array<{ start: number; score: number }> = [];
  let from = 0;
  for (;;) {
    const at = text.indexOf(anchor.exact, from);
    if (at < 0) break;
    const before = text.slice(0, at);
    const after = text.slice(at + anchor.exact.length);
    let score = 0;
    if (anchor.prefix && before.endsWith(anchor.prefix)) score += 2;
    if (anchor.suffix && after.startsWith(anchor.suffix)) score += 2;
    candidates.push({ start: countCodePoints(before), score });
    from = at + 1;
  }
  if (candidates.length === 0) return null;
  candidates.sort((a, b) => b.score - a.score || Math.abs(a.start - anchor.start) - Math.abs(b.start - anchor.start));
  const start = candidates[0].start;
  return { start, end: start + countCodePoints(anchor.exact) };
}

const SEVERITY_RANK: Record<string, number> = { error: 3, warning: 2, info: 1 };

/** The most severe of some severities ('info' when there are none). */
export function worstSeverity(severities: readonly string[]): 'error' | 'warning' | 'info' {
  let best = 'info';
  for (const s of severities) if ((SEVERITY_RANK[s] ?? 0) > (SEVERITY_RANK[best] ?? 0)) best = s;
  return best as 'error' | 'warning' | 'info';
}

/** Findings sorted for a list: errors first, then by position. */
export function sortFindings<T extends { severity: string; start: number }>(findings: readonly T[]): T[] {
  return [...findings].sort(
    (a, b) => (SEVERITY_RANK[b.severity] ?? 0) - (SEVERITY_RANK[a.severity] ?? 0) || a.start - b.start,
  );
}

/** "2 errors, 1 warning" — a short summary of findings by severity. */
export function summariseFindings(findings: readonly { severity: string }[]): string {
  if (findings.length === 0) return 'No policy hints.';
  const counts = { error: 0, warning: 0, info: 0 } as Record<string, number>;
  for (const f of findings) counts[f.severity] = (counts[f.severity] ?? 0) + 1;
  const parts: string[] = [];
  if (counts.error) parts.push(`${counts.error} ${counts.error === 1 ? 'error' : 'errors'}`);
  if (counts.warning) parts.push(`${counts.warning} ${counts.warning === 1 ? 'warning' : 'warnings'}`);
  if (counts.info) parts.push(`${counts.info} ${counts.info === 1 ? 'tip' : 'tips'}`);
  return parts.join(', ') + '.';
}

/**
 * UTF-16 offsets of a DOM selection inside `root`, counting the text of
 * every text node in document order (what `root.textContent` gives). Null
 * when the selection is not inside `root`. Written against a minimal node
 * interface so it can be tested without a browser.
 */
export interface NodeLike {
  nodeType: number;
  nodeValue: string | null;
  childNodes: ArrayLike<NodeLike>;
}

const TEXT_NODE = 3;

export function textOffsetIn(root: NodeLike, container: NodeLike, offset: number): number | null {
  let total = 0;
  let found: number | null = null;
  const walk = (node: NodeLike): boolean => {
    if (node === container) {
      if (node.nodeType === TEXT_NODE) {
        found = total + offset;
      } else {
        // offset counts child nodes
        let inner = 0;
        for (let i = 0; i < offset && i < node.childNodes.length; i++) inner += textLength(node.childNodes[i]);
        found = total + inner;
      }
      return true;
    }
    if (node.nodeType === TEXT_NODE) {
      total += (node.nodeValue ?? '').length;
      return false;
    }
    for (let i = 0; i < node.childNodes.length; i++) if (walk(node.childNodes[i])) return true;
    return false;
  };
  walk(root);
  return found;
}

function textLength(node: NodeLike): number {
  if (node.nodeType === TEXT_NODE) return (node.nodeValue ?? '').length;
  let n = 0;
  for (let i = 0; i < node.childNodes.length; i++) n += textLength(node.childNodes[i]);
  return n;
}
