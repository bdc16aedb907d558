import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { StatusKind } from '../context';
import { chooseToastPlace } from '../lib/toastPlace';

const CONTROLS = 'main button, main a[href], main input, main select, main textarea, main summary';

/** Moves the toast below the header when at the bottom it would cover a control. */
function placeFor(region: HTMLElement | null): number | null {
  const toast = region?.firstElementChild as HTMLElement | null;
  if (!toast) return null;
  const boxes = Array.from(document.querySelectorAll<HTMLElement>(CONTROLS))
    .map((el) => el.getBoundingClientRect())
    .filter((r) => r.width > 0 && r.height > 0);
  const header = document.querySelector('.site-header')?.getBoundingClientRect().bottom ?? 0;
  const top = Math.max(0, header);
  return chooseToastPlace(boxes, window.innerHeight, top, toast.getBoundingClientRect().height) === 'top' ? top + 10 : null;
}

export interface StatusMessage {
  id: number;
  text: string;
  kind: StatusKind;
}

/**
 * One polite live region for the whole app: short confirmations and errors
 * ("Reply posted", "Could not like the post: …"). It is visible too, at the
 * bottom of the window (below the header when a control is there), and can be dismissed.
 */
export function StatusRegion({ message, onDismiss }: { message: StatusMessage | null; onDismiss: () => void }) {
  const region = useRef<HTMLDivElement>(null);
  // null: at the bottom; else the distance from the top of the window, below the header
  const [top, setTop] = useState<number | null>(null);
  // Measured after the screen has rendered what the action changed (the next control).
  useLayoutEffect(() => {
    if (!message) return undefined;
    setTop(null);
    const frame = window.requestAnimationFrame(() => setTop(placeFor(region.current)));
    return () => window.cancelAnimationFrame(frame);
  }, [message?.id]);
  return (
    <div
      ref={region}
      class={`status-region${top === null ? '' : ' status-top'}`}
      style={top === null ? undefined : { top: `${top}px`, bottom: 'auto' }}
      data-place={top === null ? 'bottom' : 'top'}
      role="status"
      aria-live="polite"
      aria-atomic="true"
    >
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
