import type { GuardLevel } from '../../../../main/gpu/schema';
import { defaultGuardThresholds } from '../../../../main/gpu/guard';
import { defaultSettings } from '../../../../main/settings/schema';
import { UsageBar } from '../../components/UsageBar';
import { formatGiB, formatInteger, formatPercent, shareOf } from '../../lib/format';
import { useSettings } from '../../state/settings';
import { phaseOf, useGpuPage } from './store';

const defaults = defaultSettings();

const levelWords: Record<GuardLevel, { word: string; tone: 'good' | 'warn' | 'bad' }> = {
  ok: { word: 'OK', tone: 'good' },
  warn: { word: 'Warning', tone: 'warn' },
  act: { word: 'Act', tone: 'bad' },
};

function GuardLevelFact({ name, level, explanation, testId }: { name: string; level: GuardLevel | null; explanation: string; testId: string }) {
  const words = level === null ? null : levelWords[level];
  return (
    <div data-testid={testId} data-level={level ?? ''}>
      <dt>{name}</dt>
      <dd>
        {words === null ? (
          '—'
        ) : (
          <>
            <span className="status-dot" data-tone={words.tone} aria-hidden="true" /> {words.word}
          </>
        )}
        <span className="guard-explanation">{explanation}</span>
      </dd>
    </div>
  );
}

function vramExplanation(level: GuardLevel | null, totalMiB: number | null, warnPercent: number, actMiB: number): string {
  const warnAt = totalMiB === null ? `${warnPercent}%` : `${formatInteger(Math.round((totalMiB * warnPercent) / 100))} MiB (${warnPercent}%)`;
  if (level === 'act') return `At or above ${formatInteger(actMiB)} MiB: free VRAM before more work.`;
  if (level === 'warn') return `Above the warning line at ${warnAt}; the guard acts at ${formatInteger(actMiB)} MiB.`;
  return `Warns at ${warnAt}, acts at ${formatInteger(actMiB)} MiB.`;
}

function ramExplanation(level: GuardLevel | null): string {
  const { ramWarnPercent, ramActPercent } = defaultGuardThresholds;
  if (level === 'act') return `Above ${ramActPercent}% of system memory: free memory before more work.`;
  if (level === 'warn') return `Above ${ramWarnPercent}% of system memory; the guard acts at ${ramActPercent}%.`;
  return `Warns at ${ramWarnPercent}%, acts at ${ramActPercent}% of system memory.`;
}

/** System memory, which matters with or without a GPU, and where both memories stand against the guard. */
export function MemoryCard() {
  const state = useGpuPage((page) => page.state);
  const last = useGpuPage((page) => page.samples.at(-1)) ?? state?.sample ?? null;
  const settings = useSettings((store) => store.settings) ?? defaults;
  const phase = phaseOf(state);
  const available = phase === 'available';
  const totalVram = last?.vramTotalMiB ?? state?.device?.vramTotalMiB ?? null;

  return (
    <section className="card" aria-labelledby="gpu-memory-title" data-testid="gpu-memory">
      <h2 id="gpu-memory-title" className="card__title">
        System memory and guard
      </h2>
      {last === null ? (
        <p className="muted">Reading the memory…</p>
      ) : (
        <div className="vram" data-testid="gpu-ram" data-ram-used={last.ramUsedMiB} data-ram-total={last.ramTotalMiB}>
          <div className="vram__numbers">
            <span className="vram__value">
              {formatGiB(last.ramUsedMiB)} of {formatGiB(last.ramTotalMiB)}
            </span>
            <span className="muted">{formatPercent(shareOf(last.ramUsedMiB, last.ramTotalMiB))} of system memory</span>
          </div>
          <UsageBar
            used={last.ramUsedMiB}
            total={last.ramTotalMiB}
            size="large"
            level={state?.guard.ram ?? 'ok'}
            label="System memory in use"
            valueText={`${formatInteger(last.ramUsedMiB)} of ${formatInteger(last.ramTotalMiB)} MiB, ${formatPercent(shareOf(last.ramUsedMiB, last.ramTotalMiB))}`}
          />
        </div>
      )}
      <dl className="facts facts--guard">
        <GuardLevelFact
          name="VRAM guard"
          testId="guard-vram"
          level={available ? (state?.guard.vram ?? null) : null}
          explanation={
            phase === 'absent' ? 'No GPU to guard.' : vramExplanation(available ? (state?.guard.vram ?? null) : null, totalVram, settings.vramWarnPercent, settings.vramActMiB)
          }
        />
        <GuardLevelFact name="System memory guard" testId="guard-ram" level={state?.guard.ram ?? null} explanation={ramExplanation(state?.guard.ram ?? null)} />
      </dl>
    </section>
  );
}
