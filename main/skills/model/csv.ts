import { parse } from 'csv-parse/sync';
import { ApiError } from '../../api/errors';
import { featureNames } from '../features/catalogue';
import { skillIds, type SkillId } from '../schema';
import type { TrainingColumns } from './gbm';

/**
 * A labelled training file: one row per person, the 26 features as skills.features reports their
 * 0–1 `value` (empty, NA or NaN for missing), and a 1–5 rating in a column per skill
 * (empathy, problem-solving or problem_solving, ...). Other columns (a person id) are ignored.
 */
export interface LabelledSet {
  columns: Float32Array[];
  ratings: Map<SkillId, Float64Array>;
  rows: number;
}

const missingCell = /^(|na|n\/a|nan|null)$/i;

function skillColumn(header: readonly string[], skill: SkillId): string | undefined {
  return header.find((name) => name.toLowerCase() === skill || name.toLowerCase() === skill.replace('-', '_'));
}

export function parseLabelledCsv(text: string): LabelledSet {
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, trim: true, relax_column_count: false }) as string[][];
  } catch (error) {
    throw new ApiError('invalid_input', `The training file is not a readable CSV: ${error instanceof Error ? error.message : String(error)}`, 'csv');
  }
  const [header, ...body] = records;
  if (header === undefined || body.length === 0) throw new ApiError('invalid_input', 'The training file needs a header row and rows of people', 'csv');
  const lacking = featureNames.filter((name) => !header.includes(name));
  if (lacking.length > 0) throw new ApiError('invalid_input', `The training file lacks feature columns: ${lacking.join(', ')}`, 'csv');
  const skillColumns = skillIds.map((skill) => [skill, skillColumn(header, skill)] as const).filter((entry): entry is readonly [SkillId, string] => entry[1] !== undefined);
  if (skillColumns.length === 0) throw new ApiError('invalid_input', `The training file has no rating column: name one ${skillIds.join(', ')}`, 'csv');
  const indexOf = new Map(header.map((name, index) => [name, index]));
  const cell = (record: string[], name: string): string => record[indexOf.get(name)!] ?? '';
  const line = (row: number): number => row + 2;

  const columns = featureNames.map((name) =>
    Float32Array.from(body, (record, row) => {
      const text = cell(record, name);
      if (missingCell.test(text)) return Number.NaN;
      const value = Number(text);
      if (!Number.isFinite(value)) throw new ApiError('invalid_input', `Line ${line(row)}, ${name}: "${text}" is not a number`, 'csv');
      return value;
    }),
  );
  const ratings = new Map<SkillId, Float64Array>();
  for (const [skill, column] of skillColumns) {
    ratings.set(
      skill,
      Float64Array.from(body, (record, row) => {
        const text = cell(record, column);
        if (missingCell.test(text)) return Number.NaN;
        const value = Number(text);
        if (!Number.isFinite(value) || value < 1 || value > 5) throw new ApiError('invalid_input', `Line ${line(row)}, ${column}: a rating is a number from 1 to 5, not "${text}"`, 'csv');
        return value;
      }),
    );
  }
  return { columns, ratings, rows: body.length };
}

export function trainingColumns(set: LabelledSet, skill: SkillId): TrainingColumns {
  const target = set.ratings.get(skill);
  if (target === undefined) throw new ApiError('invalid_input', `The training file has no ${skill} column`, 'skills');
  return { featureNames, columns: set.columns, target };
}
