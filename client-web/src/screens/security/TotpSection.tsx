import { useMemo, useState } from 'preact/hooks';
import type { TotpEnrolment } from '../../api/types';
import { Field, FormError, SubmitRow, TextInput, useFormAction } from '../../components/Form';
import { LoadError, LoadingLine, useLoad } from '../../components/Loader';
import { useApp } from '../../context';
import { groupSecret, qrShape } from '../../lib/qr';

/** The secret as a QR code drawn from SVG elements (made here, never sent anywhere). */
function QrCode({ text }: { text: string }) {
  const shape = useMemo(() => qrShape(text), [text]);
  return (
    <svg
      class="qr-code"
      viewBox={`0 0 ${shape.size} ${shape.size}`}
      width={shape.size * 5}
      height={shape.size * 5}
      role="img"
      aria-label="QR code of the secret for your authenticator app"
      shape-rendering="crispEdges"
    >
      <rect width={shape.size} height={shape.size} fill="#ffffff" />
      <path d={shape.path} fill="#000000" />
    </svg>
  );
}

function Enrolment({ enrolment, onConfirmed }: { enrolment: TotpEnrolment; onConfirmed: (codes: string[]) => void }) {
  const { api } = useApp();
  const [code, setCode] = useState('');
  const action = useFormAction();
  const submit = (event: Event) => {
    event.preventDefault();
    if (action.busy) return;
    const value = code.replace(/\s+/g, '');
    if (!/^\d{6}$/.test(value)) return action.setError('Enter the 6 digits your authenticator app shows.');
    void action.run(async () => {
      const { recovery_codes } = await api.confirmTotp(value);
      onConfirmed(recovery_codes);
    });
  };
  return (
    <div class="totp-enrolment">
      <ol class="steps">
        <li>Scan this QR code with an authenticator app (or type the key below into it).</li>
        <li>Enter the 6-digit code the app shows.</li>
      </ol>
      <QrCode text={enrolment.otpauth_uri} />
      <p>
        Key: <code class="totp-secret" data-testid="totp-secret" data-secret={enrolment.secret}>{groupSecret(enrolment.secret)}</code>
      </p>
      <form class="form" onSubmit={submit} noValidate>
        <Field id="totp-confirm-code" label="Code from the app">
          <TextInput
            id="totp-confirm-code"
            type="text"
            inputMode="numeric"
            autocomplete="one-time-code"
            maxLength={6}
            value={code}
            onValue={setCode}
          />
        </Field>
        <FormError error={action.error} />
        <SubmitRow busy={action.busy} label="Turn on two-step sign-in" busyLabel="Checking…" />
      </form>
    </div>
  );
}

function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  return (
    <div class="recovery-codes">
      <p role="status">
        <strong>Two-step sign-in is on.</strong> Save these recovery codes somewhere safe now: each signs you in once if you
        lose your phone, and they are not shown again.
      </p>
      <ul aria-label="Recovery codes" class="code-list">
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ul>
      <button type="button" class="button primary" onClick={onDone}>
        I have saved my recovery codes
      </button>
    </div>
  );
}

function Disable({ onDisabled }: { onDisabled: () => void }) {
  const { api, announce } = useApp();
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const action = useFormAction();
  const submit = (event: Event) => {
    event.preventDefault();
    if (action.busy) return;
    if (password === '' || code.trim() === '') return action.setError('Enter your password and a code (or a recovery code).');
    void action.run(async () => {
      await api.disableTotp(password, code.trim());
      announce('Two-step sign-in is off.', 'success');
      onDisabled();
    });
  };
  return (
    <details class="totp-disable">
      <summary>Turn off two-step sign-in</summary>
      <form class="form" onSubmit={submit} noValidate>
        <Field id="totp-off-password" label="Password">
          <TextInput id="totp-off-password" type="password" autocomplete="current-password" value={password} onValue={setPassword} />
        </Field>
        <Field id="totp-off-code" label="Code from the app, or a recovery code">
          <TextInput id="totp-off-code" type="text" autocomplete="one-time-code" value={code} onValue={setCode} />
        </Field>
        <FormError error={action.error} />
        <SubmitRow busy={action.busy} label="Turn off" busyLabel="Turning off…" buttonClass="button secondary" />
      </form>
    </details>
  );
}

/** Two-step sign-in (TOTP): set it up, see it is on, turn it off. */
export function TotpSection({ onEnabled }: { onEnabled: () => void }) {
  const { api } = useApp();
  const { state, reload } = useLoad((signal) => api.totpStatus(signal), 'totp');
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const start = useFormAction();

  const begin = () =>
    start.run(async () => {
      setEnrolment(await api.startTotp());
    });

  let content;
  if (codes) {
    content = (
      <RecoveryCodes
        codes={codes}
        onDone={() => {
          setCodes(null);
          setEnrolment(null);
          reload();
          onEnabled();
        }}
      />
    );
  } else if (state.status === 'loading') {
    content = <LoadingLine what="two-step sign-in" />;
  } else if (state.status === 'error') {
    content = <LoadError message={state.message} onRetry={reload} />;
  } else if (state.data.totp_enabled) {
    content = (
      <>
        <p>
          <strong>On.</strong> Signing in asks for a code from your authenticator app. {state.data.recovery_codes_left} recovery{' '}
          {state.data.recovery_codes_left === 1 ? 'code is' : 'codes are'} left.
        </p>
        <Disable onDisabled={reload} />
      </>
    );
  } else if (enrolment) {
    content = <Enrolment enrolment={enrolment} onConfirmed={setCodes} />;
  } else {
    content = (
      <>
        <p>Off. With it on, signing in also asks for a code from an authenticator app on your phone.</p>
        <FormError error={start.error} />
        <button type="button" class="button primary" aria-disabled={start.busy} onClick={() => void begin()}>
          {start.busy ? 'Starting…' : 'Set up an authenticator app'}
        </button>
      </>
    );
  }

  return (
    <section class="panel security-section" aria-labelledby="totp-title">
      <h2 id="totp-title" class="section-title">
        Two-step sign-in
      </h2>
      {content}
    </section>
  );
}
