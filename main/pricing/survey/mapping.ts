import { z } from 'zod';

const column = z.string().min(1).max(200);

/** Which CSV column holds what. Percentiles may be any subset; a file may hold several sources. */
export const surveyMappingSchema = z
  .object({
    /** The source's name ("Radford 2025 Global Technology"); or name a column holding it per row. */
    sourceName: z.string().trim().min(1).max(200).optional(),
    publisher: z.string().max(200).optional(),
    columns: z
      .object({
        jobCode: column.optional(),
        title: column,
        description: column.optional(),
        level: column.optional(),
        location: column.optional(),
        currency: column.optional(),
        p10: column.optional(),
        p25: column.optional(),
        p50: column.optional(),
        p75: column.optional(),
        p90: column.optional(),
        incumbents: column.optional(),
        companies: column.optional(),
        effectiveDate: column.optional(),
        sourceName: column.optional(),
      })
      .strict()
      .refine((columns) => ['p10', 'p25', 'p50', 'p75', 'p90'].some((key) => columns[key as 'p10'] !== undefined), 'Map at least one percentile column (p10, p25, p50, p75 or p90)'),
    /** Values for rows whose column is empty or not mapped. */
    defaults: z
      .object({
        currency: z.string().regex(/^[A-Z]{3}$/).optional(),
        effectiveDate: z.string().optional(),
        location: z.string().max(200).optional(),
        level: z.string().max(60).optional(),
      })
      .strict()
      .prefault({}),
    payBasis: z.enum(['annual', 'hourly']).default('annual'),
    delimiter: z.string().length(1).optional(),
  })
  .strict()
  .refine((mapping) => mapping.sourceName !== undefined || mapping.columns.sourceName !== undefined, 'Name the source: sourceName, or a sourceName column');
export type SurveyMapping = z.output<typeof surveyMappingSchema>;

export interface ImportProblem {
  /** Line in the file (the header is line 1); 0 for the mapping itself. */
  row: number;
  column: string | null;
  message: string;
}
