import { useCallback } from 'preact/hooks';
import type { Space } from '../api/types';
import { PagedList } from '../components/PagedList';
import { PostCard } from '../components/PostCard';
import { PenIcon } from '../components/Icons';
import { useApp } from '../context';
import { canSeePractice } from '../lib/permissions';
import { Link } from '../navigation';

const INTRO: Record<Space, string> = {
  company: 'What everyone at the company can read.',
  practice: 'Rehearsal space: only your cohort and coaches see these.',
};

export function FeedScreen({ space }: { space: Space }) {
  const { api, user } = useApp();
  const load = useCallback((before: string | null, signal: AbortSignal) => api.feed(space, before, signal), [api, space]);
  const practice = canSeePractice(user.role);
  return (
    <>
      <div class="page-head">
        <h1 tabIndex={-1}>{space === 'company' ? 'Company feed' : 'Practice feed'}</h1>
        <p class="lede">{INTRO[space]}</p>
      </div>
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
      <PagedList
        resetKey={space}
        load={load}
        label={space === 'company' ? 'Company posts' : 'Practice posts'}
        noun="posts"
        empty={<p>No posts here yet. Be the first: <Link href="/compose">write a post</Link>.</p>}
        renderItem={(post) => <PostCard post={post} />}
      />
    </>
  );
}
