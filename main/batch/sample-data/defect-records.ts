import { binaryBytes, deepJson, type Defect } from './defects';
import { csvHeader, csvLine } from './shapes';
import type { GenerateOptions } from './generate';

const nineMiB = 9 * 1024 * 1024;

/** The text (or bytes) of one defect record, without the line end or the array comma. */
export function defectRecord(defect: Defect, options: GenerateOptions): string | Buffer {
  const id = `${defect.kind}-${defect.at}`;
  const huge = 'x'.repeat(options.hugeLineBytes ?? nineMiB);
  const csvRow = (cells: Record<number, string>): string => csvLine(csvHeader.map((_, index) => cells[index] ?? '')).slice(0, -1);
  const request = (body: Record<string, unknown>, url = '/v1/chat/completions'): string => JSON.stringify({ custom_id: id, method: 'POST', url, body });
  const chat = { model: options.model ?? 'llama3.1:8b', messages: [{ role: 'user', content: 'Evaluate this candidate.' }] };
  switch (options.format) {
    case 'openai-jsonl':
      switch (defect.kind) {
        case 'malformed':
          return `{"custom_id": "${id}", "method": "POST", "url": "/v1/chat/completions", "body": {"model": `;
        case 'unsupported-url':
          return request(chat, '/v1/responses');
        case 'missing-model':
          return request({ messages: chat.messages, temperature: 0 });
        case 'binary':
          return binaryBytes;
        case 'huge-line':
          return request({ ...chat, messages: [{ role: 'user', content: huge }] });
        case 'deep-nesting':
          return `{"custom_id": "${id}", "method": "POST", "url": "/v1/chat/completions", "body": ${deepJson(10_000)}}`;
        default:
          throw new RangeError(`No ${defect.kind} defect for openai-jsonl`);
      }
    case 'csv':
      switch (defect.kind) {
        case 'malformed':
          return `${id},"Unclosed quote,Lee,never@example.com`;
        case 'binary':
          return Buffer.concat([Buffer.from(`${id},`), binaryBytes, Buffer.from(',Lee')]);
        case 'huge-line':
          return csvRow({ 0: id, 1: 'Huge', 2: 'Row', 9: huge });
        case 'deep-nesting':
          return csvRow({ 0: id, 1: 'Deep', 2: 'Row', 9: deepJson(10_000) });
        case 'no-profile':
          return csvRow({ 0: id, 11: 'Agency' });
        default:
          throw new RangeError(`No ${defect.kind} defect for csv`);
      }
    default:
      switch (defect.kind) {
        case 'malformed':
          return `{"id": "${id}", "full_name": "Broken Record" "current_title": "Analyst"}`;
        case 'binary':
          return Buffer.concat([Buffer.from(`{"id": "${id}", "full_name": "`), binaryBytes, Buffer.from('"}')]);
        case 'huge-line':
          return JSON.stringify({ id, full_name: 'Huge Record', current_title: 'Writer', summary: huge });
        case 'deep-nesting':
          return `{"id": "${id}", "full_name": "Deep Record", "nested": ${deepJson(10_000)}}`;
        case 'no-profile':
          return JSON.stringify({ id, notes: 'Imported from the career site without a profile.' });
        default:
          throw new RangeError(`No ${defect.kind} defect for ${options.format}`);
      }
  }
}
