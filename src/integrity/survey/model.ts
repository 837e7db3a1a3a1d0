// The questionnaire's vocabulary: the 1–4 scale, the limits of what a visitor and the newsroom
// type, and the nine service elements of Permenpan RB 14/2017 as each edition's starting point.

/** The standard scale: 1 poor, 2 fair, 3 good, 4 very good. */
export const SCORES = [1, 2, 3, 4] as const;
export type Score = (typeof SCORES)[number];

/** The longest comment, in characters (NFC). */
export const MAX_COMMENT = 2000;
/** The longest element label, in characters. */
export const MAX_LABEL = 200;
/** Elements an edition's questionnaire may hold (active or not): a form stays answerable. */
export const MAX_ELEMENTS = 30;

/** A service element of an edition's questionnaire. */
export interface SurveyElement {
  readonly id: number;
  readonly edition: string;
  readonly position: number;
  readonly label: string;
  readonly isActive: boolean;
}

/** Whether a posted value is a score. */
export function isScore(value: number): value is Score {
  return (SCORES as readonly number[]).includes(value);
}

/**
 * The nine service elements (unsur pelayanan) of Peraturan Menteri PANRB No. 14 Tahun 2017, in
 * its order, as questions a visitor rates. Indonesian follows the regulation's own names; English
 * and Arabic are our translations of them.
 */
export const STANDARD_ELEMENTS: Readonly<Record<string, readonly string[]>> = {
  en: [
    'Requirements: how suitable the requirements for the service are',
    'Systems, mechanisms and procedures: how easy the procedure is to follow',
    'Completion time: how fast the service is completed',
    'Cost or tariff: how fair the cost of the service is',
    'Service products: how well what you received matches what was promised',
    'Staff competence: how capable the staff are',
    'Staff conduct: how courteous and friendly the staff are',
    'Complaints, suggestions and feedback: how well they are handled',
    'Facilities and infrastructure: how good the facilities are',
  ],
  id: [
    'Persyaratan: kesesuaian persyaratan pelayanan dengan jenis pelayanannya',
    'Sistem, mekanisme, dan prosedur: kemudahan prosedur pelayanan',
    'Waktu penyelesaian: kecepatan waktu dalam memberikan pelayanan',
    'Biaya/tarif: kewajaran biaya/tarif dalam pelayanan',
    'Produk spesifikasi jenis pelayanan: kesesuaian produk pelayanan dengan standar pelayanan',
    'Kompetensi pelaksana: kemampuan petugas dalam memberikan pelayanan',
    'Perilaku pelaksana: kesopanan dan keramahan petugas',
    'Penanganan pengaduan, saran, dan masukan: kualitas penanganannya',
    'Sarana dan prasarana: kualitas sarana dan prasarana',
  ],
  ar: [
    'المتطلبات: مدى ملاءمة متطلبات الخدمة لنوعها',
    'الأنظمة والآليات والإجراءات: مدى سهولة إجراءات الخدمة',
    'مدة الإنجاز: سرعة إنجاز الخدمة',
    'التكلفة أو الرسوم: مدى معقولية تكلفة الخدمة',
    'مواصفات منتج الخدمة: مدى مطابقة ما حصلت عليه لمعايير الخدمة',
    'كفاءة الموظفين: قدرة الموظفين على تقديم الخدمة',
    'سلوك الموظفين: لباقة الموظفين ولطفهم',
    'معالجة الشكاوى والاقتراحات والملاحظات: جودة التعامل معها',
    'المرافق والبنية التحتية: جودة المرافق',
  ],
};

/** The standard elements in an edition's language (English for an edition without its own). */
export function standardElements(edition: string): readonly string[] {
  return STANDARD_ELEMENTS[edition] ?? STANDARD_ELEMENTS.en!;
}
