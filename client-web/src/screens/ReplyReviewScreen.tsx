import { Avatar } from '../components/Avatar';
import { LoadError, LoadingLine, useLoad } from '../components/Loader';
import { PostCard } from '../components/PostCard';
import { RelativeTime } from '../components/RelativeTime';
import { VerdictForm } from '../components/VerdictForm';
import { useApp } from '../context';
import { navigate } from '../navigation';
import { NotFoundScreen } from './NotFoundScreen';

/**
 * A coach reviews a held reply (a Crawl executive's reply in the company space): the post it
 * answers for context, the reply, then the rubric and the verdict, as for a post.
 */
export function ReplyReviewScreen({ id }: { id: number }) {
  const { api, announce, refreshUnread } = useApp();
  const { state, reload } = useLoad((signal) => api.reviewQueue(signal), `review-reply-${id}`);
  const item = state.status === 'ready' ? state.data.items.find((i) => i.kind === 'reply' && i.reply?.id === id) : undefined;
  if (state.status === 'ready' && (!item || !item.reply)) {
    return <NotFoundScreen message="This reply is not waiting for your review: it was reviewed already, or it is not one of your executives’ replies." />;
  }
  const reply = item?.reply;
  return (
    <>
      <div class="page-head">
        <h1 tabIndex={-1}>{reply ? `Review a reply: ${reply.author.display_name}` : 'Review a reply'}</h1>
        <p class="lede">At the Crawl level a company reply waits for your approval, like a post.</p>
      </div>
      {state.status === 'loading' && <LoadingLine what="the reply" />}
      {state.status === 'error' && <LoadError message={state.message} onRetry={reload} />}
      {item && reply && (
        <div class="review-layout">
          <section aria-labelledby="answers-title">
            <h2 id="answers-title" class="section-title">
              In reply to
            </h2>
            <PostCard post={item.post} headingLevel={3} />
          </section>
          <section aria-labelledby="held-reply-title">
            <h2 id="held-reply-title" class="section-title">
              The reply
            </h2>
            <article class="reply is-held" aria-label={`Reply by ${reply.author.display_name}`}>
              <Avatar author={reply.author} size="sm" />
              <div class="reply-main">
                <p class="reply-meta">
                  <span class="post-author">{reply.author.display_name}</span>
                  <span class="username"> @{reply.author.username}</span>
                  <span class="dot" aria-hidden="true">
                    ·
                  </span>
                  <RelativeTime iso={reply.created_at} />
                  {reply.version && reply.version > 1 ? <span class="muted"> · version {reply.version}</span> : null}
                </p>
                <div class="post-body" data-testid="held-reply-body">
                  {reply.body}
                </div>
              </div>
            </article>
          </section>
          <VerdictForm
            subject="reply"
            onGive={async (verdict, rubric, comment) => {
              await api.reviewReply(reply.id, reply.version ?? 1, verdict, rubric, comment);
              announce(verdict === 'approve' ? 'Approved: the reply is now visible.' : 'Changes requested: the author has been told.', 'success');
              refreshUnread();
              navigate('/review');
            }}
          />
        </div>
      )}
    </>
  );
}
