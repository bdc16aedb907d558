import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiError, messageOf } from '../api/errors';
import type { Drill } from '../api/drillTypes';
import type { Post, Reply } from '../api/types';
import { DrillThreadPanel, SimulatedLabel } from '../components/Drills';
import { AuthorWorkspace } from '../components/AuthorWorkspace';
import { Avatar } from '../components/Avatar';
import { useFormAction } from '../components/Form';
import { PostCard } from '../components/PostCard';
import { VersionHistory } from '../components/Reviews';
import { RelativeTime } from '../components/RelativeTime';
import { ReplyBox } from '../components/ReplyBox';
import { ModerationActions } from '../components/ModerationActions';
import { ReportButton } from '../components/ReportButton';
import { useApp } from '../context';
import { browserStorage, DraftStore } from '../lib/drafts';
import { Link } from '../navigation';
import { ReferencedText } from '../components/ReferencedText';
import { NotFoundScreen } from './NotFoundScreen';

type Load =
  | { status: 'loading' }
  | { status: 'error'; message: string; notFound: boolean }
  | { status: 'ready'; post: Post; replies: Reply[]; drill: Drill | null };

/**
 * One post with its replies. The coach review workspace (text-selection
 * annotations anchored by code point offsets, see lib/offsets.ts) will show
 * its annotations next to the post body here for posts in review.
 */
export function PostDetailScreen({ id }: { id: number }) {
  const { api, user } = useApp();
  const [state, setState] = useState<Load>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    api
      .post(id, controller.signal)
      .then((r) => setState({ status: 'ready', post: r.post, replies: r.replies ?? [], drill: r.drill ?? null }))
      .catch((e) => {
        if (controller.signal.aborted) return;
        if (e instanceof ApiError && e.status === 401) return;
        setState({
          status: 'error',
          message: messageOf(e),
          notFound: e instanceof ApiError && e.status === 404,
        });
      });
    return () => controller.abort();
  }, [api, id, attempt]);

  if (state.status === 'error' && state.notFound) {
    return <NotFoundScreen message="This post does not exist, or you may not see it." />;
  }

  return (
    <>
      <p class="back-link">
        {state.status === 'ready' && state.post.author.id === user.id && state.post.state !== 'published' ? (
          <Link href="/me/posts">← Back to my posts</Link>
        ) : state.status === 'ready' && user.role === 'coach' && state.post.state === 'in_review' ? (
          <Link href="/review">← Back to the review queue</Link>
        ) : (
          <Link href="/">← Back to the feed</Link>
        )}
      </p>
      <h1 class="visually-hidden" tabIndex={-1}>
        {state.status === 'ready' ? `Post by ${state.post.author.display_name}` : 'Post'}
      </h1>
      {state.status === 'loading' && (
        <p class="loading" role="status">
          <span class="spinner" aria-hidden="true" /> Loading the post…
        </p>
      )}
      {state.status === 'error' && (
        <div class="form-error" role="alert">
          <p>{state.message}</p>
          <button type="button" class="button secondary" onClick={() => setAttempt(attempt + 1)}>
            Try again
          </button>
        </div>
      )}
      {state.status === 'ready' && (
        <Thread
          post={state.post}
          replies={state.replies}
          drill={state.drill}
          onPostChange={(post) => setState({ ...state, post })}
          onModerated={() => setAttempt(attempt + 1)}
          onReply={(reply) =>
            setState({
              ...state,
              // a held or drill reply counts only once out for everyone
              post: { ...state.post, reply_count: state.post.reply_count + (isHeld(reply) || reply.drill_private ? 0 : 1) },
              replies: [...state.replies, reply],
            })
          }
        />
      )}
    </>
  );
}

function Thread({
  post,
  replies,
  drill,
  onReply,
  onPostChange,
  onModerated,
}: {
  post: Post;
  replies: Reply[];
  drill: Drill | null;
  onReply: (reply: Reply) => void;
  onPostChange: (post: Post) => void;
  onModerated: () => void;
}) {
  const { user } = useApp();
  const own = post.author.id === user.id;
  const coachView = !own && user.role === 'coach';
  const moderator = user.role === 'moderator' || user.role === 'admin';
  return (
    <div class="thread">
      {own ? (
        <AuthorWorkspace post={post} onPostChange={onPostChange} />
      ) : (
        <PostCard post={post} linkToDetail={false} showState={post.state !== 'published'} />
      )}
      {!own && post.edited_at && <VersionHistory key={`${post.id}-${post.version ?? 0}`} postId={post.id} readerView={!coachView} />}
      {coachView && (
        <p class="notice">
          <Link href={`/review/${post.id}`}>Open in the review workspace</Link> to annotate{post.state === 'in_review' ? ' and give a verdict' : ''}.
        </p>
      )}
      {moderator && !own && (
        <details class="moderate-panel">
          <summary>Moderate this post</summary>
          <ModerationActions
            targetType="post"
            targetId={post.id}
            item={post}
            post={post}
            hasReports={false}
            label={`Moderate the post by ${post.author.display_name}`}
            onDone={onModerated}
          />
        </details>
      )}
      {drill && <DrillThreadPanel post={post} drill={drill} onReply={onReply} />}
      <section class="replies" aria-labelledby="replies-title">
        <h2 id="replies-title" class="section-title">
          {replies.length === 0 ? 'Replies' : `Replies (${replies.length})`}
        </h2>
        {replies.length === 0 ? (
          <p class="muted">No replies yet.</p>
        ) : (
          <ol class="reply-list" aria-label="Replies">
            {replies.map((reply) => (
              <li key={reply.id}>
                <ReplyItem reply={reply} post={post} onModerated={onModerated} />
              </li>
            ))}
          </ol>
        )}
        {post.state === 'published' && post.locked ? (
          <p class="locked-notice" role="note">
            This thread is locked by a moderator. You can read the replies, but no new ones can be added.
          </p>
        ) : post.state === 'published' ? (
          <ReplyForm postId={post.id} onReply={onReply} />
        ) : (
          <p class="muted">Replies open once the post is published.</p>
        )}
      </section>
    </div>
  );
}

