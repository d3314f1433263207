import type { Breakdown } from '../../../../main/interviews/schema';
import { formatInteger, formatPercent } from '../../lib/format';
import { formatScore, reasonTitle } from './format';

/** "unknown" is how the aggregate names a group whose field was left empty. */
export const groupTitle = (key: string): string => (key === 'unknown' ? 'Not given' : key);

/** "2 smaller groups (7 interviews) hidden", or null when nothing was hidden. */
export function hiddenNote(part: Breakdown, minGroupSize: number): string | null {
  if (part.hiddenGroups === 0) return null;
  const groups = part.hiddenGroups === 1 ? '1 smaller group' : `${part.hiddenGroups} smaller groups`;
  const interviews = part.hiddenInterviews === 1 ? '1 interview' : `${part.hiddenInterviews} interviews`;
  return `${groups} (${interviews}) hidden: each has fewer than ${minGroupSize}.`;
}

interface BreakdownTableProps {
  testId: string;
  title: string;
  /** The first column's heading: Department, Tenure, Manager. */
  groupHeading: string;
  part: Breakdown;
  minGroupSize: number;
}

/** One breakdown of the period: each group large enough to show, and a note on the ones that are not. */
export function BreakdownTable({ testId, title, groupHeading, part, minGroupSize }: BreakdownTableProps) {
  const note = hiddenNote(part, minGroupSize);
  return (
    <section className="chart-panel report-breakdown" data-testid={testId} data-groups={part.groups.length} data-hidden-groups={part.hiddenGroups}>
      <h3 className="chart-panel__title">{title}</h3>
      {part.groups.length === 0 ? (
        <p className="muted">No group has {minGroupSize} or more interviews.</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{groupHeading}</th>
                <th scope="col" className="num">
                  Interviews
                </th>
                <th scope="col" className="num">
                  Average sentiment
                </th>
                <th scope="col" className="num">
                  Regretted
                </th>
                <th scope="col">Top reason</th>
              </tr>
            </thead>
            <tbody>
              {part.groups.map((group) => (
                <tr key={group.key} data-testid="report-group" data-key={group.key}>
                  <th scope="row">{groupTitle(group.key)}</th>
                  <td className="num">{formatInteger(group.count)}</td>
                  <td className="num">{group.averageSentiment === null ? '—' : formatScore(group.averageSentiment)}</td>
                  <td className="num">{group.regrettedShare === null ? '—' : formatPercent(group.regrettedShare)}</td>
                  <td>{group.topReason === null ? '—' : reasonTitle(group.topReason)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {note !== null && (
        <p className="footnote" data-testid="report-hidden-note">
          {note}
        </p>
      )}
    </section>
  );
}
