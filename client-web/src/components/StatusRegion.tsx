import type { StatusKind } from '../context';

export interface StatusMessage {
  id: number;
  text: string;
  kind: StatusKind;
}

/**
 * One polite live region for the whole app: short confirmations and errors
 * ("Reply posted", "Could not like the post: …"). It is visible too, at the
 * bottom of the window, and can be dismissed.
 */
export function StatusRegion({ message, onDismiss }: { message: StatusMessage | null; onDismiss: () => void }) {
  return (
    <div class="status-region" role="status" aria-live="polite" aria-atomic="true">
      {message && (
        <div class={`toast toast-${message.kind}`} key={message.id}>
          <span>{message.text}</span>
          <button type="button" class="toast-close" onClick={onDismiss} aria-label="Dismiss message">
            ×
          </button>
        </div>
      )}
    </div>
  );
}
