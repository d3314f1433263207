import { MarkerGlyph } from '../../components/charts/MarkerGlyph';
import type { ChartMarker } from '../../components/charts/TimeChart';
import { eventLooks, lookOf } from './events';

/** Which marker is which, for the kinds on the charts now; a sentence when there are none. */
export function MarkerLegend({ markers, empty }: { markers: readonly ChartMarker[]; empty: string }) {
  const counts = new Map<string, number>();
  for (const marker of markers) counts.set(marker.kind, (counts.get(marker.kind) ?? 0) + 1);
  // Known kinds in their usual order, then any the core added since.
  const known = Object.keys(eventLooks);
  const kinds = [...known.filter((kind) => counts.has(kind)), ...[...counts.keys()].filter((kind) => !known.includes(kind))];
  if (kinds.length === 0) return <p className="footnote">{empty}</p>;
  return (
    <ul className="marker-legend" aria-label="Markers on the charts">
      {kinds.map((kind) => (
        <li key={kind}>
          <MarkerGlyph shape={lookOf(kind).shape} tone={lookOf(kind).tone} />
          {lookOf(kind).label}
          {counts.get(kind)! > 1 && <span className="muted"> ×{counts.get(kind)}</span>}
        </li>
      ))}
      <li className="marker-legend__hint">Point at a marker for its time and details.</li>
    </ul>
  );
}
