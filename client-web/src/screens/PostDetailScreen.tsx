import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiError, messageOf } from '../api/errors';
import type { Post, Reply } from '../api/types';
import { AuthorWorkspace } from '../components/AuthorWorkspace';
import { Avatar } from '../components/Avatar';
import { useFormAction } from '../components/Form';
import { PostCard } from '../components/PostCard';
import { VersionHistory } from '../components/Reviews';
import { RelativeTime } from '../components/RelativeTime';
import { ReplyBox } from '../components/ReplyBox';
import { useApp } from '../context';
import { browserStorage, DraftStore } from '../lib/drafts';
import { Link } from '../navigation';
import { NotFoundScreen } from './NotFoundScreen';

type Load =
  | { status: 'loading' }
  | { status: 'error'; message: string; notFound: boolean }
  | { status: 'ready'; post: Post; replies: Reply[] };

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
      .then((r) => setState({ status: 'ready', post: r.post, replies: r.replies ?? [] }))
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
          onPostChange={(post) => setState({ status: 'ready', post, replies: state.replies })}
          onReply={(reply) =>
            setState({
              status: 'ready',
              post: { ...state.post, reply_count: state.post.reply_count + 1 },
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
  onReply,
  onPostChange,
}: {
  post: Post;
  replies: Reply[];
  onReply: (reply: Reply) => void;
  onPostChange: (post: Post) => void;
}) {
  const { user } = useApp();
  const own = post.author.id === user.id;
  const coachView = !own && user.role === 'coach';
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
                <ReplyItem reply={reply} />
              </li>
            ))}
          </ol>
        )}
        {post.state === 'published' ? (
          <ReplyForm postId={post.id} onReply={onReply} />
        ) : (
          <p class="muted">Replies open once the post is published.</p>
        )}
      </section>
    </div>
  );
}

function ReplyItem({ reply }: { reply: Reply }) {
  return (
    <article class="reply" aria-label={`Reply by ${reply.author.display_name}`}>
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
        <div class="post-body">{reply.body}</div>
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
        announce('Reply posted.', 'success');
      }}
      action={action}
      submitLabel="Reply"
      busyLabel="Replying…"
      inputRef={input}
    />
  );
}
