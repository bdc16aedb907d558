import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../context';

/** A post's like and reply counts, kept current by post.counts events from the live channel. */
export function useLiveCounts(postId: number, likes: number, replies: number): { likes: number; replies: number } {
  const { live } = useApp();
  const [counts, setCounts] = useState({ likes, replies });
  useEffect(() => setCounts({ likes, replies }), [postId, likes, replies]);
  useEffect(
    () =>
      live.subscribe((e) => {
        if (e.type !== 'post.counts' || e.post_id !== postId) return;
        setCounts({ likes: e.like_count ?? 0, replies: e.reply_count ?? 0 });
      }),
    [live, postId],
  );
  return counts;
}
