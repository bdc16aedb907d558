/** Small inline SVG icons; decorative (aria-hidden), the text label is next to them. */

/** One outlined 24×24 path, drawn in the text colour. */
function Icon({ d, size = 18, fill = 'none' }: { d: string; size?: number; fill?: string }) {
  return (
    <svg class="icon" viewBox="0 0 24 24" width={size} height={size} aria-hidden="true" focusable="false">
      <path d={d} fill={fill} stroke="currentColor" stroke-width="1.8" stroke-linejoin="round" />
    </svg>
  );
}

export function HeartIcon({ filled }: { filled: boolean }) {
  return (
    <Icon
      d="M12 20.5s-7.5-4.6-9.3-9.2C1.5 8.1 3.5 4.5 7 4.5c2 0 3.6 1.1 5 3 1.4-1.9 3-3 5-3 3.5 0 5.5 3.6 4.3 6.8-1.8 4.6-9.3 9.2-9.3 9.2Z"
      fill={filled ? 'currentColor' : 'none'}
    />
  );
}

export function ReplyIcon() {
  return <Icon d="M4 5.5h16v10H9.5L5 19.5v-4H4z" />;
}

export function PenIcon() {
  return <Icon d="M4 20h4L19 9l-4-4L4 16v4Z M13.5 6.5l4 4" />;
}

export function BellIcon() {
  return <Icon d="M6 16.5V11a6 6 0 0 1 12 0v5.5l1.5 2h-15zM10 20.5a2 2 0 0 0 4 0" size={20} />;
}

export function FlagIcon() {
  return <Icon d="M5 21V4M5 4.5h11l-2 4 2 4H5" />;
}

export function MenuIcon({ open }: { open: boolean }) {
  return <Icon d={open ? 'M6 6l12 12M18 6L6 18' : 'M4 7h16M4 12h16M4 17h16'} size={20} />;
}
