import { useEffect, useState } from 'preact/hooks';
import { ApiError, messageOf } from '../api/errors';
import { EVERYDAY_KINDS, type EverydayKind, type NotificationSettings } from '../api/socialTypes';
import { useApp } from '../context';

const LABELS: Record<EverydayKind, string> = {
  reply: 'Replies to my posts',
  like: 'Likes of my posts (grouped per post)',
  mention: 'Mentions of me',
  new_follower: 'New followers',
  new_article: 'New articles of blogs and hosts I follow',
};

/**
 * Switches for the notices of everyday activity: each checkbox saves at once. Reviews,
 * verdicts, moderation, goals and mentoring always arrive.
 */
export function NotificationSettingsPanel() {
  const { api, announce } = useApp();
  const [settings, setSettings] = useState<NotificationSettings | null>(null);
  const [error, setError] = useState('');
  const [saving, setSaving] = useState<EverydayKind | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    api
      .notificationSettings(controller.signal)
      .then((r) => setSettings(r.settings))
      .catch((e) => {
        if (!controller.signal.aborted && !(e instanceof ApiError && e.status === 401)) setError(messageOf(e));
      });
    return () => controller.abort();
  }, [api]);
  const change = async (kind: EverydayKind, on: boolean) => {
    // Shown at once (a controlled box would spring back until the server answers), put back
    // if the save fails.
    const before = settings;
    if (before) setSettings({ ...before, [kind]: on });
    setSaving(kind);
    setError('');
    try {
      const r = await api.setNotificationSettings({ [kind]: on });
      setSettings(r.settings);
      announce(`${LABELS[kind]}: ${on ? 'on' : 'off'}.`, 'success');
    } catch (e) {
      setSettings(before);
      setError(messageOf(e));
    } finally {
      setSaving(null);
    }
  };
  return (
    <details class="card notification-settings" data-testid="notification-settings">
      <summary>Notification settings</summary>
      <fieldset>
        <legend>Tell me about</legend>
        {settings === null && !error && <p class="muted">Loading your settings…</p>}
        {settings &&
          EVERYDAY_KINDS.map((kind) => (
            <label key={kind} class="checkbox-row">
              <input
                type="checkbox"
                name={kind}
                checked={settings[kind]}
                disabled={saving !== null}
                onChange={(e) => void change(kind, (e.currentTarget as HTMLInputElement).checked)}
              />
              {LABELS[kind]}
            </label>
          ))}
        <p class="muted small">Reviews, verdicts, moderation, goals and mentoring notices always arrive.</p>
      </fieldset>
      <div class="form-error" role="alert">
        {error}
      </div>
    </details>
  );
}
