import type { Gap, KitDetail } from '../../../../../main/interviews/kits/schema';
import { gapMethodText } from './format';
import { PriorityBadge } from './KitBadges';

function Quote({ source, text }: { source: string; text: string | null }) {
  return (
    <figure className="kit-quote">
      <figcaption className="kit-quote__source">{source}</figcaption>
      {text === null ? <p className="kit-quote__none">Says nothing about it.</p> : <blockquote className="quote">“{text}”</blockquote>}
    </figure>
  );
}

function GapItem({ gap }: { gap: Gap }) {
  return (
    <li className="kit-gap" data-testid="kit-gap" data-seq={gap.seq} data-priority={gap.priority} data-evidence={gap.evidence}>
      <div className="kit-gap__head">
        <h3 className="kit-gap__skill">{gap.skill}</h3>
        <PriorityBadge priority={gap.priority} />
        <span className="tag kit-gap__evidence">{gap.evidence === 'none' ? 'no evidence in the CV' : 'weak evidence in the CV'}</span>
      </div>
      <p className="kit-gap__rationale">{gap.rationale}</p>
      <div className="kit-gap__quotes">
        <Quote source="Job description" text={gap.requirementQuote} />
        <Quote source="CV" text={gap.evidenceQuote} />
      </div>
    </li>
  );
}

/** What the job asks for and the CV does not show, most pressing first, with the words it rests on. */
export function GapList({ detail }: { detail: KitDetail }) {
  const analysis = detail.gapAnalysis;
  return (
    <section className="card" aria-labelledby="kit-gaps-title" data-testid="kit-gaps" data-method={analysis?.method ?? ''}>
      <h2 id="kit-gaps-title" className="card__title">
        Gaps{analysis !== null && <span className="kit-count"> · {detail.gapList.length}</span>}
      </h2>
      {analysis === null ? (
        <p className="muted">Finding the gaps between the CV and the job description…</p>
      ) : (
        <>
          <p className="footnote" data-testid="kit-gap-method">
            {gapMethodText(analysis)}
          </p>
          {detail.gapList.length === 0 ? (
            <p className="muted">No gap was found: the CV shows evidence for every requirement the job description names.</p>
          ) : (
            <ol className="kit-gaps">
              {detail.gapList.map((gap) => (
                <GapItem key={gap.seq} gap={gap} />
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}
