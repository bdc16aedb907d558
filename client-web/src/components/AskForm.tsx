import { useState } from 'preact/hooks';
import type { Question } from '../api/blogTypes';
import { messageOf } from '../api/errors';
import { useApp } from '../context';

/** Ask the host a question, named or anonymously (saying plainly who can still see the name). */
export function AskForm({ blogId, host, premoderated, onAsked }: { blogId: number; host: string; premoderated: boolean; onAsked: (q: Question) => void }) {
  const { api, announce } = useApp();
  const [body, setBody] = useState('');
  const [topic, setTopic] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    if (body.trim() === '') {
      setError('Write your question first (up to 1,000 characters).');
      return;
    }
    setBusy(true);
    setError('');
    try {
      const r = await api.ask(blogId, { body: body.trim(), anonymous, topic: topic.trim() || undefined });
      setBody('');
      setTopic('');
      announce(r.question.state === 'pending' ? 'Asked. A moderator approves it before it appears.' : 'Your question is asked.', 'success');
      onAsked(r.question);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="card form ask-form" onSubmit={submit} aria-labelledby="ask-title">
      <h2 id="ask-title" class="section-title">
        Ask {host}
      </h2>
      {error && (
        <div class="form-error" role="alert">
          <p>{error}</p>
        </div>
      )}
      <div class="field">
        <label for="ask-body">Your question</label>
        <textarea id="ask-body" rows={3} maxLength={1000} value={body} onInput={(e) => setBody((e.target as HTMLTextAreaElement).value)} />
      </div>
      <div class="field">
        <label for="ask-topic">Topic (optional)</label>
        <input id="ask-topic" type="text" maxLength={40} value={topic} onInput={(e) => setTopic((e.target as HTMLInputElement).value)} />
      </div>
      <div class="field checkbox-field">
        <input id="ask-anonymous" type="checkbox" checked={anonymous} onChange={(e) => setAnonymous((e.target as HTMLInputElement).checked)} aria-describedby="ask-anonymous-help" />
        <label for="ask-anonymous">Ask anonymously</label>
        <p id="ask-anonymous-help" class="muted small">
          {host}, colleagues and coaches will not see your name. Moderators and admins can still find out who asked, only by giving a reason that is
          recorded in the audit trail.
        </p>
      </div>
      {premoderated && <p class="muted small">On this blog a moderator approves questions before they appear.</p>}
      <button type="submit" class="button primary" aria-disabled={busy}>
        {busy ? 'Asking…' : 'Ask'}
      </button>
    </form>
  );
}
