import { useEffect, useState } from 'preact/hooks';
import type { AdminUser, NewUser, Role, TrainingLevel } from '../../api/types';
import { Field, FormError, Select, SubmitRow, TextInput, useFormAction, useKeyedAction } from '../../components/Form';
import { LoadError, LoadingLine } from '../../components/Loader';
import { useApp } from '../../context';
import { LEVELS, levelLabel, roleName, ROLES } from '../../lib/permissions';
import { Link } from '../../navigation';
import { useUsers } from './useUsers';

/** Admin · Users: create a user, change roles, disable and enable accounts. */
export function UsersSection() {
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

/** An executive with no coach cannot get a review: flagged until one is assigned. */
export function needsCoach(user: AdminUser): boolean {
  return user.role === 'executive' && !user.disabled && (user.coaches ?? []).length === 0;
}

/** Which create-user field a server validation message is about, if one. */
export function fieldOfMessage(message: string): 'username' | 'display_name' | 'password' | null {
  const m = message.toLowerCase();
  if (/\busername\b|\btaken\b/.test(m)) return 'username';
  if (/display[ _]name/.test(m)) return 'display_name';
  if (/\bpassword\b/.test(m)) return 'password';
  return null;
}

function UserRow({ user, onChange }: { user: AdminUser; onChange: (u: AdminUser) => void }) {
  const { api, announce, user: me } = useApp();
  const [role, setRole] = useState<Role>(user.role);
  const { busy, error, run } = useKeyedAction<'role' | 'disable'>();
  const p = `user-${user.id}`;
  useEffect(() => setRole(user.role), [user.role]);

  const patch = async (what: 'role' | 'disable', changes: { role?: Role; disabled?: boolean }, message: string) => {
    if (busy) return;
    await run(
      what,
      async () => {
        const { user: updated } = await api.updateUser(user.id, changes);
        onChange({ ...updated, disabled: updated.disabled ?? changes.disabled ?? user.disabled });
        announce(message, 'success');
      },
      () => setRole(user.role),
    );
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
        {needsCoach(user) && (
          <p class="small badge badge-state-changes_requested" data-testid="no-coach">
            No coach yet: <Link href="/admin/coaches">assign one</Link> so this executive can get reviews.
          </p>
        )}
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
        <Select id={`${p}-role`} value={role} options={ROLES} optionLabel={roleName} onValue={(v) => setRole(v as Role)} />
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
      <FormError error={error} />
    </article>
  );
}

const EMPTY_USER: NewUser = { username: '', display_name: '', role: 'member', password: '' };

function CreateUserForm({ onCreated }: { onCreated: (u: AdminUser) => void }) {
  const { api, announce } = useApp();
  const [form, setForm] = useState<NewUser>(EMPTY_USER);
  const [level, setLevel] = useState<TrainingLevel>('crawl');
  const { busy, error, setError, run } = useFormAction();
  const field = (key: keyof NewUser) => (value: string) => {
    setForm({ ...form, [key]: value });
    if (error) setError(null);
  };
  // A server validation message is shown under the field it is about (else under the form).
  const about = error ? fieldOfMessage(error) : null;
  const fieldError = (key: 'username' | 'display_name' | 'password') =>
    about === key ? { 'aria-invalid': true, 'aria-describedby': 'new-user-error' } : {};

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    if (form.username.trim() === '' || form.display_name.trim() === '' || form.password === '') {
      setError('Fill in the username, the display name and a password.');
      return;
    }
    await run(async () => {
      const body: NewUser = { ...form, username: form.username.trim(), display_name: form.display_name.trim() };
      if (form.role === 'executive') body.level = level;
      const { user } = await api.createUser(body);
      onCreated(user);
      setForm(EMPTY_USER);
      announce(`User ${user.username} created.`, 'success');
    });
  };

  return (
    <details class="panel">
      <summary>Create a user</summary>
      <form class="form create-user" onSubmit={submit} aria-label="Create a user">
        <div class="goal-form-grid">
          <Field id="new-username" label="Username">
            <TextInput id="new-username" type="text" autocomplete="off" value={form.username} onValue={field('username')} {...fieldError('username')} />
            {about === 'username' && <FormError id="new-user-error" error={error} />}
          </Field>
          <Field id="new-display-name" label="Display name">
            <TextInput id="new-display-name" type="text" value={form.display_name} onValue={field('display_name')} {...fieldError('display_name')} />
            {about === 'display_name' && <FormError id="new-user-error" error={error} />}
          </Field>
          <Field id="new-role" label="Role">
            <Select id="new-role" value={form.role} options={ROLES} optionLabel={roleName} onValue={field('role')} />
          </Field>
          {form.role === 'executive' && (
            <Field id="new-level" label="Training level">
              <Select id="new-level" value={level} options={LEVELS} optionLabel={levelLabel} onValue={(v) => setLevel(v as TrainingLevel)} />
            </Field>
          )}
          <Field id="new-password" label="Password">
            <TextInput id="new-password" type="password" autocomplete="new-password" value={form.password} onValue={field('password')} {...fieldError('password')} />
            {about === 'password' && <FormError id="new-user-error" error={error} />}
          </Field>
        </div>
        {about === null && <FormError error={error} />}
        <SubmitRow busy={busy} label="Create user" busyLabel="Creating…" />
      </form>
    </details>
  );
}
