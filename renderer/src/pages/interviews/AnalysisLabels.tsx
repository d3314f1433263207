import { reasonIds, sentimentLabels, type Analysis } from '../../../../main/interviews/schema';
import { AiLabel, useCorrection } from './AiLabel';
import { formatScore, reasonTitle, sentimentText, sentimentTitles } from './format';
import { ChoiceCorrection, RegrettedCorrection, SummaryCorrection } from './LabelEditors';

const reasonOptions = reasonIds.map((id) => ({ value: id, label: reasonTitle(id) }));
const secondaryOptions = [{ value: 'none', label: 'None' }, ...reasonOptions];
export const sentimentOptions = sentimentLabels.map((label) => ({ value: label, label: sentimentTitles[label] }));

const regrettedText = (value: boolean): string => (value ? 'Regretted' : 'Not regretted');

/** The analysis's labels, each with how it was made and a way to correct it. */
export function AnalysisLabels({ analysis }: { analysis: Analysis }) {
  const id = analysis.interviewId;
  const primary = useCorrection(id, 'primaryReason');
  const secondary = useCorrection(id, 'secondaryReason');
  const overall = useCorrection(id, 'overall');
  const regretted = useCorrection(id, 'regretted');
  const summary = useCorrection(id, 'summary');
  const { primaryReason, secondaryReason, overall: sentiment, regretted: flag, summary: text } = analysis;
  return (
    <>
      <div className="ai-label-grid">
        <AiLabel testId="analysis-primary" title="Primary reason" shown={reasonTitle(primaryReason.value)} raw={primaryReason.value} suggested={reasonTitle(primaryReason.suggested)} label={primaryReason} analysis={analysis} correction={primary}>
          <ChoiceCorrection subject="primary reason" current={primaryReason.value} options={reasonOptions} correction={primary} />
        </AiLabel>
        <AiLabel
          testId="analysis-secondary"
          title="Secondary reason"
          shown={reasonTitle(secondaryReason.value)}
          raw={secondaryReason.value ?? 'none'}
          suggested={reasonTitle(secondaryReason.suggested)}
          label={secondaryReason}
          analysis={analysis}
          correction={secondary}
        >
          <ChoiceCorrection subject="secondary reason" current={secondaryReason.value ?? 'none'} options={secondaryOptions} correction={secondary} toValue={(value) => (value === 'none' ? null : value)} />
        </AiLabel>
        <AiLabel
          testId="analysis-overall"
          title="Overall sentiment"
          shown={
            <span className="sentiment" data-label={sentiment.value.label}>
              {sentimentTitles[sentiment.value.label]} <span className="sentiment__score">{formatScore(sentiment.value.score)}</span>
            </span>
          }
          raw={sentiment.value.label}
          suggested={sentimentText(sentiment.suggested)}
          label={sentiment}
          analysis={analysis}
          correction={overall}
        >
          <ChoiceCorrection subject="overall sentiment" current={sentiment.value.label} options={sentimentOptions} correction={overall} />
        </AiLabel>
        <AiLabel testId="analysis-regretted" title="Regretted loss" shown={regrettedText(flag.value)} raw={String(flag.value)} suggested={regrettedText(flag.suggested)} label={flag} analysis={analysis} correction={regretted}>
          <p className="ai-label__basis" data-testid="analysis-regretted-basis">
            {analysis.regrettedBasis}
          </p>
          <RegrettedCorrection current={flag.value} correction={regretted} />
        </AiLabel>
      </div>
      <AiLabel testId="analysis-summary" title="Summary" shown={<p className="ai-label__summary">{text.value}</p>} raw="summary" suggested={text.suggested} label={text} analysis={analysis} correction={summary}>
        <SummaryCorrection current={text.value} correction={summary} />
      </AiLabel>
    </>
  );
}
