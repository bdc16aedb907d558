import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { WeekActivity } from '../api/types';

const SERIES: { key: 'posts' | 'replies_received' | 'likes_received'; label: string; colour: string }[] = [
  { key: 'posts', label: 'Posts', colour: '#1f6f4a' },
  { key: 'replies_received', label: 'Replies received', colour: '#2f5fb3' },
  { key: 'likes_received', label: 'Likes received', colour: '#b4432f' },
];

/**
 * A person's weeks as lines (uPlot draws on a canvas: small and fast). The canvas is hidden
 * from assistive technology; the table beside it (WeeklyTable) carries the same numbers.
 */
export function WeeklyChart({ weeks, label }: { weeks: WeekActivity[]; label: string }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = host.current;
    if (!el) return undefined;
    const xs = weeks.map((w) => Date.parse(w.week_start) / 1000);
    const data: uPlot.AlignedData = [xs, ...SERIES.map((s) => weeks.map((w) => w[s.key]))];
    const width = () => Math.max(280, Math.min(el.clientWidth || 640, 900));
    const plot = new uPlot(
      {
        width: width(),
        height: 240,
        series: [{}, ...SERIES.map((s) => ({ label: s.label, stroke: s.colour, width: 2, points: { show: true } }))],
        axes: [{}, { label: 'per week' }],
        scales: { y: { range: (_u, _min, max) => [0, Math.max(4, max)] } },
        cursor: { drag: { x: false, y: false } },
      },
      data,
      el,
    );
    const onResize = () => plot.setSize({ width: width(), height: 240 });
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      plot.destroy();
    };
  }, [weeks]);
  return (
    <figure class="chart">
      <div ref={host} class="chart-canvas" aria-hidden="true" />
      <figcaption>{label} (the table below has the same figures)</figcaption>
    </figure>
  );
}
