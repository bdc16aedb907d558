import { useEffect, useRef, useState } from 'preact/hooks';
import type { Correction, Post, PostWithCorrection } from '../api/types';
import { useApp } from '../context';
import { correctsDirectly, spaceLabel } from '../lib/permissions';
import { checkBody, describeBodyProblem, normaliseBody } from '../lib/text';
import { defaultScheduleTime, formatAbsolute, parseScheduleInput, parseTime, toLocalInputValue } from '../lib/time';
import { FormError, useKeyedAction } from './Form';
import { LintedTextarea, LintPanel, useLint } from './LintHints';

type Change = (result: PostWithCorrection) => void;

/** "Tue, Nov 25, 2026, 09:00" for a post's scheduled time. */
export function scheduledLabel(post: Post): string | null {
  const when = parseTime(post.scheduled_at);
  return when ? formatAbsolute(when) : null;
}

/**
 * The leader publishes an approved post: now, or at a time they pick (and can cancel).
 * `blocked` is the golden-rule reason publishing is refused, shown once by the caller.
 */
export function PublishControls({ post, blocked, onChange }: { post: Post; blocked: boolean; onChange: Change }) {
  const { api, announce } = useApp();
  const { busy, error, setError, run } = useKeyedAction<'publish' | 'schedule' | 'cancel'>();
  const [picking, setPicking] = useState(false);
  const [when, setWhen] = useState(() => toLocalInputValue(defaultScheduleTime(new Date())));
  const input = useRef<HTMLInputElement>(null);
  const scheduled = scheduledLabel(post);

  const publishNow = () =>
    run('publish', async () => {
      const result = await api.publishPost(post.id);
      onChange({ post: result.post, correction: null });
      announce(`Published to ${spaceLabel(result.post.space)}.`, 'success');
    });

  const schedule = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const parsed = parseScheduleInput(when, new Date());
    if ('problem' in parsed) {
      setError(parsed.problem);
      input.current?.focus();
      return;
    }
    await run('schedule', async () => {
      const result = await api.schedulePost(post.id, parsed.at);
      onChange(result);
      setPicking(false);
      announce(`Scheduled: it publishes ${scheduledLabel(result.post) ?? ''}.`, 'success');
    });
  };

  const cancel = () =>
    run('cancel', async () => {
      const result = await api.unschedulePost(post.id);
      onChange(result);
      announce('Schedule cancelled: the post stays approved and unpublished.', 'success');
    });

  return (
    <div class="publish-controls">
      {scheduled && (
        <p class="notice" data-testid="scheduled-at">
          Scheduled to publish {scheduled}.
        </p>
      )}
      <div class="workflow-actions">
        <button type="button" class="button primary" disabled={blocked} aria-disabled={busy !== null} onClick={() => void publishNow()}>
          {busy === 'publish' ? 'Publishing…' : `Publish now to ${spaceLabel(post.space)}`}
        </button>
        {scheduled ? (
          <button type="button" class="button secondary" aria-disabled={busy !== null} onClick={() => void cancel()}>
            {busy === 'cancel' ? 'Cancelling…' : 'Cancel schedule'}
          </button>
        ) : (
          !picking && (
            <button
              type="button"
              class="button secondary"
              disabled={blocked}
              onClick={() => {
                setPicking(true);
                window.setTimeout(() => input.current?.focus(), 0);
              }}
            >
              Schedule…
            </button>
          )
        )}
      </div>
      {picking && !scheduled && (
        <form class="schedule-form" onSubmit={schedule} aria-label="Schedule publishing">
          <div class="field">
            <label for="schedule-at">Publish at (your local time)</label>
            <input
              ref={input}
              id="schedule-at"
              type="datetime-local"
              value={when}
              aria-describedby="schedule-error"
              onInput={(e) => {
                setWhen((e.target as HTMLInputElement).value);
                if (error) setError(null);
              }}
            />
          </div>
          <div class="form-actions">
            <button type="button" class="button ghost" onClick={() => setPicking(false)}>
              Cancel
            </button>
            <button type="submit" class="button primary" aria-disabled={busy !== null}>
              {busy === 'schedule' ? 'Scheduling…' : 'Schedule'}
            </button>
          </div>
        </form>
      )}
      <FormError id="schedule-error" error={error} />
    </div>
  );
}

const CORRECTION_HELP: Record<string, string> = {
  in_review: 'Your correction is waiting for your coach’s review. The published text stays up until you publish the approved correction.',
  changes_requested: 'Your coach asked for changes to the correction: revise it and send it again.',
  approved: 'Your coach approved the correction: publish it to replace the live text.',
};

