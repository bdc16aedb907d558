import { useEffect, useState } from 'preact/hooks';
import { ApiError, messageOf } from '../api/errors';
import type { AdminUser, NewUser, PolicyDocument, Role, TrainingLevel } from '../api/types';
import { LoadError, LoadingLine, useLoad } from '../components/Loader';
import { useApp } from '../context';
import { LEVELS, levelLabel, roleName, ROLES } from '../lib/permissions';
import { adminTitle, type AdminSection } from '../lib/router';
import { formatAbsolute, parseTime } from '../lib/time';
import { Link } from '../navigation';

const SECTIONS: AdminSection[] = ['users', 'coaches', 'policy'];

/** Admin: users and roles, coach assignments, the policy rules. */
export function AdminScreen({ section }: { section: AdminSection }) {
  return (
    <>
      <div class="page-head">
        <h1 tabIndex={-1}>Admin · {adminTitle(section)}</h1>
      </div>
      <nav class="tabs" aria-label="Admin sections">
        {SECTIONS.map((s) => (
          <Link key={s} href={`/admin/${s}`} class="tab" aria-current={s === section ? 'page' : undefined}>
            {adminTitle(s)}
          </Link>
        ))}
      </nav>
      {section === 'users' && <UsersSection />}
      {section === 'coaches' && <CoachesSection />}
      {section === 'policy' && <PolicySection />}
    </>
  );
}

function useUsers() {
  const { api } = useApp();
  return useLoad((signal) => api.users(signal), 'users');
}

