import { useEffect, useMemo, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { WeekActivity } from '../api/types';

const SERIES: { key: 'posts' | 'replies_received' | 'likes_received'; label: string; colour: string }[] = [
  { key: 'posts', label: 'Posts', colour: '#1f6f4a' },
  { key: 'replies_received', label: 'Replies received', colour: '#2f5fb3' },
  { key: 'likes_received', label: 'Likes received', colour: '#b4432f' },
];

/** One line of a weekly chart: a value per week, in the order of the chart's weeks. */
export interface WeeklySeries {
  label: string;
  colour: string;
  values: number[];
}

/**
 * Weekly figures as lines (uPlot draws on a canvas: small and fast). The canvas is hidden
 * from assistive technology; a table beside it must carry the same numbers.
 */
export function LineChart({ weekStarts, series, label }: { weekStarts: string[]; series: WeeklySeries[]; label: string }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = host.current;
    if (!el) return undefined;
    const xs = weekStarts.map((w) => Date.parse(w) / 1000);
    const data: uPlot.AlignedData = [xs, ...series.map((s) => s.values)];
    const width = () => Math.max(280, Math.min(el.clientWidth || 640, 900));
    const plot = new uPlot(
      {
        width: width(),
        height: 240,
        series: [{}, ...series.map((s) => ({ label: s.label, stroke: s.colour, width: 2, points: { show: true } }))],
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
  }, [weekStarts, series]);
  return (
    <figure class="chart">
      <div ref={host} class="chart-canvas" aria-hidden="true" />
      <figcaption>{label} (the table below has the same figures)</figcaption>
    </figure>
  );
}

/** A person's weeks as lines: posts, replies and likes received. */
export function WeeklyChart({ weeks, label }: { weeks: WeekActivity[]; label: string }) {
  // Memoised by the weeks: new arrays on every render would redraw the chart.
  const weekStarts = useMemo(() => weeks.map((w) => w.week_start), [weeks]);
  const series = useMemo(() => SERIES.map((s) => ({ label: s.label, colour: s.colour, values: weeks.map((w) => w[s.key]) })), [weeks]);
  return <LineChart weekStarts={weekStarts} series={series} label={label} />;
}
