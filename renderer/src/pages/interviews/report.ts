import { create } from 'zustand';
import type { Client } from '../../../../main/api/contract';
import type { Aggregate } from '../../../../main/interviews/schema';
import { client } from '../../api/client';
import { ApiError, messageOf } from '../../lib/errors';
import { downloadReport } from './files';
import { lastTwelveMonths } from './format';

export interface Period {
  from: string;
  to: string;
  minGroupSize: string;
}

interface ReportState {
  period: Period;
  aggregate: Aggregate | null;
  loading: boolean;
  exporting: boolean;
  /** The core's refusal, with the field it names (from, to, minGroupSize) when it names one. */
  error: { field: string | null; message: string } | null;
}

export const useReport = create<ReportState>(() => ({
  period: { ...lastTwelveMonths(), minGroupSize: '5' },
  aggregate: null,
  loading: false,
  exporting: false,
  error: null,
}));

export const editPeriod = (change: Partial<Period>): void => useReport.setState((state) => ({ period: { ...state.period, ...change }, error: null }));

function inputOf(period: Period): { from: string; to: string; minGroupSize: number } {
  const size = Number(period.minGroupSize);
  if (!Number.isInteger(size)) throw new ApiError('invalid_input', 'The minimum group size is a whole number, such as 5', 'minGroupSize');
  return { from: period.from, to: period.to, minGroupSize: size };
}

const errorOf = (error: unknown): ReportState['error'] => ({
  field: error instanceof ApiError ? (error.field ?? null) : null,
  message: error instanceof ApiError && error.field !== undefined ? error.message.replace(/^[A-Za-z.\d]+: /, '') : messageOf(error),
});

let request = 0;

export async function loadAggregate(api: Client = client): Promise<void> {
  const mine = ++request;
  useReport.setState({ loading: true, error: null });
  try {
    const aggregate = await api.call('interviews.aggregate', inputOf(useReport.getState().period));
    if (mine === request) useReport.setState({ aggregate, loading: false });
  } catch (error) {
    if (mine === request) useReport.setState({ error: errorOf(error), loading: false });
  }
}

export async function exportAggregateCsv(api: Client = client): Promise<void> {
  useReport.setState({ exporting: true, error: null });
  try {
    downloadReport(await api.call('interviews.aggregateCsv', inputOf(useReport.getState().period)));
  } catch (error) {
    useReport.setState({ error: errorOf(error) });
  } finally {
    useReport.setState({ exporting: false });
  }
}
