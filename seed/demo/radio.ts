// The demo radio: a channel per edition (its stream on 127.0.0.1:8000, where no stream server runs
// in the demo, so the site honestly says "off air"), programs with hosts from the demo staff and a
// week of slots (news on the hour, a morning show, a show across midnight), a special broadcast
// and a cancelled slot in the coming week, a Program Highlight section with posts from the
// studio, and two editors' picks per edition. All through the commands the newsroom uses.
// The episodes seed (seed/demo/episodes.ts) finds the programs by these slugs:
// morning-show, news-bulletin, culture-corner, music-archipelago, weekend-special, listeners-hour.
import { createArticle, createCategory } from '../../src/articles/index.ts';
import { addPick, chooseHighlightSection } from '../../src/broadcast/programs/picks.ts';
import { addScheduleChange, saveChannel, saveProgram } from '../../src/broadcast/commands.ts';
import type { Weekday } from '../../src/broadcast/schedule.ts';
import type { WriteContext } from '../../src/core/events/index.ts';
import { paragraphsToHtml } from '../../src/core/text/sanitize.ts';
import { storeDemoPhoto } from './photos.ts';
import { addedEditions, isAddedEdition } from './editions/index.ts';
import type { BaseEditionCode, DemoRadioText, EditionCode, PerEdition } from './types.ts';
import { zonedTime } from './zoned-time.ts';

const STATION_ZONE = 'Asia/Jakarta';
const BASE_CODES: readonly BaseEditionCode[] = ['en', 'id', 'ar'];
/** Every demo edition has a channel; the added ones' text comes from their own modules. */
const CODES: readonly EditionCode[] = [...BASE_CODES, ...(Object.keys(addedEditions) as EditionCode[])];
const EVERY_DAY: Weekday[] = [1, 2, 3, 4, 5, 6, 7];
const DAY = 86_400_000;

const CHANNELS: Record<BaseEditionCode, { name: string; slug: string; description: string }> = {
  en: {
    name: 'Voice of Warta English Service',
    slug: 'english-service',
    description: 'News, culture and music from Indonesia in English, around the clock.',
  },
  id: {
    name: 'Programa Satu Nusantara',
    slug: 'programa-satu',
    description: 'Siaran berbahasa Indonesia: berita, budaya, dan musik dari seluruh Nusantara.',
  },
  ar: {
    name: 'صوت وارتا – الخدمة العربية',
    slug: 'arabic-service',
    description: 'أخبار وثقافة وموسيقى من إندونيسيا باللغة العربية.',
  },
};

interface DemoProgram {
  slug: string;
  hosts: string[];
  slots: { days: Weekday[]; start: string; minutes: number }[];
  title: Record<BaseEditionCode, string>;
  description: Record<BaseEditionCode, string>;
}

