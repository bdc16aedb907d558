import { useCallback } from 'preact/hooks';
import type { Profile } from '../api/socialTypes';
import { Avatar } from '../components/Avatar';
import { FeedAddress } from '../components/FeedAddress';
import { FollowButton } from '../components/FollowButton';
import { LoadError, LoadingLine, useLoad } from '../components/Loader';
import { PagedList } from '../components/PagedList';
import { PostCard } from '../components/PostCard';
import { useApp } from '../context';
import { FEEDS } from '../lib/feedAddress';
import { Link } from '../navigation';
import { NotFoundScreen } from './NotFoundScreen';

const ROLE_LABEL: Record<string, string> = {
  admin: 'Admin',
  moderator: 'Moderator',
  coach: 'Coach',
  executive: 'Executive',
  member: 'Staff',
};

/** A person's profile: who they are, their blog, followers, and the posts you may read. */
export function PersonScreen({ username }: { username: string }) {
  const { api } = useApp();
  const { state, reload, set } = useLoad((signal) => api.profile(username, signal), `person:${username}`);
  const loadPosts = useCallback((before: string | null, signal: AbortSignal) => api.personPosts(username, before, signal), [api, username]);
  if (state.status === 'loading') return <LoadingLine what="the profile" />;
  if (state.status === 'error')
    return state.notFound ? (
      <NotFoundScreen title="Person not found" message={`There is nobody called @${username} here.`} />
    ) : (
      <LoadError message={state.message} onRetry={reload} />
    );
  const p: Profile = state.data;
  return (
    <>
      <div class="page-head profile-head">
        <Avatar author={p.user} />
        <div>
          <h1 tabIndex={-1}>{p.user.display_name}</h1>
          <p class="lede">
            <span class="username">@{p.user.username}</span> · {ROLE_LABEL[p.user.role] ?? p.user.role}
            {p.user.training_level && <span class={`badge badge-level`}> {p.user.training_level} level</span>}
          </p>
          <p class="profile-counts" data-testid="profile-counts">
            <span>
              <strong>{p.followers}</strong> {p.followers === 1 ? 'follower' : 'followers'}
            </span>
            <span>
              <strong>{p.following}</strong> following
            </span>
            {p.blog && (
              <span>
                Blog: <Link href={`/blogs/${p.blog.id}`}>{p.blog.title}</Link>
              </span>
            )}
          </p>
        </div>
        {!p.is_me && (
          <FollowButton
            name={p.user.display_name}
            following={p.followed_by_me}
            toggle={(on) => api.setFollowPerson(p.user.id, on)}
            onChange={(s) => set({ ...p, followed_by_me: s.following, followers: s.followers })}
          />
        )}
      </div>
      <FeedAddress feed={FEEDS.user(p.user.username)} what={`${p.user.display_name}'s posts`} collapsed />
      <h2 class="section-title">Posts</h2>
      <PagedList
        resetKey={username}
        load={loadPosts}
        label={`Posts by ${p.user.display_name}`}
        noun="posts"
        empty={<p class="empty">No published posts you can read yet.</p>}
        renderItem={(post) => <PostCard post={post} headingLevel={3} />}
      />
    </>
  );
}
