// Evidence: types read from bytes (never the name), images stored without metadata, limits, and
// sealed files that are written whole, readable only with the key, and removable.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { MAX_FILE_BYTES, MAX_FILES_PER_REPORT, MAX_FILES_PER_SUBMISSION } from '../reports/model.ts';
import { keyFromText, keyRing, newKeyText } from '../sealing/key-ring.ts';
import { detectEvidenceType } from './detect.ts';
import { cleanFileName, prepareEvidence, type PreparedEvidence } from './prepare.ts';
import { evidenceDir, listEvidenceFiles, openEvidence, removeEvidence, storeEvidence } from './store.ts';
import { EXIF_MARKERS, exe, jpegWithGps, odt, ole2, ooxml, pdf, png, zip } from './test-fixtures.ts';

const ring = keyRing([keyFromText(newKeyText(), 'test')]);
const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'warta-evidence-'));

/** The problem keys of a refused preparation, or [] when it was accepted. */
async function problemKeys(uploads: { name: string; bytes: Buffer }[], stored = 0): Promise<string[]> {
  const result = await prepareEvidence(uploads, stored);
  return 'problems' in result ? (result.problems.files ?? []).map((p) => p.key) : [];
}

describe('the type of an attachment', () => {
  it('is read from the bytes: PDF, JPEG, PNG, WebP and the office formats', async () => {
    const { default: sharp } = await import('sharp');
    const webp = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } })
      .webp()
      .toBuffer();
    const cases: [Buffer, string, string][] = [
      [pdf('x'), 'pdf', 'application/pdf'],
      [await jpegWithGps(), 'jpeg', 'image/jpeg'],
      [await png(), 'png', 'image/png'],
      [webp, 'webp', 'image/webp'],
      [ooxml('docx'), 'docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      [ooxml('xlsx'), 'xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      [ooxml('pptx'), 'pptx', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
      [odt(), 'odt', 'application/vnd.oasis.opendocument.text'],
      [ole2('WordDocument'), 'doc', 'application/msword'],
      [ole2('Workbook'), 'xls', 'application/vnd.ms-excel'],
    ];
    for (const [bytes, format, mime] of cases) {
      const type = detectEvidenceType(bytes);
      assert.equal(type?.format, format);
      assert.equal(type?.mime, mime);
    }
  });

  it('refuses programs, text, macro documents, other archives and other OLE2 files', () => {
    for (const bytes of [
      exe(),
      Buffer.from('just some text, named photo.jpg'),
      Buffer.alloc(0),
      ooxml('docm'),
      zip([{ name: 'payload.exe', data: exe() }]),
      ole2('__substg1.0_0037001F'), // an Outlook message
      Buffer.from('<html><body>%PDF-1.4</body></html>'),
      Buffer.from('PK\u0003\u0004 but nothing after it, as a cut-off download would be'),
    ])
      assert.equal(detectEvidenceType(bytes), undefined);
  });
});