const PROGRAMS: DemoProgram[] = [
  {
    slug: 'news-bulletin',
    hosts: ['bayu-prasetyo'],
    // On the hour, every three hours from nine in the morning.
    slots: ['09:00', '12:00', '15:00', '18:00', '21:00'].map((start) => ({ days: EVERY_DAY, start, minutes: 15 })),
    title: { en: 'News Bulletin', id: 'Warta Berita', ar: 'نشرة الأخبار' },
    description: {
      en: 'Fifteen minutes of national and regional news, with the weather and the ports, every three hours.',
      id: 'Lima belas menit berita nasional dan daerah, lengkap dengan cuaca dan kabar pelabuhan, setiap tiga jam.',
      ar: 'خمس عشرة دقيقة من الأخبار الوطنية والإقليمية، مع حالة الطقس وأخبار الموانئ، كل ثلاث ساعات.',
    },
  },
  {
    slug: 'morning-show',
    hosts: ['dewi-anggraini', 'rizky-hidayat'],
    slots: [{ days: [1, 2, 3, 4, 5], start: '06:00', minutes: 180 }],
    title: { en: 'The Morning Show', id: 'Selamat Pagi Nusantara', ar: 'برنامج الصباح' },
    description: {
      en: 'The day starts here: the papers, guests in the studio, traffic from the big cities and greetings from listeners near and far.\n\nWeekday mornings, with sport at half past seven.',
      id: 'Hari dimulai di sini: ulasan koran, tamu di studio, lalu lintas kota besar, dan salam dari pendengar di mana pun.\n\nSetiap pagi hari kerja, dengan kabar olahraga pukul setengah delapan.',
      ar: 'هنا يبدأ اليوم: جولة في الصحف، وضيوف في الاستوديو، وأحوال المرور في المدن الكبرى، وتحيات المستمعين من قريب ومن بعيد.\n\nصباح كل يوم عمل، مع فقرة رياضية في السابعة والنصف.',
    },
  },
  {
    slug: 'culture-corner',
    hosts: ['sari-wulandari'],
    slots: [{ days: [2, 4], start: '10:00', minutes: 60 }],
    title: { en: 'Culture Corner', id: 'Pojok Budaya', ar: 'ركن الثقافة' },
    description: {
      en: 'Dance, puppetry, crafts and the people who keep them alive, from Aceh to Papua.',
      id: 'Tari, wayang, kriya, dan orang-orang yang menjaganya tetap hidup, dari Aceh sampai Papua.',
      ar: 'الرقص ومسرح الدمى والحرف اليدوية، والناس الذين يحافظون عليها حية، من آتشيه إلى بابوا.',
    },
  },
  {
    slug: 'music-archipelago',
    hosts: ['made-suryawan'],
    slots: [
      // Late every night, across midnight.
      { days: EVERY_DAY, start: '22:00', minutes: 180 },
      { days: [6, 7], start: '06:00', minutes: 120 },
    ],
    title: { en: 'Music of the Archipelago', id: 'Musik Nusantara', ar: 'موسيقى الأرخبيل' },
    description: {
      en: 'Keroncong, dangdut, gamelan and the new bands of the islands, chosen and introduced by Made Suryawan.',
      id: 'Keroncong, dangdut, gamelan, dan band-band baru dari berbagai pulau, dipilih dan diperkenalkan oleh Made Suryawan.',
      ar: 'كرونتشونغ ودانغدوت وغاميلان وفرق الجزر الجديدة، يختارها ويقدمها ماده سورياوان.',
    },
  },
  {
    slug: 'weekend-special',
    hosts: ['sari-wulandari', 'made-suryawan'],
    slots: [
      { days: [6], start: '09:30', minutes: 120 },
      { days: [7], start: '16:00', minutes: 120 },
    ],
    title: { en: 'Weekend Special', id: 'Spesial Akhir Pekan', ar: 'خاص نهاية الأسبوع' },
    description: {
      en: 'A long conversation, a journey or a concert: something different every weekend, with songs requested by listeners abroad.',
      id: 'Obrolan panjang, perjalanan, atau konser: selalu ada yang berbeda setiap akhir pekan, dengan lagu permintaan pendengar di luar negeri.',
      ar: 'حوار مطوّل أو رحلة أو حفل موسيقي: شيء مختلف في كل نهاية أسبوع، مع أغانٍ يطلبها المستمعون في الخارج.',
    },
  },
  {
    slug: 'listeners-hour',
    hosts: ['dewi-anggraini'],
    slots: [{ days: [1, 3, 5], start: '13:00', minutes: 60 }],
    title: { en: 'Listeners’ Hour', id: 'Jam Pendengar', ar: 'ساعة المستمعين' },
    description: {
      en: 'Your letters, messages and calls: the hour where listeners tell their stories and ask their questions.',
      id: 'Surat, pesan, dan telepon Anda: satu jam ketika pendengar bercerita dan bertanya.',
      ar: 'رسائلكم ومكالماتكم: ساعة يروي فيها المستمعون قصصهم ويطرحون أسئلتهم.',
    },
  },
];

const SECTION = {
  name: { en: 'Program Highlight', id: 'Sorotan Program', ar: 'أبرز البرامج' },
  slug: { en: 'program-highlight', id: 'sorotan-program', ar: 'abraz-al-baramij' },
  description: {
    en: 'News from the studio: greetings, listeners’ stories, quiz winners and interviews from our programs.',
    id: 'Kabar dari studio: salam, kisah pendengar, pemenang kuis, dan wawancara dari program-program kami.',
    ar: 'أخبار من الاستوديو: تحيات وقصص المستمعين والفائزون في المسابقات ومقابلات من برامجنا.',
  },
} as const;

