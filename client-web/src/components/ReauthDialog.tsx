import { useState } from 'preact/hooks';
import type { Api } from '../api/endpoints';
import { Dialog } from './Dialog';
import { Field, FormError, SubmitRow, TextInput, useFormAction } from './Form';

/**
 * Asked when a sensitive action (a role change, a policy edit, an audit
 * export) answers `reauth_required`: the password, or a code from the
 * authenticator app, confirms it is still the same person. The action is
 * then sent again.
 */
export function ReauthDialog({ api, hasTotp, onDone }: { api: Api; hasTotp: boolean; onDone: (confirmed: boolean) => void }) {
  const [withCode, setWithCode] = useState(false);
  const [value, setValue] = useState('');
  const action = useFormAction();
  const submit = (event: Event) => {
    event.preventDefault();
    if (action.busy) return;
    const proof = value.trim();
    if (proof === '') return action.setError(withCode ? 'Enter the 6-digit code.' : 'Enter your password.');
    void action.run(async () => {
      await api.reauth(withCode ? { totp_code: proof } : { password: value });
      onDone(true);
    }, () => setValue(''));
  };
  return (
    <Dialog title="Confirm it is you" titleId="reauth-title" onCancel={() => onDone(false)}>
      <p id="reauth-help">
        This change needs your {withCode ? 'authenticator code' : 'password'} again, because you last confirmed it more than a few
        minutes ago.
      </p>
      <form class="form" onSubmit={submit} noValidate aria-describedby="reauth-help">
        {withCode ? (
          <Field id="reauth-code" label="Code from the app">
            <TextInput id="reauth-code" type="text" inputMode="numeric" autocomplete="one-time-code" maxLength={6} value={value} onValue={setValue} />
          </Field>
        ) : (
          <Field id="reauth-password" label="Your password">
            <TextInput id="reauth-password" type="password" autocomplete="current-password" value={value} onValue={setValue} />
          </Field>
        )}
        <FormError error={action.error} />
        <SubmitRow busy={action.busy} label="Confirm" busyLabel="Checking…">
          <button type="button" class="button secondary" onClick={() => onDone(false)}>
            Cancel
          </button>
          {hasTotp && (
            <button
              type="button"
              class="button ghost"
              onClick={() => {
                setWithCode(!withCode);
                setValue('');
                action.setError(null);
              }}
            >
              {withCode ? 'Use my password' : 'Use an authenticator code'}
            </button>
          )}
        </SubmitRow>
      </form>
    </Dialog>
  );
}
