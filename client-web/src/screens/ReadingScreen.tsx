import { useEffect, useRef, useState } from 'preact/hooks';
import { messageOf } from '../api/errors';
import type { ReadingEntry, ReadingFeed, ReadingPage } from '../api/readingTypes';
import { LoadError, LoadingLine, useLoad } from '../components/Loader';
import { RelativeTime } from '../components/RelativeTime';
import { useApp } from '../context';
import { feedName, feedStatus, newSinceLabel } from '../lib/reading';

/**
 * The reading list: entries of the external feeds the person follows, newest first, with
 * read/unread per person; the feeds themselves, with how their last fetch went; a form to
 * follow a new feed (hosts are allowed by an admin). Summaries are plain text.
 */
export function ReadingScreen() {
  const { api } = useApp();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const entries = useLoad((signal) => api.reading({ unread: unreadOnly }, signal), `reading:${unreadOnly}`);
  const feeds = useLoad((signal) => api.readingFeeds(signal), 'reading-feeds');
  const [more, setMore] = useState<ReadingEntry[]>([]);
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
        <p class="lede">News and blogs you follow, in one place. Make reading them a daily habit.</p>
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
              emptyText={unreadOnly ? 'You have read everything. Well done.' : 'Nothing to read yet. Follow a feed to start.'}
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

function EntryList(props: { items: ReadingEntry[]; next: string | null; onMore: () => Promise<void>; emptyText: string }) {
  const { api, announce } = useApp();
  const [overrides, setOverrides] = useState<Record<number, boolean>>({});
  const [busy, setBusy] = useState(false);
  if (props.items.length === 0) return <p class="empty">{props.emptyText}</p>;
  const toggle = async (entry: ReadingEntry, read: boolean) => {
    try {
      const { item } = await api.setEntryRead(entry.id, read);
      setOverrides((o) => ({ ...o, [entry.id]: item.read }));
      announce(item.read ? 'Marked as read.' : 'Marked as unread.', 'success');
    } catch (e) {
      announce(messageOf(e), 'error');
    }
  };
  return (
    <>
      <ul class="reading-list" aria-label="Entries">
        {props.items.map((entry) => {
          const read = overrides[entry.id] ?? entry.read;
          return (
            <li key={entry.id} class={`card reading-entry${read ? ' is-read' : ''}`} data-testid="reading-entry">
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
              <button type="button" class="button ghost small" aria-label={`${read ? 'Mark as unread' : 'Mark as read'}: ${entry.title}`} onClick={() => toggle(entry, !read)}>
                {read ? 'Mark as unread' : 'Mark as read'}
              </button>
            </li>
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
