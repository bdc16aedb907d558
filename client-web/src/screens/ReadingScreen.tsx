import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { messageOf } from '../api/errors';
import type { ReadingEntry, ReadingFeed, ReadingItem, ReadingPage, ReadingPost } from '../api/readingTypes';
import { LoadError, LoadingLine, useLoad } from '../components/Loader';
import { PostCard } from '../components/PostCard';
import { RelativeTime } from '../components/RelativeTime';
import { useApp } from '../context';
import { feedName, feedStatus, itemKey, itemName, newSinceLabel } from '../lib/reading';
import { Link } from '../navigation';

/**
 * The reading list: what the person follows (posts of people, topics and blogs) merged with
 * the entries of their external feeds, newest first, with read/unread per person for both;
 * the feeds themselves, with how their last fetch went; a form to follow a new feed (hosts are
 * allowed by an admin). Entry summaries are plain text.
 */
export function ReadingScreen() {
  const { api } = useApp();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const entries = useLoad((signal) => api.reading({ unread: unreadOnly }, signal), `reading:${unreadOnly}`);
  const feeds = useLoad((signal) => api.readingFeeds(signal), 'reading-feeds');
  const [more, setMore] = useState<ReadingItem[]>([]);
  const [next, setNext] = useState<string | null>(null);
  useEffect(() => {
    setMore([]);
    setNext(entries.state.status === 'ready' ? entries.state.data.next : null);
  }, [entries.state]);

  const refresh = () => {
    entries.reload();
    feeds.reload();
  };

  return (
    <>
      <div class="page-head">
        <h1 tabIndex={-1}>Reading list</h1>
        <p class="lede">The colleagues, topics and blogs you follow, and the news feeds you subscribe to, in one place. Make reading them a daily habit.</p>
      </div>
      <div class="reading-layout">
        <section class="reading-entries" aria-labelledby="reading-entries-title">
          <div class="reading-toolbar">
            <h2 id="reading-entries-title" class="section-title">
              Latest
            </h2>
            {entries.state.status === 'ready' && <ReadingSummary page={entries.state.data} />}
            <div class="field checkbox-field">
              <input id="reading-unread" type="checkbox" checked={unreadOnly} onChange={(e) => setUnreadOnly((e.target as HTMLInputElement).checked)} />
              <label for="reading-unread">Unread only</label>
            </div>
            <button type="button" class="button ghost" onClick={refresh}>
              Refresh
            </button>
          </div>
          {entries.state.status === 'loading' && <LoadingLine what="your reading list" />}
          {entries.state.status === 'error' && <LoadError message={entries.state.message} onRetry={entries.reload} />}
          {entries.state.status === 'ready' && (
            <EntryList
              items={[...entries.state.data.items, ...more]}
              next={next}
              onMore={async () => {
                if (!next) return;
                const page = await api.reading({ unread: unreadOnly, before: next });
                setMore((m) => [...m, ...page.items]);
                setNext(page.next);
              }}
              emptyText={unreadOnly ? 'You have read everything. Well done.' : 'Nothing to read yet. Follow colleagues, topics or a feed to start.'}
            />
          )}
        </section>
        <aside class="reading-side" aria-label="Your feeds">
          <FollowForm onFollowed={refresh} />
          <section class="card reading-feeds" aria-labelledby="reading-feeds-title">
            <h2 id="reading-feeds-title" class="section-title">
              Feeds you follow
            </h2>
            {feeds.state.status === 'loading' && <LoadingLine what="your feeds" />}
            {feeds.state.status === 'error' && <LoadError message={feeds.state.message} onRetry={feeds.reload} />}
            {feeds.state.status === 'ready' && <FeedList feeds={feeds.state.data.items} onChanged={refresh} />}
          </section>
        </aside>
      </div>
    </>
  );
}

function ReadingSummary({ page }: { page: ReadingPage }) {
  return (
    <p class="reading-new" data-testid="reading-new">
      <strong>{newSinceLabel(page.new_since_yesterday)}</strong>
      <span class="muted">
        {' '}
        · {page.stats.reading_days_30} reading {page.stats.reading_days_30 === 1 ? 'day' : 'days'} in the last 30
      </span>
    </p>
  );
}

function EntryList(props: { items: ReadingItem[]; next: string | null; onMore: () => Promise<void>; emptyText: string }) {
  const { api, announce } = useApp();
  const [overrides, setOverrides] = useState<Record<string, boolean>>({});
  const [busy, setBusy] = useState(false);
  if (props.items.length === 0) return <p class="empty">{props.emptyText}</p>;
  const toggle = async (entry: ReadingItem, read: boolean) => {
    try {
      const { item } = entry.kind === 'post' ? await api.setPostRead(entry.id, read) : await api.setEntryRead(entry.id, read);
      setOverrides((o) => ({ ...o, [itemKey(entry)]: item.read }));
      announce(item.read ? 'Marked as read.' : 'Marked as unread.', 'success');
    } catch (e) {
      announce(messageOf(e), 'error');
    }
  };
  return (
    <>
      <ul class="reading-list" aria-label="Posts and entries">
        {props.items.map((item) => {
          const read = overrides[itemKey(item)] ?? item.read;
          const button = (
            <button type="button" class="button ghost small" aria-label={`${read ? 'Mark as unread' : 'Mark as read'}: ${itemName(item)}`} onClick={() => toggle(item, !read)}>
              {read ? 'Mark as unread' : 'Mark as read'}
            </button>
          );
          return item.kind === 'post' ? (
            <PostItem key={itemKey(item)} item={item} read={read} button={button} />
          ) : (
            <EntryItem key={itemKey(item)} entry={item} read={read} button={button} />
          );
        })}
      </ul>
      {props.next && (
        <button
          type="button"
          class="button ghost"
          aria-disabled={busy}
          onClick={async () => {
            if (busy) return;
            setBusy(true);
            try {
              await props.onMore();
            } catch (e) {
              announce(messageOf(e), 'error');
            } finally {
              setBusy(false);
            }
          }}
        >
          {busy ? 'Loading…' : 'Show older'}
        </button>
      )}
    </>
  );
}

