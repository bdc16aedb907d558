import { useState } from 'preact/hooks';
import { messageOf } from '../../api/errors';
import { LoadError, LoadingLine, useLoad } from '../../components/Loader';
import { RelativeTime } from '../../components/RelativeTime';
import { useApp } from '../../context';

/** Admin: the hosts whose RSS/Atom feeds people may follow (none by default). */
export function FeedHostsSection() {
  const { api, announce } = useApp();
  const hosts = useLoad((signal) => api.feedHosts(signal), 'feed-hosts');
  const [host, setHost] = useState('');
  const [error, setError] = useState('');
  const submit = async (event: Event) => {
    event.preventDefault();
    setError('');
    const name = host.trim();
    if (!/^[A-Za-z0-9.-]{1,253}$/.test(name)) {
      // The server says the same (400 invalid_feed_host); a path segment it cannot route would be a bare 404.
      setError("A feed host is a host name such as news.example.com (letters, digits, '-' and '.') or an IPv4 address.");
      return;
    }
    try {
      const { host: added } = await api.allowFeedHost(name);
      setHost('');
      announce(`${added.host} is allowed.`, 'success');
      hosts.reload();
    } catch (e) {
      setError(messageOf(e));
    }
  };
  const remove = async (name: string) => {
    try {
      await api.removeFeedHost(name);
      announce(`${name} is no longer allowed.`, 'success');
      hosts.reload();
    } catch (e) {
      announce(messageOf(e), 'error');
    }
  };
  return (
    <section class="feed-hosts" aria-labelledby="feed-hosts-title">
      <h2 id="feed-hosts-title" class="section-title">
        Allowed feed hosts
      </h2>
      <p class="muted">
        People can follow RSS and Atom feeds only from these hosts. Greenroom fetches them on a schedule; it never reaches private or
        internal addresses.
      </p>
      <form class="card form feed-host-form" onSubmit={submit} aria-label="Allow a feed host" noValidate>
        <div class="field">
          <label for="feed-host">Host name</label>
          <input
            id="feed-host"
            type="text"
            placeholder="news.example.com"
            value={host}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'feed-host-error' : undefined}
            onInput={(e) => setHost((e.target as HTMLInputElement).value)}
            required
          />
        </div>
        {error && (
          <div class="form-error" role="alert" id="feed-host-error">
            <p>{error}</p>
          </div>
        )}
        <button type="submit" class="button primary">
          Allow host
        </button>
      </form>
      {hosts.state.status === 'loading' && <LoadingLine what="the allowed hosts" />}
      {hosts.state.status === 'error' && <LoadError message={hosts.state.message} onRetry={hosts.reload} />}
      {hosts.state.status === 'ready' &&
        (hosts.state.data.items.length === 0 ? (
          <p class="empty">No hosts are allowed: external feeds are off.</p>
        ) : (
          <ul class="feed-host-list" aria-label="Allowed hosts">
            {hosts.state.data.items.map((h) => (
              <li key={h.host} class="feed-host-item" data-testid="feed-host">
                <span class="feed-host-name">{h.host}</span>
                <span class="muted">
                  allowed <RelativeTime iso={h.created_at} />
                </span>
                <button type="button" class="button ghost small" aria-label={`Remove ${h.host}`} onClick={() => remove(h.host)}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}
