import { useEffect, useState } from 'preact/hooks';
import { formatAbsolute, formatRelative, parseTime, refreshInterval } from '../lib/time';

/** "3 min ago" in a <time> element with the exact time as datetime and title. */
export function RelativeTime({ iso, prefix }: { iso: string; prefix?: string }) {
  const then = parseTime(iso);
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    if (!then) return undefined;
    const timer = window.setTimeout(() => setNow(new Date()), refreshInterval(then, now));
    return () => window.clearTimeout(timer);
  }, [iso, now]);
  if (!then) return null;
  const absolute = formatAbsolute(then);
  return (
    <time dateTime={then.toISOString()} title={absolute}>
      {prefix ? `${prefix} ` : ''}
      {formatRelative(then, now)}
    </time>
  );
}
