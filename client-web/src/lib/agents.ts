/**
 * A short, human name for a browser from its User-Agent ("Chrome on Linux"),
 * for the list of sessions. Unknown agents are shown as they are, cut short.
 */
const BROWSERS: Array<[RegExp, string]> = [
  [/Edg\//, 'Edge'],
  [/OPR\//, 'Opera'],
  [/Firefox\//, 'Firefox'],
  [/(Chrome|Chromium|HeadlessChrome)\//, 'Chrome'],
  [/Version\/[\d.]+.*Safari\//, 'Safari'],
];

const SYSTEMS: Array<[RegExp, string]> = [
  [/iPhone|iPad|iPod/, 'iOS'],
  [/Android/, 'Android'],
  [/Windows/, 'Windows'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/CrOS/, 'ChromeOS'],
  [/Linux/, 'Linux'],
];

export function describeAgent(agent: string, max = 60): string {
  const trimmed = agent.trim();
  if (trimmed === '') return 'Unknown browser';
  const browser = BROWSERS.find(([re]) => re.test(trimmed))?.[1];
  const system = SYSTEMS.find(([re]) => re.test(trimmed))?.[1];
  if (browser && system) return `${browser} on ${system}`;
  if (browser) return browser;
  return trimmed.length > max ? `${trimmed.slice(0, max - 1)}…` : trimmed;
}
