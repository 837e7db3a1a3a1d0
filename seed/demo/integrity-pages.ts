// Demo Zona Integritas pages: the zone's root (shown on /{edition}/integrity above the reporting
// channel and the documents) and its declaration, programme, service standards and contacts. The
// root's slug is "integrity" in every edition: the zone's front page finds it by that path.
import type { DemoPage } from './types.ts';

export const integrityPages: DemoPage[] = [
  {
    key: 'integrity',
    slug: { en: 'integrity', id: 'integrity', ar: 'integrity' },
    title: { en: 'Zona Integritas', id: 'Zona Integritas', ar: 'منطقة النزاهة' },
    summary: {
      en: 'Radio Warta Nusantara is building an integrity zone towards a corruption-free area (WBK) and a clean, serving bureaucracy (WBBM).',
      id: 'Radio Warta Nusantara membangun zona integritas menuju Wilayah Bebas dari Korupsi (WBK) dan Wilayah Birokrasi Bersih dan Melayani (WBBM).',
      ar: 'تبني إذاعة وارتا نوسانتارا منطقة نزاهة نحو منطقة خالية من الفساد وإدارة نظيفة في خدمة الجمهور.',
    },
    body: {
      en: [
        'An integrity zone is a promise that a public body makes in the open: that its people will not ask for or accept anything beyond their pay, that its services follow published standards, and that anyone can hold it to account. Every unit of our broadcaster, from the newsroom to the transmitter stations, has signed it.',
        'On these pages you find the declaration we signed, the programme of change we follow, the standards of the services we give the public, and who to contact. The documents that prove our progress are in the document library.',
      ],
      id: [
        'Zona integritas adalah janji yang diucapkan sebuah lembaga publik secara terbuka: bahwa insan-insannya tidak akan meminta atau menerima apa pun di luar haknya, bahwa layanannya mengikuti standar yang diumumkan, dan bahwa siapa pun dapat memintanya bertanggung jawab. Setiap unit lembaga penyiaran kami, dari ruang redaksi hingga stasiun pemancar, telah menandatanganinya.',
        'Di halaman-halaman ini Anda menemukan deklarasi yang kami tandatangani, program perubahan yang kami jalankan, standar layanan kami kepada publik, dan kontak yang dapat dihubungi. Dokumen yang membuktikan kemajuan kami tersedia di pustaka dokumen.',
      ],
      ar: [
        'منطقة النزاهة وعد تعلنه المؤسسة العامة على الملأ: ألا يطلب العاملون فيها أو يقبلوا شيئًا غير أجورهم، وأن تلتزم خدماتها بمعايير منشورة، وأن يستطيع كل أحد مساءلتها. وقد وقّعت عليه كل وحدات مؤسستنا، من غرفة الأخبار إلى محطات الإرسال.',
        'تجد في هذه الصفحات الإعلان الذي وقّعناه، وبرنامج التغيير الذي نتبعه، ومعايير خدماتنا للجمهور، وجهات الاتصال. أما الوثائق التي تثبت تقدمنا فهي في مكتبة الوثائق.',
      ],
    },
  },
  {
    key: 'integrity-declaration',
    parent: 'integrity',
    slug: { en: 'declaration', id: 'deklarasi', ar: 'declaration' },
    title: { en: 'Integrity Pact Declaration', id: 'Deklarasi Pakta Integritas', ar: 'إعلان ميثاق النزاهة' },
    summary: {
      en: 'What every one of us signed, from the president director to the newest reporter.',
      id: 'Apa yang kami tandatangani bersama, dari direktur utama hingga reporter termuda.',
      ar: 'ما وقّعه كل واحد منا، من المدير العام إلى أحدث المراسلين.',
    },
    body: {
      en: [
        'On 12 January 2026, in front of the staff assembly in Jakarta and the regional stations by video link, the board of directors and every head of unit signed the integrity pact. Each member of staff has since signed it as well.',
        '## We declare that we will',
        '- refuse any gift, payment or favour connected with our work, and report any that is offered;',
        '- serve every listener, partner and supplier by the same published rules, without fees that are not in them;',
        '- keep editorial decisions free from the interests of sponsors, officials and ourselves;',
        '- report misconduct we see, and protect colleagues who report it;',
        '- accept the consequences set by the rules if we break this pact.',
      ],
      id: [
        'Pada 12 Januari 2026, di hadapan apel pegawai di Jakarta dan stasiun daerah yang terhubung lewat video, dewan direksi dan seluruh kepala unit menandatangani pakta integritas. Sejak itu setiap pegawai juga telah menandatanganinya.',
        '## Kami menyatakan akan',
        '- menolak setiap hadiah, imbalan, atau fasilitas yang berkaitan dengan pekerjaan kami, dan melaporkan setiap tawaran;',
        '- melayani setiap pendengar, mitra, dan pemasok dengan aturan yang sama dan diumumkan, tanpa pungutan di luar aturan itu;',
        '- menjaga keputusan redaksi bebas dari kepentingan sponsor, pejabat, maupun kepentingan kami sendiri;',
        '- melaporkan pelanggaran yang kami lihat, dan melindungi rekan yang melaporkannya;',
        '- menerima sanksi sesuai aturan bila kami melanggar pakta ini.',
      ],
      ar: [
        'في 12 يناير 2026، وأمام اجتماع الموظفين في جاكرتا والمحطات الإقليمية المتصلة عبر الفيديو، وقّع مجلس الإدارة وجميع رؤساء الوحدات ميثاق النزاهة، ثم وقّعه كل موظف بعد ذلك.',
        '## نعلن أننا سوف',
        '- نرفض أي هدية أو مال أو منفعة تتصل بعملنا، ونبلغ عن أي عرض من هذا النوع؛',
        '- نخدم كل مستمع وشريك ومورّد وفق القواعد المنشورة نفسها، دون رسوم خارجها؛',
        '- نحمي القرار التحريري من مصالح الرعاة والمسؤولين ومصالحنا الشخصية؛',
        '- نبلغ عما نراه من سوء سلوك، ونحمي الزملاء الذين يبلغون عنه؛',
        '- نقبل العواقب التي تحددها القواعد إذا خالفنا هذا الميثاق.',
      ],
    },
  },
  {
    key: 'integrity-programme',
    parent: 'integrity',
    slug: { en: 'programme', id: 'program', ar: 'programme' },
    title: { en: 'Programme of Change', id: 'Program Perubahan', ar: 'برنامج التغيير' },
    summary: {
      en: 'Six areas of change, each with a lead, a plan and evidence published every quarter.',
      id: 'Enam area perubahan, masing-masing dengan penanggung jawab, rencana, dan bukti yang diumumkan setiap triwulan.',
      ar: 'ستة مجالات للتغيير، لكل منها مسؤول وخطة وأدلة تُنشر كل ربع سنة.',
    },
    body: {
      en: [
        'Our integrity zone team works through the six areas of change that the national bureaucratic reform programme sets for every public body. Each area has a lead, a yearly plan and evidence that we publish in the document library.',
        '- Change management: the team, its plan and its monitoring',
        '- Management of procedures: our services written down, simplified and published',
        '- Human resources: open recruitment, fair assessment and training',
        '- Accountability: targets and results reported to the public',
        '- Supervision: gratification control, whistleblowing and conflicts of interest',
        '- Quality of public service: standards, the satisfaction survey and complaint handling',
      ],
      id: [
        'Tim zona integritas kami bekerja melalui enam area perubahan yang ditetapkan program reformasi birokrasi nasional bagi setiap lembaga publik. Setiap area memiliki penanggung jawab, rencana tahunan, dan bukti yang kami umumkan di pustaka dokumen.',
        '- Manajemen perubahan: tim, rencana kerja, dan pemantauannya',
        '- Penataan tata laksana: layanan kami dituliskan, disederhanakan, dan diumumkan',
        '- Penataan sistem manajemen SDM: rekrutmen terbuka, penilaian yang adil, dan pelatihan',
        '- Penguatan akuntabilitas: target dan capaian dilaporkan kepada publik',
        '- Penguatan pengawasan: pengendalian gratifikasi, whistleblowing, dan benturan kepentingan',
        '- Peningkatan kualitas pelayanan publik: standar, survei kepuasan, dan penanganan pengaduan',
      ],
      ar: [
        'يعمل فريق منطقة النزاهة لدينا في مجالات التغيير الستة التي يحددها البرنامج الوطني لإصلاح الإدارة لكل مؤسسة عامة. ولكل مجال مسؤول وخطة سنوية وأدلة ننشرها في مكتبة الوثائق.',
        '- إدارة التغيير: الفريق وخطته ومتابعتها',
        '- تنظيم الإجراءات: خدماتنا مكتوبة ومبسطة ومنشورة',
        '- الموارد البشرية: توظيف مفتوح وتقييم عادل وتدريب',
        '- المساءلة: أهداف ونتائج تُعلن للجمهور',
        '- الرقابة: ضبط الهدايا والإبلاغ عن المخالفات وتضارب المصالح',
        '- جودة الخدمة العامة: المعايير واستبيان الرضا ومعالجة الشكاوى',
      ],
    },
  },
  {
    key: 'integrity-service-standards',
    parent: 'integrity',
    slug: { en: 'service-standards', id: 'standar-pelayanan', ar: 'service-standards' },
    title: { en: 'Service Standards', id: 'Standar Pelayanan', ar: 'معايير الخدمة' },
    summary: {
      en: 'What you can expect from us, how long it takes and what it costs.',
      id: 'Apa yang dapat Anda harapkan dari kami, berapa lama, dan berapa biayanya.',
      ar: 'ما يمكنك أن تتوقعه منا، والمدة التي يستغرقها، وكلفته.',
    },
    body: {
      en: [
        'These are the services we give the public, each with its requirements, the time it takes and its cost. Every service not listed with a tariff is free of charge.',
        '## Studio visits for schools and groups',
        'Request by e-mail at least ten working days ahead; we confirm within three working days. Free of charge.',
        '## Copies of broadcasts',
        'A recording of a programme we aired, for the people who took part in it: requested with the date and time, delivered within five working days. Free of charge for participants; other uses follow the published archive tariff.',
        '## Listener questions and complaints',
        'Answered within five working days. A complaint about our service can also be made, anonymously if you wish, through the reporting channel of this zone.',
      ],
      id: [
        'Berikut layanan kami kepada publik, masing-masing dengan persyaratan, waktu penyelesaian, dan biayanya. Setiap layanan yang tidak dicantumkan tarifnya tidak dipungut biaya.',
        '## Kunjungan studio untuk sekolah dan kelompok',
        'Permohonan melalui surel paling lambat sepuluh hari kerja sebelumnya; kami mengonfirmasi dalam tiga hari kerja. Tidak dipungut biaya.',
        '## Salinan siaran',
        'Rekaman program yang telah kami siarkan, bagi pihak yang terlibat di dalamnya: diminta dengan menyebutkan tanggal dan jam, diserahkan dalam lima hari kerja. Gratis bagi narasumber dan peserta; penggunaan lain mengikuti tarif arsip yang diumumkan.',
        '## Pertanyaan dan pengaduan pendengar',
        'Dijawab dalam lima hari kerja. Pengaduan tentang layanan kami juga dapat disampaikan, secara anonim bila Anda mau, melalui kanal pelaporan di zona ini.',
      ],
      ar: [
        'هذه هي الخدمات التي نقدمها للجمهور، ولكل منها متطلباتها والمدة التي تستغرقها وكلفتها. وكل خدمة لم تُذكر لها تعرفة فهي مجانية.',
        '## زيارات الاستوديو للمدارس والمجموعات',
        'يُقدَّم الطلب بالبريد الإلكتروني قبل عشرة أيام عمل على الأقل، ونؤكده خلال ثلاثة أيام عمل. مجانًا.',
        '## نسخ من البث',
        'تسجيل لبرنامج بثثناه، لمن شاركوا فيه: يُطلب بذكر التاريخ والساعة، ويُسلَّم خلال خمسة أيام عمل. مجانًا للمشاركين، وتخضع الاستخدامات الأخرى لتعرفة الأرشيف المنشورة.',
        '## أسئلة المستمعين وشكاواهم',
        'نجيب عنها خلال خمسة أيام عمل. ويمكن أيضًا تقديم شكوى بشأن خدمتنا، دون ذكر الاسم إن شئت، عبر قناة البلاغات في هذه المنطقة.',
      ],
    },
  },
  {
    key: 'integrity-contacts',
    parent: 'integrity',
    slug: { en: 'contacts', id: 'kontak', ar: 'contacts' },
    title: { en: 'Integrity Contacts', id: 'Kontak Integritas', ar: 'جهات الاتصال للنزاهة' },
    summary: {
      en: 'The integrity zone team and the gratification control unit.',
      id: 'Tim zona integritas dan unit pengendalian gratifikasi.',
      ar: 'فريق منطقة النزاهة ووحدة ضبط الهدايا.',
    },
    body: {
      en: [
        'For questions about our integrity zone, its documents or this site’s privacy notice, write to the integrity zone team at integrity@warta.example or call the switchboard on +62 21 555 0140 on working days, 08:00–16:00 Jakarta time.',
        'To report misconduct, corruption or a gift, please use the reporting channel instead: it does not ask for your name, it is encrypted, and only the integrity officers can read it.',
        '## Gratification control unit',
        'Staff who are offered or have received a gift report it to the unit within ten working days, through the reporting channel or in person at the Jakarta office, 4th floor.',
      ],
      id: [
        'Untuk pertanyaan tentang zona integritas kami, dokumennya, atau pemberitahuan privasi situs ini, kirim surel ke tim zona integritas di integrity@warta.example atau hubungi operator di +62 21 555 0140 pada hari kerja pukul 08.00–16.00 WIB.',
        'Untuk melaporkan pelanggaran, korupsi, atau gratifikasi, gunakan kanal pelaporan: kanal itu tidak meminta nama Anda, terenkripsi, dan hanya dapat dibaca petugas integritas.',
        '## Unit Pengendalian Gratifikasi',
        'Pegawai yang ditawari atau telah menerima hadiah melaporkannya kepada unit ini dalam sepuluh hari kerja, melalui kanal pelaporan atau langsung di kantor Jakarta, lantai 4.',
      ],
      ar: [
        'للاستفسار عن منطقة النزاهة لدينا أو وثائقها أو إشعار الخصوصية في هذا الموقع، راسل فريق منطقة النزاهة على integrity@warta.example أو اتصل بالمقسم على الرقم ‎+62 21 555 0140 في أيام العمل من الثامنة صباحًا إلى الرابعة عصرًا بتوقيت جاكرتا.',
        'أما للإبلاغ عن سوء سلوك أو فساد أو هدية فاستخدم قناة البلاغات: فهي لا تطلب اسمك، ومشفرة، ولا يقرؤها إلا موظفو النزاهة.',
        '## وحدة ضبط الهدايا',
        'يبلغ الموظفون الذين عُرضت عليهم هدية أو تلقوها هذه الوحدة خلال عشرة أيام عمل، عبر قناة البلاغات أو حضوريًا في مكتب جاكرتا، الطابق الرابع.',
      ],
    },
  },
];
