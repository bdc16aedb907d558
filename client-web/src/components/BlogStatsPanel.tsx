import type { BlogStats } from '../api/blogTypes';
import { statFigures } from '../lib/blog';

/** The promise, kept in sight: answer rate, median time, waiting, oldest, overdue. */
export function BlogStatsPanel({ stats, promise }: { stats: BlogStats; promise: string }) {
  return (
    <section class="blog-stats card" aria-labelledby="blog-stats-title">
      <h2 id="blog-stats-title" class="section-title">
        The promise: {promise.toLowerCase()}
      </h2>
      <dl class="stat-grid">
        {statFigures(stats).map((f) => (
          <div key={f.label} class="stat">
            <dt>{f.label}</dt>
            <dd data-testid={`stat-${f.label.toLowerCase().replace(/[^a-z]+/g, '-')}`}>{f.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