/**
 * Correcting a published post: at Run the live text changes at once (marked edited, with the
 * history visible to readers); below Run the correction waits for review while the published
 * version stays up.
 */
export function CorrectionControls({ post, onChange }: { post: Post; onChange: Change }) {
  const { api, user, announce, refreshUnread } = useApp();
  const direct = correctsDirectly(user);
  const [correction, setCorrection] = useState<Correction | null>(null);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(post.body);
  const { busy, error, setError, run } = useKeyedAction<'send' | 'publish' | 'discard'>();
  const editor = useRef<HTMLTextAreaElement>(null);
  const lint = useLint(api, editing ? normaliseBody(draft) : '');

  // The pending correction's text comes with the edit history (author and coaches only).
  useEffect(() => {
    if (!post.correction_state) {
      setCorrection(null);
      return;
    }
    const controller = new AbortController();
    api
      .versions(post.id, controller.signal)
      .then(({ items }) => {
        const pending = items.find((v) => v.pending);
        setCorrection(pending ? { version: pending.version, body: pending.body, state: post.correction_state!, created_at: pending.created_at } : null);
      })
      .catch(() => undefined);
    return () => controller.abort();
  }, [api, post.id, post.correction_state, post.version]);

  const done = (result: PostWithCorrection, message: string) => {
    onChange(result);
    setCorrection(result.correction);
    announce(message, 'success');
    refreshUnread();
  };

  const start = () => {
    setDraft(correction?.body ?? post.body);
    setEditing(true);
    setError(null);
    window.setTimeout(() => editor.current?.focus(), 0);
  };

  const send = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const problem = checkBody(draft);
    if (problem) {
      setError(describeBodyProblem(problem));
      editor.current?.focus();
      return;
    }
    await run('send', async () => {
      const result = await api.correctPost(post.id, normaliseBody(draft));
      setEditing(false);
      done(result, result.correction ? 'Correction sent for review. The published text stays up meanwhile.' : 'Corrected: readers see the new text, marked edited.');
    });
  };

  const state = post.correction_state ?? null;
  return (
    <section class="correction" aria-labelledby="correction-title">
      <h2 id="correction-title" class="section-title">
        Correct this post
      </h2>
      <p class="muted small">
        {direct
          ? 'At your level a correction replaces the published text at once; readers see it marked “edited” with the history.'
          : 'At your level a correction goes to your coach first; the published text stays up until you publish the approved correction.'}
      </p>
      {state && (
        <div class="notice" data-testid="correction-state">
          <p>{CORRECTION_HELP[state]}</p>
          {correction && (
            <blockquote class="correction-text" aria-label="Your correction">
              {correction.body}
            </blockquote>
          )}
        </div>
      )}
      {editing ? (
        <form class="edit-form" onSubmit={send} aria-label="Correct the published post">
          <label for="correction-body">Corrected text</label>
          <LintedTextarea
            id="correction-body"
            textareaRef={editor}
            value={draft}
            rows={5}
            findings={lint.findings}
            findingsText={lint.text}
            describedBy="correction-hints"
            onInput={(text) => {
              setDraft(text);
              if (error) setError(null);
            }}
          />
          <LintPanel id="correction-hints" lint={lint} text={normaliseBody(draft)} />
          <div class="form-actions">
            <button type="button" class="button ghost" onClick={() => setEditing(false)}>
              Cancel
            </button>
            <button type="submit" class="button primary" aria-disabled={busy !== null}>
              {busy === 'send' ? 'Sending…' : direct ? 'Publish correction' : 'Send correction for review'}
            </button>
          </div>
        </form>
      ) : (
        <div class="workflow-actions">
          {state !== 'in_review' && (
            <button type="button" class="button secondary" onClick={start}>
              {state ? 'Revise correction' : 'Correct'}
            </button>
          )}
          {state === 'approved' && (
            <button
              type="button"
              class="button primary"
              aria-disabled={busy !== null}
              onClick={() =>
                void run('publish', async () => done(await api.publishCorrection(post.id), 'Correction published: readers see the new text, marked edited.'))
              }
            >
              {busy === 'publish' ? 'Publishing…' : 'Publish correction'}
            </button>
          )}
          {state && (
            <button
              type="button"
              class="button ghost"
              aria-disabled={busy !== null}
              onClick={() => void run('discard', async () => done(await api.discardCorrection(post.id), 'Correction withdrawn.'))}
            >
              {busy === 'discard' ? 'Withdrawing…' : 'Withdraw correction'}
            </button>
          )}
        </div>
      )}
      <FormError id="correction-error" error={error} />
    </section>
  );
}
