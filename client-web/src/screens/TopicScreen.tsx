import { useCallback, useState } from 'preact/hooks';
import type { TopicPage } from '../api/socialTypes';
import { FeedAddress } from '../components/FeedAddress';
import { FollowButton } from '../components/FollowButton';
import { PagedList } from '../components/PagedList';
import { PostCard } from '../components/PostCard';
import { useApp } from '../context';
import { FEEDS } from '../lib/feedAddress';

/** The posts of a #topic you may read, newest first, with a follow button. */
export function TopicScreen({ tag }: { tag: string }) {
  const { api } = useApp();
  const [topic, setTopic] = useState<TopicPage['topic'] | null>(null);
  const load = useCallback(
    async (before: string | null, signal: AbortSignal) => {
      const page = await api.topicPosts(tag, before, signal);
      setTopic(page.topic);
      return page;
    },
    [api, tag],
  );
  const name = `#${topic?.tag ?? tag.toLowerCase()}`;
  return (
    <>
      <div class="page-head topic-head">
        <div>
          <h1 tabIndex={-1}>{name}</h1>
          <p class="lede">
            Posts about {name} that you can read.
            {topic && (
              <span data-testid="topic-followers">
                {' '}
                {topic.followers} {topic.followers === 1 ? 'person follows' : 'people follow'} it.
              </span>
            )}
          </p>
        </div>
        {topic && (
          <FollowButton
            name={name}
            following={topic.followed_by_me}
            toggle={(on) => api.setFollowTopic(topic.tag, on)}
            onChange={(s) => setTopic({ ...topic, followed_by_me: s.following, followers: s.followers })}
          />
        )}
      </div>
      <FeedAddress feed={FEEDS.topic(topic?.tag ?? tag)} what={`posts about ${name}`} collapsed />
      <PagedList
        resetKey={tag}
        load={load}
        label={`Posts about ${name}`}
        noun="posts"
        empty={<p class="empty">No posts about {name} yet.</p>}
        renderItem={(post) => <PostCard post={post} />}
      />
    </>
  );
}
