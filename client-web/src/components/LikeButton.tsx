import { useEffect, useRef, useState } from 'preact/hooks';
import type { Post } from '../api/types';
import { useApp } from '../context';
import { messageOf } from '../api/errors';
import { HeartIcon } from './Icons';

/**
 * Like/unlike with instant feedback: the count and pressed state change on
 * click, the request follows, and an error puts both back and says why.
 * Only the answer to the latest click is applied, so fast double clicks end
 * in the state the person last chose.
 */
export function LikeButton({ post, onChange }: { post: Post; onChange?: (liked: boolean, count: number) => void }) {
  const { api, announce, live } = useApp();
  const [liked, setLiked] = useState(post.liked_by_me);
  const [count, setCount] = useState(post.like_count);
  const latest = useRef(0);
  const pending = useRef(false);
  // Others' likes arrive live; while this person's own click is on its way, its answer wins.
  useEffect(
    () =>
      live.subscribe((e) => {
        if (e.type === 'post.counts' && e.post_id === post.id && !pending.current && typeof e.like_count === 'number')
          setCount(e.like_count);
      }),
    [live, post.id],
  );

  const toggle = async () => {
    const before = { liked, count };
    const want = !liked;
    const optimisticCount = Math.max(0, count + (want ? 1 : -1));
    setLiked(want);
    setCount(optimisticCount);
    const ticket = ++latest.current;
    pending.current = true;
    try {
      const result = want ? await api.like(post.id) : await api.unlike(post.id);
      if (ticket !== latest.current) return;
      setLiked(result.liked_by_me);
      setCount(result.like_count);
      onChange?.(result.liked_by_me, result.like_count);
    } catch (error) {
      if (ticket !== latest.current) return;
      setLiked(before.liked);
      setCount(before.count);
      announce(`Could not ${want ? 'like' : 'unlike'} the post: ${messageOf(error)}`, 'error');
    } finally {
      if (ticket === latest.current) pending.current = false;
    }
  };

  return (
    <button type="button" class={`action like${liked ? ' is-liked' : ''}`} aria-pressed={liked} onClick={toggle}>
      <HeartIcon filled={liked} />
      <span class="action-label">Like</span>
      <span class="like-count" data-testid="like-count">
        {count}
      </span>
    </button>
  );
}
