/**
 * Search on the client: the `/search?q=...` address of a search and its filters, the query of
 * `GET /api/v1/search` (docs/API.md, "Search"), and the snippet segments the server sends.
 *
 * The server's snippet is a list of `{"text","hit"}` segments, so highlighting never needs
 * HTML: each text is rendered as text and a hit inside <mark>.
 */

export type SearchKind = '' | 'post' | 'reply';
export type SearchSpace = '' | 'company' | 'practice';

/** A search as written in the page address; empty strings are "any". */
export interface SearchParams {
  q: string;
  author: string;
  topic: string;
  space: SearchSpace;
  kind: SearchKind;
  /** calendar days (YYYY-MM-DD), both included */
  from: string;
  to: string;
}

export const EMPTY_SEARCH: SearchParams = { q: '', author: '', topic: '', space: '', kind: '', from: '', to: '' };

/** The most the server reads (docs/API.md: at most 256 bytes). */
export const MAX_QUERY_BYTES = 256;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function day(value: string | null): string {
  if (!value) return '';
  const m = value.match(DAY);
  if (!m) return '';
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  // 2026-02-31 rolls over; only real days are kept.
  return d.getFullYear() === Number(m[1]) && d.getMonth() === Number(m[2]) - 1 && d.getDate() === Number(m[3]) ? value : '';
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | '' {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : '';
}

/** The search in a location's query string (`?q=...&author=...`); unknown values are dropped. */
export function parseSearchParams(search: string): SearchParams {
  const p = new URLSearchParams(search);
  return {
    q: p.get('q') ?? '',
    author: (p.get('author') ?? '').trim().replace(/^@/, ''),
    topic: (p.get('topic') ?? '').trim().replace(/^#/, ''),
    space: oneOf(p.get('space'), ['company', 'practice'] as const),
    kind: oneOf(p.get('kind'), ['post', 'reply'] as const),
    from: day(p.get('from')),
    to: day(p.get('to')),
  };
}

/** The page address of a search: `/search?q=...`, empty filters left out, stable order. */
export function searchHref(params: Partial<SearchParams>): string {
  const full = { ...EMPTY_SEARCH, ...params };
  const out = new URLSearchParams();
  const q = full.q.trim();
  if (q) out.set('q', q);
  const author = full.author.trim().replace(/^@/, '');
  if (author) out.set('author', author);
  const topic = full.topic.trim().replace(/^#/, '');
  if (topic) out.set('topic', topic);
  if (full.space) out.set('space', full.space);
  if (full.kind) out.set('kind', full.kind);
  if (day(full.from)) out.set('from', full.from);
  if (day(full.to)) out.set('to', full.to);
  const text = out.toString();
  return text ? `/search?${text}` : '/search';
}

/** Local midnight of a YYYY-MM-DD day, `plusDays` later, as RFC 3339 UTC. */
function startOfDay(value: string, plusDays = 0): string | null {
  const m = value.match(DAY);
  if (!m) return null;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + plusDays).toISOString();
}

/**
 * The API query for a search: the days of the date range become times in the reader's time
 * zone (`until` is exclusive, so "to" is the start of the next day).
 */
export function searchApiQuery(params: SearchParams, before: string | null, limit: number): Record<string, string | number | null> {
  return {
    q: params.q.trim(),
    author: params.author.trim() || null,
    topic: params.topic.trim() || null,
    space: params.space || null,
    kind: params.kind || null,
    since: params.from ? startOfDay(params.from) : null,
    until: params.to ? startOfDay(params.to, 1) : null,
    limit,
    before,
  };
}

/** Whether the date range is the wrong way round (the server would find nothing). */
export function rangeProblem(params: Pick<SearchParams, 'from' | 'to'>): string | null {
  if (params.from && params.to && params.from > params.to) return 'The “From” day must not be after the “To” day.';
  return null;
}

export function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

export interface SnippetSegment {
  text: string;
  hit: boolean;
}

/**
 * The snippet as the server sent it, checked: anything that is not a `{"text": string,
 * "hit": boolean}` segment is dropped, neighbours of the same kind are joined, empty texts
 * are left out.
 */
export function snippetSegments(raw: unknown): SnippetSegment[] {
  if (!Array.isArray(raw)) return [];
  const out: SnippetSegment[] = [];
  for (const s of raw) {
    if (typeof s !== 'object' || s === null) continue;
    const { text, hit } = s as { text?: unknown; hit?: unknown };
    if (typeof text !== 'string' || text === '') continue;
    const isHit = hit === true;
    const last = out[out.length - 1];
    if (last && last.hit === isHit) last.text += text;
    else out.push({ text, hit: isHit });
  }
  return out;
}

/** The snippet's words, for a link's accessible name and as a fallback title. */
export function snippetText(segments: readonly SnippetSegment[]): string {
  return segments
    .map((s) => s.text)
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Where a result leads: the post, or the post the reply answers. */
export function resultHref(item: { kind: string; id: number; post_id: number | null }): string {
  if (item.kind === 'question' || item.post_id === null) return `/questions/${item.id}`;
  return `/posts/${item.post_id}`;
}

/**
 * Whether a key press belongs to a text field (so "/" types a slash there instead of jumping
 * to the search box).
 */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  const el = target as HTMLElement;
  if (el.isContentEditable) return true;
  const tag = el.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = ((el as HTMLInputElement).type || 'text').toLowerCase();
  return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file', 'image'].includes(type);
}
