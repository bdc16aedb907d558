import { useEffect, useRef, useState } from 'preact/hooks';
import type { Api } from '../api/endpoints';
import { messageOf } from '../api/errors';
import type { Session } from '../api/types';
import { Field, FormError, TextInput } from '../components/Form';

export type SignInNotice = 'expired' | 'signed-out' | null;

const NOTICES: Record<Exclude<SignInNotice, null>, string> = {
  expired: 'Your session has ended. Sign in again to carry on — anything you were writing has been kept.',
  'signed-out': 'You have signed out.',
};

export function SignIn({ api, notice, onSignedIn }: { api: Api; notice: SignInNotice; onSignedIn: (session: Session) => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    usernameRef.current?.focus();
  }, []);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    if (username.trim() === '' || password === '') {
      setError('Enter your username and your password.');
      (username.trim() === '' ? usernameRef : passwordRef).current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const session = await api.login(username.trim(), password);
      onSignedIn(session);
    } catch (e) {
      setError(messageOf(e));
      setPassword('');
      passwordRef.current?.focus();
      setBusy(false);
    }
  };

  // Both fields are required, and both are marked invalid while the error shows.
  const both = { required: true, 'aria-invalid': error ? true : undefined } as const;

  return (
    <main id="main" class="signin-page" tabIndex={-1}>
      <div class="signin-card">
        <img class="signin-logo" src="/favicon.svg" alt="" width="48" height="48" />
        <h1>Sign in to Greenroom</h1>
        <p class="lede">Rehearse, get feedback, then post with confidence.</p>
        {notice && (
          <p class="notice" role="status">
            {NOTICES[notice]}
          </p>
        )}
        <form class="form" onSubmit={submit} noValidate aria-describedby={error ? 'signin-error' : undefined}>
          <Field id="signin-username" label="Username">
            <TextInput {...both} controlRef={usernameRef} id="signin-username" name="username" type="text" autocomplete="username" autocapitalize="none" spellcheck={false} value={username} onValue={setUsername} />
          </Field>
          <Field id="signin-password" label="Password">
            <TextInput {...both} controlRef={passwordRef} id="signin-password" name="password" type="password" autocomplete="current-password" value={password} onValue={setPassword} />
          </Field>
          <FormError id="signin-error" error={error} />
          <button type="submit" class="button primary wide" aria-disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
      </div>
    </main>
  );
}
