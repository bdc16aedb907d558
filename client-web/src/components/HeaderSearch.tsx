import { useEffect, useState } from 'preact/hooks';
import { isTypingTarget, MAX_QUERY_BYTES, searchHref } from '../lib/search';
import { Link, navigate } from '../navigation';

export function SearchIcon({ size = 18 }: { size?: number }) {
  return (
    <svg class="icon" viewBox="0 0 24 24" width={size} height={size} aria-hidden="true" focusable="false">
      <path d="M10.5 4a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13Zm4.7 11.2L20 20" fill="none" stroke="currentColor" stroke-width="1.9" stroke-linecap="round" />
    </svg>
  );
}

export function ChevronIcon({ open }: { open: boolean }) {
  return (
    <svg class="icon chevron" viewBox="0 0 24 24" width="14" height="14" aria-hidden="true" focusable="false">
      <path d={open ? 'M6 15l6-6 6 6' : 'M6 9l6 6 6-6'} fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" />
    </svg>
  );
}

/**
 * The header's search box: a search landmark with a label; Enter opens the results page
 * (`/search?q=...`). "/" anywhere outside a text field focuses it (on a phone, where the box
 * sits in the menu, "/" opens the results page and its own box).
 */
export function HeaderSearch({ onSearched }: { onSearched?: () => void }) {
  const [q, setQ] = useState('');
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      if (isTypingTarget(e.target) || document.querySelector('dialog[open]')) return;
      e.preventDefault();
      // The results page's own box first, else the header's; a hidden one cannot take focus.
      const box = document.getElementById('search-page-q') ?? document.getElementById('header-search-q');
      box?.focus();
      if (!box || document.activeElement !== box) navigate('/search');
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  const submit = (event: Event) => {
    event.preventDefault();
    const text = q.trim();
    navigate(searchHref({ q: text }));
    setQ('');
    onSearched?.(); // the phone menu closes even when the results page was already open
  };
  return (
    <form class="header-search" id="site-search" role="search" aria-label="Search Greenroom" onSubmit={submit}>
      <label for="header-search-q" class="visually-hidden">
        Search posts and replies
      </label>
      <input
        id="header-search-q"
        type="search"
        name="q"
        value={q}
        placeholder="Search"
        autocomplete="off"
        enterKeyHint="search"
        maxLength={MAX_QUERY_BYTES}
        aria-keyshortcuts="/"
        onInput={(e) => setQ(e.currentTarget.value)}
      />
      <kbd class="header-search-key" aria-hidden="true">
        /
      </kbd>
      <button type="submit" class="header-search-go">
        <SearchIcon />
        <span class="visually-hidden">Search</span>
      </button>
    </form>
  );
}

/** On a phone, with the menu closed: a search button in the row that opens the results page. */
export function HeaderSearchLink({ active }: { active: boolean }) {
  return (
    <Link href="/search" class="nav-search-link" aria-label="Search" aria-current={active ? 'page' : undefined}>
      <SearchIcon size={20} />
    </Link>
  );
}
