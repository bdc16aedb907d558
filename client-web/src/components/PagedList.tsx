import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, messageOf } from '../api/errors';
import type { Page } from '../api/types';

export interface PagedListProps<T extends { id: number }> {
  /** Loads one page; `before` is null for the first page. */
  load: (before: string | null, signal: AbortSignal) => Promise<Page<T>>;
  renderItem: (item: T) => ComponentChildren;
  /** Accessible name of the list. */
  label: string;
  /** Plural noun for status messages ("posts"). */
  noun: string;
  empty: ComponentChildren;
  /** Changing it reloads from the first page. */
  resetKey?: string;
}

type Status = 'loading' | 'idle' | 'error';

/**
 * A newest-first list that loads older pages with the `next` cursor: when
 * the end of the list scrolls into view (IntersectionObserver), or with the
 * "Load more" button (keyboard users, old browsers, or a failed load).
 */
export function PagedList<T extends { id: number }>({ load, renderItem, label, noun, empty, resetKey = '' }: PagedListProps<T>) {
  const [items, setItems] = useState<T[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [status, setStatus] = useState<Status>('loading');
  const [error, setError] = useState<string | null>(null);
  const [loadedOnce, setLoadedOnce] = useState(false);
  const [progress, setProgress] = useState('');
  const sentinel = useRef<HTMLDivElement>(null);
  const inFlight = useRef<AbortController | null>(null);
  const loadRef = useRef(load);
  loadRef.current = load;

  const fetchPage = useCallback(async (before: string | null) => {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    setStatus('loading');
    setError(null);
    if (before) setProgress(`Loading more ${noun}…`);
    try {
      const page = await loadRef.current(before, controller.signal);
      if (controller.signal.aborted) return;
      setItems((prev) => {
        const base = before ? prev : [];
        const seen = new Set(base.map((i) => i.id));
        return base.concat(page.items.filter((i) => !seen.has(i.id)));
      });
      setNext(page.next ?? null);
      setStatus('idle');
      if (before && focusNextPage.current) {
        focusNextPage.current = false;
        setFocusId(page.items[0]?.id ?? -1); // -1: nothing new, the last item keeps the place
      }
      setLoadedOnce(true);
      if (before) {
        setProgress(
          page.items.length === 0 ? `No more ${noun}.` : `Loaded ${page.items.length} more ${noun}.`,
        );
      }
    } catch (e) {
      if (controller.signal.aborted || (e instanceof DOMException && e.name === 'AbortError')) return;
      if (e instanceof ApiError && e.status === 401) return; // the app shows sign-in
      setStatus('error');
      setError(messageOf(e));
      setProgress('');
    } finally {
      if (inFlight.current === controller) inFlight.current = null;
    }
  }, [noun]);

  useEffect(() => {
    focusNextPage.current = false;
    setItems([]);
    setNext(null);
    setLoadedOnce(false);
    setProgress('');
    void fetchPage(null);
    return () => inFlight.current?.abort();
  }, [resetKey, fetchPage]);

  const loadMore = useCallback(() => {
    if (status === 'loading' || next === null) return;
    void fetchPage(next);
  }, [status, next, fetchPage]);

  // Observe the end of the list again after every load, so a sentinel that
  // is still on screen (short pages, tall windows) keeps loading.
  useEffect(() => {
    const el = sentinel.current;
    if (!el || next === null || status !== 'idle' || typeof IntersectionObserver === 'undefined') return undefined;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) loadMore();
      },
      { rootMargin: '600px 0px' },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [next, status, items.length, loadMore]);

  // "Load more" keeps focus on the list: the first item of the next page that arrives gets it
  // (the button may go away). Decided when the page arrives, by item id, not by an effect
  // guessing from counts, so a scroll-triggered load racing the button cannot lose it.
  const listRef = useRef<HTMLOListElement>(null);
  const focusNextPage = useRef(false);
  const [focusId, setFocusId] = useState<number | null>(null);
  const loadMoreByButton = () => {
    focusNextPage.current = true;
    loadMore(); // a load already under way brings the page that gets focus
  };
  useEffect(() => {
    if (focusId === null) return;
    setFocusId(null);
    const list = listRef.current;
    const target = (list?.querySelector(`:scope > li[data-item-id="${focusId}"]`) ??
      list?.lastElementChild) as HTMLElement | null | undefined;
    target?.focus();
  }, [focusId]);

  const firstLoad = !loadedOnce && status === 'loading';

  return (
    <div class="paged-list" aria-busy={status === 'loading'}>
      {loadedOnce && items.length === 0 && status !== 'loading' && !error && <div class="empty">{empty}</div>}
      {items.length > 0 && (
        <ol class="post-list" aria-label={label} ref={listRef}>
          {items.map((item) => (
            <li key={item.id} tabIndex={-1} data-item-id={item.id}>
              {renderItem(item)}
            </li>
          ))}
        </ol>
      )}
      <div ref={sentinel} class="list-sentinel" aria-hidden="true" />
      <div class="list-footer">
        {firstLoad && (
          <p class="loading" role="status">
            <span class="spinner" aria-hidden="true" /> Loading {noun}…
          </p>
        )}
        {error && (
          <div class="form-error" role="alert">
            <p>{error}</p>
            <button type="button" class="button secondary" onClick={() => void fetchPage(loadedOnce ? next : null)}>
              Try again
            </button>
          </div>
        )}
        {loadedOnce && next !== null && !error && (
          <button type="button" class="button secondary load-more" onClick={loadMoreByButton} aria-disabled={status === "loading"}>
            {status === 'loading' ? `Loading more ${noun}…` : `Load more ${noun}`}
          </button>
        )}
        {loadedOnce && next === null && items.length > 0 && status === 'idle' && (
          <p class="end-of-list">You’re all caught up.</p>
        )}
        <p class="visually-hidden" aria-live="polite">
          {progress}
        </p>
      </div>
    </div>
  );
}
