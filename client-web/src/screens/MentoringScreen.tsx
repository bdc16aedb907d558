import { useState } from 'preact/hooks';
import type { Author, Champion, Mentorship, Post } from '../api/types';
import { Field, FormError, Select, SubmitRow, TextInput, useFormAction, useKeyedAction } from '../components/Form';
import { LoadError, LoadingLine, useLoad } from '../components/Loader';
import { useApp } from '../context';
import { Link } from '../navigation';

const STATE_LABEL: Record<Mentorship['state'], string> = {
  requested: 'Requested',
  active: 'Active',
  declined: 'Declined',
  ended: 'Ended',
};

/**
 * Reverse mentoring: the digital champions (everyone sees them; admins and
 * coaches mark them), an executive asks one to mentor them, the champion
 * answers, and both sides see their pairings and what is shared.
 */
export function MentoringScreen() {
  const { api, user } = useApp();
  const champions = useLoad((signal) => api.champions(signal), 'champions');
  const pairings = useLoad((signal) => api.mentorships(signal), 'mentorships');
  const mine = pairings.state.status === 'ready' ? pairings.state.data.items : [];
  const marker = user.role === 'admin' || user.role === 'coach';
  const reloadAll = () => {
    champions.reload();
    pairings.reload();
  };
  return (
    <>
      <div class="page-head">
        <h1 tabIndex={-1}>Reverse mentoring</h1>
        <p class="lede">Digital champions are colleagues who know social media. Executives ask one to be their reverse mentor.</p>
      </div>
      <section aria-labelledby="pairings-title" class="mentoring-section">
        <h2 id="pairings-title" class="section-title">
          {user.role === 'coach' ? 'Who mentors whom in your cohort' : 'Your pairings'}
        </h2>
        {pairings.state.status === 'loading' && <LoadingLine what="pairings" />}
        {pairings.state.status === 'error' && <LoadError message={pairings.state.message} onRetry={pairings.reload} />}
        {pairings.state.status === 'ready' && mine.length === 0 && <p class="muted">No pairings yet.</p>}
        {mine.length > 0 && (
          <ul class="pairing-list" aria-label="Pairings">
            {mine.map((m) => (
              <li key={m.id}>
                <PairingCard mentorship={m} onChange={pairings.reload} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="champions-title" class="mentoring-section">
        <h2 id="champions-title" class="section-title">
          Digital champions
        </h2>
        {champions.state.status === 'loading' && <LoadingLine what="champions" />}
        {champions.state.status === 'error' && <LoadError message={champions.state.message} onRetry={champions.reload} />}
        {champions.state.status === 'ready' && champions.state.data.items.length === 0 && <p class="muted">No champions yet.</p>}
        {champions.state.status === 'ready' && champions.state.data.items.length > 0 && (
          <ul class="champion-list" aria-label="Champions">
            {champions.state.data.items.map((c) => (
              <li key={c.user.id}>
                <ChampionCard champion={c} pairings={mine} marker={marker} onChange={reloadAll} />
              </li>
            ))}
          </ul>
        )}
        {marker && <MarkChampionForm onMarked={champions.reload} />}
      </section>
    </>
  );
}

function ChampionCard({ champion, pairings, marker, onChange }: { champion: Champion; pairings: Mentorship[]; marker: boolean; onChange: () => void }) {
  const { api, user, announce } = useApp();
  const { busy, error, run } = useKeyedAction<'ask' | 'unmark'>();
  const open = pairings.find((m) => m.mentor.id === champion.user.id && m.executive.id === user.id && (m.state === 'requested' || m.state === 'active'));
  const name = champion.user.display_name;
  return (
    <article class="champion-card" aria-labelledby={`champion-${champion.user.id}`} data-user={champion.user.username}>
      <h3 id={`champion-${champion.user.id}`} class="post-author">
        {name} <span class="username">@{champion.user.username}</span>
      </h3>
      <p class="champion-about">{champion.about}</p>
      <div class="form-actions">
        {user.role === 'executive' &&
          (open ? (
            <span class="badge">{open.state === 'active' ? 'Your mentor' : 'Request sent'}</span>
          ) : (
            <button
              type="button"
              class="button primary small"
              aria-disabled={busy !== null}
              onClick={() =>
                void run('ask', async () => {
                  await api.requestMentor(champion.user.id);
                  announce(`Asked ${name} to be your reverse mentor.`, 'success');
                  onChange();
                })
              }
            >
              {busy === 'ask' ? 'Asking…' : `Ask ${name} to mentor me`}
            </button>
          ))}
        {marker && (
          <button
            type="button"
            class="button secondary small"
            aria-disabled={busy !== null}
            onClick={() =>
              void run('unmark', async () => {
                await api.unmarkChampion(champion.user.id);
                announce(`${name} is no longer a champion.`, 'success');
                onChange();
              })
            }
          >
            {busy === 'unmark' ? 'Removing…' : `Remove ${name} as champion`}
          </button>
        )}
      </div>
      <FormError id={`champion-${champion.user.id}-error`} error={error} />
    </article>
  );
}

function PairingCard({ mentorship: m, onChange }: { mentorship: Mentorship; onChange: () => void }) {
  const { api, user, announce } = useApp();
  const { busy, error, run } = useKeyedAction<'accept' | 'decline' | 'end'>();
  const iAmMentor = m.mentor.id === user.id;
  const title = iAmMentor ? `Mentoring ${m.executive.display_name}` : `${m.mentor.display_name} mentors ${m.executive.display_name}`;
  const answer = (what: 'accept' | 'decline') =>
    void run(what, async () => {
      await api.answerMentorship(m.id, what);
      announce(what === 'accept' ? `You now mentor ${m.executive.display_name}.` : 'Request declined.', 'success');
      onChange();
    });
  return (
    <article class="pairing-card" aria-labelledby={`pairing-${m.id}`} data-mentorship={m.id}>
      <h3 id={`pairing-${m.id}`} class="post-author">
        {title}
      </h3>
      <p class="post-sub">
        <span class={`badge badge-mentorship-${m.state}`}>{STATE_LABEL[m.state]}</span>
        {m.state === 'requested' && <span class="muted small"> asked by {m.requested_by.display_name}</span>}
      </p>
      <div class="form-actions">
        {iAmMentor && m.state === 'requested' && (
          <>
            <button type="button" class="button primary small" aria-disabled={busy !== null} onClick={() => answer('accept')}>
              {busy === 'accept' ? 'Accepting…' : `Accept ${m.executive.display_name}`}
            </button>
            <button type="button" class="button secondary small" aria-disabled={busy !== null} onClick={() => answer('decline')}>
              {busy === 'decline' ? 'Declining…' : 'Decline'}
            </button>
          </>
        )}
        {(m.state === 'requested' || m.state === 'active') && (
          <button
            type="button"
            class="button ghost small"
            aria-disabled={busy !== null}
            onClick={() =>
              void run('end', async () => {
                await api.endMentorship(m.id);
                announce('The pairing has ended.', 'success');
                onChange();
              })
            }
          >
            {busy === 'end' ? 'Ending…' : m.state === 'requested' ? 'Withdraw' : 'End pairing'}
          </button>
        )}
      </div>
      <FormError id={`pairing-${m.id}-error`} error={error} />
      {iAmMentor && m.state === 'active' && <SharedPosts mentorship={m} />}
    </article>
  );
}

/** What the executive shares with their mentor: practice posts and drafts they chose to show. */
function SharedPosts({ mentorship }: { mentorship: Mentorship }) {
  const { api } = useApp();
  const { state, reload } = useLoad((signal) => api.menteePosts(mentorship.id, signal), `mentee-${mentorship.id}`);
  return (
    <div class="shared-posts">
      <h4 class="small-title">Shared with you</h4>
      {state.status === 'loading' && <LoadingLine what="shared posts" />}
      {state.status === 'error' && <LoadError message={state.message} onRetry={reload} />}
      {state.status === 'ready' && state.data.items.length === 0 && <p class="muted small">Nothing shared yet.</p>}
      {state.status === 'ready' && state.data.items.length > 0 && (
        <ul class="shared-post-list" aria-label={`Posts ${mentorship.executive.display_name} shares with you`}>
          {state.data.items.map((p: Post) => (
            <li key={p.id}>
              <Link href={`/mentor/posts/${p.id}`}>{excerpt(p.body)}</Link>{' '}
              <span class={`badge badge-state-${p.state}`}>{p.state === 'published' ? 'practice' : p.state.replace('_', ' ')}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function excerpt(body: string): string {
  return body.length <= 80 ? body : `${body.slice(0, 77)}…`;
}

function MarkChampionForm({ onMarked }: { onMarked: () => void }) {
  const { api, announce } = useApp();
  const candidates = useLoad((signal) => api.championCandidates(signal), 'champion-candidates');
  const [userId, setUserId] = useState<number | null>(null);
  const [about, setAbout] = useState('');
  const action = useFormAction();
  const people: Author[] = candidates.state.status === 'ready' ? candidates.state.data.items : [];
  const chosen = people.find((p) => p.id === userId) ?? people[0];
  const submit = async (event: Event) => {
    event.preventDefault();
    if (action.busy || !chosen) return;
    if (about.trim() === '') {
      action.setError('Say in a few words what they know, e.g. “LinkedIn, short video”.');
      return;
    }
    await action.run(async () => {
      await api.markChampion(chosen.id, about.trim());
      announce(`${chosen.display_name} is now a digital champion.`, 'success');
      setAbout('');
      onMarked();
    });
  };
  return (
    <form class="mark-champion" onSubmit={submit} aria-labelledby="mark-title">
      <h3 id="mark-title" class="section-title">
        Mark a champion
      </h3>
      {candidates.state.status === 'error' && <LoadError message={candidates.state.message} onRetry={candidates.reload} />}
      <Field id="mark-user" label="Staff member">
        <Select
          id="mark-user"
          value={chosen ? String(chosen.id) : ''}
          options={people.map((p) => String(p.id))}
          optionLabel={(id) => people.find((p) => String(p.id) === id)?.display_name ?? id}
          onValue={(v) => setUserId(Number(v))}
        />
      </Field>
      <Field id="mark-about" label="What they know (up to 200 characters)">
        <TextInput id="mark-about" type="text" value={about} onValue={setAbout} />
      </Field>
      <FormError id="mark-error" error={action.error} />
      <SubmitRow busy={action.busy} label="Mark as champion" busyLabel="Marking…" />
    </form>
  );
}
