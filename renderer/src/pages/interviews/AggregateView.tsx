import { reasonIds, type Aggregate, type ReasonId } from '../../../../main/interviews/schema';
import { BarChart } from '../../components/charts/BarChart';
import { ColumnChart } from '../../components/charts/ColumnChart';
import { formatInteger } from '../../lib/format';
import { BreakdownTable, hiddenNote } from './BreakdownTable';
import { formatScore, monthTitle, reasonTitle } from './format';

const isReason = (key: string): key is ReasonId => (reasonIds as readonly string[]).includes(key);

function Reasons({ aggregate }: { aggregate: Aggregate }) {
  const bars = aggregate.reasons.groups.map((group) => ({ key: group.key, label: isReason(group.key) ? reasonTitle(group.key) : group.key, value: group.count }));
  const top = bars[0];
  const note = hiddenNote(aggregate.reasons, aggregate.minGroupSize);
  return (
    <section className="chart-panel" aria-labelledby="report-reasons-title">
      <h3 id="report-reasons-title" className="chart-panel__title">
        Primary reasons for leaving
      </h3>
      {bars.length === 0 ? (
        <p className="muted">No reason was given by {aggregate.minGroupSize} or more people.</p>
      ) : (
        <BarChart
          testId="report-reasons"
          caption="Interviews by primary reason"
          summary={`Interviews by primary reason; the most common is ${top?.label ?? ''} with ${top?.value ?? 0}.`}
          bars={bars}
          formatValue={formatInteger}
          valueLabel="Interviews"
        />
      )}
      {note !== null && <p className="footnote">{note}</p>}
    </section>
  );
}

function SentimentOverTime({ aggregate }: { aggregate: Aggregate }) {
  const months = aggregate.sentimentOverTime;
  return (
    <section className="chart-panel" aria-labelledby="report-months-title" data-testid="report-months">
      <h3 id="report-months-title" className="chart-panel__title">
        Sentiment over time
      </h3>
      {months.length === 0 ? (
        <p className="muted">No month has {aggregate.minGroupSize} or more interviews.</p>
      ) : (
        <>
          <ColumnChart
            testId="report-months-chart"
            caption="Interviews per month"
            summary={`Interviews per month, ${months.length} months shown.`}
            columns={months.map((month) => ({ key: month.month, label: monthTitle(month.month), value: month.count }))}
            formatValue={formatInteger}
            labelHeading="Month"
            valueLabel="Interviews"
          />
          <div className="table-scroll">
            <table className="table">
              <caption className="visually-hidden">Sentiment by month</caption>
              <thead>
                <tr>
                  <th scope="col">Month</th>
                  <th scope="col" className="num">Interviews</th>
                  <th scope="col" className="num">Average</th>
                  <th scope="col" className="num">Positive</th>
                  <th scope="col" className="num">Neutral</th>
                  <th scope="col" className="num">Negative</th>
                </tr>
              </thead>
              <tbody>
                {months.map((month) => (
                  <tr key={month.month}>
                    <th scope="row">{monthTitle(month.month)}</th>
                    <td className="num">{formatInteger(month.count)}</td>
                    <td className="num">{formatScore(month.average)}</td>
                    <td className="num">{formatInteger(month.positive)}</td>
                    <td className="num">{formatInteger(month.neutral)}</td>
                    <td className="num">{formatInteger(month.negative)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {aggregate.hiddenMonths > 0 && (
        <p className="footnote">
          {aggregate.hiddenMonths === 1 ? '1 month' : `${aggregate.hiddenMonths} months`} with fewer than {aggregate.minGroupSize} interviews hidden.
        </p>
      )}
    </section>
  );
}

/** The period's figures, or, when it holds too few interviews, the plain reason nothing is shown. */
export function AggregateView({ aggregate }: { aggregate: Aggregate }) {
  return (
    <div className="report-aggregate" data-testid="report-aggregate" data-suppressed={aggregate.suppressed} data-interviews={aggregate.interviews}>
      <dl className="facts report-facts">
        <div>
          <dt>Period</dt>
          <dd data-testid="report-period">
            {aggregate.from} to {aggregate.to}
          </dd>
        </div>
        <div>
          <dt>Analysed interviews</dt>
          <dd data-testid="report-count">{formatInteger(aggregate.interviews)}</dd>
        </div>
        <div>
          <dt>Finished, not yet analysed</dt>
          <dd data-testid="report-not-analysed">{formatInteger(aggregate.notAnalysed)}</dd>
        </div>
        <div>
          <dt>Smallest group shown</dt>
          <dd>{formatInteger(aggregate.minGroupSize)}</dd>
        </div>
      </dl>
      {aggregate.notAnalysed > 0 && <p className="footnote">Interviews not yet analysed are not counted: open them on the Exit interviews tab to analyse them.</p>}
      {aggregate.suppressed ? (
        <p className="notice notice--warn" data-testid="report-suppressed">
          Fewer than {aggregate.minGroupSize} analysed interviews fall in this period ({formatInteger(aggregate.interviews)}), so nothing more is shown: with so few, a reason or a
          comment could point to a person. Widen the period to see the figures.
        </p>
      ) : (
        <>
          <div className="chart-grid report-charts">
            <Reasons aggregate={aggregate} />
            <SentimentOverTime aggregate={aggregate} />
          </div>
          <BreakdownTable testId="report-departments" title="By department" groupHeading="Department" part={aggregate.departments} minGroupSize={aggregate.minGroupSize} />
          <BreakdownTable testId="report-tenure" title="By tenure" groupHeading="Tenure" part={aggregate.tenureBands} minGroupSize={aggregate.minGroupSize} />
          <BreakdownTable testId="report-managers" title="By manager" groupHeading="Manager" part={aggregate.managers} minGroupSize={aggregate.minGroupSize} />
        </>
      )}
    </div>
  );
}
