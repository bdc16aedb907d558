import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, messageOf } from '../api/errors';
import type { SearchResult } from '../api/findEndpoints';
import type { PostState } from '../api/types';
import { Snippet } from '../components/Snippet';
import { RelativeTime } from '../components/RelativeTime';
import { useApp } from '../context';
import { canSeePractice, spaceLabel, stateLabel } from '../lib/permissions';
import {
  MAX_QUERY_BYTES,
  parseSearchParams,
  rangeProblem,
  resultHref,
  searchHref,
  snippetSegments,
  type SearchKind,
  type SearchParams,
  type SearchSpace,
} from '../lib/search';
import { Link, navigate, useLocation } from '../navigation';

type Results =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'bad-query'; message: string }
  | { status: 'error'; message: string }
  | { status: 'ready'; items: SearchResult[]; next: string | null; more: 'idle' | 'loading' | 'error' };

const KIND_OPTIONS: [SearchKind, string][] = [
  ['', 'Posts and replies'],
  ['post', 'Posts'],
  ['reply', 'Replies'],
];

/** Search results for `/search?q=...`, with filters kept in the page address. */
export function SearchScreen() {
  const { api, user } = useApp();
  const location = useLocation();
  const search = window.location.search;
  const params = parseSearchParams(search);
  const [draft, setDraft] = useState<SearchParams>(params);
  const [formError, setFormError] = useState<string | null>(null);
  const [results, setResults] = useState<Results>({ status: 'idle' });
  const [focusId, setFocusId] = useState<string | null>(null);
  const controller = useRef<AbortController | null>(null);
  const listRef = useRef<HTMLOListElement>(null);

  // A new address (header box, filters, back/forward): show it in the form and search again.
  useEffect(() => {
    setDraft(params);
    setFormError(null);
    controller.current?.abort();
    if (params.q.trim() === '') {
      setResults({ status: 'idle' });
      return undefined;
    }
    const c = new AbortController();
    controller.current = c;
    setResults({ status: 'loading' });
    api
      .search(params, null, c.signal)
      .then((page) => {
        if (!c.signal.aborted) setResults({ status: 'ready', items: page.items, next: page.next ?? null, more: 'idle' });
      })
      .catch((e) => {
        if (c.signal.aborted || (e instanceof ApiError && e.status === 401)) return;
        if (e instanceof ApiError && e.status === 400) setResults({ status: 'bad-query', message: e.message });
        else setResults({ status: 'error', message: messageOf(e) });
      });
    return () => c.abort();
  }, [search, location.serial]);

  useEffect(() => {
    if (focusId === null) return;
    setFocusId(null);
    listRef.current?.querySelector<HTMLElement>(`[data-result="${focusId}"] a`)?.focus();
  }, [focusId]);

  const loadMore = () => {
    if (results.status !== 'ready' || !results.next || results.more === 'loading') return;
    const before = results.next;
    const shown = results.items;
    setResults({ ...results, more: 'loading' });
    const c = new AbortController();
    controller.current = c;
    api
      .search(params, before, c.signal)
      .then((page) => {
        if (c.signal.aborted) return;
        const seen = new Set(shown.map((i) => `${i.kind}-${i.id}`));
        const added = page.items.filter((i) => !seen.has(`${i.kind}-${i.id}`));
        setResults({ status: 'ready', items: shown.concat(added), next: page.next ?? null, more: 'idle' });
        if (added[0]) setFocusId(`${added[0].kind}-${added[0].id}`);
      })
      .catch((e) => {
        if (c.signal.aborted || (e instanceof ApiError && e.status === 401)) return;
        setResults({ status: 'ready', items: shown, next: before, more: 'error' });
      });
  };

  const set = <K extends keyof SearchParams>(key: K) => (value: SearchParams[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const submit = (event: Event) => {
    event.preventDefault();
    const problem = rangeProblem(draft) ?? (draft.q.trim() === '' ? 'Type a word to search for.' : null);
    setFormError(problem);
    if (problem) return;
    navigate(searchHref(draft));
  };
  const clearFilters = () => {
    const cleared = { ...params, author: '', topic: '', space: '' as const, kind: '' as const, from: '', to: '' };
    setDraft(cleared);
    navigate(searchHref(cleared));
  };
  const filtered = params.author || params.topic || params.space || params.kind || params.from || params.to;
  const practice = canSeePractice(user.role);

  return (
    <>
      <div class="page-head">
        <h1 tabIndex={-1}>Search</h1>
        <p class="lede">Posts and replies you may see, best matches first.</p>
      </div>
      <form class="search-form" role="search" aria-label="Search and filters" onSubmit={submit} noValidate>
        <div class="field search-query-field">
          <label for="search-page-q">Search for</label>
          <div class="search-query-row">
            <input
              id="search-page-q"
              type="search"
              name="q"
              value={draft.q}
              maxLength={MAX_QUERY_BYTES}
              autocomplete="off"
              enterKeyHint="search"
              aria-describedby="search-syntax"
              aria-invalid={formError ? true : undefined}
              onInput={(e) => set('q')(e.currentTarget.value)}
            />
            <button type="submit" class="button primary">
              Search
            </button>
          </div>
          <p id="search-syntax" class="muted small">
            All words must match. Use "a phrase" in quotes, manag* for words that start the same, and -word to leave a word out.
          </p>
        </div>
        <fieldset class="search-filters">
          <legend>Filters</legend>
          <div class="field">
            <label for="search-author">Author (username)</label>
            <input id="search-author" type="text" autocapitalize="none" spellcheck={false} value={draft.author} onInput={(e) => set('author')(e.currentTarget.value)} />
          </div>
          <div class="field">
            <label for="search-topic">Topic</label>
            <input id="search-topic" type="text" autocapitalize="none" spellcheck={false} placeholder="#budget" value={draft.topic} onInput={(e) => set('topic')(e.currentTarget.value)} />
          </div>
          {practice && (
            <div class="field">
              <label for="search-space">Space</label>
              <select id="search-space" value={draft.space} onChange={(e) => set('space')(e.currentTarget.value as SearchSpace)}>
                <option value="">Any space</option>
                <option value="company">Company</option>
                <option value="practice">Practice</option>
              </select>
            </div>
          )}
          <div class="field">
            <label for="search-kind">Kind</label>
            <select id="search-kind" value={draft.kind} onChange={(e) => set('kind')(e.currentTarget.value as SearchKind)}>
              {KIND_OPTIONS.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="search-from">From</label>
            <input id="search-from" type="date" value={draft.from} onInput={(e) => set('from')(e.currentTarget.value)} />
          </div>
          <div class="field">
            <label for="search-to">To</label>
            <input id="search-to" type="date" value={draft.to} onInput={(e) => set('to')(e.currentTarget.value)} />
          </div>
          <div class="form-actions">
            {filtered && (
              <button type="button" class="button secondary" onClick={clearFilters}>
                Clear filters
              </button>
            )}
            <button type="submit" class="button secondary">
              Apply filters
            </button>
          </div>
        </fieldset>
        <div class="form-error" role="alert">
          {formError}
        </div>
      </form>
      <section class="search-results-section" aria-labelledby="search-results-title">
        <h2 id="search-results-title" class="section-title">
          {params.q.trim() ? `Results for “${params.q.trim()}”` : 'Results'}
        </h2>
        <ResultsBody results={results} listRef={listRef} onMore={loadMore} />
      </section>
    </>
  );
}

function countLine(results: Extract<Results, { status: 'ready' }>): string {
  const n = results.items.length;
  if (n === 0) return 'Nothing found.';
  const shown = `${n} ${n === 1 ? 'result' : 'results'}`;
  return results.next ? `${shown} shown, more below.` : `${shown}.`;
}

function ResultsBody({ results, listRef, onMore }: { results: Results; listRef: RefObject<HTMLOListElement | null>; onMore: () => void }) {
  switch (results.status) {
    case 'idle':
      return <p class="muted">Type what you are looking for and press Enter.</p>;
    case 'loading':
      return (
        <p class="loading" role="status">
          <span class="spinner" aria-hidden="true" /> Searching…
        </p>
      );
    case 'bad-query':
      return (
        <div class="form-error search-problem" role="alert" data-testid="search-problem">
          <p>
            <strong>That search could not be read.</strong> {results.message}
          </p>
        </div>
      );
    case 'error':
      return (
        <div class="form-error" role="alert">
          <p>{results.message}</p>
        </div>
      );
    case 'ready':
      return (
        <>
          <p class="search-count" role="status" data-testid="search-count">
            {countLine(results)}
          </p>
          {results.items.length === 0 ? (
            <div class="empty">
              <p>No posts or replies you may see match this search. Try fewer words, a word*, or fewer filters.</p>
            </div>
          ) : (
            <ol class="search-results" aria-label="Search results" ref={listRef}>
              {results.items.map((item) => (
                <ResultItem key={`${item.kind}-${item.id}`} item={item} />
              ))}
            </ol>
          )}
          {results.more === 'error' && (
            <p class="form-error" role="alert">
              More results could not be loaded.
            </p>
          )}
          {results.next && (
            <button type="button" class="button secondary search-more" onClick={onMore} aria-disabled={results.more === 'loading'}>
              {results.more === 'loading' ? 'Loading more results…' : 'More results'}
            </button>
          )}
        </>
      );
  }
}

const QUIET_STATES = new Set(['published', 'visible', 'answered']);

function ResultItem({ item }: { item: SearchResult }) {
  const segments = snippetSegments(item.snippet);
  const kind = item.kind === 'reply' ? 'Reply' : item.kind === 'question' ? 'Question' : 'Post';
  return (
    <li class="search-result" data-result={`${item.kind}-${item.id}`}>
      <Link href={resultHref(item)} class="search-result-link">
        <span class="search-snippet">{segments.length > 0 ? <Snippet segments={segments} /> : `${kind} ${item.id}`}</span>
      </Link>
      <p class="search-meta muted small">
        <span class="search-kind">{kind}</span>{' '}
        {item.author ? `by ${item.author.display_name} (@${item.author.username})` : 'asked anonymously'}
        {item.space ? ` · ${spaceLabel(item.space)}` : ' · a blog question'} ·{' '}
        <RelativeTime iso={item.at} />
        {!QUIET_STATES.has(item.state) && (
          <>
            {' '}
            · <span class="badge">{item.kind === 'post' ? stateLabel(item.state as PostState) : item.state}</span>
          </>
        )}
      </p>
    </li>
  );
}