interface HighlightPost {
  photo: { scene: string; seed: number; alt: PerEdition<string>; caption: PerEdition<string> };
  /** The program it is about: its title becomes a tag, which links the post from the program page. */
  program: string;
  daysAgo: number;
  hour: number;
  text: Record<BaseEditionCode, { title: string; summary: string; body: string[] }>;
}

const PHOTO_CREDIT = 'Warta Radio/Studio';
const BYLINE: Record<BaseEditionCode, string> = { en: 'Radio desk', id: 'Redaksi radio', ar: 'قسم الإذاعة' };
const DATELINE: Record<BaseEditionCode, string> = { en: 'Jakarta', id: 'Jakarta', ar: 'جاكرتا' };

const POSTS: HighlightPost[] = [
  {
    photo: {
      scene: 'studio',
      seed: 901,
      alt: {
        en: 'Two presenters at the microphones of a radio studio',
        id: 'Dua penyiar di depan mikrofon studio radio',
        ar: 'مذيعان أمام ميكروفونات استوديو إذاعي',
      },
      caption: {
        en: 'The Morning Show team reading listeners’ greetings on air.',
        id: 'Tim Selamat Pagi Nusantara membacakan salam pendengar saat siaran.',
        ar: 'فريق برنامج الصباح يقرأ تحيات المستمعين على الهواء.',
      },
    },
    program: 'morning-show',
    daysAgo: 1,
    hour: 10,
    text: {
      en: {
        title: 'Good morning from Manado, Leiden and Jeddah',
        summary: 'This week’s greetings came from three continents, and one from a ship in the Banda Sea.',
        body: [
          'Every morning our studio inbox fills before the first song. This week we read messages from a teacher in Manado, a student in Leiden and a family in Jeddah who listen together over breakfast.',
          'The message that made the team smile came from the crew of a cargo ship in the Banda Sea, who asked for a song for their families at home. Keep writing to us: we read as many as we can.',
        ],
      },
      id: {
        title: 'Selamat pagi dari Manado, Leiden, dan Jeddah',
        summary: 'Salam pekan ini datang dari tiga benua, dan satu dari kapal di Laut Banda.',
        body: [
          'Setiap pagi kotak pesan studio kami penuh sebelum lagu pertama diputar. Pekan ini kami membacakan pesan dari seorang guru di Manado, mahasiswa di Leiden, dan keluarga di Jeddah yang mendengarkan bersama sambil sarapan.',
          'Pesan yang membuat tim tersenyum datang dari awak kapal kargo di Laut Banda yang meminta lagu untuk keluarga di rumah. Terus kirimkan salam Anda: kami bacakan sebanyak mungkin.',
        ],
      },
      ar: {
        title: 'صباح الخير من مانادو ولايدن وجدة',
        summary: 'وصلت تحيات هذا الأسبوع من ثلاث قارات، وواحدة من سفينة في بحر باندا.',
        body: [
          'كل صباح يمتلئ بريد الاستوديو قبل الأغنية الأولى. قرأنا هذا الأسبوع رسائل من معلمة في مانادو وطالب في لايدن وعائلة في جدة تستمع معًا على الفطور.',
          'أما الرسالة التي أسعدت الفريق فجاءت من طاقم سفينة شحن في بحر باندا طلبوا أغنية لعائلاتهم. واصلوا الكتابة إلينا، فنحن نقرأ أكبر عدد ممكن من الرسائل.',
        ],
      },
    },
  },
  {
    photo: {
      scene: 'sea',
      seed: 902,
      alt: {
        en: 'Fishing boats on a calm sea at dawn',
        id: 'Perahu nelayan di laut tenang saat fajar',
        ar: 'قوارب صيد على بحر هادئ عند الفجر',
      },
      caption: {
        en: 'A listener in the Kei Islands has followed our programs from his boat for twenty years.',
        id: 'Seorang pendengar di Kepulauan Kei mengikuti siaran kami dari perahunya selama dua puluh tahun.',
        ar: 'مستمع في جزر كاي يتابع برامجنا من قاربه منذ عشرين عامًا.',
      },
    },
    program: 'listeners-hour',
    daysAgo: 3,
    hour: 15,
    text: {
      en: {
        title: 'A listener’s story: twenty years of radio at sea',
        summary: 'Pak Yohanes has never missed the evening news, even far from the shore.',
        body: [
          'In Listeners’ Hour this week, Pak Yohanes from the Kei Islands told us how a small radio has kept him company on his boat for twenty years. He still tunes in to the evening bulletin before casting his nets.',
          'He asked us to say hello to his grandchildren, who now listen online in Makassar. We did, and they called the studio the next day.',
        ],
      },
      id: {
        title: 'Kisah pendengar: dua puluh tahun radio di tengah laut',
        summary: 'Pak Yohanes tak pernah melewatkan warta berita malam, bahkan jauh dari pantai.',
        body: [
          'Di Jam Pendengar pekan ini, Pak Yohanes dari Kepulauan Kei bercerita tentang radio kecil yang menemaninya melaut selama dua puluh tahun. Ia masih mendengarkan warta berita malam sebelum menebar jaring.',
          'Ia menitipkan salam untuk cucu-cucunya yang kini mendengarkan lewat internet di Makassar. Kami sampaikan, dan keesokan harinya mereka menelepon studio.',
        ],
      },
      ar: {
        title: 'قصة مستمع: عشرون عامًا من الإذاعة في عرض البحر',
        summary: 'لم يفوّت السيد يوهانس نشرة المساء قط، حتى بعيدًا عن الشاطئ.',
        body: [
          'في ساعة المستمعين هذا الأسبوع، حدثنا السيد يوهانس من جزر كاي عن مذياع صغير يرافقه على قاربه منذ عشرين عامًا، وما زال يستمع إلى نشرة المساء قبل أن يلقي شباكه.',
          'وطلب منا أن نحيي أحفاده الذين يستمعون الآن عبر الإنترنت في ماكاسار. فعلنا ذلك، فاتصلوا بالاستوديو في اليوم التالي.',
        ],
      },
    },
  },
  {
    photo: {
      scene: 'stage',
      seed: 903,
      alt: {
        en: 'Dancers in traditional costume on a lit stage',
        id: 'Penari berbusana tradisional di panggung yang terang',
        ar: 'راقصون بأزياء تقليدية على مسرح مضاء',
      },
      caption: {
        en: 'The quiz asked about the dances featured in Culture Corner this month.',
        id: 'Kuis kali ini menanyakan tarian yang dibahas di Pojok Budaya bulan ini.',
        ar: 'دارت أسئلة المسابقة حول الرقصات التي قدمها ركن الثقافة هذا الشهر.',
      },
    },
    program: 'culture-corner',
    daysAgo: 5,
    hour: 11,
    text: {
      en: {
        title: 'Culture Corner quiz: the winners',
        summary: 'Three listeners named all five dances correctly and win a set of recordings from the studio.',
        body: [
          'More than four hundred of you answered this month’s Culture Corner quiz about the dances of Sumatra and Bali. Three listeners, in Medan, Perth and Cairo, named all five correctly.',
          'Each wins a set of our studio recordings of gamelan and keroncong. The next quiz opens on the first Tuesday of the month.',
        ],
      },
      id: {
        title: 'Kuis Pojok Budaya: inilah pemenangnya',
        summary: 'Tiga pendengar menebak kelima tarian dengan benar dan mendapat rekaman dari studio kami.',
        body: [
          'Lebih dari empat ratus pendengar menjawab kuis Pojok Budaya bulan ini tentang tari-tarian Sumatra dan Bali. Tiga pendengar, di Medan, Perth, dan Kairo, menebak kelimanya dengan benar.',
          'Masing-masing mendapat satu set rekaman gamelan dan keroncong dari studio kami. Kuis berikutnya dibuka pada Selasa pertama bulan depan.',
        ],
      },
      ar: {
        title: 'مسابقة ركن الثقافة: الفائزون',
        summary: 'ثلاثة مستمعين عرفوا الرقصات الخمس كلها وفازوا بمجموعة من تسجيلات الاستوديو.',
        body: [
          'شارك أكثر من أربعمئة مستمع في مسابقة ركن الثقافة لهذا الشهر عن رقصات سومطرة وبالي، وأجاب ثلاثة منهم في ميدان وبيرث والقاهرة عن الأسئلة الخمسة كلها إجابة صحيحة.',
          'يفوز كل منهم بمجموعة من تسجيلات الاستوديو لموسيقى الغاميلان والكرونتشونغ. وتنطلق المسابقة القادمة يوم الثلاثاء الأول من الشهر.',
        ],
      },
    },
  },
  {
    photo: {
      scene: 'studio',
      seed: 904,
      alt: {
        en: 'A singer and an interviewer facing each other in the studio',
        id: 'Seorang penyanyi dan pewawancara berhadapan di studio',
        ar: 'مغنية ومحاور متقابلان في الاستوديو',
      },
      caption: {
        en: 'A keroncong singer talked to Music of the Archipelago between two songs played live.',
        id: 'Seorang penyanyi keroncong berbincang di Musik Nusantara di sela dua lagu yang dibawakan langsung.',
        ar: 'مغنية كرونتشونغ تتحدث إلى برنامج موسيقى الأرخبيل بين أغنيتين أدتهما مباشرة.',
      },
    },
    program: 'music-archipelago',
    daysAgo: 2,
    hour: 20,
    text: {
      en: {
        title: 'In the studio: a keroncong singer on songs that travel',
        summary: 'A special interview about an old style of music and the young audience finding it again.',
        body: [
          'Late on Friday night, Music of the Archipelago welcomed a singer from Solo who has spent ten years bringing keroncong to festivals abroad. She sang two songs live with her guitarist.',
          'She told us the music survives because every generation changes it a little. The full interview is in the program’s episodes.',
        ],
      },
      id: {
        title: 'Di studio: penyanyi keroncong tentang lagu yang berkelana',
        summary: 'Wawancara khusus tentang musik lama dan pendengar muda yang menemukannya kembali.',
        body: [
          'Jumat larut malam, Musik Nusantara menerima seorang penyanyi dari Solo yang sepuluh tahun membawa keroncong ke festival di luar negeri. Ia membawakan dua lagu secara langsung bersama gitarisnya.',
          'Menurutnya, musik ini bertahan karena setiap generasi sedikit mengubahnya. Wawancara lengkapnya ada di daftar episode program.',
        ],
      },
      ar: {
        title: 'في الاستوديو: مغنية كرونتشونغ عن أغانٍ تسافر',
        summary: 'مقابلة خاصة عن أسلوب موسيقي قديم وجمهور شاب يكتشفه من جديد.',
        body: [
          'في ساعة متأخرة من مساء الجمعة، استضاف برنامج موسيقى الأرخبيل مغنية من سولو أمضت عشر سنوات تحمل الكرونتشونغ إلى المهرجانات في الخارج، وأدت أغنيتين مباشرة مع عازف الغيتار.',
          'قالت لنا إن هذه الموسيقى تبقى حية لأن كل جيل يغيّر فيها قليلًا. المقابلة كاملة في حلقات البرنامج.',
        ],
      },
    },
  },
  {
    photo: {
      scene: 'harbour',
      seed: 905,
      alt: {
        en: 'A harbour town seen from the water in the evening',
        id: 'Kota pelabuhan dilihat dari laut pada sore hari',
        ar: 'مدينة ساحلية تُرى من البحر مساءً',
      },
      caption: {
        en: 'This weekend’s special travels along the ferry routes of eastern Indonesia.',
        id: 'Spesial akhir pekan ini menyusuri jalur feri di Indonesia timur.',
        ar: 'تسافر حلقة نهاية الأسبوع الخاصة على خطوط العبّارات في شرق إندونيسيا.',
      },
    },
    program: 'weekend-special',
    daysAgo: 6,
    hour: 9,
    text: {
      en: {
        title: 'This weekend: a journey on the ferries of the east',
        summary: 'Two hours of voices from the decks, and the songs our listeners abroad asked for.',
        body: [
          'For this weekend’s special, Sari and Made travelled for a week on the ferries between Flores, Alor and Kupang, recording the people who live by the timetable of the sea.',
          'Between the stories, we play the songs you requested from abroad. Send your request with the name of the town you are listening from.',
        ],
      },
      id: {
        title: 'Akhir pekan ini: perjalanan dengan feri di timur',
        summary: 'Dua jam suara dari geladak kapal, dan lagu-lagu permintaan pendengar di luar negeri.',
        body: [
          'Untuk spesial akhir pekan ini, Sari dan Made sepekan menumpang feri antara Flores, Alor, dan Kupang, merekam orang-orang yang hidup mengikuti jadwal laut.',
          'Di sela kisah-kisah itu, kami putar lagu permintaan Anda dari luar negeri. Kirim permintaan lagu beserta nama kota tempat Anda mendengarkan.',
        ],
      },
      ar: {
        title: 'في نهاية هذا الأسبوع: رحلة على عبّارات الشرق',
        summary: 'ساعتان من أصوات على ظهر السفن، والأغاني التي طلبها مستمعونا في الخارج.',
        body: [
          'من أجل حلقة نهاية الأسبوع الخاصة، سافرت ساري وماده أسبوعًا على العبّارات بين فلوريس وألور وكوبانغ، وسجّلا أصوات أناس يعيشون على مواعيد البحر.',
          'وبين القصص نذيع الأغاني التي طلبتموها من الخارج. أرسلوا طلباتكم مع اسم المدينة التي تستمعون منها.',
        ],
      },
    },
  },
];

