// Demo integrity documents: a few real, readable one-page PDFs (our own text, drawn with the PDF
// base font Helvetica, so Latin script only) in the document library of each edition, so the
// demo's library, its filters and its downloads have something to show.
import type { WriteContext } from '../../src/core/events/index.ts';
import { createDocument } from '../../src/integrity/documents/commands.ts';
import { documentStorage, storeDocumentFile } from '../../src/integrity/documents/files.ts';
import type { EditionCode } from './types.ts';

interface DemoDocument {
  edition: EditionCode;
  title: string;
  description: string;
  category: 'regulations' | 'reports' | 'service-standards' | 'zone-evidence' | 'other';
  year: number;
  fileName: string;
  /** The PDF's heading and paragraphs. */
  heading: string;
  text: string[];
}

const DOCUMENTS: DemoDocument[] = [
  {
    edition: 'en',
    title: 'Decree on the integrity zone team, 2026',
    description: 'Appoints the team that leads the integrity zone and sets out its duties and reporting lines.',
    category: 'regulations',
    year: 2026,
    fileName: 'Decree on the integrity zone team 2026.pdf',
    heading: 'Decree of the President Director on the Integrity Zone Team',
    text: [
      'The President Director of Radio Warta Nusantara appoints the integrity zone team for the year 2026.',
      'The team plans, carries out and monitors the six areas of change, publishes its evidence every quarter, and reports to the board of directors.',
      'The team leader answers the public through the contacts of the integrity zone.',
    ],
  },
  {
    edition: 'en',
    title: 'Service standards for broadcast archive requests',
    description: 'How to ask for a recording of a programme, what it costs and how long it takes.',
    category: 'service-standards',
    year: 2025,
    fileName: 'Service standards - archive requests.pdf',
    heading: 'Service Standards: Broadcast Archive Requests',
    text: [
      'Who may ask: anyone who took part in a programme, and anyone else under the published archive tariff.',
      'What to send: the programme, the date and the hour of broadcast, and a way to reach you.',
      'How long it takes: five working days. Participants pay nothing.',
    ],
  },
  {
    edition: 'en',
    title: 'Gratification control report, 2025',
    description: 'Gifts reported by staff in 2025, how they were handled, and what was returned or handed over.',
    category: 'reports',
    year: 2025,
    fileName: 'Gratification control report 2025.pdf',
    heading: 'Gratification Control Report 2025',
    text: [
      'In 2025 staff reported 14 offers of gifts connected with their work. Eleven were refused on the spot, two were returned and one was handed over to the state.',
      'No report concerned editorial decisions. The unit trained 240 members of staff in four sessions.',
    ],
  },
  {
    edition: 'id',
    title: 'Keputusan tentang tim zona integritas 2026',
    description: 'Menetapkan tim yang memimpin pembangunan zona integritas beserta tugas dan jalur pelaporannya.',
    category: 'regulations',
    year: 2026,
    fileName: 'Keputusan tim zona integritas 2026.pdf',
    heading: 'Keputusan Direktur Utama tentang Tim Zona Integritas',
    text: [
      'Direktur Utama Radio Warta Nusantara menetapkan tim zona integritas untuk tahun 2026.',
      'Tim merencanakan, melaksanakan, dan memantau enam area perubahan, mengumumkan buktinya setiap triwulan, dan melapor kepada dewan direksi.',
    ],
  },
  {
    edition: 'id',
    title: 'Standar pelayanan permintaan arsip siaran',
    description: 'Cara meminta rekaman program, biaya, dan lama penyelesaiannya.',
    category: 'service-standards',
    year: 2025,
    fileName: 'Standar pelayanan arsip siaran.pdf',
    heading: 'Standar Pelayanan: Permintaan Arsip Siaran',
    text: [
      'Yang dapat mengajukan: setiap narasumber dan peserta program, serta pihak lain sesuai tarif arsip yang diumumkan.',
      'Lama penyelesaian: lima hari kerja. Narasumber dan peserta tidak dipungut biaya.',
    ],
  },
  {
    edition: 'id',
    title: 'Lembar kerja evaluasi mandiri zona integritas (WBK)',
    description: 'Penilaian mandiri atas enam area perubahan menjelang penilaian WBK.',
    category: 'zone-evidence',
    year: 2026,
    fileName: 'Evaluasi mandiri WBK 2026.pdf',
    heading: 'Lembar Kerja Evaluasi Mandiri Zona Integritas',
    text: [
      'Manajemen perubahan: tim dan rencana kerja ditetapkan; pemantauan berjalan setiap bulan.',
      'Penguatan pengawasan: kanal pelaporan daring dibuka untuk publik dan pegawai.',
    ],
  },
  {
    edition: 'ar',
    title: 'قرار تشكيل فريق منطقة النزاهة 2026 (بالإنجليزية)',
    description: 'يعيّن الفريق الذي يقود منطقة النزاهة ويحدد مهامه. الوثيقة باللغة الإنجليزية.',
    category: 'regulations',
    year: 2026,
    fileName: 'Integrity zone team decree 2026.pdf',
    heading: 'Decree of the President Director on the Integrity Zone Team',
    text: ['The President Director of Radio Warta Nusantara appoints the integrity zone team for the year 2026.'],
  },
];

/** Text as a PDF string literal (WinAnsi covers the Latin letters used here). */
function pdfString(text: string): string {
  return `(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

/** Breaks a paragraph into lines of about `width` characters. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** A one-page A4 PDF with a heading and paragraphs, with a correct cross-reference table. */
export function demoPdf(heading: string, paragraphs: readonly string[]): Buffer {
  const body = [`BT /F2 16 Tf 56 780 Td 20 TL ${pdfString(heading)} Tj T* /F1 11 Tf 15 TL`];
  for (const paragraph of paragraphs) {
    body.push('T*');
    for (const line of wrap(paragraph, 88)) body.push(`${pdfString(line)} '`);
  }
  body.push('ET');
  const stream = Buffer.from(body.join('\n'), 'latin1');
  const objects = [
    '<</Type/Catalog/Pages 2 0 R>>',
    '<</Type/Pages/Kids[3 0 R]/Count 1>>',
    '<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</Font<</F1 4 0 R/F2 5 0 R>>>>/Contents 6 0 R>>',
    '<</Type/Font/Subtype/Type1/BaseFont/Helvetica/Encoding/WinAnsiEncoding>>',
    '<</Type/Font/Subtype/Type1/BaseFont/Helvetica-Bold/Encoding/WinAnsiEncoding>>',
    `<</Length ${stream.length}>>\nstream\n${stream.toString('latin1')}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<</Size ${objects.length + 1}/Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** Adds the demo's documents to each edition's library. */
export async function seedIntegrityDocuments(w: WriteContext, dataDir: string): Promise<number> {
  const storage = documentStorage(dataDir);
  for (const d of DOCUMENTS) {
    const bytes = demoPdf(d.heading, d.text);
    const file = await storeDocumentFile(storage, bytes, 'application/pdf');
    await createDocument(
      w,
      d.edition,
      { title: d.title, description: d.description, category: d.category, year: String(d.year), isPublished: true },
      { file, fileName: d.fileName, contentType: 'application/pdf', bytes: bytes.length },
    );
  }
  return DOCUMENTS.length;
}
