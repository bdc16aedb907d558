import type { ComponentChildren } from 'preact';
import type { Post } from '../api/types';
import { spaceLabel, stateLabel } from '../lib/permissions';
import { Link } from '../navigation';
import { Avatar } from './Avatar';
import { ReplyIcon } from './Icons';
import { LikeButton } from './LikeButton';
import { ReportButton } from './ReportButton';
import { RelativeTime } from './RelativeTime';
import { ReferencedText } from './ReferencedText';
import { useLiveCounts } from './useLiveCounts';

export interface PostCardProps {
  post: Post;
  /** Headline level for the author line (h2 in lists under an h1). */
  headingLevel?: 2 | 3;
  /** Link the time and reply count to the post's own page. */
  linkToDetail?: boolean;
  /** Show the post's state (My posts) and space. */
  showState?: boolean;
  /** A preview: nothing is clickable. */
  preview?: boolean;
  onLikeChange?: (liked: boolean, count: number) => void;
  /** Replaces the plain body (annotation highlights, an editor). */
  body?: ComponentChildren;
}

function replies(n: number): string {
  return `${n} ${n === 1 ? 'reply' : 'replies'}`;
}

export function PostCard({ post, headingLevel = 2, linkToDetail = true, showState = false, preview = false, onLikeChange, body }: PostCardProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const headingId = `post-${preview ? 'preview' : post.id}-author`;
  const href = `/posts/${post.id}`;
  const published = post.state === 'published';
  const time = post.published_at || post.created_at;
  const timeEl = <RelativeTime iso={time} />;
  const live = useLiveCounts(post.id, post.like_count, post.reply_count);
  return (
    <article class={`post-card${preview ? ' is-preview' : ''}`} aria-labelledby={headingId} data-post-id={preview ? undefined : post.id}>
      <header class="post-head">
        <Avatar author={post.author} />
        <div class="post-meta">
          <Heading id={headingId} class="post-author">
            {post.author.display_name}{' '}
            {preview ? (
              <span class="username">@{post.author.username}</span>
            ) : (
              <Link href={`/people/${post.author.username}`} class="username" data-testid="author-link">
                @{post.author.username}
              </Link>
            )}
          </Heading>
          <p class="post-sub">
            {linkToDetail && !preview ? (
              <Link href={href} class="post-time">
                {timeEl}
              </Link>
            ) : (
              <span class="post-time">{timeEl}</span>
            )}
            <span class="dot" aria-hidden="true">
              ·
            </span>
            <span class={`badge badge-space-${post.space}`}>{spaceLabel(post.space)}</span>
            {post.edited_at && published && (
              <span class="badge badge-edited" title="The published text was corrected; the post’s page shows the history.">
                edited
              </span>
            )}
            {post.scheduled_at && (
              <span class="badge badge-scheduled">Scheduled</span>
            )}
            {post.correction_state && (
              <span class="badge badge-state-in_review">Correction {post.correction_state === 'approved' ? 'approved' : post.correction_state === 'in_review' ? 'in review' : 'needs changes'}</span>
            )}
            {(showState || !published) && (
              <span class={`badge badge-state badge-state-${post.state}`} data-testid="post-state">
                {stateLabel(post.state)}
              </span>
            )}
          </p>
        </div>
      </header>
      {(post.state === 'hidden' || post.state === 'removed') && post.moderation_reason && !preview && (
        <p class="moderation-notice" data-testid="moderation-notice">
          <strong>{post.state === 'hidden' ? 'Hidden by a moderator.' : 'Removed by a moderator.'}</strong> Reason: {post.moderation_reason}
        </p>
      )}
      {post.locked && !preview && (
        <p class="locked-notice" data-testid="locked-notice">
          This thread is locked by a moderator: it takes no new replies.
        </p>
      )}
      {body ?? (
        <div class="post-body">
          <ReferencedText text={post.body} refs={post.references} />
        </div>
      )}
      {published && !preview && (
        <footer class="post-actions">
          <LikeButton post={post} onChange={onLikeChange} />
          {linkToDetail ? (
            <Link href={href} class="action">
              <ReplyIcon />
              <span data-testid="reply-count">{replies(live.replies)}</span>
            </Link>
          ) : (
            <span class="action is-static">
              <ReplyIcon />
              <span data-testid="reply-count">{replies(live.replies)}</span>
            </span>
          )}
          <ReportButton targetType="post" targetId={post.id} authorId={post.author.id} authorName={post.author.display_name} />
        </footer>
      )}
      {!published && !preview && linkToDetail && (
        <footer class="post-actions">
          <Link href={href} class="action">
            <span>{post.state === 'changes_requested' ? 'See feedback and revise' : post.state === 'approved' ? 'Publish or schedule' : 'Open post'}</span>
          </Link>
        </footer>
      )}
      {preview && (
        <footer class="post-actions" aria-hidden="true">
          <span class="action is-static">Like 0</span>
          <span class="action is-static">0 replies</span>
        </footer>
      )}
    </article>
  );
}
