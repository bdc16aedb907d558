import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Space } from '../api/types';
import { FeedAddress } from '../components/FeedAddress';
import { PagedList } from '../components/PagedList';
import { PostCard } from '../components/PostCard';
import { PenIcon } from '../components/Icons';
import { useApp } from '../context';
import { FEEDS } from '../lib/feedAddress';
import { canSeePractice } from '../lib/permissions';
import { Link } from '../navigation';

const INTRO: Record<Space, string> = {
  company: 'What everyone at the company can read.',
  practice: 'Rehearsal space: only your cohort and coaches see these.',
};

export function FeedScreen({ space }: { space: Space }) {
  const { api, user, live } = useApp();
  const load = useCallback((before: string | null, signal: AbortSignal) => api.feed(space, before, signal), [api, space]);
  const practice = canSeePractice(user.role);
  // New posts do not push the list down: they are counted in a bar that loads them on request.
  const [fresh, setFresh] = useState<Set<number>>(new Set());
  const [generation, setGeneration] = useState(0);
  useEffect(() => setFresh(new Set()), [space]);
  useEffect(
    () =>
      live.subscribe((e) => {
        if (e.type === 'reload') setFresh((s) => (s.size > 0 ? s : new Set([-1])));
        if (e.type !== 'post.published' || e.space !== space || typeof e.post_id !== 'number') return;
        const id = e.post_id;
        setFresh((s) => (s.has(id) ? s : new Set(s).add(id)));
      }),
    [live, space],
  );
  const showNew = () => {
    setFresh(new Set());
    setGeneration((g) => g + 1);
    window.scrollTo({ top: 0 });
    document.querySelector<HTMLElement>('main h1')?.focus({ preventScroll: true });
  };
  const count = [...fresh].filter((id) => id > 0).length;
  return (
    <>
      <div class="page-head">
        <h1 tabIndex={-1}>{space === 'company' ? 'Company feed' : 'Practice feed'}</h1>
        <p class="lede">{INTRO[space]}</p>
      </div>
      {space === 'company' && <FeedAddress feed={FEEDS.company} what="the company feed" collapsed />}
      {practice && (
        <nav class="tabs" aria-label="Feeds">
          <Link href="/" class="tab" aria-current={space === 'company' ? 'page' : undefined}>
            Company
          </Link>
          <Link href="/practice" class="tab" aria-current={space === 'practice' ? 'page' : undefined}>
            Practice
          </Link>
        </nav>
      )}
      <Link href="/compose" class="start-post">
        <PenIcon />
        <span>Start a post…</span>
      </Link>
      <div class="new-posts-slot">
        {fresh.size > 0 && (
          <button type="button" class="new-posts-bar" data-testid="new-posts-bar" onClick={showNew}>
            {count === 0 ? 'Show the latest posts' : count === 1 ? '1 new post' : `${count} new posts`}
          </button>
        )}
      </div>
      <PagedList
        resetKey={`${space}:${generation}`}
        load={load}
        label={space === 'company' ? 'Company posts' : 'Practice posts'}
        noun="posts"
        empty={<p>No posts here yet. Be the first: <Link href="/compose">write a post</Link>.</p>}
        renderItem={(post) => <PostCard post={post} />}
      />
    </>
  );
}
