import { useState } from 'preact/hooks';
import type { Drill, Persona } from '../api/drillTypes';
import type { Post, Reply, TrainingLevel } from '../api/types';
import { useApp } from '../context';
import { describeDue, localInputFromNow, localInputToIso } from '../lib/goals';
import { formatAbsolute, parseTime } from '../lib/time';
import { Link, navigate } from '../navigation';
import { Field, FormError, SubmitRow, TextArea, TextInput, useFormAction } from './Form';
import { LoadError, LoadingLine, useLoad } from './Loader';

/**
 * Drills (rehearsal under pressure): the coach assigns a scenario and the
 * personas they will play; the executive writes the drill's practice post; the
 * coach replies as a persona (labelled as simulated); the executive answers.
 * Drills and their replies stay between the executive and their coaches.
 */

const STATUS_LABELS: Record<Drill['status'], string> = {
  assigned: 'Assigned',
  in_progress: 'In progress',
  completed: 'Completed',
};

function DrillBadges({ drill }: { drill: Drill }) {
  return (
    <span class="drill-badges">
      <span class={`badge badge-drill-${drill.status}`} data-testid="drill-status">
        {STATUS_LABELS[drill.status]}
      </span>
      {drill.overdue && <span class="badge badge-goal-overdue">Overdue</span>}
    </span>
  );
}

/** One drill: scenario, due date, personas, and what the viewer can do next. */
export function DrillCard({ drill, view, onChange }: { drill: Drill; view: 'executive' | 'coach'; onChange: (d: Drill) => void }) {
  const { api, announce, user } = useApp();
  const [writing, setWriting] = useState(false);
  const action = useFormAction();
  const p = `drill-${drill.id}`;
  const due = parseTime(drill.due_at);
  const complete = () =>
    action.run(async () => {
      const { drill: done } = await api.completeDrill(drill.id);
      onChange(done);
      announce('Drill marked complete.', 'success');
    });
  return (
    <article class="drill-card" aria-labelledby={`${p}-title`} data-drill={drill.id}>
      <header class="drill-head">
        <h3 id={`${p}-title`} class="drill-title">
          Drill: {drill.scenario}
        </h3>
        <DrillBadges drill={drill} />
      </header>
      <p class="muted small">
        {view === 'executive' ? `Set by ${drill.coach.display_name}` : `For ${drill.executive.display_name}`} ·{' '}
        <time dateTime={drill.due_at}>{drill.status === 'completed' ? 'completed' : describeDue(drill.due_at)}</time>
        {due ? ` (${formatAbsolute(due)})` : ''}
      </p>
      <p class="drill-personas-title small">{view === 'executive' ? 'Your coach will play:' : 'Personas you play:'}</p>
      <ul class="drill-personas" aria-label="Personas">
        {drill.personas.map((persona) => (
          <li key={persona.id}>
            <strong>{persona.name}</strong>
            {persona.description ? ` — ${persona.description}` : ''}
          </li>
        ))}
      </ul>
      <div class="drill-actions">
        {drill.post_id !== null && <Link href={`/posts/${drill.post_id}`}>Open the drill post</Link>}
        {view === 'executive' && drill.status === 'assigned' && (
          <button type="button" class="button primary small" aria-expanded={writing} aria-controls={`${p}-write`} onClick={() => setWriting(!writing)}>
            {writing ? 'Close the drill post' : 'Write the post for this drill'}
          </button>
        )}
        {view === 'coach' && drill.status === 'in_progress' && (
          <button type="button" class="button secondary small" aria-disabled={action.busy} onClick={() => void complete()}>
            {action.busy ? 'Completing…' : 'Mark drill complete'}
          </button>
        )}
      </div>
      <FormError error={action.error} />
      {view === 'executive' && writing && (
        <div id={`${p}-write`}>
          <DrillPostForm drill={drill} level={user.training_level ?? null} />
        </div>
      )}
    </article>
  );
}

/** The executive writes the drill's practice post (POST /posts with drill_id). */
function DrillPostForm({ drill, level }: { drill: Drill; level: TrainingLevel | null }) {
  const { api, announce } = useApp();
  const [body, setBody] = useState('');
  const { busy, error, setError, run } = useFormAction();
  const needsReview = level === 'crawl';
  const id = `drill-${drill.id}-body`;
  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    if (body.trim() === '') return setError('Write the post first.');
    await run(async () => {
      const { post } = await api.writeDrillPost({ drill_id: drill.id, body, action: needsReview ? 'submit' : 'publish' });
      announce(needsReview ? 'Drill post sent to your coach for review.' : 'Drill post published in the practice space.', 'success');
      navigate(`/posts/${post.id}`);
    });
  };
  return (
    <form class="drill-post-form" onSubmit={submit} aria-label="The post for this drill">
      <Field id={id} label="Your practice post for this drill">
        <TextArea id={id} rows={4} value={body} onValue={setBody} />
      </Field>
      <FormError error={error} />
      <SubmitRow busy={busy} label={needsReview ? 'Submit for review' : 'Publish to practice'} busyLabel="Sending…" />
    </form>
  );
}

