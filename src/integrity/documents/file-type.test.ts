// The document library's checks that need no database: a file's type from its bytes (each type
// taken, each impostor refused with a reason), the name a download is saved under and its
// Content-Disposition, and sizes in each edition's numbers.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sniffDocument } from './file-type.ts';
import { attachmentHeader, downloadName } from './files.ts';
import { formatFileSize } from './size.ts';
import { compoundFile, elfFile, odfFile, ooxmlFile, pdfFile, zipFile } from './test-files.ts';

function typeOf(bytes: Buffer): string {
  const sniffed = sniffDocument(bytes);
  return 'type' in sniffed ? sniffed.type : `refused: ${sniffed.refusal}`;
}

describe('reading a document type from its bytes', () => {
  it('recognises PDF, Office Open XML, OpenDocument and legacy Office files', () => {
    assert.equal(typeOf(pdfFile()), 'application/pdf');
    assert.equal(typeOf(ooxmlFile('docx')), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    assert.equal(typeOf(ooxmlFile('xlsx')), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    assert.equal(
      typeOf(ooxmlFile('pptx')),
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    );
    assert.equal(typeOf(odfFile('text')), 'application/vnd.oasis.opendocument.text');
    assert.equal(typeOf(odfFile('spreadsheet')), 'application/vnd.oasis.opendocument.spreadsheet');
    assert.equal(typeOf(compoundFile(['WordDocument', '1Table'])), 'application/msword');
    assert.equal(typeOf(compoundFile(['Workbook'])), 'application/vnd.ms-excel');
    assert.equal(typeOf(compoundFile(['PowerPoint Document', 'Current User'])), 'application/vnd.ms-powerpoint');
  });

  it('reads an Office file whose entries are stored, not deflated', () => {
    const stored = zipFile(
      [
        {
          name: '[Content_Types].xml',
          data: '<Types><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
        },
      ],
      false,
    );
    assert.equal(typeOf(stored), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  });

  it('refuses programs, plain archives, macros, passwords and damaged files, saying why', () => {
    assert.match(typeOf(elfFile()), /refused: This file is a program/);
    assert.match(typeOf(Buffer.from('MZ\x90\x00\x03', 'latin1')), /refused: This file is a program/);
    assert.match(
      typeOf(zipFile([{ name: 'photos/1.jpg', data: 'x' }])),
      /refused: This file is a ZIP archive, not an office document\./,
    );
    assert.match(typeOf(ooxmlFile('docm')), /refused: This Office file contains macros/);
    assert.match(typeOf(compoundFile(['EncryptedPackage', 'EncryptionInfo'])), /protected by a password/);
    assert.match(typeOf(compoundFile(['__substg1.0_0037001F'])), /not a Word, Excel or PowerPoint document/);
    assert.match(typeOf(odfFile('graphics')), /not a text, spreadsheet or presentation/);
    assert.match(typeOf(ooxmlFile('docx').subarray(0, 200)), /damaged or cut short/);
    assert.match(typeOf(Buffer.from('Just some notes\n')), /looks like plain text/);
    assert.match(typeOf(Buffer.from('<html><body>hi</body></html>')), /HTML or XML/);
    assert.match(typeOf(Buffer.alloc(0)), /The file is empty/);
    // Each refusal names what the library takes.
    assert.match(typeOf(elfFile()), /The library takes PDF, Word, Excel and PowerPoint files/);
  });

  it('stops at a compound file whose directory chain loops, and one that is cut short', () => {
    const looping = compoundFile(['WordDocument']);
    looping.writeUInt32LE(1, 512 + 4); // the directory sector names itself as the next one
    assert.equal(typeOf(looping), 'application/msword');
    assert.match(typeOf(compoundFile(['WordDocument']).subarray(0, 600)), /damaged or cut short/);
  });
});

describe('download names', () => {
  it('keeps the uploaded name, without folders or control characters, with the extension of the real type', () => {
    const pdf = 'application/pdf';
    assert.equal(downloadName('Laporan Kinerja 2025.pdf', pdf), 'Laporan Kinerja 2025.pdf');
    assert.equal(downloadName('C:\\Users\\rina\\SK Tim ZI.PDF', pdf), 'SK Tim ZI.pdf');
    assert.equal(downloadName('setup.exe', pdf), 'setup.exe.pdf');
    assert.equal(downloadName('a\u0000b\u202e.pdf', pdf), 'ab.pdf');
    assert.equal(downloadName('...', pdf), 'document.pdf');
    assert.equal([...downloadName('x'.repeat(400), pdf)].length, 150);
  });

  it('writes Content-Disposition with an ASCII name and the real name in UTF-8 (RFC 6266, 5987)', () => {
    assert.equal(
      attachmentHeader('Laporan “WBK” – Désa.pdf'),
      `attachment; filename="Laporan _WBK_ _ Desa.pdf"; filename*=UTF-8''Laporan%20%E2%80%9CWBK%E2%80%9D%20%E2%80%93%20D%C3%A9sa.pdf`,
    );
    assert.equal(
      attachmentHeader("it's (final).pdf"),
      `attachment; filename="it_s (final).pdf"; filename*=UTF-8''it%27s%20%28final%29.pdf`,
    );
  });
});

describe('file sizes', () => {
  it('shows kilobytes under a megabyte and megabytes above, in the edition’s numbers', () => {
    assert.equal(formatFileSize(1258291, 'en'), '1.2 MB');
    assert.equal(formatFileSize(1258291, 'id'), '1,2 MB');
    assert.equal(formatFileSize(348160, 'en'), '340 kB');
    assert.equal(formatFileSize(10, 'en'), '1 kB');
    assert.equal(formatFileSize(24 * 1024 * 1024 + 1, 'en'), '24 MB');
  });
});
