import { useState } from 'preact/hooks';
import type { Article } from '../api/blogTypes';
import { messageOf } from '../api/errors';
import { useApp } from '../context';
import { publishHint } from '../lib/permissions';
import { MarkdownEditor } from './MarkdownEditor';

/** The host writes an article in Markdown, with the server's preview beside it. */
export function ArticleComposer({ blogId, onCreated }: { blogId: number; onCreated: (a: Article) => void }) {
  const { api, user, announce } = useApp();
  const [body, setBody] = useState('');
  const [error, setError] = useState('');
  const review = publishHint(user, 'company') !== null;
  const submit = async (event: Event) => {
    event.preventDefault();
    setError('');
    try {
      const r = await api.createArticle(blogId, body, review ? 'submit' : 'publish');
      announce(review ? 'Sent to your coach for review.' : 'Article published.', 'success');
      setBody('');
      onCreated(r.post);
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <form class="card form article-composer" onSubmit={submit} aria-labelledby="article-composer-title">
      <h2 id="article-composer-title" class="section-title">
        Write an article
      </h2>
      {error && (
        <div class="form-error" role="alert">
          <p>{error}</p>
        </div>
      )}
      <MarkdownEditor id="article-body" label="Article (Markdown)" value={body} onInput={setBody} rows={10} maxLength={50000} />
      <button type="submit" class="button primary">
        {review ? 'Submit for review' : 'Publish the article'}
      </button>
    </form>
  );
}
