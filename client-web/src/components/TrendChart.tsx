import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface TrendSeries {
  label: string;
  colour: string;
  values: (number | null)[];
  dash?: number[];
}

/**
 * Weekly trends as lines on one uPlot canvas, hidden from assistive technology: the table that
 * goes with every chart carries the same figures. A week with nothing to show is a gap.
 */
export function TrendChart({ weeks, series, label, yLabel, max }: { weeks: string[]; series: TrendSeries[]; label: string; yLabel: string; max?: number }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = host.current;
    if (!el) return undefined;
    const xs = weeks.map((w) => Date.parse(w) / 1000);
    const data = [xs, ...series.map((s) => s.values)] as uPlot.AlignedData;
    const width = () => Math.max(280, Math.min(el.clientWidth || 640, 900));
    const plot = new uPlot(
      {
        width: width(),
        height: 220,
        series: [{}, ...series.map((s) => ({ label: s.label, stroke: s.colour, width: 2, dash: s.dash, points: { show: true }, spanGaps: false }))],
        axes: [{}, { label: yLabel }],
        scales: { y: { range: (_u, _min, top) => [0, max ?? Math.max(4, top)] } },
        cursor: { drag: { x: false, y: false } },
      },
      data,
      el,
    );
    const onResize = () => plot.setSize({ width: width(), height: 220 });
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      plot.destroy();
    };
  }, [weeks, series]);
  return (
    <figure class="chart">
      <div ref={host} class="chart-canvas" aria-hidden="true" />
      <figcaption>{label} (the table below has the same figures)</figcaption>
    </figure>
  );
}
