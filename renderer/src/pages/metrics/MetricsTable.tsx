import type { MetricsRow } from '../../../../main/metrics/schema';
import { formatInteger } from '../../lib/format';
import { errorKinds, errorKindsText, formatMs, formatRate, formatTokensPerSecond, formatWh, groupLabel } from './format';
import type { GroupBy } from './store';

function Cells({ row }: { row: MetricsRow }) {
  const kinds = errorKindsText(row);
  return (
    <>
      <td className="num">{formatInteger(row.count)}</td>
      <td className="num">{formatMs(row.p50Ms)}</td>
      <td className="num">{formatMs(row.p95Ms)}</td>
      <td className="num">{formatMs(row.p99Ms)}</td>
      <td className="num">{formatTokensPerSecond(row.tokensPerSecond)}</td>
      <td className="num">{formatInteger(row.tokensIn)}</td>
      <td className="num">{formatInteger(row.tokensOut)}</td>
      <td className="num">{formatRate(row.cacheHitRate)}</td>
      <td className="num" title={kinds === '' ? undefined : kinds} data-testid="metrics-errors">
        <span className={row.errorRate > 0 ? 'error-rate' : undefined}>{formatRate(row.errorRate)}</span>
        {errorKinds(row).map((kind) => (
          <span key={kind} className="cell-sub">
            {kind}
          </span>
        ))}
      </td>
      <td className="num" title={row.energyWh === null ? 'No GPU power readings cover these calls' : undefined}>
        {formatWh(row.energyWh)}
      </td>
    </>
  );
}

/** One row per operation (or feature) and model, and the total over all of them. */
export function MetricsTable({ rows, total, groupBy, caption }: { rows: readonly MetricsRow[]; total: MetricsRow; groupBy: GroupBy; caption: string }) {
  return (
    <div className="table-scroll">
      <table className="table metrics-table" data-testid="metrics-table" data-group-by={groupBy}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{groupBy === 'operation-model' ? 'Operation' : 'Feature'}</th>
            <th scope="col">Model</th>
            <th scope="col" className="num">Calls</th>
            <th scope="col" className="num" title="Half the calls took less">
              p50<span className="th-unit">ms</span>
            </th>
            <th scope="col" className="num" title="95 in 100 calls took less">
              p95<span className="th-unit">ms</span>
            </th>
            <th scope="col" className="num" title="99 in 100 calls took less">
              p99<span className="th-unit">ms</span>
            </th>
            <th scope="col" className="num" title="Output tokens over the model's own generation time">
              Tokens<span className="th-unit">per second</span>
            </th>
            <th scope="col" className="num">
              Tokens<span className="th-unit">in</span>
            </th>
            <th scope="col" className="num">
              Tokens<span className="th-unit">out</span>
            </th>
            <th scope="col" className="num">
              Cache<span className="th-unit">hits</span>
            </th>
            <th scope="col" className="num">
              Errors<span className="th-unit">by kind</span>
            </th>
            <th scope="col" className="num" title="GPU energy over the calls, shared between calls running at once">
              Energy<span className="th-unit">Wh</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.group}\u0000${row.model}`} data-testid="metrics-row" data-group={row.group} data-model={row.model} data-count={row.count}>
              <th scope="row">{groupLabel(row.group, groupBy)}</th>
              <td className="mono">{row.model}</td>
              <Cells row={row} />
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-testid="metrics-total" data-count={total.count}>
            <th scope="row">Total</th>
            <td className="muted">All models</td>
            <Cells row={total} />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
