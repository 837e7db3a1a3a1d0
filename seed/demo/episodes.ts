// The demo's on-demand episodes: two or three for each of three programs in every edition, with
// short transcripts (our own writing) and sound from seed/demo/audio (tones and speech-like noise
// made with ffmpeg), copied into the media store; each length is read from its file.
import { fileURLToPath } from 'node:url';
import { createEpisode, publishEpisode } from '../../src/broadcast/episodes/commands.ts';
import { storeAudioFile } from '../../src/broadcast/episodes/audio.ts';
import type { WriteContext } from '../../src/core/events/index.ts';
import { mediaStorage } from '../../src/media/index.ts';
import type { BaseEditionCode } from './types.ts';
import { zonedTime } from './zoned-time.ts';

const AUDIO_DIR = fileURLToPath(new URL('./audio/', import.meta.url));

interface DemoEpisodeText {
  title: string;
  description: string;
  /** Paragraphs, joined by blank lines. */
  transcript: string[];
}

interface DemoEpisode {
  program: 'morning-show' | 'culture-corner' | 'weekend-special';
  audio: 'morning.mp3' | 'culture.mp3' | 'weekend.mp3' | 'interview.m4a';
  number: number;
  daysAgo: number;
  hour: number;
  /** Linked to the edition's newest story (the article page then offers "Listen"). */
  linksNewestStory?: boolean;
  text: Record<BaseEditionCode, DemoEpisodeText>;
}

