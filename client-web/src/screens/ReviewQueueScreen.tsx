import { Avatar } from '../components/Avatar';
import { LoadError, LoadingLine, useLoad } from '../components/Loader';
import { useApp } from '../context';
import { formatWaiting, formatWaitingLong, isLongWait } from '../lib/age';
import { spaceLabel } from '../lib/permissions';
import { formatAbsolute, parseTime } from '../lib/time';
import { Link } from '../navigation';

function excerpt(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : flat.slice(0, max - 1).trimEnd() + '…';
}

/**
 * A coach's review queue: their executives' posts in review and their held replies (a Crawl
 * executive's company replies, shown with the post they answer), oldest first, with ages.
 */
export function ReviewQueueScreen() {
  const { api } = useApp();
  const { state, reload } = useLoad((signal) => api.reviewQueue(signal), 'queue');
  const items = state.status === 'ready' ? [...state.data.items].sort((a, b) => b.waiting_seconds - a.waiting_seconds) : [];
  return (
    <>
      <div class="page-head">
        <h1 tabIndex={-1}>Review queue</h1>
        <p class="lede">Posts your executives submitted and their replies waiting for you, oldest first.</p>
      </div>
      {state.status === 'loading' && <LoadingLine what="the queue" />}
      {state.status === 'error' && <LoadError message={state.message} onRetry={reload} />}
      {state.status === 'ready' && items.length === 0 && (
        <div class="empty">
          <p>Nothing waits for a review. Well done.</p>
        </div>
      )}
      {items.length > 0 && (
        <ol class="queue-list" aria-label="Posts waiting for review">
          {items.map((item) => {
            const submitted = parseTime(item.submitted_at);
            if (item.kind === 'reply' && item.reply) {
              const reply = item.reply;
              return (
                <li key={`reply-${reply.id}`}>
                  <article class="queue-item is-reply" aria-labelledby={`queue-reply-${reply.id}`} data-testid="queued-reply">
                    <header class="post-head">
                      <Avatar author={reply.author} />
                      <div class="post-meta">
                        <h2 id={`queue-reply-${reply.id}`} class="post-author">
                          {reply.author.display_name}
                          <span class="username"> @{reply.author.username}</span>
                        </h2>
                        <p class="post-sub">
                          <span class="badge badge-held">Reply</span>
                          <span class="dot" aria-hidden="true">
                            ·
                          </span>
                          <span class={`waiting${isLongWait(item.waiting_seconds) ? ' is-long' : ''}`} title={submitted ? `Submitted ${formatAbsolute(submitted)}` : undefined}>
                            <span aria-hidden="true">{formatWaiting(item.waiting_seconds)}</span>
                            <span class="visually-hidden">{formatWaitingLong(item.waiting_seconds)}</span>
                          </span>
                        </p>
                      </div>
                    </header>
                    <p class="queue-context muted small">
                      In reply to {item.post.author.display_name}: “{excerpt(item.post.body, 100)}”
                    </p>
                    <p class="queue-excerpt">{excerpt(reply.body)}</p>
                    <Link href={`/review/replies/${reply.id}`} class="button primary small">
                      Review<span class="visually-hidden"> the reply by {reply.author.display_name}</span>
                    </Link>
                  </article>
                </li>
              );
            }
            return (
              <li key={item.post.id}>
                <article class="queue-item" aria-labelledby={`queue-${item.post.id}`}>
                  <header class="post-head">
                    <Avatar author={item.post.author} />
                    <div class="post-meta">
                      <h2 id={`queue-${item.post.id}`} class="post-author">
                        {item.post.author.display_name}
                        <span class="username"> @{item.post.author.username}</span>
                      </h2>
                      <p class="post-sub">
                        <span class={`badge badge-space-${item.post.space}`}>{spaceLabel(item.post.space)}</span>
                        <span class="dot" aria-hidden="true">
                          ·
                        </span>
                        <span
                          class={`waiting${isLongWait(item.waiting_seconds) ? ' is-long' : ''}`}
                          title={submitted ? `Submitted ${formatAbsolute(submitted)}` : undefined}
                          data-testid="waiting"
                        >
                          <span aria-hidden="true">{formatWaiting(item.waiting_seconds)}</span>
                          <span class="visually-hidden">{formatWaitingLong(item.waiting_seconds)}</span>
                        </span>
                        {item.post.version && item.post.version > 1 ? <span class="muted"> · version {item.post.version}</span> : null}
                      </p>
                    </div>
                  </header>
                  <p class="queue-excerpt">{excerpt(item.post.body)}</p>
                  <Link href={`/review/${item.post.id}`} class="button primary small">
                    Review<span class="visually-hidden"> the post by {item.post.author.display_name}</span>
                  </Link>
                </article>
              </li>
            );
          })}
        </ol>
      )}
    </>
  );
}