const SPECIAL_NOTE: Record<BaseEditionCode, string> = {
  en: 'Live from the Yogyakarta gamelan festival',
  id: 'Langsung dari festival gamelan Yogyakarta',
  ar: 'بث مباشر من مهرجان الغاميلان في يوغياكارتا',
};
const CANCELLED_NOTE: Record<BaseEditionCode, string> = {
  en: 'Replaced by the news special on the regional elections',
  id: 'Diganti siaran khusus berita pemilihan kepala daerah',
  ar: 'يحل محله بث إخباري خاص عن الانتخابات الإقليمية',
};
const PICK_NOTES: Record<BaseEditionCode, [string, string]> = {
  en: ['Greetings from listeners all over the world, every weekday morning.', 'This week: a live concert special.'],
  id: ['Salam dari pendengar di seluruh dunia, setiap pagi hari kerja.', 'Pekan ini: siaran khusus konser langsung.'],
  ar: ['تحيات من مستمعين في أنحاء العالم، صباح كل يوم عمل.', 'هذا الأسبوع: بث خاص لحفل مباشر.'],
};

/** What the radio says in an edition: the shared tables above for the first three, else the edition's module. */
function radioText(code: EditionCode): DemoRadioText {
  if (isAddedEdition(code)) return addedEditions[code].radio;
  return {
    channel: CHANNELS[code],
    programs: Object.fromEntries(
      PROGRAMS.map((p) => [p.slug, { title: p.title[code], description: p.description[code] }]),
    ),
    section: { slug: SECTION.slug[code], name: SECTION.name[code], description: SECTION.description[code] },
    byline: BYLINE[code],
    dateline: DATELINE[code],
    specialNote: SPECIAL_NOTE[code],
    cancelledNote: CANCELLED_NOTE[code],
    pickNotes: PICK_NOTES[code],
  };
}