/** The executive's own drills (on the Goals screen). */
export function MyDrills() {
  const { api, user } = useApp();
  const { state, reload, set } = useLoad((signal) => api.drills(user.id, signal), `drills-${user.id}`);
  const drills = state.status === 'ready' ? state.data.items : [];
  return (
    <section class="drills" aria-labelledby="my-drills-title">
      <h2 id="my-drills-title" class="section-title">
        Drills
      </h2>
      <p class="muted">Rehearsal under pressure: your coach replies in character, and only you and your coaches see it.</p>
      {state.status === 'loading' && <LoadingLine what="your drills" />}
      {state.status === 'error' && <LoadError message={state.message} onRetry={reload} />}
      {state.status === 'ready' && drills.length === 0 && <p class="muted">No drills yet.</p>}
      {drills.length > 0 && (
        <ul class="drill-list" aria-label="Your drills">
          {drills.map((d) => (
            <li key={d.id}>
              <DrillCard drill={d} view="executive" onChange={(next) => state.status === 'ready' && set({ ...state.data, items: drills.map((x) => (x.id === next.id ? next : x)) })} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** A coach's view of one executive's drills, with the form to assign one (Cohort screen). */
export function CoachDrills({ executiveId, executiveName }: { executiveId: number; executiveName: string }) {
  const { api } = useApp();
  const { state, reload, set } = useLoad((signal) => api.drills(executiveId, signal), `drills-${executiveId}`);
  const [adding, setAdding] = useState(false);
  const drills = state.status === 'ready' ? state.data.items : [];
  const p = `member-${executiveId}-drills`;
  const replace = (items: Drill[]) => state.status === 'ready' && set({ ...state.data, items });
  return (
    <div class="coach-drills">
      <h3 class="subsection-title">Drills</h3>
      {state.status === 'loading' && <LoadingLine what="drills" />}
      {state.status === 'error' && <LoadError message={state.message} onRetry={reload} />}
      {state.status === 'ready' && drills.length === 0 && <p class="muted">No drills yet.</p>}
      {drills.length > 0 && (
        <ul class="drill-list" aria-label={`Drills of ${executiveName}`}>
          {drills.map((d) => (
            <li key={d.id}>
              <DrillCard drill={d} view="coach" onChange={(next) => replace(drills.map((x) => (x.id === next.id ? next : x)))} />
            </li>
          ))}
        </ul>
      )}
      <button type="button" class="button ghost small" aria-expanded={adding} aria-controls={`${p}-form`} onClick={() => setAdding(!adding)}>
        {adding ? 'Close the drill form' : `Assign a drill to ${executiveName}`}
      </button>
      <div id={`${p}-form`} hidden={!adding}>
        {adding && (
          <DrillForm
            executiveId={executiveId}
            executiveName={executiveName}
            onCreated={(drill) => {
              replace([drill, ...drills]);
              setAdding(false);
            }}
          />
        )}
      </div>
    </div>
  );
}

/** The coach assigns a drill: scenario, due date, one to five personas. */
function DrillForm({ executiveId, executiveName, onCreated }: { executiveId: number; executiveName: string; onCreated: (d: Drill) => void }) {
  const { api, announce } = useApp();
  const [scenario, setScenario] = useState('');
  const [due, setDue] = useState(() => localInputFromNow(7));
  const [personas, setPersonas] = useState([{ name: '', description: '' }]);
  const { busy, error, setError, run } = useFormAction();
  const p = `new-drill-${executiveId}`;
  const edit = (i: number, key: 'name' | 'description', value: string) => setPersonas(personas.map((x, j) => (j === i ? { ...x, [key]: value } : x)));
  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const dueIso = localInputToIso(due);
    const named = personas.filter((x) => x.name.trim() !== '').map((x) => ({ name: x.name.trim(), description: x.description.trim() }));
    if (scenario.trim() === '') return setError('Describe the scenario.');
    if (!dueIso || Date.parse(dueIso) <= Date.now()) return setError('Choose a due date in the future.');
    if (named.length === 0) return setError('Name at least one persona you will play.');
    await run(async () => {
      const { drill } = await api.assignDrill({ executive_id: executiveId, scenario: scenario.trim(), due_at: dueIso, personas: named });
      onCreated(drill);
      announce(`Drill assigned to ${executiveName}.`, 'success');
    });
  };
  return (
    <form class="drill-form" onSubmit={submit} aria-label={`New drill for ${executiveName}`}>
      <Field id={`${p}-scenario`} label="Scenario">
        <TextArea id={`${p}-scenario`} rows={3} value={scenario} placeholder="Announce the office move; expect push-back." onValue={setScenario} />
      </Field>
      <Field id={`${p}-due`} label="Due">
        <TextInput id={`${p}-due`} type="datetime-local" value={due} onValue={setDue} />
      </Field>
      <fieldset class="drill-persona-fields">
        <legend>Personas you will play</legend>
        {personas.map((x, i) => (
          <div class="drill-persona-row" key={i}>
            <Field id={`${p}-persona-${i}-name`} label={`Persona ${i + 1} name`}>
              <TextInput id={`${p}-persona-${i}-name`} type="text" value={x.name} placeholder="Sceptical engineer" onValue={(v) => edit(i, 'name', v)} />
            </Field>
            <Field id={`${p}-persona-${i}-description`} label={`Persona ${i + 1} description`}>
              <TextInput id={`${p}-persona-${i}-description`} type="text" value={x.description} onValue={(v) => edit(i, 'description', v)} />
            </Field>
          </div>
        ))}
        {personas.length < 5 && (
          <button type="button" class="button ghost small" onClick={() => setPersonas([...personas, { name: '', description: '' }])}>
            Add a persona
          </button>
        )}
      </fieldset>
      <FormError error={error} />
      <SubmitRow busy={busy} label="Assign drill" busyLabel="Assigning…" />
    </form>
  );
}

/** The label beside a coach's simulated reply, for every reader of it. */
export function SimulatedLabel({ reply }: { reply: Reply }) {
  if (!reply.persona) return null;
  return (
    <p class="simulated-label" data-testid="simulated-label">
      {reply.persona.label}
    </p>
  );
}

/** On a drill post: the scenario, and for a coach the form to reply as a persona. */
export function DrillThreadPanel({ post, drill, onReply }: { post: Post; drill: Drill; onReply: (r: Reply) => void }) {
  const { user } = useApp();
  const coach = user.role === 'coach' && drill.executive.id !== user.id;
  return (
    <section class="drill-thread" aria-label="Drill">
      <p>
        <strong>Drill:</strong> {drill.scenario} <DrillBadges drill={drill} />
      </p>
      <p class="muted small">
        {coach
          ? 'Reply in character as one of the personas; the executive sees it labelled as simulated.'
          : 'Your coach replies in character. Answer below: your answers go to your coach for review, and only you and your coaches see this rehearsal.'}
      </p>
      {coach && post.state === 'published' && drill.status !== 'completed' && <PersonaReplyForm postId={post.id} personas={drill.personas} onReply={onReply} />}
    </section>
  );
}

function PersonaReplyForm({ postId, personas, onReply }: { postId: number; personas: Persona[]; onReply: (r: Reply) => void }) {
  const { api, announce } = useApp();
  const [personaId, setPersonaId] = useState(personas[0]?.id ?? 0);
  const [body, setBody] = useState('');
  const { busy, error, setError, run } = useFormAction();
  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    if (body.trim() === '') return setError('Write the persona’s reply first.');
    await run(async () => {
      const { reply } = await api.personaReply(postId, body, personaId);
      setBody('');
      onReply(reply);
      announce('Persona reply posted.', 'success');
    });
  };
  return (
    <form class="persona-reply-form" onSubmit={submit} aria-label="Play a persona">
      <Field id="persona-choice" label="Reply as">
        <select id="persona-choice" value={personaId} onChange={(e) => setPersonaId(Number(e.currentTarget.value))}>
          {personas.map((x) => (
            <option key={x.id} value={x.id}>
              {x.name}
            </option>
          ))}
        </select>
      </Field>
      <Field id="persona-body" label="Persona reply">
        <TextArea id="persona-body" rows={3} value={body} onValue={setBody} />
      </Field>
      <FormError error={error} />
      <SubmitRow busy={busy} label="Reply as persona" busyLabel="Replying…" />
    </form>
  );
}
