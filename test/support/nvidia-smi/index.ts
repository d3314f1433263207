// Public surface of the nvidia-smi stand-in for tests that want its output without a process.
export { buildSnapshot, readOllamaActivity, type GpuProcess, type GpuSnapshot, type OllamaActivity, type SmiSnapshot } from './gpu.js';
export { renderXml } from './xml.js';
export { parseFormat, queryApps, queryGpu, type CsvFormat } from './query.js';
export { listGpus, queryText, summaryTable } from './table.js';