/** A reply held for the author's coach: seen only by the author and their coaches. */
function isHeld(reply: Reply): boolean {
  return reply.review_state === 'in_review' || reply.review_state === 'changes_requested';
}

function HeldMarker({ reply }: { reply: Reply }) {
  const { user } = useApp();
  if (!isHeld(reply)) return null;
  const mine = reply.author.id === user.id;
  const label =
    reply.review_state === 'changes_requested'
      ? mine
        ? 'Your coach asked for changes'
        : 'Changes requested'
      : mine
        ? 'Waiting for your coach'
        : 'Waiting for review';
  return (
    <p class="held-marker" data-testid="held-marker">
      <span class="badge badge-held">{label}</span>{' '}
      <span class="muted small">
        {reply.drill_private
          ? 'A drill answer: only the executive and their coaches ever see it.'
          : mine
            ? 'Only you and your coaches see this reply until it is approved.'
            : 'Only the author and their coaches see it.'}
      </span>
    </p>
  );
}

function ReplyItem({ reply, post, onModerated }: { reply: Reply; post: Post; onModerated: () => void }) {
  const { user } = useApp();
  const moderator = (user.role === 'moderator' || user.role === 'admin') && reply.author.id !== user.id;
  const moderated = reply.state === 'hidden' || reply.state === 'removed';
  const classes = `reply${moderated ? ' is-moderated' : ''}${isHeld(reply) ? ' is-held' : ''}${reply.persona ? ' is-simulated' : ''}`;
  return (
    <article class={classes} aria-label={`Reply by ${reply.author.display_name}`}>
      <Avatar author={reply.author} size="sm" />
      <div class="reply-main">
        <p class="reply-meta">
          <span class="post-author">{reply.author.display_name}</span>
          <span class="username"> @{reply.author.username}</span>
          <span class="dot" aria-hidden="true">
            ·
          </span>
          <RelativeTime iso={reply.created_at} />
        </p>
        {moderated && (
          <p class="moderation-notice" data-testid="reply-moderation-notice">
            <strong>{reply.state === 'hidden' ? 'Hidden by a moderator.' : 'Removed by a moderator.'}</strong>
            {reply.moderation_reason ? ` Reason: ${reply.moderation_reason}` : ''}
          </p>
        )}
        <SimulatedLabel reply={reply} />
        <div class="post-body">
          <ReferencedText text={reply.body} refs={reply.references} />
        </div>
        <HeldMarker reply={reply} />
        {!moderated && !reply.drill_private && (
          <div class="reply-actions">
            <ReportButton targetType="reply" targetId={reply.id} authorId={reply.author.id} authorName={reply.author.display_name} />
          </div>
        )}
        {moderator && (
          <details class="moderate-panel">
            <summary>
              Moderate<span class="visually-hidden"> the reply by {reply.author.display_name}</span>
            </summary>
            <ModerationActions
              targetType="reply"
              targetId={reply.id}
              item={reply}
              post={post}
              hasReports={false}
              label={`Moderate the reply by ${reply.author.display_name}`}
              onDone={onModerated}
            />
          </details>
        )}
      </div>
    </article>
  );
}

function ReplyForm({ postId, onReply }: { postId: number; onReply: (reply: Reply) => void }) {
  const { api, announce, user } = useApp();
  // A reply being written survives a reload or an expired session too.
  const store = useMemo(() => new DraftStore(browserStorage(), user.username, `reply.${postId}`), [user.username, postId]);
  const [body, setBody] = useState(() => store.load()?.body ?? '');
  const action = useFormAction();
  const input = useRef<HTMLTextAreaElement>(null);

  return (
    <ReplyBox
      formClass="reply-form"
      id="reply-body"
      errorId="reply-error"
      name="reply"
      label="Write a reply"
      rows={3}
      body={body}
      onBody={(text) => {
        setBody(text);
        store.save(text, null);
      }}
      send={async (text) => {
        const { reply } = await api.reply(postId, text);
        store.clear();
        setBody('');
        onReply(reply);
        announce(
          reply.drill_private
            ? 'Answer sent to your coach for review.'
            : isHeld(reply)
              ? 'Reply sent to your coach: it appears for everyone once approved.'
              : 'Reply posted.',
          'success',
        );
      }}
      action={action}
      submitLabel="Reply"
      busyLabel="Replying…"
      inputRef={input}
    />
  );
}
