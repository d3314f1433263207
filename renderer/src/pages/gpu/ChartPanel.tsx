import type { ReactNode } from 'react';

/** One chart with its title and the reading it leads with. */
export function ChartPanel({ title, headline, children }: { title: string; headline: string; children: ReactNode }) {
  return (
    <div className="chart-panel">
      <div className="chart-panel__head">
        <h3 className="chart-panel__title">{title}</h3>
        <span className="chart-panel__value">{headline}</span>
      </div>
      {children}
    </div>
  );
}
