import { useEffect, useId, useRef, useState } from 'react';
import { csvTargets, type CsvMapping, type CsvTarget } from '../../../../main/batch/ingest/types';
import { multiColumnTargets, targetLabels } from './format';

interface MappingDialogProps {
  open: boolean;
  fileName: string;
  headers: readonly string[];
  /** A few rows of the file, cells in header order. */
  sample: readonly (readonly string[])[];
  mapping: CsvMapping;
  remember: boolean;
  /** Says where `mapping` came from, above the table. */
  origin: string;
  onConfirm: (mapping: CsvMapping, remember: boolean) => void;
  onCancel: () => void;
}

const maxSampleLength = 90;
const shorten = (value: string): string => (value.length > maxSampleLength ? `${value.slice(0, maxSampleLength - 1)}…` : value);

/** The first few non-empty values of one column, one line each. */
function samplesOf(sample: readonly (readonly string[])[], column: number): string[] {
  return sample
    .map((row) => (row[column] ?? '').replace(/\s+/g, ' ').trim())
    .filter((value) => value !== '')
    .slice(0, 3);
}

/** Headers it does not name go to `extra`, as the core reads them. */
const targetOf = (mapping: CsvMapping, header: string): CsvTarget => mapping.columns[header] ?? 'extra';

/** Single-column targets named by more than one column: target → the headers that name it. */
function clashesOf(headers: readonly string[], mapping: CsvMapping): Map<CsvTarget, string[]> {
  const byTarget = new Map<CsvTarget, string[]>();
  for (const header of headers) {
    const target = targetOf(mapping, header);
    if (multiColumnTargets.has(target)) continue;
    byTarget.set(target, [...(byTarget.get(target) ?? []), header]);
  }
  return new Map([...byTarget].filter(([, named]) => named.length > 1));
}

/**
 * Each column of a CSV file and where it goes in a candidate profile, with a few of its values,
 * prefilled with the mapping confirmed for these columns before or the one guessed from the
 * headers. A modal on the native <dialog>, like ConfirmDialog: focus trapped, Escape cancels.
 */
export function MappingDialog({ open, fileName, headers, sample, mapping, remember, origin, onConfirm, onCancel }: MappingDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const leadId = useId();
  const [columns, setColumns] = useState<Record<string, CsvTarget>>({});
  const [keep, setKeep] = useState(remember);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null) return;
    if (open && !dialog.open) {
      setColumns(Object.fromEntries(headers.map((header) => [header, targetOf(mapping, header)])));
      setKeep(remember);
      dialog.showModal();
      // The first column's choice, rather than the scrolling table (which Chromium would focus first).
      dialog.querySelector('select')?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open, headers, mapping, remember]);

  const current: CsvMapping = { columns };
  const clashes = clashesOf(headers, current);
  const hasId = headers.some((header) => columns[header] === 'id');

  return (
    <dialog
      ref={ref}
      className="dialog dialog--wide"
      aria-labelledby={titleId}
      aria-describedby={leadId}
      data-testid="batch-mapping-dialog"
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <form
        className="dialog__inner"
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          // React passes events up its own tree, portals included: the queue form must not see this one.
          event.stopPropagation();
          if (clashes.size === 0) onConfirm(current, keep);
        }}
      >
        <h2 id={titleId} className="dialog__title">
          Map the columns of {fileName}
        </h2>
        <p id={leadId} className="dialog__body">
          Say where each column goes in a candidate profile. {origin}
        </p>
        <div className="mapping-scroll">
          <table className="table mapping-table">
            <thead>
              <tr>
                <th scope="col">Column</th>
                <th scope="col">Values in the first rows</th>
                <th scope="col">Goes to</th>
              </tr>
            </thead>
            <tbody>
              {headers.map((header, index) => {
                const target = columns[header] ?? 'extra';
                const clash = clashes.get(target);
                const values = samplesOf(sample, index);
                const errorId = `${titleId}-clash-${index}`;
                return (
                  <tr key={header} data-testid="batch-mapping-row" data-header={header} data-target={target}>
                    <th scope="row" className="mapping-table__header">
                      {header === '' ? <span className="muted">(no header)</span> : header}
                    </th>
                    <td className="mapping-table__values">
                      {values.length === 0 ? (
                        <span className="muted">empty in the first rows</span>
                      ) : (
                        values.map((value, row) => (
                          <span key={row} className="mapping-table__value" title={value}>
                            {shorten(value)}
                          </span>
                        ))
                      )}
                    </td>
                    <td className="mapping-table__target">
                      <select
                        className="input"
                        aria-label={`Where the column ${header} goes`}
                        aria-invalid={clash !== undefined || undefined}
                        aria-describedby={clash !== undefined ? errorId : undefined}
                        value={target}
                        onChange={(event) => setColumns((previous) => ({ ...previous, [header]: event.target.value as CsvTarget }))}
                      >
                        {csvTargets.map((option) => (
                          <option key={option} value={option}>
                            {targetLabels[option]}
                          </option>
                        ))}
                      </select>
                      {clash !== undefined && (
                        <p className="field__error" id={errorId}>
                          Only one column can be the {targetLabels[target].toLowerCase()}: {clash.filter((other) => other !== header).join(', ')} is too.
                        </p>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {!hasId && <p className="footnote">No column is the candidate id: results are named by row (row-2, row-3…).</p>}
        <label className="checkbox">
          <input type="checkbox" checked={keep} onChange={(event) => setKeep(event.target.checked)} />
          <span>Remember for files with these columns</span>
        </label>
        <div className="button-row button-row--end">
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={clashes.size > 0} data-testid="batch-mapping-confirm">
            Use this mapping
          </button>
        </div>
      </form>
    </dialog>
  );
}