const EPISODES: DemoEpisode[] = [
  {
    program: 'morning-show',
    audio: 'morning.mp3',
    number: 41,
    daysAgo: 1,
    hour: 9,
    linksNewestStory: true,
    text: {
      en: {
        title: 'Ferries, rain and the first mangoes',
        description:
          'The morning papers, the ferry timetable after the storm, and a listener in Makassar with the season’s first mangoes.',
        transcript: [
          'Dewi: Good morning, and welcome to the Morning Show. The rain stopped just before dawn, and the ferries from Merak are running again.',
          'Rizky: The harbour master says the first boats left at half past five, and the queues should be gone by ten.',
          'Dewi: And a message from Makassar: the first mangoes of the season are at the market, and they are sweet already.',
        ],
      },
      id: {
        title: 'Feri, hujan, dan mangga pertama',
        description:
          'Ulasan koran pagi, jadwal feri setelah badai, dan pendengar di Makassar dengan mangga pertama musim ini.',
        transcript: [
          'Dewi: Selamat pagi, selamat bergabung di Selamat Pagi Nusantara. Hujan berhenti menjelang subuh, dan feri dari Merak sudah berlayar lagi.',
          'Rizky: Syahbandar mengatakan kapal pertama berangkat pukul setengah enam, dan antrean diperkirakan habis sebelum pukul sepuluh.',
          'Dewi: Ada pesan dari Makassar: mangga pertama musim ini sudah ada di pasar, dan rasanya sudah manis.',
        ],
      },
      ar: {
        title: 'العبّارات والمطر وأول المانجو',
        description: 'جولة في صحف الصباح، ومواعيد العبّارات بعد العاصفة، ومستمع من ماكاسار مع أول مانجو في الموسم.',
        transcript: [
          'ديوي: صباح الخير، ومرحبًا بكم في برنامج الصباح. توقف المطر قبيل الفجر، وعادت العبّارات من ميراك إلى العمل.',
          'رزقي: يقول مدير الميناء إن أول القوارب أبحرت في الخامسة والنصف، وإن الطوابير ستنتهي قبل العاشرة.',
          'ديوي: ورسالة من ماكاسار: أول مانجو في الموسم وصل إلى السوق، وطعمه حلو منذ الآن.',
        ],
      },
    },
  },
  {
    program: 'morning-show',
    audio: 'morning.mp3',
    number: 40,
    daysAgo: 3,
    hour: 9,
    text: {
      en: {
        title: 'A school on stilts',
        description:
          'Guests in the studio talk about a village school built above the tide line, and the children who paddle to it.',
        transcript: [
          'Rizky: Our guest this morning teaches at a school built on stilts above the water. How do the children get there?',
          'Guest: By canoe, most of them. When the tide is low, the older ones walk along the boardwalk and carry the little ones.',
        ],
      },
      id: {
        title: 'Sekolah di atas tiang',
        description:
          'Tamu di studio bercerita tentang sekolah desa yang dibangun di atas garis pasang, dan anak-anak yang mendayung ke sana.',
        transcript: [
          'Rizky: Tamu kita pagi ini mengajar di sekolah yang dibangun di atas tiang di atas air. Bagaimana anak-anak sampai ke sana?',
          'Tamu: Sebagian besar dengan sampan. Kalau air surut, yang besar berjalan di titian sambil menggendong adik-adiknya.',
        ],
      },
      ar: {
        title: 'مدرسة على أعمدة',
        description: 'ضيف في الاستوديو يتحدث عن مدرسة قروية بُنيت فوق خط المدّ، وعن الأطفال الذين يجدّفون إليها.',
        transcript: [
          'رزقي: ضيفنا هذا الصباح يدرّس في مدرسة مبنية على أعمدة فوق الماء. كيف يصل الأطفال إليها؟',
          'الضيف: معظمهم بالقوارب الصغيرة. وعند الجزر يمشي الكبار على الممر الخشبي ويحملون الصغار.',
        ],
      },
    },
  },
  {
    program: 'morning-show',
    audio: 'morning.mp3',
    number: 39,
    daysAgo: 6,
    hour: 9,
    text: {
      en: {
        title: 'Traffic, trains and a birthday song',
        description:
          'How the new commuter line changed the morning rush, and a birthday greeting for a listener in Rotterdam.',
        transcript: [
          'Dewi: One month after the new commuter line opened, the roads into the city are quieter before eight.',
          'Rizky: And before we go, a birthday song for Ibu Ratna in Rotterdam, from her grandchildren in Semarang.',
        ],
      },
      id: {
        title: 'Lalu lintas, kereta, dan lagu ulang tahun',
        description:
          'Bagaimana jalur komuter baru mengubah jam sibuk pagi, dan ucapan ulang tahun untuk pendengar di Rotterdam.',
        transcript: [
          'Dewi: Sebulan setelah jalur komuter baru dibuka, jalan menuju kota lebih lengang sebelum pukul delapan.',
          'Rizky: Sebelum kita tutup, lagu ulang tahun untuk Ibu Ratna di Rotterdam, dari cucu-cucunya di Semarang.',
        ],
      },
      ar: {
        title: 'المرور والقطارات وأغنية عيد ميلاد',
        description: 'كيف غيّر خط القطارات الجديد زحمة الصباح، وتهنئة بعيد ميلاد لمستمعة في روتردام.',
        transcript: [
          'ديوي: بعد شهر من افتتاح خط القطارات الجديد، صارت الطرق إلى المدينة أهدأ قبل الثامنة.',
          'رزقي: وقبل أن نودّعكم، أغنية عيد ميلاد للسيدة راتنا في روتردام، من أحفادها في سيمارانغ.',
        ],
      },
    },
  },
  {
    program: 'culture-corner',
    audio: 'interview.m4a',
    number: 12,
    daysAgo: 2,
    hour: 11,
    text: {
      en: {
        title: 'The last mask carver of the village',
        description:
          'An interview with a carver who makes the masks for the village dance, and the apprentice who will follow him.',
        transcript: [
          'Sari: Every mask starts as a block of pule wood, left to dry for a whole season.',
          'Carver: My father taught me to listen to the wood. If you hurry, it cracks, and the face is lost.',
          'Sari: His apprentice is fourteen. She has carved her first mask, for the smallest dancer.',
        ],
      },
      id: {
        title: 'Pemahat topeng terakhir di desa',
        description: 'Wawancara dengan pemahat yang membuat topeng untuk tari desa, dan murid yang akan meneruskannya.',
        transcript: [
          'Sari: Setiap topeng berawal dari sebongkah kayu pule yang dijemur selama satu musim penuh.',
          'Pemahat: Ayah saya mengajari saya mendengarkan kayu. Kalau terburu-buru, kayunya retak, dan wajahnya hilang.',
          'Sari: Muridnya berusia empat belas tahun. Ia sudah memahat topeng pertamanya, untuk penari terkecil.',
        ],
      },
      ar: {
        title: 'آخر نحّات للأقنعة في القرية',
        description: 'حوار مع نحّات يصنع أقنعة رقصة القرية، ومع التلميذة التي ستخلفه.',
        transcript: [
          'ساري: يبدأ كل قناع قطعةً من خشب البولي تُترك لتجفّ موسمًا كاملًا.',
          'النحّات: علّمني أبي أن أصغي إلى الخشب. إن استعجلت تشقّق، وضاع الوجه.',
          'ساري: تلميذته في الرابعة عشرة. نحتت قناعها الأول، لأصغر الراقصين.',
        ],
      },
    },
  },
  {
    program: 'culture-corner',
    audio: 'culture.mp3',
    number: 11,
    daysAgo: 9,
    hour: 11,
    text: {
      en: {
        title: 'Batik by the river',
        description: 'A visit to a batik workshop where the colours still come from leaves, roots and bark.',
        transcript: [
          'Sari: The indigo vat smells of the forest after rain. The cloth goes in white and comes out green, then blue as it meets the air.',
          'Dyer: We dip it twelve times for this colour. The river takes the rest away, so we use nothing the fish would mind.',
        ],
      },
      id: {
        title: 'Batik di tepi sungai',
        description: 'Berkunjung ke bengkel batik yang warnanya masih berasal dari daun, akar, dan kulit kayu.',
        transcript: [
          'Sari: Tong nila berbau seperti hutan setelah hujan. Kain masuk berwarna putih, keluar hijau, lalu membiru saat terkena udara.',
          'Pewarna: Untuk warna ini kami mencelupnya dua belas kali. Sisanya dibawa sungai, jadi kami tidak memakai apa pun yang mengganggu ikan.',
        ],
      },
      ar: {
        title: 'الباتيك على ضفة النهر',
        description: 'زيارة إلى ورشة باتيك ما زالت ألوانها تأتي من الأوراق والجذور ولحاء الأشجار.',
        transcript: [
          'ساري: لحوض النيلة رائحة الغابة بعد المطر. يدخل القماش أبيض ويخرج أخضر، ثم يزرقّ حين يلامس الهواء.',
          'الصبّاغ: نغمسه اثنتي عشرة مرة لهذا اللون. والنهر يحمل الباقي، لذلك لا نستعمل شيئًا يؤذي السمك.',
        ],
      },
    },
  },
  {
    program: 'weekend-special',
    audio: 'weekend.mp3',
    number: 8,
    daysAgo: 4,
    hour: 17,
    text: {
      en: {
        title: 'Night train to the east',
        description: 'A journey on the overnight train across Java, with the people who ride it every week.',
        transcript: [
          'Made: The train leaves at nine in the evening. By midnight the carriage is quiet, apart from the tea trolley.',
          'Sari: A nurse going home to her family, a student with a guitar, a farmer with seeds for the new season: everyone has a reason to travel by night.',
        ],
      },
      id: {
        title: 'Kereta malam ke timur',
        description:
          'Perjalanan dengan kereta malam melintasi Jawa, bersama orang-orang yang menumpanginya setiap minggu.',
        transcript: [
          'Made: Kereta berangkat pukul sembilan malam. Menjelang tengah malam gerbong sudah sepi, kecuali troli teh.',
          'Sari: Seorang perawat pulang ke keluarganya, mahasiswa dengan gitar, petani membawa benih untuk musim baru: semua punya alasan bepergian di malam hari.',
        ],
      },
      ar: {
        title: 'قطار الليل إلى الشرق',
        description: 'رحلة على قطار الليل عبر جاوة، مع الناس الذين يركبونه كل أسبوع.',
        transcript: [
          'ماده: ينطلق القطار في التاسعة مساءً. وعند منتصف الليل تهدأ العربة، إلا من عربة الشاي.',
          'ساري: ممرضة عائدة إلى أهلها، وطالب معه غيتار، ومزارع يحمل بذور الموسم الجديد: لكلّ منهم سبب للسفر ليلًا.',
        ],
      },
    },
  },
  {
    program: 'weekend-special',
    audio: 'weekend.mp3',
    number: 7,
    daysAgo: 11,
    hour: 17,
    text: {
      en: {
        title: 'Songs from listeners abroad',
        description: 'Requests from Cairo, Tokyo and Sydney, and the stories behind them.',
        transcript: [
          'Made: This song was requested by a student in Cairo who misses the sound of the rain on a tin roof.',
          'Sari: And from Tokyo, a song that a father sang to his daughter before she left home. She wants him to hear it tonight.',
        ],
      },
      id: {
        title: 'Lagu-lagu dari pendengar di luar negeri',
        description: 'Permintaan lagu dari Kairo, Tokyo, dan Sydney, beserta kisah di baliknya.',
        transcript: [
          'Made: Lagu ini diminta oleh mahasiswa di Kairo yang rindu suara hujan di atap seng.',
          'Sari: Dan dari Tokyo, lagu yang dulu dinyanyikan seorang ayah untuk putrinya sebelum ia merantau. Ia ingin ayahnya mendengarnya malam ini.',
        ],
      },
      ar: {
        title: 'أغانٍ من المستمعين في الخارج',
        description: 'طلبات من القاهرة وطوكيو وسيدني، والحكايات التي وراءها.',
        transcript: [
          'ماده: طلب هذه الأغنية طالب في القاهرة يشتاق إلى صوت المطر على سقف من الصفيح.',
          'ساري: ومن طوكيو، أغنية كان أب يغنيها لابنته قبل أن تغادر البيت. تريد أن يسمعها الليلة.',
        ],
      },
    },
  },
];

