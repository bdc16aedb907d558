import { describe, expect, it } from 'vitest';
import { EMPTY_SEARCH, isTypingTarget, parseSearchParams, rangeProblem, resultHref, searchApiQuery, searchHref, snippetSegments, snippetText } from './search';

describe('search addresses', () => {
  it('round-trips a search through the page address, empty filters left out', () => {
    const params = { ...EMPTY_SEARCH, q: 'budget "next year"', author: 'dana', topic: 'okrs', space: 'company' as const, kind: 'reply' as const, from: '2026-11-01', to: '2026-11-27' };
    const href = searchHref(params);
    expect(href).toBe('/search?q=budget+%22next+year%22&author=dana&topic=okrs&space=company&kind=reply&from=2026-11-01&to=2026-11-27');
    expect(parseSearchParams(href.slice('/search'.length))).toEqual(params);
    expect(searchHref({ q: '  hello  ' })).toBe('/search?q=hello');
    expect(searchHref({})).toBe('/search');
  });

  it('keeps characters that mean something in a URL', () => {
    const q = 'a&b=c #tag 50% -x "y"';
    expect(parseSearchParams(searchHref({ q }).slice(7)).q).toBe(q);
  });

  it('drops unknown filter values and strips sigils', () => {
    expect(parseSearchParams('?q=x&space=moon&kind=poem&from=2026-02-31&to=yesterday&author=@mia&topic=%23Budget')).toEqual({
      ...EMPTY_SEARCH,
      q: 'x',
      author: 'mia',
      topic: 'Budget',
    });
    expect(searchHref({ q: 'x', author: '@mia', topic: '#okrs', from: 'soon' })).toBe('/search?q=x&author=mia&topic=okrs');
  });

  it('turns the day range into an inclusive local range with an exclusive end', () => {
    const query = searchApiQuery({ ...EMPTY_SEARCH, q: ' plan ', from: '2026-11-01', to: '2026-11-27' }, 'CUR', 20);
    expect(query.q).toBe('plan');
    expect(query.since).toBe(new Date(2026, 10, 1).toISOString());
    expect(query.until).toBe(new Date(2026, 10, 28).toISOString());
    expect(query.before).toBe('CUR');
    expect(query.limit).toBe(20);
    expect(query.author).toBeNull();
    expect(query.space).toBeNull();
    const month = searchApiQuery({ ...EMPTY_SEARCH, q: 'x', to: '2026-12-31' }, null, 20);
    expect(month.until).toBe(new Date(2027, 0, 1).toISOString());
    expect(month.since).toBeNull();
  });

  it('refuses a range the wrong way round', () => {
    expect(rangeProblem({ from: '2026-11-02', to: '2026-11-01' })).toMatch(/must not be after/);
    expect(rangeProblem({ from: '2026-11-01', to: '2026-11-01' })).toBeNull();
    expect(rangeProblem({ from: '', to: '2026-11-01' })).toBeNull();
  });

  it('leads a result to its post', () => {
    expect(resultHref({ kind: 'post', id: 4, post_id: 4 })).toBe('/posts/4');
    expect(resultHref({ kind: 'reply', id: 31, post_id: 9 })).toBe('/posts/9');
    expect(resultHref({ kind: 'question', id: 12, post_id: null })).toBe('/questions/12');
  });
});

describe('snippet segments', () => {
  it('keeps text and hits, joining neighbours of the same kind', () => {
    const segments = snippetSegments([
      { text: '…the ', hit: false },
      { text: 'budget', hit: true },
      { text: ' for ', hit: false },
      { text: 'next', hit: true },
      { text: ' ', hit: true },
      { text: 'year', hit: true },
      { text: '', hit: false },
      { text: '…', hit: false },
    ]);
    expect(segments).toEqual([
      { text: '…the ', hit: false },
      { text: 'budget', hit: true },
      { text: ' for ', hit: false },
      { text: 'next year', hit: true },
      { text: '…', hit: false },
    ]);
    expect(snippetText(segments)).toBe('…the budget for next year…');
  });

  it('treats markup as text and drops what is not a segment', () => {
    const segments = snippetSegments([{ text: '<img src=x onerror=alert(1)>', hit: 'yes' }, null, 7, { hit: true }, { text: 3, hit: true }, { text: ' & co', hit: false }]);
    expect(segments).toEqual([{ text: '<img src=x onerror=alert(1)> & co', hit: false }]);
    expect(snippetSegments('<b>x</b>')).toEqual([]);
    expect(snippetSegments(undefined)).toEqual([]);
  });

  it('collapses white space for a link name', () => {
    expect(snippetText([{ text: ' a\n\n b ', hit: false }])).toBe('a b');
  });
});

describe('the "/" shortcut', () => {
  const el = (tag: string, props: Record<string, unknown> = {}) => ({ tagName: tag, closest: () => null, isContentEditable: false, ...props }) as unknown as EventTarget;
  it('leaves text fields alone', () => {
    expect(isTypingTarget(el('INPUT', { type: 'text' }))).toBe(true);
    expect(isTypingTarget(el('INPUT', { type: 'search' }))).toBe(true);
    expect(isTypingTarget(el('TEXTAREA'))).toBe(true);
    expect(isTypingTarget(el('SELECT'))).toBe(true);
    expect(isTypingTarget(el('DIV', { isContentEditable: true }))).toBe(true);
  });
  it('works from links, buttons and the page', () => {
    expect(isTypingTarget(el('INPUT', { type: 'checkbox' }))).toBe(false);
    expect(isTypingTarget(el('BUTTON'))).toBe(false);
    expect(isTypingTarget(el('A'))).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});
