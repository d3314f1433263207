import { skillIds, type SkillId } from '../../../../main/skills/schema';
import type { AssessmentSummary } from '../../../../main/skills/schema-results';
import { formatDay, formatScore, skillTitle } from './format';

const width = 120;
const height = 32;

/** A skill's score over the assessments as a small line on the 1–5 scale; the table beside it carries the numbers. */
function Sparkline({ scores }: { scores: readonly number[] }) {
  if (scores.length < 2) return null;
  const x = (index: number): number => 4 + (index * (width - 8)) / (scores.length - 1);
  const y = (score: number): number => height - 4 - ((score - 1) / 4) * (height - 8);
  const points = scores.map((score, index) => `${x(index).toFixed(1)},${y(score).toFixed(1)}`).join(' ');
  return (
    <svg className="skill-spark" width={width} height={height} aria-hidden="true" focusable="false">
      <polyline className="skill-spark__line" points={points} />
      {scores.map((score, index) => (
        <circle key={index} className="skill-spark__dot" cx={x(index)} cy={y(score)} r={2.5} />
      ))}
    </svg>
  );
}

const scoreOf = (summary: AssessmentSummary, skill: SkillId): number | null => summary.skills.find((entry) => entry.skill === skill)?.score ?? null;

/** Each skill's score that counts over the person's assessments, oldest first; a rated score is marked. */
export function Comparison({ history, shownId, onShow }: { history: readonly AssessmentSummary[]; shownId: string | null; onShow: (id: string) => void }) {
  return (
    <section className="card" aria-labelledby="skills-comparison-title" data-testid="skills-comparison" data-assessments={history.length}>
      <h3 id="skills-comparison-title" className="card__title">
        Over time
      </h3>
      {history.length < 2 && <p className="muted">One assessment so far: a second shows how the scores move.</p>}
      <div className="table-scroll">
        <table className="table skill-comparison">
          <thead>
            <tr>
              <th scope="col">Skill</th>
              {history.map((summary, index) => (
                <th key={summary.id} scope="col" className="num">
                  <button type="button" className="link-button" aria-pressed={summary.id === shownId} onClick={() => onShow(summary.id)} title="Show this assessment">
                    #{index + 1} {formatDay(summary.takenAt)}
                  </button>
                </th>
              ))}
              {history.length >= 2 && <th scope="col">Trend</th>}
            </tr>
          </thead>
          <tbody>
            {skillIds.map((skill) => {
              const scores = history.map((summary) => scoreOf(summary, skill));
              return (
                <tr key={skill} data-testid="skills-comparison-row" data-skill={skill}>
                  <th scope="row">{skillTitle(skill)}</th>
                  {history.map((summary, index) => {
                    const rated = summary.skills.find((entry) => entry.skill === skill)?.rating ?? null;
                    const score = scores[index];
                    return (
                      <td key={summary.id} className="num" data-testid="skills-comparison-score">
                        {score === null || score === undefined ? '—' : formatScore(score)}
                        {rated !== null && <span className="tag skill-rated-tag" title="Your rating">rated</span>}
                      </td>
                    );
                  })}
                  {history.length >= 2 && (
                    <td>
                      <Sparkline scores={scores.filter((score): score is number => score !== null)} />
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
