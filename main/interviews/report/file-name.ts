import type { InterviewSummary } from '../schema';

/**
 * A report's file name: what it is, the day of the interview and whom it is about, in characters
 * every file system and mail client takes. An anonymous interview is named by the start of its id.
 */

const maxNameLength = 60;

/** Lower-case ASCII letters, digits and single dashes; accents dropped, everything else a dash. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function whoFor(detail: InterviewSummary): string {
  const name = detail.setup.anonymous || detail.setup.employeeName === null ? '' : slugify(detail.setup.employeeName).slice(0, maxNameLength).replace(/-+$/, '');
  return name === '' ? `anonymous-${slugify(detail.id).slice(0, 8)}` : name;
}

export function reportFileName(detail: InterviewSummary, extension: string): string {
  const day = (detail.endedAt ?? detail.createdAt).slice(0, 10);
  const suffix = extension.replace(/^\.+/, '').toLowerCase().replace(/[^a-z0-9]/g, '');
  return `exit-interview-${slugify(day)}-${whoFor(detail)}.${suffix}`;
}
