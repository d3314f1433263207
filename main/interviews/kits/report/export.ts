import { slugify } from '../../report/file-name';
import type { ReportFile } from '../../schema';
import type { KitDetail, KitExportFormat } from '../schema';
import { renderKitHtml } from './html';
import { renderKitMarkdown } from './markdown';
import { renderKitPdf } from './pdf';

/** "interview-kit-2026-11-30-senior-data-engineer.pdf": what it is, when, and for which role, in safe characters. */
export function kitFileName(kit: KitDetail, extension: string): string {
  const slug = slugify(kit.title);
  // Cut at a word's end, never inside one.
  const title = (slug.length <= 60 ? slug : slug.slice(0, 61).replace(/-[^-]*$/, '')) || slugify(kit.id).slice(0, 8);
  return `interview-kit-${kit.createdAt.slice(0, 10)}-${title}.${extension}`;
}

export async function exportKit(kit: KitDetail, format: KitExportFormat, generatedAt: Date): Promise<ReportFile> {
  if (format === 'pdf') {
    const pdf = await renderKitPdf(kit, { generatedAt });
    return { fileName: kitFileName(kit, 'pdf'), mime: 'application/pdf', encoding: 'base64', content: pdf.toString('base64') };
  }
  if (format === 'markdown') return { fileName: kitFileName(kit, 'md'), mime: 'text/markdown;charset=utf-8', encoding: 'utf8', content: renderKitMarkdown(kit, { generatedAt }) };
  return { fileName: kitFileName(kit, 'html'), mime: 'text/html;charset=utf-8', encoding: 'utf8', content: renderKitHtml(kit, { generatedAt }) };
}
