import type { Author } from '../api/types';
import { initials, paletteIndex } from '../lib/initials';

// Background colours chosen for at least 4.5:1 contrast with white initials.
const PALETTE = ['#1d5c45', '#2b4f8a', '#7a3b69', '#8a4b12', '#3f5a1c', '#5a3d8a', '#0f5f6b', '#8b2f3c'];

/** Decorative initials; the name is always written next to it. */
export function Avatar({ author, size = 'md' }: { author: Pick<Author, 'username' | 'display_name'>; size?: 'sm' | 'md' }) {
  return (
    <span
      class={`avatar avatar-${size}`}
      aria-hidden="true"
      ref={(el) => {
        // set through the DOM, not a style="" attribute (strict CSP)
        if (el) el.style.backgroundColor = PALETTE[paletteIndex(author.username, PALETTE.length)];
      }}
    >
      {initials(author.display_name || author.username)}
    </span>
  );
}
