import { weightKeys, type WeightSet } from '../../../../main/skills/fusion/weights';
import { skillIds } from '../../../../main/skills/schema';
import { formatTime } from '../../lib/format';
import { skillTitle } from './format';

interface Version {
  version: number;
  weights: WeightSet;
  note: string | null;
  createdAt: string;
}

/** Every version of the weights, newest first; each assessment names the version it was fused with. */
export function WeightHistory({ history }: { history: readonly Version[] }) {
  return (
    <section className="card" aria-labelledby="skills-weights-history-title" data-testid="skills-weights-history" data-versions={history.length}>
      <h3 id="skills-weights-history-title" className="card__title">
        History
      </h3>
      <div className="table-scroll">
        <table className="table skills-weights-history">
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Saved</th>
              {skillIds.map((skill) => (
                <th key={skill} scope="col" title="model / linguistic / behavioural / confidence adjustment">
                  {skillTitle(skill)}
                </th>
              ))}
              <th scope="col">Note</th>
            </tr>
          </thead>
          <tbody>
            {[...history].reverse().map((entry) => (
              <tr key={entry.version} data-testid="skills-weights-version" data-version={entry.version}>
                <th scope="row">v{entry.version}</th>
                <td>{formatTime(entry.createdAt)}</td>
                {skillIds.map((skill) => (
                  <td key={skill} className="mono skills-weights-history__set">
                    {weightKeys.map((key) => entry.weights[skill][key]).join(' / ')}
                  </td>
                ))}
                <td>{entry.note ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