function UsersSection() {
  const { state, reload, set } = useUsers();
  const users = state.status === 'ready' ? state.data.items : [];
  const replace = (user: AdminUser) => set({ items: users.map((u) => (u.id === user.id ? { ...u, ...user } : u)) });
  return (
    <>
      <CreateUserForm onCreated={(user) => set({ items: [...users, user] })} />
      <h2 class="section-title">Everyone</h2>
      {state.status === 'loading' && <LoadingLine what="users" />}
      {state.status === 'error' && <LoadError message={state.message} onRetry={reload} />}
      {users.length > 0 && (
        <ul class="user-list" aria-label="Users">
          {users.map((u) => (
            <li key={u.id}>
              <UserRow user={u} onChange={replace} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function UserRow({ user, onChange }: { user: AdminUser; onChange: (u: AdminUser) => void }) {
  const { api, announce, user: me } = useApp();
  const [role, setRole] = useState<Role>(user.role);
  const [busy, setBusy] = useState<'role' | 'disable' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const p = `user-${user.id}`;
  useEffect(() => setRole(user.role), [user.role]);

  const patch = async (what: 'role' | 'disable', changes: { role?: Role; disabled?: boolean }, message: string) => {
    if (busy) return;
    setBusy(what);
    setError(null);
    try {
      const { user: updated } = await api.updateUser(user.id, changes);
      onChange({ ...updated, disabled: updated.disabled ?? changes.disabled ?? user.disabled });
      announce(message, 'success');
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return;
      setError(messageOf(e));
      setRole(user.role);
    } finally {
      setBusy(null);
    }
  };

  return (
    <article class={`user-row${user.disabled ? ' is-disabled' : ''}`} aria-labelledby={`${p}-name`} data-username={user.username}>
      <div class="user-ident">
        <h3 id={`${p}-name`} class="post-author">
          {user.display_name} <span class="username">@{user.username}</span>
        </h3>
        <p class="muted small">
          {roleName(user.role)}
          {user.training_level ? ` · ${levelLabel(user.training_level)}` : ''}
          {user.disabled ? ' · Disabled' : ''}
        </p>
      </div>
      <form
        class="inline-controls"
        onSubmit={(e) => {
          e.preventDefault();
          void patch('role', { role }, `${user.display_name} is now ${roleName(role).toLowerCase()}.`);
        }}
      >
        <label for={`${p}-role`} class="visually-hidden">
          Role of {user.display_name}
        </label>
        <select id={`${p}-role`} value={role} onChange={(e) => setRole((e.target as HTMLSelectElement).value as Role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {roleName(r)}
            </option>
          ))}
        </select>
        <button type="submit" class="button secondary small" aria-disabled={busy !== null}>
          {busy === 'role' ? 'Saving…' : 'Change role'}
          <span class="visually-hidden"> of {user.display_name}</span>
        </button>
        {user.id !== me.id && (
          <button
            type="button"
            class="button ghost small"
            aria-disabled={busy !== null}
            onClick={() =>
              void patch(
                'disable',
                { disabled: !user.disabled },
                user.disabled ? `${user.display_name} can sign in again.` : `${user.display_name} is disabled and signed out.`,
              )
            }
          >
            {user.disabled ? 'Enable' : 'Disable'}
            <span class="visually-hidden"> {user.display_name}</span>
          </button>
        )}
      </form>
      <div class="form-error" role="alert">
        {error}
      </div>
    </article>
  );
}

function CreateUserForm({ onCreated }: { onCreated: (u: AdminUser) => void }) {
  const { api, announce } = useApp();
  const [form, setForm] = useState<NewUser>({ username: '', display_name: '', role: 'member', password: '' });
  const [level, setLevel] = useState<TrainingLevel>('crawl');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const field = (key: keyof NewUser) => (e: Event) => setForm({ ...form, [key]: (e.target as HTMLInputElement).value });

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    if (form.username.trim() === '' || form.display_name.trim() === '' || form.password === '') {
      setError('Fill in the username, the display name and a password.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const body: NewUser = { ...form, username: form.username.trim(), display_name: form.display_name.trim() };
      if (form.role === 'executive') body.level = level;
      const { user } = await api.createUser(body);
      onCreated(user);
      setForm({ username: '', display_name: '', role: 'member', password: '' });
      announce(`User ${user.username} created.`, 'success');
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return;
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <details class="panel">
      <summary>Create a user</summary>
      <form class="form create-user" onSubmit={submit} aria-label="Create a user">
        <div class="goal-form-grid">
          <div class="field">
            <label for="new-username">Username</label>
            <input id="new-username" type="text" autocomplete="off" value={form.username} onInput={field('username')} />
          </div>
          <div class="field">
            <label for="new-display-name">Display name</label>
            <input id="new-display-name" type="text" value={form.display_name} onInput={field('display_name')} />
          </div>
          <div class="field">
            <label for="new-role">Role</label>
            <select id="new-role" value={form.role} onChange={field('role')}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {roleName(r)}
                </option>
              ))}
            </select>
          </div>
          {form.role === 'executive' && (
            <div class="field">
              <label for="new-level">Training level</label>
              <select id="new-level" value={level} onChange={(e) => setLevel((e.target as HTMLSelectElement).value as TrainingLevel)}>
                {LEVELS.map((l) => (
                  <option key={l} value={l}>
                    {levelLabel(l)}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div class="field">
            <label for="new-password">Password</label>
            <input id="new-password" type="password" autocomplete="new-password" value={form.password} onInput={field('password')} />
          </div>
        </div>
        <div class="form-error" role="alert">
          {error}
        </div>
        <div class="form-actions">
          <button type="submit" class="button primary" aria-disabled={busy}>
            {busy ? 'Creating…' : 'Create user'}
          </button>
        </div>
      </form>
    </details>
  );
}

function CoachesSection() {
  const { api, announce } = useApp();
  const { state, reload, set } = useUsers();
  const users = state.status === 'ready' ? state.data.items : [];
  const coaches = users.filter((u) => u.role === 'coach' && !u.disabled);
  const executives = users.filter((u) => u.role === 'executive');
  const [coachId, setCoachId] = useState<number | null>(null);
  const [execId, setExecId] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const chosenCoach = coachId ?? coaches[0]?.id ?? null;
  const chosenExec = execId ?? executives[0]?.id ?? null;

  const setCoaches = (exec: number, change: (ids: number[]) => number[]) =>
    set({ items: users.map((u) => (u.id === exec ? { ...u, coaches: change(u.coaches ?? []) } : u)) });

  const assign = async (event: Event) => {
    event.preventDefault();
    if (busy || chosenCoach === null || chosenExec === null) return;
    setBusy(true);
    setError(null);
    try {
      await api.assignCoach(chosenCoach, chosenExec);
      setCoaches(chosenExec, (ids) => (ids.includes(chosenCoach) ? ids : [...ids, chosenCoach]));
      const c = users.find((u) => u.id === chosenCoach);
      const x = users.find((u) => u.id === chosenExec);
      announce(`${x?.display_name} is now coached by ${c?.display_name}.`, 'success');
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return;
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const unassign = async (coach: AdminUser, exec: AdminUser) => {
    setError(null);
    try {
      await api.unassignCoach(coach.id, exec.id);
      setCoaches(exec.id, (ids) => ids.filter((id) => id !== coach.id));
      announce(`${exec.display_name} is no longer coached by ${coach.display_name}.`, 'success');
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return;
      setError(messageOf(e));
    }
  };

  if (state.status === 'loading') return <LoadingLine what="users" />;
  if (state.status === 'error') return <LoadError message={state.message} onRetry={reload} />;
  return (
    <>
      <form class="panel assign-form" onSubmit={assign} aria-labelledby="assign-title">
        <h2 id="assign-title" class="section-title">
          Assign an executive to a coach
        </h2>
        <div class="goal-form-grid">
          <div class="field">
            <label for="assign-executive">Executive</label>
            <select id="assign-executive" value={chosenExec ?? ''} onChange={(e) => setExecId(Number((e.target as HTMLSelectElement).value))}>
              {executives.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.display_name} (@{x.username})
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="assign-coach">Coach</label>
            <select id="assign-coach" value={chosenCoach ?? ''} onChange={(e) => setCoachId(Number((e.target as HTMLSelectElement).value))}>
              {coaches.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.display_name} (@{c.username})
                </option>
              ))}
            </select>
          </div>
        </div>
        <div class="form-error" role="alert">
          {error}
        </div>
        <div class="form-actions">
          <button type="submit" class="button primary" aria-disabled={busy || coaches.length === 0 || executives.length === 0}>
            {busy ? 'Assigning…' : 'Assign'}
          </button>
        </div>
      </form>
      <h2 class="section-title">Coaches and their executives</h2>
      {coaches.length === 0 && <p class="muted">There are no coaches yet. Give someone the coach role first.</p>}
      <ul class="coach-list" aria-label="Coaches">
        {coaches.map((c) => {
          const mine = executives.filter((x) => (x.coaches ?? []).includes(c.id));
          return (
            <li key={c.id} class="coach-item">
              <h3 class="subsection-title" id={`coach-${c.id}`}>
                {c.display_name} <span class="username">@{c.username}</span>
              </h3>
              {mine.length === 0 ? (
                <p class="muted small">No executives assigned.</p>
              ) : (
                <ul class="assigned-list" aria-labelledby={`coach-${c.id}`}>
                  {mine.map((x) => (
                    <li key={x.id}>
                      <span>
                        {x.display_name} <span class="muted small">({levelLabel(x.training_level)})</span>
                      </span>
                      <button type="button" class="button ghost small" onClick={() => void unassign(c, x)}>
                        Unassign<span class="visually-hidden"> {x.display_name} from {c.display_name}</span>
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}

/** Validates the JSON before sending; the server validates the rules. */
export function parsePolicyText(text: string): { ok: true; value: Record<string, unknown> } | { ok: false; message: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: `That is not valid JSON: ${e instanceof Error ? e.message : 'could not read it'}.` };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { ok: false, message: 'The policy must be a JSON object.' };
  return { ok: true, value: value as Record<string, unknown> };
}

function PolicySection() {
  const { api, announce } = useApp();
  const { state, reload, set } = useLoad((signal) => api.policy(signal), 'policy');
  const [text, setText] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const doc: PolicyDocument | null = state.status === 'ready' ? state.data : null;
  const value = text ?? (doc ? JSON.stringify(doc.policy, null, 2) : '');

  const save = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const parsed = parsePolicyText(value);
    if (!parsed.ok) {
      setError(parsed.message);
      document.getElementById('policy-json')?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const saved = await api.savePolicy(parsed.value);
      set(saved);
      setText(null);
      announce(`Policy saved: version ${saved.version}.`, 'success');
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return;
      setError(messageOf(e));
      document.getElementById('policy-json')?.focus();
    } finally {
      setBusy(false);
    }
  };

  if (state.status === 'loading') return <LoadingLine what="the policy" />;
  if (state.status === 'error') return <LoadError message={state.message} onRetry={reload} />;
  const updated = doc ? parseTime(doc.updated_at) : null;
  return (
    <form class="policy-form" onSubmit={save}>
      <p class="policy-version" data-testid="policy-version">
        Version <strong>{doc?.version}</strong>
        {updated ? `, saved ${formatAbsolute(updated)}` : ''}. Every saved version is kept.
      </p>
      <div class="field">
        <label for="policy-json">Golden rules (JSON)</label>
        <textarea
          id="policy-json"
          class="code"
          rows={24}
          spellcheck={false}
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby="policy-help policy-error"
          onInput={(e) => {
            setText((e.target as HTMLTextAreaElement).value);
            if (error) setError(null);
          }}
        />
        <p id="policy-help" class="muted small">
          The whole document is checked when you save; unknown keys are refused.
        </p>
      </div>
      <div id="policy-error" class="form-error" role="alert">
        {error}
      </div>
      <div class="form-actions">
        <button type="button" class="button ghost" onClick={() => { setText(null); setError(null); }}>
          Discard changes
        </button>
        <button type="submit" class="button primary" aria-disabled={busy}>
          {busy ? 'Saving…' : 'Save policy'}
        </button>
      </div>
    </form>
  );
}
