// Demo newsroom staff: the editor and reporters whose names appear in bylines of the demo stories.
import type { DemoAuthor } from './types.ts';

export const authors: DemoAuthor[] = [
  {
    key: 'dewi',
    name: 'Dewi Anggraini',
    slug: 'dewi-anggraini',
    email: 'dewi.anggraini@warta.example',
    role: 'editor',
    bio: {
      en: 'Dewi Anggraini is the managing editor of the English service. She spent a decade reporting on parliament and regional government before moving to the news desk.',
      id: 'Dewi Anggraini adalah redaktur pelaksana layanan berbahasa Inggris. Sebelum memimpin meja berita, ia sepuluh tahun meliput parlemen dan pemerintahan daerah.',
      ar: 'ديوي أنغرايني مديرة تحرير الخدمة الإنجليزية، أمضت عشر سنوات في تغطية شؤون البرلمان والحكومات المحلية قبل انتقالها إلى مكتب الأخبار.',
    },
  },
  {
    key: 'bayu',
    name: 'Bayu Prasetyo',
    slug: 'bayu-prasetyo',
    email: 'bayu.prasetyo@warta.example',
    role: 'author',
    bio: {
      en: 'Bayu Prasetyo covers the economy, trade and transport, with a particular eye on ports and shipping in eastern Indonesia.',
      id: 'Bayu Prasetyo meliput ekonomi, perdagangan, dan transportasi, dengan perhatian khusus pada pelabuhan dan pelayaran di kawasan timur Indonesia.',
      ar: 'يغطي بايو براسيتيو شؤون الاقتصاد والتجارة والنقل، مع اهتمام خاص بالموانئ والملاحة في شرق إندونيسيا.',
    },
  },
  {
    key: 'sari',
    name: 'Sari Wulandari',
    slug: 'sari-wulandari',
    email: 'sari.wulandari@warta.example',
    role: 'author',
    bio: {
      en: 'Sari Wulandari writes about culture, heritage and travel. She studied performing arts in Yogyakarta and still plays in a village gamelan ensemble.',
      id: 'Sari Wulandari menulis tentang budaya, warisan, dan pariwisata. Ia belajar seni pertunjukan di Yogyakarta dan masih bermain dalam kelompok gamelan di kampungnya.',
      ar: 'تكتب ساري وولانداري عن الثقافة والتراث والسياحة، ودرست فنون الأداء في يوغياكارتا وما زالت تعزف مع فرقة غاميلان في قريتها.',
    },
  },
  {
    key: 'rizky',
    name: 'Rizky Hidayat',
    slug: 'rizky-hidayat',
    email: 'rizky.hidayat@warta.example',
    role: 'author',
    bio: {
      en: 'Rizky Hidayat is the sports correspondent, following badminton, football and athletics from school tournaments to international finals.',
      id: 'Rizky Hidayat adalah koresponden olahraga yang mengikuti bulu tangkis, sepak bola, dan atletik, dari turnamen pelajar hingga final internasional.',
      ar: 'ريزكي هدايت مراسل الشؤون الرياضية، يتابع كرة الريشة وكرة القدم وألعاب القوى من بطولات المدارس حتى النهائيات الدولية.',
    },
  },
  {
    key: 'made',
    name: 'Made Suryawan',
    slug: 'made-suryawan',
    email: 'made.suryawan@warta.example',
    role: 'author',
    bio: {
      en: 'Made Suryawan reports on the environment, science and regional diplomacy from the Denpasar bureau, with frequent trips across Southeast Asia.',
      id: 'Made Suryawan meliput lingkungan, sains, dan diplomasi kawasan dari biro Denpasar, dan kerap bertugas ke berbagai negara Asia Tenggara.',
      ar: 'يغطي ماديه سورياوان شؤون البيئة والعلوم والدبلوماسية الإقليمية من مكتب دينباسار، ويسافر كثيرا في أنحاء جنوب شرق آسيا.',
    },
  },
];
