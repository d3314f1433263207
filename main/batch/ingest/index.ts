/**
 * Batch ingest: a dropped file read as a stream of typed records (OpenAI batch requests or
 * candidate profiles), with every problem located by file, line and field.
 */
export { readIngestFile } from './read-ingest-file';
export { detectFormat, type FormatDetection } from './detect-format';
export { fileFingerprint } from './file-source';
export { readCsvHeaders } from './csv-headers';
export { suggestCsvMapping } from './csv-mapping';
export { normaliseProfile, type NormaliseResult } from './profile-normalise';
export { checkRequestLine, chatBodySchema, embeddingBodySchema, type BatchRequestBody, type ChatCompletionBody, type EmbeddingBody } from './request-schema';
export {
  batchUrls,
  csvMappingSchema,
  csvTargets,
  defaultMaxDepth,
  defaultMaxLineBytes,
  ingestFormats,
  ingestOptionsSchema,
  type BatchRequestRecord,
  type BatchUrl,
  type CandidateProfile,
  type CandidateRecord,
  type CsvMapping,
  type CsvTarget,
  type EducationEntry,
  type ExperienceEntry,
  type IngestFormat,
  type IngestOptions,
  type IngestProblem,
  type IngestProblemCode,
  type IngestRecord,
  type IngestSummary,
} from './types';
