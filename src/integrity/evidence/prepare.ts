// Turns uploaded files into evidence ready to seal: counts and sizes checked against the report
// limits, each type read from its bytes, images re-encoded without their metadata, and names
// cleaned. Every problem comes back at once, by file, as message keys for the form.
import { AppError } from '../../core/http/errors.ts';
import {
  MAX_FILE_BYTES,
  MAX_FILES_PER_REPORT,
  MAX_FILES_PER_SUBMISSION,
  MAX_SUBMISSION_BYTES,
  type FieldProblems,
  type Problem,
} from '../reports/model.ts';
import { detectEvidenceType, type EvidenceType } from './detect.ts';
import { reencodeWithoutMetadata } from './strip.ts';

/** A file as the route received it: the name the browser sent and the bytes. Its claimed type is not asked for. */
export interface Upload {
  readonly name: string;
  readonly bytes: Buffer;
}

/** A checked file, ready to be sealed and stored. */
export interface PreparedEvidence {
  /** A clean name, with the extension of its real type. */
  readonly name: string;
  readonly type: EvidenceType;
  /** The bytes to store: for images, re-encoded without metadata. */
  readonly bytes: Buffer;
  /** Whether metadata was stripped (images); PDF and office files keep theirs, and the form says so. */
  readonly isStripped: boolean;
}

/** The form field files are reported under. */
export const FILES_FIELD = 'files';
const MAX_NAME_CHARS = 120;

/**
 * Checks and prepares a submission's files; `alreadyStored` is the number the report has, for
 * its lifetime cap. Empty uploads with an empty name (a file input left empty) are skipped.
 */
export async function prepareEvidence(
  uploads: readonly Upload[],
  alreadyStored = 0,
): Promise<{ evidence: PreparedEvidence[] } | { problems: FieldProblems }> {
  const files = uploads.filter((u) => u.name !== '' || u.bytes.length > 0);
  const problems: Problem[] = [];
  if (files.length > MAX_FILES_PER_SUBMISSION) {
    problems.push({ key: 'integrity.report.problem.tooManyFiles', values: { max: MAX_FILES_PER_SUBMISSION } });
  } else if (alreadyStored + files.length > MAX_FILES_PER_REPORT) {
    problems.push({
      key: 'integrity.report.problem.reportFilesFull',
      values: { max: MAX_FILES_PER_REPORT, count: MAX_FILES_PER_REPORT - alreadyStored },
    });
  }
  const total = files.reduce((sum, f) => sum + f.bytes.length, 0);
  if (total > MAX_SUBMISSION_BYTES) {
    problems.push({
      key: 'integrity.report.problem.filesTooLarge',
      values: { size: megabytes(total), max: megabytes(MAX_SUBMISSION_BYTES) },
    });
  }
  if (problems.length > 0) return { problems: { [FILES_FIELD]: problems } };

  const evidence: PreparedEvidence[] = [];
  // One at a time: a submission's images do not all decode at once.
  for (const file of files) {
    const prepared = await prepareOne(file);
    if ('problem' in prepared) problems.push(prepared.problem);
    else evidence.push(prepared);
  }
  return problems.length > 0 ? { problems: { [FILES_FIELD]: problems } } : { evidence };
}

async function prepareOne(file: Upload): Promise<PreparedEvidence | { problem: Problem }> {
  const shown = cleanFileName(file.name, undefined);
  if (file.bytes.length === 0)
    return { problem: { key: 'integrity.report.problem.fileEmpty', values: { name: shown } } };
  if (file.bytes.length > MAX_FILE_BYTES) {
    return {
      problem: {
        key: 'integrity.report.problem.fileTooLarge',
        values: { name: shown, size: megabytes(file.bytes.length), max: megabytes(MAX_FILE_BYTES) },
      },
    };
  }
  const type = detectEvidenceType(file.bytes);
  if (!type) return { problem: { key: 'integrity.report.problem.fileType', values: { name: shown } } };
  let bytes = file.bytes;
  if (type.isImage) {
    try {
      bytes = await reencodeWithoutMetadata(file.bytes, type.format);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return { problem: { key: 'integrity.report.problem.fileUnreadable', values: { name: shown } } };
    }
  }
  return { name: cleanFileName(file.name, type.extension), type, bytes, isStripped: type.isImage };
}

/**
 * A file name fit to show and to save a download under: the last path segment, NFC, without
 * control characters or broken text, shortened, and (given one) ending in the real type's
 * extension, so a photo sent as "scan.pdf" is saved as "scan.jpg".
 */
export function cleanFileName(raw: string, extension: string | undefined): string {
  const base = raw.split(/[/\\]/).pop() ?? '';
  let name = base
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are what is removed
    .replace(/[\u0000-\u001F\u007F\uFFFD]|[\uD800-\uDFFF]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  if (extension !== undefined) {
    const dot = name.lastIndexOf('.');
    const stem = dot > 0 ? name.slice(0, dot) : name;
    name = `${[...(stem || 'attachment')].slice(0, MAX_NAME_CHARS).join('')}.${extension}`;
  } else name = [...name].slice(0, MAX_NAME_CHARS).join('');
  return name || 'attachment';
}

const megabytes = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