/** Adds the demo episodes to the demo programs (inside the demo's transaction, after seedRadio). */
export async function seedEpisodes(
  w: WriteContext,
  // The demo's options (DemoSeedOptions), by shape: index.ts imports this module.
  options: { readonly dataDir: string; readonly timezone: string; readonly now: Date },
): Promise<void> {
  const programs = await w.db
    .selectFrom('programs')
    .select(['id', 'edition', 'slug'])
    .where('slug', 'in', [...new Set(EPISODES.map((e) => e.program))])
    .execute();
  if (programs.length === 0) return;
  const storage = mediaStorage(options.dataDir);
  for (const e of EPISODES) {
    for (const [edition, text] of Object.entries(e.text) as [BaseEditionCode, DemoEpisodeText][]) {
      // The radio seed decides which programs exist; one that is missing is left out quietly.
      const program = programs.find((p) => p.edition === edition && p.slug === e.program);
      if (!program) continue;
      const { file, probe } = await storeAudioFile(storage, `${AUDIO_DIR}${e.audio}`);
      const newest = e.linksNewestStory
        ? await w.db
            .selectFrom('articles')
            .select('id')
            .where('edition', '=', edition)
            .where('status', '=', 'published')
            .orderBy('published_at', 'desc')
            .limit(1)
            .executeTakeFirst()
        : undefined;
      let at = zonedTime(new Date(options.now.getTime() - e.daysAgo * 86_400_000), e.hour, 0, options.timezone);
      if (at > options.now) at = new Date(at.getTime() - 86_400_000);
      const id = await createEpisode(
        { ...w, now: () => at },
        {
          programId: program.id,
          title: text.title,
          description: text.description,
          transcript: text.transcript.join('\n\n'),
          episodeNumber: e.number,
          articleIds: newest ? [newest.id] : [],
          audio: {
            kind: 'file',
            file,
            type: probe.type,
            bytes: probe.bytes,
            durationSeconds: probe.durationSeconds,
          },
        },
      );
      await publishEpisode({ ...w, now: () => at }, id);
    }
  }
}
