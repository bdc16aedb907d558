/** Up to two initials for an avatar: first letters of the first and last words. */
export function initials(name: string): string {
  const all = name.trim().split(/\s+/).filter(Boolean);
  // Prefer words that start with a letter or digit: "Dana Whitfield (CEO)" -> "DW".
  const lettered = all.filter((w) => /^[\p{L}\p{N}]/u.test(w));
  const words = lettered.length > 0 ? lettered : all;
  if (words.length === 0) return '?';
  const first = Array.from(words[0])[0] ?? '';
  const last = words.length > 1 ? (Array.from(words[words.length - 1])[0] ?? '') : '';
  return (first + last).toUpperCase();
}

/** A stable index into a palette of `size` colours for a username. */
export function paletteIndex(username: string, size: number): number {
  let hash = 0;
  for (let i = 0; i < username.length; i++) hash = (hash * 31 + username.charCodeAt(i)) >>> 0;
  return hash % size;
}
