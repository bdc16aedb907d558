import { useState } from 'preact/hooks';
import { Field, FormError, SubmitRow, TextInput, useFormAction } from '../../components/Form';
import { useApp } from '../../context';

/** Change the password; every other session ends. */
export function PasswordSection() {
  const { api, announce } = useApp();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const action = useFormAction();

  const submit = (event: Event) => {
    event.preventDefault();
    if (action.busy) return;
    if (current === '' || next === '') return action.setError('Enter your current password and a new one.');
    if (next.length < 8) return action.setError('The new password needs at least 8 characters.');
    if (next !== repeat) return action.setError('The two new passwords are not the same.');
    void action.run(async () => {
      const { ended_sessions } = await api.changePassword(current, next);
      setCurrent('');
      setNext('');
      setRepeat('');
      announce(
        ended_sessions > 0
          ? `Password changed. ${ended_sessions === 1 ? 'Your other session was' : `Your ${ended_sessions} other sessions were`} signed out.`
          : 'Password changed.',
        'success',
      );
    });
  };

  return (
    <section class="panel security-section" aria-labelledby="password-title">
      <h2 id="password-title" class="section-title">
        Password
      </h2>
      <p class="muted">Changing it signs you out everywhere else.</p>
      <form class="form" onSubmit={submit} noValidate>
        <Field id="password-current" label="Current password">
          <TextInput id="password-current" type="password" autocomplete="current-password" value={current} onValue={setCurrent} />
        </Field>
        <Field id="password-new" label="New password" help="At least 8 characters." helpId="password-new-help">
          <TextInput
            id="password-new"
            type="password"
            autocomplete="new-password"
            aria-describedby="password-new-help"
            value={next}
            onValue={setNext}
          />
        </Field>
        <Field id="password-repeat" label="New password again">
          <TextInput id="password-repeat" type="password" autocomplete="new-password" value={repeat} onValue={setRepeat} />
        </Field>
        <FormError error={action.error} />
        <SubmitRow busy={action.busy} label="Change password" busyLabel="Changing…" />
      </form>
    </section>
  );
}
