import { useCallback } from 'preact/hooks';
import { PagedList } from '../components/PagedList';
import { PostCard } from '../components/PostCard';
import { useApp } from '../context';
import { Link } from '../navigation';

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
        renderItem={(post) => <PostCard post={post} showState />}
      />
    </>
  );
}
