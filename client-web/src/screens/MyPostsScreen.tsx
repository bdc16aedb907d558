import { useCallback, useState } from 'preact/hooks';
import type { Post } from '../api/types';
import { FormError, useFormAction } from '../components/Form';
import { PagedList } from '../components/PagedList';
import { PostCard } from '../components/PostCard';
import { scheduledLabel } from '../components/PublishControls';
import { useApp } from '../context';
import { Link } from '../navigation';

/** One of my posts; a scheduled one says when it goes out and can be cancelled here. */
function MyPost({ initial }: { initial: Post }) {
  const { api, announce } = useApp();
  const [post, setPost] = useState(initial);
  const { busy, error, run } = useFormAction();
  const scheduled = scheduledLabel(post);
  return (
    <>
      <PostCard post={post} showState />
      {scheduled && (
        <div class="scheduled-row">
          <p class="small" data-testid="scheduled-at">
            Scheduled to publish {scheduled}.
          </p>
          <button
            type="button"
            class="button secondary small"
            aria-disabled={busy}
            onClick={() =>
              void run(async () => {
                const result = await api.unschedulePost(post.id);
                setPost(result.post);
                announce('Schedule cancelled: the post stays approved and unpublished.', 'success');
              })
            }
          >
            {busy ? 'Cancelling…' : 'Cancel schedule'}
          </button>
          <FormError error={error} />
        </div>
      )}
    </>
  );
}

export function MyPostsScreen() {
  const { api } = useApp();
  const load = useCallback((before: string | null, signal: AbortSignal) => api.myPosts(before, signal), [api]);
  return (
    <>
      <div class="page-head">
        <h1 tabIndex={-1}>My posts</h1>
        <p class="lede">Everything you have written, in every state, newest first.</p>
      </div>
      <PagedList
        load={load}
        label="My posts"
        noun="posts"
        empty={<p>You have not written anything yet. <Link href="/compose">Write your first post</Link>.</p>}
        renderItem={(post) => <MyPost initial={post} />}
      />
    </>
  );
}
