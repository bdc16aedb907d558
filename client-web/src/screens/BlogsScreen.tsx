import { useState } from 'preact/hooks';
import { messageOf } from '../api/errors';
import { LoadError, LoadingLine, useLoad } from '../components/Loader';
import { useApp } from '../context';
import { Link } from '../navigation';

/** Every blog; an admin also enables a blog for someone here. */
export function BlogsScreen() {
  const { api, user } = useApp();
  const { state, reload } = useLoad((signal) => api.blogs(signal), 'blogs');
  return (
    <>
      <div class="page-head">
        <h1 tabIndex={-1}>Blogs</h1>
        <p class="lede">Leaders write here and answer your questions, named or anonymous.</p>
      </div>
      {state.status === 'loading' && <LoadingLine what="the blogs" />}
      {state.status === 'error' && <LoadError message={state.message} onRetry={reload} />}
      {state.status === 'ready' &&
        (state.data.items.length === 0 ? (
          <p class="empty">No blogs yet.</p>
        ) : (
          <ul class="blog-list" aria-label="Blogs">
            {state.data.items.map((b) => (
              <li key={b.id} class="card">
                <h2 class="section-title">
                  <Link href={`/blogs/${b.id}`}>{b.title}</Link>
                </h2>
                <p class="muted">
                  {b.host.display_name} · {b.promise}
                </p>
                <p>{b.description}</p>
              </li>
            ))}
          </ul>
        ))}
      {user.role === 'admin' && <EnableBlogForm onDone={reload} />}
    </>
  );
}

function EnableBlogForm({ onDone }: { onDone: () => void }) {
  const { api, announce } = useApp();
  const users = useLoad((signal) => api.users(signal), 'blog-hosts');
  const [hostId, setHostId] = useState('');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [days, setDays] = useState('7');
  const [premoderated, setPremoderated] = useState(false);
  const [error, setError] = useState('');
  const submit = async (event: Event) => {
    event.preventDefault();
    setError('');
    try {
      await api.createBlog({
        host_id: Number(hostId),
        title: title.trim(),
        description: description.trim(),
        promise_days: Number(days),
        premoderated,
      });
      announce('The blog is enabled.', 'success');
      setTitle('');
      setDescription('');
      onDone();
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <form class="card form enable-blog" onSubmit={submit} aria-labelledby="enable-blog-title">
      <h2 id="enable-blog-title" class="section-title">
        Enable a blog
      </h2>
      {error && (
        <div class="form-error" role="alert">
          <p>{error}</p>
        </div>
      )}
      <div class="field">
        <label for="blog-host">Host</label>
        <select id="blog-host" value={hostId} onChange={(e) => setHostId((e.target as HTMLSelectElement).value)} required>
          <option value="">Choose a person</option>
          {users.state.status === 'ready' &&
            users.state.data.items.map((u) => (
              <option key={u.id} value={String(u.id)}>
                {u.display_name} ({u.username})
              </option>
            ))}
        </select>
      </div>
      <div class="field">
        <label for="blog-title">Title</label>
        <input id="blog-title" type="text" value={title} onInput={(e) => setTitle((e.target as HTMLInputElement).value)} required maxLength={120} />
      </div>
      <div class="field">
        <label for="blog-description">Description</label>
        <textarea id="blog-description" value={description} onInput={(e) => setDescription((e.target as HTMLTextAreaElement).value)} rows={2} />
      </div>
      <div class="field">
        <label for="blog-days">Promise: answers within (days)</label>
        <input id="blog-days" type="number" min={1} max={365} value={days} onInput={(e) => setDays((e.target as HTMLInputElement).value)} required />
      </div>
      <div class="field checkbox-field">
        <input id="blog-premoderated" type="checkbox" checked={premoderated} onChange={(e) => setPremoderated((e.target as HTMLInputElement).checked)} />
        <label for="blog-premoderated">Questions wait for a moderator before they appear</label>
      </div>
      <button type="submit" class="button primary">
        Enable the blog
      </button>
    </form>
  );
}