/** The start of the first day after `from` (station time) that is a weekday Monday–Friday. */
function nextWeekday(from: Date): Date {
  for (let d = 1; d <= 7; d++) {
    const day = new Date(from.getTime() + d * DAY);
    const weekday = new Intl.DateTimeFormat('en-US', { timeZone: STATION_ZONE, weekday: 'short' }).format(day);
    if (!['Sat', 'Sun'].includes(weekday)) return day;
  }
  return new Date(from.getTime() + DAY);
}

/** What the demo seed tells this part (a part of DemoSeedOptions: importing it would make a cycle). */
export interface RadioSeedOptions {
  readonly dataDir: string;
  readonly now: Date;
}

/** Adds the demo radio (inside the demo's transaction). */
export async function seedRadio(w: WriteContext, options: RadioSeedOptions): Promise<void> {
  const now = options.now;
  const users = await w.db.selectFrom('users').select(['id', 'slug']).execute();
  const userId = (slug: string) => users.find((u) => u.slug === slug)?.id;
  // One stored photo per post, shared by its translations; the first few are programs' artwork.
  const photos = [];
  for (const post of POSTS)
    photos.push(
      await storeDemoPhoto(w.db, options.dataDir, post.photo, {
        alt: post.photo.alt.en ?? '',
        caption: post.photo.caption.en ?? '',
        credit: PHOTO_CREDIT,
      }),
    );
  const artwork: Record<string, number> = {
    'morning-show': photos[0]!.id,
    'listeners-hour': photos[1]!.id,
    'culture-corner': photos[2]!.id,
    'music-archipelago': photos[3]!.id,
    'weekend-special': photos[4]!.id,
  };

  const originals: number[] = [];
  for (const code of CODES) {
    const radio = radioText(code);
    const channelId = await saveChannel(w, {
      edition: code,
      name: radio.channel.name,
      slug: radio.channel.slug,
      description: radio.channel.description,
      timeZone: STATION_ZONE,
      streams: [{ url: `http://127.0.0.1:8000/${code}.mp3` }],
      statusSource: 'icecast',
    });
    const programIds = new Map<string, number>();
    for (const p of PROGRAMS) {
      const id = await saveProgram(w, {
        channelId,
        title: radio.programs[p.slug]!.title,
        slug: p.slug,
        description: radio.programs[p.slug]!.description,
        hostIds: p.hosts.map(userId).filter((id): id is number => id !== undefined),
        slots: p.slots,
      });
      programIds.set(p.slug, id);
      if (artwork[p.slug] !== undefined)
        await w.db.updateTable('programs').set({ artwork_media_id: artwork[p.slug] }).where('id', '=', id).execute();
    }

    // The coming week's changes: a special on the evening after tomorrow, and the next weekday's
    // morning show taken off.
    const specialDay = new Date(now.getTime() + 2 * DAY);
    await addScheduleChange(w, {
      channelId,
      kind: 'special',
      programId: programIds.get('culture-corner')!,
      startsAt: zonedTime(specialDay, 19, 0, STATION_ZONE),
      endsAt: zonedTime(specialDay, 20, 30, STATION_ZONE),
      note: radio.specialNote,
    });
    const cancelledDay = nextWeekday(new Date(now.getTime() + 2 * DAY));
    await addScheduleChange(w, {
      channelId,
      kind: 'cancelled',
      programId: programIds.get('morning-show')!,
      startsAt: zonedTime(cancelledDay, 6, 0, STATION_ZONE),
      endsAt: zonedTime(cancelledDay, 9, 0, STATION_ZONE),
      note: radio.cancelledNote,
    });

    const section = await createCategory(w, {
      edition: code,
      parentId: null,
      slug: radio.section.slug,
      name: radio.section.name,
      description: radio.section.description,
      position: 100,
    });
    await chooseHighlightSection(w, { edition: code, categoryId: section.id });
    for (const [i, post] of POSTS.entries()) {
      // The studio's posts are written in the first three editions only.
      const text = isAddedEdition(code) ? undefined : post.text[code];
      if (!text) continue;
      let publishedAt = zonedTime(new Date(now.getTime() - post.daysAgo * DAY), post.hour, 0, STATION_ZONE);
      if (publishedAt > now) publishedAt = new Date(publishedAt.getTime() - DAY);
      const program = PROGRAMS.find((p) => p.slug === post.program)!;
      const row = await createArticle(
        { ...w, now: () => publishedAt },
        {
          edition: code,
          ...(originals[i] !== undefined ? { translationOf: originals[i] } : {}),
          categoryId: section.id,
          authorId: null,
          byline: radio.byline,
          title: text.title,
          summary: text.summary,
          bodyHtml: paragraphsToHtml(text.body),
          dateline: radio.dateline,
          source: '',
          status: 'published',
          isFeatured: false,
          publishedAt,
          featuredMediaId: photos[i]!.id,
          imageCaption: post.photo.caption[code] ?? '',
          imageCredit: PHOTO_CREDIT,
          imageAlt: post.photo.alt[code] ?? '',
          tags: [radio.programs[program.slug]!.title],
        },
      );
      originals[i] ??= row.id;
    }

    await addPick(w, {
      edition: code,
      programId: programIds.get('morning-show')!,
      note: radio.pickNotes[0],
      startsAt: new Date(now.getTime() - DAY),
      endsAt: new Date(now.getTime() + 14 * DAY),
    });
    await addPick(w, {
      edition: code,
      programId: programIds.get('culture-corner')!,
      note: radio.pickNotes[1],
      startsAt: new Date(now.getTime() - 2 * 3_600_000),
      endsAt: new Date(now.getTime() + 7 * DAY),
    });
  }
}
