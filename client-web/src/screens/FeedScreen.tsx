import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Space } from '../api/types';
import { FeedAddress } from '../components/FeedAddress';
import { PagedList } from '../components/PagedList';
import { PostCard } from '../components/PostCard';
import { PenIcon } from '../components/Icons';
import { useApp } from '../context';
import { FEEDS } from '../lib/feedAddress';
import { canSeePractice } from '../lib/permissions';
import { Link } from '../navigation';

type FeedKind = Space | 'following';

/** New posts seen on the live channel within this time are checked against the Following feed together. */
const FOLLOWING_CHECK_MS = 300;

const INTRO: Record<FeedKind, string> = {
  company: 'What everyone at the company can read.',
  practice: 'Rehearsal space: only your cohort and coaches see these.',
  following: 'Posts of the people, topics and blogs you follow.',
};

const TITLE: Record<FeedKind, string> = { company: 'Company feed', practice: 'Practice feed', following: 'Following' };

export function FeedScreen({ space }: { space: FeedKind }) {
  const { api, user, live } = useApp();
  const load = useCallback(
    (before: string | null, signal: AbortSignal) => (space === 'following' ? api.followingFeed(before, signal) : api.feed(space, before, signal)),
    [api, space],
  );
  const practice = canSeePractice(user.role);
  // New posts do not push the list down: they are counted in a bar that loads them on request.
  const [fresh, setFresh] = useState<Set<number>>(new Set());
  const [generation, setGeneration] = useState(0);
  useEffect(() => setFresh(new Set()), [space]);
  // Whether a new post is followed is the server's to say (people, topics, blogs): on the
  // Following tab, published post ids wait here until the feed's first page confirms them.
  const pending = useRef<{ ids: Set<number>; timer: number | null }>({ ids: new Set(), timer: null });
  useEffect(() => {
    const box = pending.current;
    const confirm = () => {
      box.timer = null;
      const ids = box.ids;
      box.ids = new Set();
      api
        .followingFeed(null)
        .then((page) => {
          const followed = page.items.map((p) => p.id).filter((id) => ids.has(id));
          if (followed.length > 0) setFresh((s) => new Set([...s, ...followed]));
        })
        .catch(() => {
          // A failed check loses nothing the user asked for: the feed still loads on request.
        });
    };
    const stop = live.subscribe((e) => {
      if (e.type === 'reload') setFresh((s) => (s.size > 0 ? s : new Set([-1])));
      if (e.type !== 'post.published' || typeof e.post_id !== 'number') return;
      const id = e.post_id;
      if (space === 'following') {
        box.ids.add(id);
        if (box.timer === null) box.timer = window.setTimeout(confirm, FOLLOWING_CHECK_MS);
        return;
      }
      if (e.space !== space) return;
      setFresh((s) => (s.has(id) ? s : new Set(s).add(id)));
    });
    return () => {
      stop();
      if (box.timer !== null) window.clearTimeout(box.timer);
      box.timer = null;
      box.ids = new Set();
    };
  }, [api, live, space]);
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
        <h1 tabIndex={-1}>{TITLE[space]}</h1>
        <p class="lede">{INTRO[space]}</p>
      </div>
      {space === 'company' && <FeedAddress feed={FEEDS.company} what="the company feed" collapsed />}
      <nav class="tabs" aria-label="Feeds">
        <Link href="/" class="tab" aria-current={space === 'company' ? 'page' : undefined}>
          Company
        </Link>
        <Link href="/following" class="tab" aria-current={space === 'following' ? 'page' : undefined}>
          Following
        </Link>
        {practice && (
          <Link href="/practice" class="tab" aria-current={space === 'practice' ? 'page' : undefined}>
            Practice
          </Link>
        )}
      </nav>
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
        label={space === 'company' ? 'Company posts' : space === 'practice' ? 'Practice posts' : 'Posts you follow'}
        noun="posts"
        empty={
          space === 'following' ? (
            <p>
              Nothing here yet. Follow colleagues from their profile (select a name or an @mention) or a #topic from its page.
            </p>
          ) : (
            <p>
              No posts here yet. Be the first: <Link href="/compose">write a post</Link>.
            </p>
          )
        }
        renderItem={(post) => <PostCard post={post} />}
      />
    </>
  );
}
