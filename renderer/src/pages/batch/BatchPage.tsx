import { useCallback, useEffect, useState } from 'react';
import { PageHeader } from '../../components/PageHeader';
import { Analysis } from './Analysis';
import { BatchList } from './BatchList';
import { DropOverlay, DropZone } from './DropZone';
import { IntakeCard } from './IntakeCard';
import { takeFile } from './intake';
import { Monitor } from './Monitor';
import { ResultsTable } from './ResultsTable';
import { startBatchFeed, useBatches } from './store';
import { TemplateCard } from './TemplateCard';
import { loadTemplates } from './templates';
import { useWindowDrop } from './useWindowDrop';

/** The selected batch's results and analysis, once its summary is known. */
function SelectedBatch() {
  const batch = useBatches((state) => (state.detail?.summary.id === state.selectedId ? state.detail.summary : (state.batches?.find((entry) => entry.id === state.selectedId) ?? null)));
  if (batch === null) return null;
  return (
    <>
      <ResultsTable batch={batch} />
      <Analysis batch={batch} />
    </>
  );
}

export function BatchPage() {
  const [note, setNote] = useState<string | null>(null);
  useEffect(() => startBatchFeed(), []);
  useEffect(() => void loadTemplates(), []);
  const onDrop = useCallback((file: File, others: number) => {
    setNote(others === 0 ? null : `One file at a time: ${file.name} was taken, the ${others === 1 ? 'other one was' : `other ${others} were`} left out.`);
    void takeFile(file);
  }, []);
  const dragging = useWindowDrop(onDrop);
  return (
    <div className="page page--wide page--batch" data-testid="batch-page" data-dragging={dragging || undefined}>
      <PageHeader title="Batch" lead="Evaluate a whole file of candidates with the local model, follow it as it runs, and take the results, errors and an analysis away as files." />
      <DropZone note={note} />
      <IntakeCard />
      <TemplateCard />
      <div className="batch-layout">
        <BatchList />
        <Monitor />
      </div>
      <SelectedBatch />
      <DropOverlay visible={dragging} />
    </div>
  );
}
