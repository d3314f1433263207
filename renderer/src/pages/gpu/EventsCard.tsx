import { useState } from 'react';
import { MarkerGlyph } from '../../components/charts/MarkerGlyph';
import { formatPointTime } from '../../components/charts/scale';
import { useNow } from '../models/useNow';
import { lookOf } from './events';
import { historyRanges, useGpuPage } from './store';

const shownAtFirst = 25;

/** The chart events of the history range as a list, newest first: the markers' facts in words. */
export function EventsCard() {
  const events = useGpuPage((page) => page.events);
  const eventsError = useGpuPage((page) => page.eventsError);
  const historyRange = useGpuPage((page) => page.historyRange);
  const [showAll, setShowAll] = useState(false);
  const now = useNow(30_000);
  const { ms, words } = historyRanges[historyRange];
  const inRange = events.filter((event) => event.at >= now - ms).reverse();
  const shown = showAll ? inRange : inRange.slice(0, shownAtFirst);

  return (
    <section className="card card--wide" aria-labelledby="gpu-events-title" data-testid="gpu-events" data-count={inRange.length}>
      <h2 id="gpu-events-title" className="card__title">
        Events
      </h2>
      <p className="card__lead">What happened in the {words}, newest first: the markers on the charts.</p>
      {eventsError !== null && <p className="inline-error">The events could not be read: {eventsError}</p>}
      {inRange.length === 0 ? (
        <p className="muted">No events in the {words}. Model loads and unloads, Ollama restarts, out-of-memory errors and guard level changes are listed here.</p>
      ) : (
        <div className="table-scroll">
          <table className="table events-table">
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Event</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((event) => {
                const look = lookOf(event.kind);
                return (
                  <tr key={event.id} data-testid="gpu-event" data-kind={event.kind}>
                    <td className="events-table__time">
                      <time dateTime={new Date(event.at).toISOString()}>{formatPointTime(event.at, ms)}</time>
                    </td>
                    <th scope="row">
                      <span className="event-name" data-tone={look.tone}>
                        <MarkerGlyph shape={look.shape} tone={look.tone} />
                        <span>{look.label}</span>
                      </span>
                    </th>
                    <td className="events-table__detail">{event.detail ?? <span className="muted">—</span>}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {inRange.length > shownAtFirst && (
        <div className="button-row">
          <button type="button" className="button button--small" onClick={() => setShowAll((all) => !all)} aria-expanded={showAll}>
            {showAll ? `Show the latest ${shownAtFirst}` : `Show all ${inRange.length}`}
          </button>
        </div>
      )}
    </section>
  );
}
