import type { ModelEntry } from '../../../../main/skills/schema-results';
import { formatThree, formatTwo, skillTitle } from './format';

/** What a training run scored on the rows it did not see, beside always guessing the mean: the honest comparison. */
export function TrainResults({ models }: { models: readonly ModelEntry[] }) {
  return (
    <div className="table-scroll" data-testid="skills-train-results">
      <table className="table">
        <caption className="visually-hidden">Held-out results of the training</caption>
        <thead>
          <tr>
            <th scope="col">Skill</th>
            <th scope="col" className="num">Rows (held out)</th>
            <th scope="col" className="num">Held-out RMSE</th>
            <th scope="col" className="num">Mean baseline RMSE</th>
            <th scope="col" className="num">Pearson r</th>
            <th scope="col">Verdict</th>
          </tr>
        </thead>
        <tbody>
          {models.map((model) => {
            const metrics = model.metrics;
            return (
              <tr key={model.id} data-testid="skills-train-row" data-skill={model.skill} data-beats={metrics?.beatsBaseline ?? ''}>
                <th scope="row">
                  {skillTitle(model.skill)} v{model.version}
                </th>
                <td className="num">{metrics === null ? '—' : `${metrics.rows} (${metrics.holdoutRows})`}</td>
                <td className="num" data-testid="skills-train-rmse">{metrics === null ? '—' : formatThree(metrics.holdoutRmse)}</td>
                <td className="num" data-testid="skills-train-baseline">{metrics === null ? '—' : formatThree(metrics.baselineRmse)}</td>
                <td className="num">{metrics?.holdoutPearson === null || metrics === null ? '—' : formatTwo(metrics.holdoutPearson)}</td>
                <td className="skills-verdict">
                  {metrics === null
                    ? '—'
                    : metrics.beatsBaseline
                      ? `${Math.round(metrics.improvement * 100)}% lower error than the mean${model.active ? '; now in use' : ''}`
                      : 'no better than the mean: not put in use'}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
