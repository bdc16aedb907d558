import { useEffect, useState } from 'preact/hooks';
import { ApiError, messageOf } from '../api/errors';
import type { MentorMessage, Post } from '../api/types';
import { useApp } from '../context';
import { Field, FormError, SubmitRow, TextArea, useFormAction } from './Form';
import { RelativeTime } from './RelativeTime';

/** Whether the "show my mentor" switch means anything for a post (not yet published). */
export function shareable(post: Post): boolean {
  return post.state === 'draft' || post.state === 'in_review' || post.state === 'changes_requested' || post.state === 'approved';
}

/** The author's "Show my mentor" switch: the reverse mentor sees (and annotates) this post. */
export function ShareWithMentorSwitch({ post, onPostChange }: { post: Post; onPostChange: (post: Post) => void }) {
  const { api, announce } = useApp();
  const action = useFormAction();
  // The switch flips at once; it flips back if the server refuses.
  const [wanted, setWanted] = useState<boolean | null>(null);
  const shared = wanted ?? post.share_with_mentor === true;
  const toggle = async () => {
    if (action.busy) return;
    const next = !shared;
    setWanted(next);
    await action.run(async () => {
      const { post: updated } = await api.editPost(post.id, { share_with_mentor: next });
      onPostChange(updated);
      announce(updated.share_with_mentor ? 'Your mentor can now see this post.' : 'This post is hidden from your mentor again.', 'success');
    });
    setWanted(null);
  };
  return (
    <div class="mentor-share">
      <label class="switch" for={`share-${post.id}`}>
        <input id={`share-${post.id}`} type="checkbox" role="switch" checked={shared} aria-describedby={`share-${post.id}-help`} onChange={() => void toggle()} />
        <span>Show my mentor</span>
      </label>
      <p id={`share-${post.id}-help`} class="muted small">
        {shared ? 'Your reverse mentor can read and annotate this post.' : 'Only you and your coaches see this post. Your practice posts are always visible to your mentor.'}
      </p>
      <FormError id={`share-${post.id}-error`} error={action.error} />
    </div>
  );
}

/**
 * The private thread between the author and their reverse mentor on a post:
 * "would this land with your team?". Nobody else (not even the coach) reads it.
 */
export function MentorThread({ postId, asAuthor }: { postId: number; asAuthor: boolean }) {
  const { api, announce } = useApp();
  const [messages, setMessages] = useState<MentorMessage[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [body, setBody] = useState('');
  const action = useFormAction();
  useEffect(() => {
    const controller = new AbortController();
    api
      .mentorThread(postId, controller.signal)
      .then((r) => setMessages(r.items))
      .catch((e) => {
        if (controller.signal.aborted || (e instanceof ApiError && e.status === 401)) return;
        setLoadError(messageOf(e));
      });
    return () => controller.abort();
  }, [api, postId]);

  const send = async (event: Event) => {
    event.preventDefault();
    if (action.busy) return;
    if (body.trim() === '') {
      action.setError(asAuthor ? 'Write your question first.' : 'Write your answer first.');
      return;
    }
    await action.run(async () => {
      const { message } = await api.askMentor(postId, body.trim());
      setMessages([...(messages ?? []), message]);
      setBody('');
      announce(asAuthor ? 'Question sent to your mentor.' : 'Answer sent.', 'success');
    });
  };

  const title = asAuthor ? 'Ask your mentor privately' : 'Private questions from the author';
  return (
    <section class="mentor-thread" aria-labelledby={`mentor-thread-${postId}`}>
      <h2 id={`mentor-thread-${postId}`} class="section-title">
        {title}
      </h2>
      <p class="muted small">Only the author and their reverse mentor see these messages.</p>
      {loadError && <p class="muted">{loadError}</p>}
      {messages && messages.length > 0 && (
        <ol class="mentor-messages" aria-label="Messages">
          {messages.map((m) => (
            <li key={m.id}>
              <span class="post-author">{m.author.display_name}</span>: <span class="reply-text">{m.body}</span>{' '}
              <span class="muted small">
                <RelativeTime iso={m.created_at} />
              </span>
            </li>
          ))}
        </ol>
      )}
      <form class="mentor-thread-form" onSubmit={send} aria-label={title}>
        <Field id={`mentor-ask-${postId}`} label={asAuthor ? 'Your question' : 'Your answer'}>
          <TextArea id={`mentor-ask-${postId}`} rows={2} value={body} onValue={setBody} />
        </Field>
        <FormError id={`mentor-ask-${postId}-error`} error={action.error} />
        <SubmitRow busy={action.busy} label={asAuthor ? 'Ask my mentor' : 'Send answer'} busyLabel="Sending…" />
      </form>
    </section>
  );
}

/**
 * On the author's own post: the "show my mentor" switch and the private thread,
 * once the author has an active reverse mentor.
 */
export function MentorSection({ post, onPostChange }: { post: Post; onPostChange: (post: Post) => void }) {
  const { api, user } = useApp();
  const [mentors, setMentors] = useState<string[]>([]);
  useEffect(() => {
    const controller = new AbortController();
    api
      .mentorships(controller.signal)
      .then((page) =>
        setMentors(page.items.filter((m) => m.state === 'active' && m.executive.id === user.id).map((m) => m.mentor.display_name)),
      )
      .catch(() => {
        // Without the list, the section stays hidden; the post itself still works.
      });
    return () => controller.abort();
  }, [api, user.id]);
  if (mentors.length === 0) return null;
  return (
    <section class="mentor-section" aria-label="Your reverse mentor">
      <p class="mentor-line">
        Your reverse mentor: <strong>{mentors.join(', ')}</strong>
      </p>
      {shareable(post) && <ShareWithMentorSwitch post={post} onPostChange={onPostChange} />}
      {(post.share_with_mentor || post.space === 'practice') && <MentorThread postId={post.id} asAuthor />}
    </section>
  );
}
