import { useState } from 'react';
import type { BatchEvent } from '../../../../main/batch/schema';
import { MarkerGlyph } from '../../components/charts/MarkerGlyph';
import { formatPointTime } from '../../components/charts/scale';
import { batchEventLook, eventRuns, isTrouble } from './events';

const shownAtFirst = 10;

/** What happened to the batch, newest first: retries with their errors, recoveries, restarts, completion. */
export function EventList({ events }: { events: readonly BatchEvent[] }) {
  const [showAll, setShowAll] = useState(false);
  // A burst of one kind within a minute (retries while calls are paused) is one line.
  const runs = eventRuns(events, 60_000);
  const shown = showAll ? runs : runs.slice(0, shownAtFirst);
  const troubles = events.filter((event) => isTrouble(event.kind)).length;
  return (
    <div className="monitor-section" data-testid="batch-events" data-count={events.length} data-troubles={troubles}>
      <h3 className="monitor-section__title">Events and errors</h3>
      {events.length === 0 ? (
        <p className="muted">Nothing has happened yet. Retries with their errors, out-of-memory recoveries and runner restarts are listed here as they happen.</p>
      ) : (
        <div className="table-scroll">
          <table className="table events-table">
            <caption className="visually-hidden">Events of this batch, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Event</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {shown.map(({ event, count, firstAt }, index) => {
                const look = batchEventLook(event.kind);
                return (
                  <tr key={`${event.at}-${event.kind}-${index}`} data-testid="batch-event" data-kind={event.kind} data-count={count}>
                    <td className="events-table__time">
                      <time dateTime={new Date(event.at).toISOString()}>{formatPointTime(event.at, Date.now() - event.at)}</time>
                    </td>
                    <th scope="row">
                      <span className="event-name" data-tone={look.tone}>
                        <MarkerGlyph shape={look.shape} tone={look.tone} />
                        <span>
                          {look.label}
                          {count > 1 && <span className="muted"> ×{count}</span>}
                        </span>
                      </span>
                    </th>
                    <td className="events-table__detail">
                      {event.detail === '' ? <span className="muted">—</span> : event.detail}
                      {count > 1 && (
                        <span className="cell-sub">
                          The latest of {count}, since {formatPointTime(firstAt, Date.now() - firstAt)}
                        </span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {runs.length > shownAtFirst && (
        <div className="button-row">
          <button type="button" className="button button--small" aria-expanded={showAll} onClick={() => setShowAll((all) => !all)}>
            {showAll ? `Show the latest ${shownAtFirst}` : `Show all ${runs.length}`}
          </button>
        </div>
      )}
    </div>
  );
}