/** An entry of an external feed: its title opens the external page in a new tab. */
function EntryItem({ entry, read, button }: { entry: ReadingEntry; read: boolean; button: ComponentChildren }) {
  return (
    <li class={`card reading-entry${read ? ' is-read' : ''}`} data-testid="reading-entry">
      <p class="reading-meta muted">
        <span>{entry.feed.title || entry.feed.url}</span> · <RelativeTime iso={entry.date} />
        {!read && <span class="reading-unread-dot">Unread</span>}
      </p>
      <h3 class="reading-title">
        {entry.link ? (
          <a href={entry.link} target="_blank" rel="noopener noreferrer nofollow">
            {entry.title}
          </a>
        ) : (
          entry.title
        )}
      </h3>
      {entry.summary && <p class="reading-summary">{entry.summary}</p>}
      {button}
    </li>
  );
}

/** A post of someone (or a topic, a blog) the reader follows: the feed's post card, linked to the post. */
function PostItem({ item, read, button }: { item: ReadingPost; read: boolean; button: ComponentChildren }) {
  return (
    <li class={`reading-entry reading-post${read ? ' is-read' : ''}`} data-testid="reading-post">
      <p class="reading-meta muted">
        <span>Following</span>
        {!read && <span class="reading-unread-dot">Unread</span>}
      </p>
      <PostCard post={item.post} headingLevel={3} />
      <div class="reading-post-actions">
        <Link href={`/posts/${item.post.id}`} class="button ghost small" aria-label={`Open the post: ${itemName(item)}`}>
          Open the post
        </Link>
        {button}
      </div>
    </li>
  );
}

function FollowForm({ onFollowed }: { onFollowed: () => void }) {
  const { api, announce } = useApp();
  const [url, setUrl] = useState('');
  const [error, setError] = useState('');
  const [sending, setSending] = useState(false);
  const polls = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(polls.current), []);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (sending) return;
    setError('');
    setSending(true);
    try {
      const { feed } = await api.subscribeFeed(url.trim());
      setUrl('');
      announce(`Following ${feedName(feed)}. Entries appear after the first fetch.`, 'success');
      onFollowed();
      // Look again while the first fetch runs (it starts at once on the server).
      let left = 8;
      const poll = async () => {
        left -= 1;
        try {
          const { items } = await api.readingFeeds();
          const mine = items.find((f) => f.id === feed.id);
          if (mine?.last_attempt_at || left <= 0) {
            onFollowed();
            return;
          }
        } catch {
          return;
        }
        polls.current = window.setTimeout(poll, 1500);
      };
      polls.current = window.setTimeout(poll, 1000);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setSending(false);
    }
  };
  return (
    <form class="card form reading-follow" onSubmit={submit} aria-labelledby="reading-follow-title" noValidate>
      <h2 id="reading-follow-title" class="section-title">
        Follow a feed
      </h2>
      <div class="field">
        <label for="reading-url">Feed address (RSS or Atom)</label>
        <input
          id="reading-url"
          type="url"
          inputMode="url"
          placeholder="https://news.example.com/feed.xml"
          value={url}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'reading-url-error' : 'reading-url-hint'}
          onInput={(e) => setUrl((e.target as HTMLInputElement).value)}
          required
        />
        <p id="reading-url-hint" class="hint">
          Only sites an admin has allowed can be followed.
        </p>
      </div>
      {error && (
        <div class="form-error" role="alert" id="reading-url-error">
          <p>{error}</p>
        </div>
      )}
      <button type="submit" class="button primary" aria-disabled={sending}>
        {sending ? 'Following…' : 'Follow'}
      </button>
    </form>
  );
}

function FeedList({ feeds, onChanged }: { feeds: ReadingFeed[]; onChanged: () => void }) {
  const { api, announce } = useApp();
  if (feeds.length === 0) return <p class="empty">You follow no feeds yet.</p>;
  const unsubscribe = async (feed: ReadingFeed) => {
    try {
      await api.unsubscribeFeed(feed.id);
      announce(`Stopped following ${feedName(feed)}.`, 'success');
      onChanged();
    } catch (e) {
      announce(messageOf(e), 'error');
    }
  };
  return (
    <ul class="reading-feed-list" aria-label="Feeds you follow">
      {feeds.map((feed) => (
        <li key={feed.id} class={`reading-feed${feed.last_error ? ' has-error' : ''}`} data-testid="reading-feed">
          <p class="reading-feed-name">{feedName(feed)}</p>
          <p class="muted reading-feed-url">{feed.url}</p>
          <p class={feed.last_error ? 'reading-feed-error' : 'muted'} data-testid="reading-feed-status">
            {feedStatus(feed)}
            {feed.last_success_at && !feed.last_error && (
              <>
                {' '}
                <RelativeTime iso={feed.last_success_at} />
              </>
            )}
          </p>
          <button type="button" class="button ghost small" aria-label={`Unfollow ${feedName(feed)}`} onClick={() => unsubscribe(feed)}>
            Unfollow
          </button>
        </li>
      ))}
    </ul>
  );
}