describe('preparing attachments', () => {
  it('strips EXIF and GPS from a JPEG: neither the metadata nor its text survives', async () => {
    const { default: sharp } = await import('sharp');
    const original = await jpegWithGps();
    const before = await sharp(original).metadata();
    assert.ok(before.exif && original.includes(EXIF_MARKERS.serial), 'the fixture carries EXIF with GPS');
    const result = await prepareEvidence([{ name: 'IMG_2041.jpg', bytes: original }]);
    assert.ok('evidence' in result);
    const [item] = result.evidence;
    assert.equal(item!.type.format, 'jpeg');
    assert.equal(item!.isStripped, true);
    const after = await sharp(item!.bytes).metadata();
    assert.equal(after.exif, undefined);
    assert.equal(after.xmp, undefined);
    assert.equal(after.icc, undefined);
    for (const marker of Object.values(EXIF_MARKERS)) assert.equal(item!.bytes.includes(marker), false, marker);
    assert.equal(item!.bytes.includes('Exif\u0000'), false);
  });

  it('keeps PDF and office files as they are, saying their metadata was not stripped', async () => {
    const bytes = pdf('Minutes of the licensing meeting');
    const result = await prepareEvidence([{ name: 'minutes.pdf', bytes }]);
    assert.ok('evidence' in result);
    assert.deepEqual(result.evidence[0]!.bytes, bytes);
    assert.equal(result.evidence[0]!.isStripped, false);
  });

  it('refuses an .exe named .pdf, text claiming to be a JPEG and an empty file, naming each', async () => {
    const result = await prepareEvidence([
      { name: 'invoice.pdf', bytes: exe() },
      { name: 'photo.jpg', bytes: Buffer.from('not a photo at all') },
      { name: 'empty.docx', bytes: Buffer.alloc(0) },
    ]);
    assert.ok('problems' in result);
    assert.deepEqual(result.problems.files, [
      { key: 'integrity.report.problem.fileType', values: { name: 'invoice.pdf' } },
      { key: 'integrity.report.problem.fileType', values: { name: 'photo.jpg' } },
      { key: 'integrity.report.problem.fileEmpty', values: { name: 'empty.docx' } },
    ]);
  });

  it('refuses a JPEG that is cut short or damaged, as unreadable', async () => {
    const whole = await jpegWithGps(400, 300);
    const damaged = Buffer.concat([whole.subarray(0, 400), Buffer.alloc(200, 0x55)]);
    assert.deepEqual(await problemKeys([{ name: 'cut.jpg', bytes: damaged }]), [
      'integrity.report.problem.fileUnreadable',
    ]);
  });

  it('refuses a file over the size limit, too many files, too much together and a full report', async () => {
    const big = Buffer.concat([pdf('x'), Buffer.alloc(MAX_FILE_BYTES)]);
    assert.deepEqual(await problemKeys([{ name: 'big.pdf', bytes: big }]), ['integrity.report.problem.fileTooLarge']);
    const small = { name: 'a.pdf', bytes: pdf('a') };
    assert.deepEqual(await problemKeys(Array(MAX_FILES_PER_SUBMISSION + 1).fill(small)), [
      'integrity.report.problem.tooManyFiles',
    ]);
    const nine = { name: 'nine.pdf', bytes: Buffer.concat([pdf('x'), Buffer.alloc(9 * 1024 * 1024)]) };
    assert.deepEqual(await problemKeys([nine, nine, nine]), ['integrity.report.problem.filesTooLarge']);
    assert.deepEqual(await problemKeys([small, small], MAX_FILES_PER_REPORT - 1), [
      'integrity.report.problem.reportFilesFull',
    ]);
    assert.deepEqual(await problemKeys([small], MAX_FILES_PER_REPORT - 1), []);
  });

  it('skips a file input left empty, and cleans names, giving them their real type’s extension', async () => {
    const result = await prepareEvidence([
      { name: '', bytes: Buffer.alloc(0) },
      { name: 'C:\\Users\\budi\\scan.pdf', bytes: await png() },
    ]);
    assert.ok('evidence' in result);
    assert.equal(result.evidence.length, 1);
    assert.equal(result.evidence[0]!.name, 'scan.png');
    assert.equal(cleanFileName('../../etc/pass\u0000wd\uD800', undefined), 'passwd');
    assert.equal(cleanFileName('...', 'pdf'), 'attachment.pdf');
    assert.equal(cleanFileName('Laporan Cafe\u0301.docx', 'docx'), 'Laporan Café.docx');
  });
});

describe('stored evidence', () => {
  it('is sealed on disk (0600), opens with its name and type, and is removed', async () => {
    const dataDir = tempDir();
    const phrase = 'ledger page of the unofficial permit fees';
    const prepared: PreparedEvidence = {
      name: 'ledger.pdf',
      type: detectEvidenceType(pdf(phrase))!,
      bytes: pdf(phrase),
      isStripped: false,
    };
    const stored = await storeEvidence(ring, dataDir, prepared);
    const file = path.join(evidenceDir(dataDir), stored.file);
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    assert.equal(fs.readFileSync(file).includes(phrase), false, 'no plain text on disk');
    assert.equal(stored.sealedMeta.includes('ledger'), false, 'no plain name in the row');
    assert.deepEqual(
      (await listEvidenceFiles(dataDir)).map((f) => f.file),
      [stored.file],
      'no temporary file is left behind',
    );
    const opened = await openEvidence(ring, dataDir, stored.file, stored.sealedMeta);
    assert.equal(opened?.name, 'ledger.pdf');
    assert.equal(opened?.type.mime, 'application/pdf');
    assert.equal(opened?.size, prepared.bytes.length);
    assert.deepEqual(opened?.bytes, prepared.bytes);
    const otherRing = keyRing([keyFromText(newKeyText(), 'other')]);
    await assert.rejects(() => openEvidence(otherRing, dataDir, stored.file, stored.sealedMeta));
    await removeEvidence(dataDir, stored.file);
    assert.equal(fs.existsSync(file), false);
    assert.equal(await openEvidence(ring, dataDir, stored.file, stored.sealedMeta), undefined);
  });

  it('refuses a file name that could leave the folder', async () => {
    await assert.rejects(() => removeEvidence(tempDir(), '../warta.db'), /not an evidence file name/);
  });
});
