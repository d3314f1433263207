import type { TrainingColumns } from './gbm';

/** Per feature: the local rows with a value, sorted by it (sorted once, scanned every level), and those missing it. */
export interface FeatureOrder {
  sorted: Int32Array[];
  missing: Int32Array[];
}

export function featureOrder(data: TrainingColumns, rows: Int32Array): FeatureOrder {
  const locals = Array.from({ length: rows.length }, (_, local) => local);
  return {
    sorted: data.columns.map((column) =>
      Int32Array.from(locals.filter((local) => !Number.isNaN(column[rows[local]!]!)).sort((a, b) => column[rows[a]!]! - column[rows[b]!]! || a - b)),
    ),
    missing: data.columns.map((column) => Int32Array.from(locals.filter((local) => Number.isNaN(column[rows[local]!]!)))),
  };
}
