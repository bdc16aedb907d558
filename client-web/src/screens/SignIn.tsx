import { useEffect, useRef, useState } from 'preact/hooks';
import type { Api } from '../api/endpoints';
import { ApiError, messageOf } from '../api/errors';
import type { SecondFactor, Session } from '../api/types';
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
  // After a right password for an account with two-step sign-in: ask for the code.
  const [needsCode, setNeedsCode] = useState(false);
  const [useRecovery, setUseRecovery] = useState(false);
  const [code, setCode] = useState('');
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const codeRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    usernameRef.current?.focus();
  }, []);
  useEffect(() => {
    if (needsCode) codeRef.current?.focus();
  }, [needsCode, useRecovery]);

  const startOver = () => {
    setNeedsCode(false);
    setUseRecovery(false);
    setCode('');
    setPassword('');
    setError(null);
    window.setTimeout(() => passwordRef.current?.focus(), 0);
  };

  const submitCode = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const value = code.replace(/\s+/g, useRecovery ? '' : '');
    if (value === '') {
      setError(useRecovery ? 'Enter one of your recovery codes.' : 'Enter the 6-digit code from your authenticator app.');
      codeRef.current?.focus();
      return;
    }
    const second: SecondFactor = useRecovery ? { recovery_code: value } : { totp_code: value };
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await api.login(username.trim(), password, second));
    } catch (e) {
      setError(messageOf(e));
      setCode('');
      codeRef.current?.focus();
      setBusy(false);
    }
  };

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
      if (e instanceof ApiError && e.code === 'totp_required') {
        setNeedsCode(true);
        setBusy(false);
        return;
      }
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
        {needsCode ? (
          <form class="form" onSubmit={submitCode} noValidate aria-describedby={error ? 'signin-error' : undefined}>
            <p id="signin-code-help">
              {useRecovery
                ? 'Enter one of the recovery codes you saved when you set up two-step sign-in. Each works once.'
                : 'Open your authenticator app and enter the 6-digit code it shows for Greenroom.'}
            </p>
            <Field id="signin-code" label={useRecovery ? 'Recovery code' : 'Authentication code'}>
              <TextInput
                controlRef={codeRef}
                id="signin-code"
                name={useRecovery ? 'recovery_code' : 'totp_code'}
                type="text"
                inputMode={useRecovery ? 'text' : 'numeric'}
                autocomplete="one-time-code"
                autocapitalize="none"
                spellcheck={false}
                maxLength={useRecovery ? 16 : 6}
                required
                aria-describedby="signin-code-help"
                aria-invalid={error ? true : undefined}
                value={code}
                onValue={setCode}
              />
            </Field>
            <FormError id="signin-error" error={error} />
            <button type="submit" class="button primary wide" aria-disabled={busy}>
              {busy ? 'Checking…' : 'Verify and sign in'}
            </button>
            <div class="signin-alternatives">
              <button
                type="button"
                class="button ghost"
                onClick={() => {
                  setUseRecovery(!useRecovery);
                  setCode('');
                  setError(null);
                }}
              >
                {useRecovery ? 'Use the authenticator app instead' : 'Use a recovery code instead'}
              </button>
              <button type="button" class="button ghost" onClick={startOver}>
                Start over
              </button>
            </div>
          </form>
        ) : (
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
        )}
      </div>
    </main>
  );
}
