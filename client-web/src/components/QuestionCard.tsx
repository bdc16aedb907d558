import { useState } from 'preact/hooks';
import type { Question } from '../api/blogTypes';
import { messageOf } from '../api/errors';
import { useApp } from '../context';
import { MarkdownEditor } from './MarkdownEditor';
import { MarkdownHtml } from './MarkdownHtml';
import { RelativeTime } from './RelativeTime';
import { ReportButton } from './ReportButton';

/** One question: who asked (or "Anonymous"), votes, the answer or the decline; the host answers here. */
export function QuestionCard({ question, isHost, onChange }: { question: Question; isHost: boolean; onChange: (q: Question) => void }) {
  const { api, announce } = useApp();
  const [error, setError] = useState('');
  const [mode, setMode] = useState<'none' | 'answer' | 'decline'>('none');
  const [text, setText] = useState('');
  const q = question;
  const asker = q.asker ? q.asker.display_name : q.asked_by_me ? 'You, anonymously' : 'Anonymous';
  const headingId = `question-${q.id}`;

  const vote = async () => {
    setError('');
    try {
      const r = await api.vote(q.id, !q.voted_by_me);
      onChange({ ...q, vote_count: r.vote_count, voted_by_me: r.voted_by_me });
    } catch (e) {
      setError(messageOf(e));
    }
  };
  const send = async (event: Event) => {
    event.preventDefault();
    setError('');
    try {
      const r = mode === 'answer' ? await api.answer(q.id, text) : await api.decline(q.id, text);
      announce(mode === 'answer' ? 'Answer published.' : 'Question declined.', 'success');
      setMode('none');
      onChange(r.question);
    } catch (e) {
      setError(messageOf(e));
    }
  };
  const open = (m: 'answer' | 'decline') => {
    setText(m === 'answer' && q.answer ? q.answer.body : '');
    setMode(m);
  };

  return (
    <article class={`card question question-${q.state}${q.overdue ? ' question-overdue' : ''}`} aria-labelledby={headingId} data-question-id={q.id}>
      <div class="question-votes">
        <button
          type="button"
          class="button secondary small vote-button"
          aria-pressed={q.voted_by_me}
          aria-label={`${q.voted_by_me ? 'Remove your vote' : 'Vote'} (${q.vote_count} votes)`}
          disabled={q.asked_by_me || q.state === 'pending' || q.state === 'hidden' || q.state === 'removed'}
          onClick={() => void vote()}
        >
          ▲ {q.vote_count}
        </button>
      </div>
      <div class="question-main">
        <h3 id={headingId} class="question-body">
          {q.body}
        </h3>
        <p class="muted small">
          {asker}
          {' · '}
          <RelativeTime iso={q.asked_at ?? q.created_at} />
          {q.topic && <span class="badge">{q.topic}</span>}
          {q.state === 'pending' && <span class="badge">Waiting for a moderator</span>}
          {q.state === 'hidden' && <span class="badge badge-state badge-state-hidden">Hidden by a moderator</span>}
          {q.state === 'removed' && <span class="badge badge-state badge-state-removed">Removed by a moderator</span>}
          {q.overdue && <span class="badge badge-overdue">Past the promised time</span>}
        </p>
        {q.answer && (
          <section class="answer" aria-label="Answer">
            <MarkdownHtml html={q.answer.html} />
            {q.answer.edited && <p class="muted small">Edited</p>}
          </section>
        )}
        {q.state === 'declined' && (
          <p class="declined">
            <strong>Declined:</strong> {q.decline_reason}
          </p>
        )}
        {error && (
          <div class="form-error" role="alert">
            <p>{error}</p>
          </div>
        )}
        {(q.state === 'open' || q.state === 'answered' || q.state === 'declined') && (
          <div class="question-report">
            <ReportButton targetType="question" targetId={q.id} authorId={q.asker ? q.asker.id : null} authorName={q.asker ? q.asker.display_name : 'an anonymous colleague'} own={q.asked_by_me} />
          </div>
        )}
        {isHost && mode === 'none' && (q.state === 'open' || q.state === 'answered') && (
          <div class="question-actions">
            <button type="button" class="button primary small" onClick={() => open('answer')}>
              {q.answer ? 'Edit the answer' : 'Answer'}
            </button>
            {q.state === 'open' && (
              <button type="button" class="button ghost small" onClick={() => open('decline')}>
                Decline
              </button>
            )}
          </div>
        )}
        {mode !== 'none' && (
          <form class="form host-reply" onSubmit={send}>
            {mode === 'answer' ? (
              <MarkdownEditor id={`answer-${q.id}`} label="Your answer" value={text} onInput={setText} rows={5} maxLength={20000} />
            ) : (
              <div class="field">
                <label for={`decline-${q.id}`}>Why you decline (shown with the question)</label>
                <textarea id={`decline-${q.id}`} rows={2} value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} />
              </div>
            )}
            <button type="submit" class="button primary small">
              {mode === 'answer' ? 'Publish the answer' : 'Decline the question'}
            </button>{' '}
            <button type="button" class="button ghost small" onClick={() => setMode('none')}>
              Cancel
            </button>
          </form>
        )}
      </div>
    </article>
  );
}
