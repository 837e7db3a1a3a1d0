// Demo news sections: six top-level categories and one nested child, named in every edition.
import type { DemoCategory } from './types.ts';

export const categories: DemoCategory[] = [
  {
    key: 'national',
    slug: { en: 'national', id: 'nasional', ar: 'national' },
    name: { en: 'National', id: 'Nasional', ar: 'أخبار وطنية' },
    description: {
      en: 'News from across the Indonesian archipelago: government, public services, infrastructure and the lives of its people.',
      id: 'Berita dari seluruh Nusantara: pemerintahan, layanan publik, infrastruktur, dan kehidupan warganya.',
      ar: 'أخبار من أنحاء الأرخبيل الإندونيسي: الحكومة والخدمات العامة والبنية التحتية وحياة الناس.',
    },
  },
  {
    key: 'world',
    slug: { en: 'world', id: 'dunia', ar: 'world' },
    name: { en: 'World', id: 'Dunia', ar: 'العالم' },
    description: {
      en: 'International affairs, diplomacy and Indonesia’s place in the world.',
      id: 'Peristiwa internasional, diplomasi, dan peran Indonesia di dunia.',
      ar: 'الشؤون الدولية والدبلوماسية ومكانة إندونيسيا في العالم.',
    },
  },
  {
    key: 'southeast-asia',
    parent: 'world',
    slug: { en: 'southeast-asia', id: 'asia-tenggara', ar: 'southeast-asia' },
    name: { en: 'Southeast Asia', id: 'Asia Tenggara', ar: 'جنوب شرق آسيا' },
    description: {
      en: 'Our neighbours: ASEAN cooperation, cross-border trade and the region’s shared challenges.',
      id: 'Kabar dari negara tetangga: kerja sama ASEAN, perdagangan lintas batas, dan tantangan bersama kawasan.',
      ar: 'أخبار الجوار: التعاون في إطار آسيان والتجارة عبر الحدود والتحديات المشتركة في المنطقة.',
    },
  },
  {
    key: 'economy',
    slug: { en: 'economy', id: 'ekonomi', ar: 'economy' },
    name: { en: 'Economy', id: 'Ekonomi', ar: 'اقتصاد' },
    description: {
      en: 'Trade, industry, farming, small business and the figures that shape household budgets.',
      id: 'Perdagangan, industri, pertanian, usaha kecil, dan angka-angka yang memengaruhi anggaran rumah tangga.',
      ar: 'التجارة والصناعة والزراعة والمشاريع الصغيرة والأرقام التي تؤثر في ميزانيات الأسر.',
    },
  },
  {
    key: 'culture',
    slug: { en: 'culture', id: 'budaya', ar: 'culture' },
    name: { en: 'Culture', id: 'Budaya', ar: 'ثقافة' },
    description: {
      en: 'Music, dance, crafts, literature and the living traditions of Indonesia’s many communities.',
      id: 'Musik, tari, kriya, sastra, dan tradisi yang terus hidup di tengah beragam komunitas Indonesia.',
      ar: 'الموسيقى والرقص والحرف والأدب والتقاليد الحية لمجتمعات إندونيسيا المتنوعة.',
    },
  },
  {
    key: 'sports',
    slug: { en: 'sports', id: 'olahraga', ar: 'sports' },
    name: { en: 'Sports', id: 'Olahraga', ar: 'رياضة' },
    description: {
      en: 'Badminton, football, athletics and more, from village fields to world championships.',
      id: 'Bulu tangkis, sepak bola, atletik, dan cabang lainnya, dari lapangan desa hingga kejuaraan dunia.',
      ar: 'كرة الريشة وكرة القدم وألعاب القوى وغيرها، من ملاعب القرى إلى البطولات العالمية.',
    },
  },
  {
    key: 'tourism',
    slug: { en: 'tourism', id: 'wisata', ar: 'tourism' },
    name: { en: 'Tourism', id: 'Wisata', ar: 'سياحة' },
    description: {
      en: 'Destinations, travel news and the communities that welcome visitors across the islands.',
      id: 'Destinasi, kabar perjalanan, dan masyarakat yang menyambut wisatawan di berbagai pulau.',
      ar: 'الوجهات وأخبار السفر والمجتمعات التي تستقبل الزوار في أنحاء الجزر.',
    },
  },
];
