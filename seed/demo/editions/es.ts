// Demo content of the Spanish edition (Servicio en español): sections, bios, stories, pages and radio, in Spanish.
import type { DemoEditionContent } from '../types.ts';

/** Alt texts of the photo scenes, in Spanish (see the ALT table of articles.ts). */
const ALT = {
  harbour: 'Barcos de pesca en el agua frente a un puerto de contenedores con grúas',
  city: 'Edificios altos sobre una avenida arbolada de la ciudad',
  stage: 'Una bailarina y músicos de gamelán en un escenario iluminado ante el público',
  mountain: 'Un volcán con una columna de humo sobre colinas verdes y una aldea',
  sea: 'Mar abierto con pequeñas islas en el horizonte',
  football: 'Futbolistas sobre el terreno de juego ante unas gradas repletas',
};

/** The Spanish edition's demo content. */
export const es: DemoEditionContent = {
  categories: {
    national: {
      slug: 'indonesia',
      name: 'Indonesia',
      description:
        'Noticias de todo el archipiélago indonesio: gobierno, servicios públicos, infraestructuras y la vida de su gente.',
    },
    world: {
      slug: 'mundo',
      name: 'Mundo',
      description: 'Asuntos internacionales, diplomacia y el lugar de Indonesia en el mundo.',
    },
    'southeast-asia': {
      slug: 'sudeste-asiatico',
      name: 'Sudeste Asiático',
      description:
        'Nuestros vecinos: la cooperación en la ASEAN, el comercio fronterizo y los desafíos que comparte la región.',
    },
    economy: {
      slug: 'economia',
      name: 'Economía',
      description:
        'Comercio, industria, agricultura, pequeñas empresas y las cifras que marcan el presupuesto de los hogares.',
    },
    culture: {
      slug: 'cultura',
      name: 'Cultura',
      description:
        'Música, danza, artesanía, literatura y las tradiciones vivas de las muchas comunidades de Indonesia.',
    },
    sports: {
      slug: 'deportes',
      name: 'Deportes',
      description:
        'Bádminton, fútbol, atletismo y mucho más, desde los campos de las aldeas hasta los campeonatos mundiales.',
    },
    tourism: {
      slug: 'turismo',
      name: 'Turismo',
      description: 'Destinos, noticias de viajes y las comunidades que reciben a los visitantes en todas las islas.',
    },
  },

  authorBios: {
    dewi: 'Dewi Anggraini es la jefa de redacción del servicio en inglés. Antes de incorporarse a la mesa de noticias, cubrió durante una década el Parlamento y los gobiernos regionales.',
    bayu: 'Bayu Prasetyo cubre economía, comercio y transporte, con especial atención a los puertos y la navegación en el este de Indonesia.',
    sari: 'Sari Wulandari escribe sobre cultura, patrimonio y viajes. Estudió artes escénicas en Yogyakarta y todavía toca en un conjunto de gamelán de su aldea.',
    rizky:
      'Rizky Hidayat es el corresponsal de deportes: sigue el bádminton, el fútbol y el atletismo, desde los torneos escolares hasta las finales internacionales.',
    made: 'Made Suryawan informa sobre medio ambiente, ciencia y diplomacia regional desde la delegación de Denpasar, y viaja a menudo por el Sudeste Asiático.',
  },

  translations: {
    'un-ocean-small-fishers': {
      title: 'Indonesia pide en la ONU que se escuche a los pescadores artesanales',
      summary:
        'La delegación indonesia sostiene que las comunidades costeras, que capturan la mayor parte del pescado que se vende en los mercados locales, deben tener voz en las nuevas normas de protección marina.',
      dateline: 'Nueva York',
      source: '',
      body: [
        'Indonesia ha instado a los gobiernos reunidos en las Naciones Unidas, en Nueva York, a dar a los pescadores artesanales una voz formal en las negociaciones sobre la protección de la alta mar y de las aguas costeras, con el argumento de que unas normas elaboradas sin ellos difícilmente funcionarán.',
        'En nombre de la delegación, la alta funcionaria de pesca Ratna Simanjuntak recordó que los pescadores tradicionales aportan la mayor parte del pescado que se consume en las comunidades costeras de Asia y África y que, sin embargo, rara vez participan en las decisiones sobre áreas marinas protegidas o cuotas de captura.',
        '«Cuando se traza un área protegida sobre un mapa en una capital, el primero en notarlo es el pescador de la barca pequeña. Debería estar sentado a la mesa cuando se dibujan las líneas», dijo en una sesión dedicada a la pesca sostenible.',
        'Indonesia, que tiene una de las costas más largas del mundo, propuso que los países informen de cómo consultan a las comunidades pesqueras cuando declaran nuevas zonas protegidas. Varios estados insulares del Pacífico y dos delegaciones de África Occidental respaldaron la iniciativa.',
        'Las organizaciones ecologistas acogieron con agrado la propuesta, pero pidieron que vaya acompañada de medidas en casa y recordaron los conflictos entre pescadores locales y embarcaciones de mayor tamaño en varias provincias indonesias. Las negociaciones continuarán en los próximos días.',
      ],
      tags: ['pesca', 'diplomacia', 'océanos'],
      caption:
        'Caladeros frente a la costa de Sulawesi del Norte. Indonesia pidió a los delegados en Nueva York que se consulte a quienes faenan en aguas como estas antes de aprobar nuevas normas de protección marina.',
      alt: ALT.sea,
    },
    'yogyakarta-gamelan-festival': {
      title: 'Yogyakarta reúne a conjuntos de gamelán de doce países',
      summary:
        'Grupos de Japón, Estados Unidos, Europa, México y de toda Indonesia actúan durante cinco noches, desde la música de corte hasta obras de nueva creación.',
      dateline: 'Yogyakarta',
      source: '',
      body: [
        'Conjuntos de gamelán de doce países se han dado cita en Yogyakarta para un festival de cinco noches que reúne el repertorio clásico de las cortes, las tradiciones de las aldeas y obras nuevas escritas para los instrumentos de bronce de Java y Bali.',
        'Entre las veintiocho agrupaciones participantes hay conjuntos universitarios de Japón, Estados Unidos, los Países Bajos y Nueva Zelanda, además de un gamelán comunitario de Ciudad de México fundado por un músico que estudió en Yogyakarta en los años noventa. Por parte indonesia actúan músicos de la corte, orquestas escolares y un grupo de mujeres de una aldea de Gunungkidul.',
        '«El gamelán no es una pieza de museo. Gente que nunca ha pisado Java se sienta ante estos instrumentos y descubre que le cambian la manera de escuchar», afirma el director del festival, el compositor Purwanto Hadi, que da clases en un instituto de artes de la ciudad.',
        'Los conciertos se celebran cada noche en un pabellón abierto y la entrada es libre. Por las mañanas, los músicos extranjeros participan en talleres con maestros javaneses, y varios grupos internacionales interpretan piezas compuestas este mismo año por autores indonesios.',
        'El festival se cerrará con una actuación conjunta en la que músicos de todos los conjuntos tocarán juntos en varios juegos de instrumentos. Según los organizadores, la cita crece cada año y ya atrae a público de toda la isla de Java.',
      ],
      tags: ['gamelán', 'música', 'Yogyakarta', 'festivales'],
      caption:
        'Una bailarina actúa con un conjunto de gamelán en el escenario del festival de Yogyakarta, donde participan veintiocho agrupaciones de doce países durante cinco noches.',
      alt: ALT.stage,
    },
    'priangan-derby-win': {
      title: 'El Priangan FC se pone líder tras ganar el derbi de Java Occidental',
      summary:
        'Un cabezazo del defensa Yusuf Maulana en el tramo final dio al equipo de Bandung la victoria por 2-1 ante el Bogor Raya, con el estadio lleno.',
      dateline: 'Bandung',
      source: '',
      body: [
        'El Priangan FC es el nuevo líder de la liga nacional tras imponerse por 2-1 al Bogor Raya, su rival de Java Occidental, gracias a un cabezazo del defensa Yusuf Maulana a cuatro minutos del final del tiempo reglamentario.',
        'Los visitantes se adelantaron hacia la mitad de la primera parte, cuando el delantero Arif Gunawan se zafó de su marcador con un giro y cruzó un disparo raso al segundo palo. El Priangan empató al comienzo de la segunda mitad con un penalti transformado por el capitán Ricky Sinaga tras una mano dentro del área.',
        'Empujado por casi treinta mil aficionados, el equipo local buscó el gol de la victoria y lo encontró en un saque de esquina: Maulana se elevó por encima de dos defensas y cabeceó a la red. En los últimos minutos, el portero del Bogor Raya firmó tres grandes paradas que evitaron una diferencia mayor.',
        '«Los derbis nunca son bonitos, son cuestión de carácter. La afición nos llevó en volandas los últimos veinte minutos», declaró el entrenador del Priangan, Dadang Supriatna.',
        'Con este triunfo, el Priangan aventaja en un punto a sus perseguidores cuando quedan once jornadas. La policía y los clubes informaron de que el partido transcurrió sin incidentes graves, después de que ambas entidades acordaran ubicar a la afición visitante en una grada separada y con acceso propio.',
      ],
      tags: ['fútbol', 'liga', 'Bandung'],
      caption:
        'Jugadores sobre el césped ante un estadio lleno en Bandung, Java Occidental, donde el Priangan FC venció 2-1 al Bogor Raya y se colocó en cabeza de la liga.',
      alt: ALT.football,
    },
    'bromo-visitor-limit': {
      title: 'El monte Bromo limita las visitas a sus miradores del amanecer',
      summary:
        'El parque nacional fijará un cupo diario en los puntos más concurridos y exigirá reserva por internet, para aliviar las aglomeraciones y proteger el frágil paisaje de la caldera.',
      dateline: 'Probolinggo',
      source: '',
      body: [
        'El parque nacional que alberga el monte Bromo, en Java Oriental, limitará el número de visitantes en sus miradores más populares para contemplar el amanecer y exigirá que las entradas se reserven por internet, con el fin de reducir las aglomeraciones y los daños al paisaje que rodea el volcán.',
        'Con las nuevas normas, solo podrán acceder cada día dos mil personas a los principales miradores del borde de la caldera, y habrá un límite aparte para los todoterrenos que bajan al mar de arena. Cada entrada irá asociada a una franja horaria y a un visitante identificado con su nombre.',
        'Según los responsables del parque, en temporada alta las colas de todoterrenos se extendían durante kilómetros antes del alba, y los miradores llegaban a estar tan abarrotados que algunos visitantes saltaban las barreras de seguridad. La conducción fuera de pista ha abierto además profundos surcos en la arena y los pastizales del fondo de la caldera.',
        'Se ha consultado a la comunidad tengger, que vive en las aldeas que rodean la caldera y gestiona la mayoría de los servicios de todoterreno. «Queremos que vengan visitantes, pero en esta montaña también rezamos. No debería parecer una estación de autobuses», dijo Supoyo, un anciano de la aldea de Ngadisari.',
        'Los cupos no se aplicarán durante la ceremonia de Yadnya Kasada, cuando los tengger llevan ofrendas al cráter; ese día, el parque gestionará el acceso junto con los líderes de la comunidad.',
      ],
      tags: ['monte Bromo', 'parques nacionales', 'volcanes'],
      caption:
        'Un volcán sobre las aldeas de las tierras altas de Tengger, en Java Oriental. El parque nacional del monte Bromo limitará el número diario de visitantes en sus miradores más concurridos.',
      alt: ALT.mountain,
    },
  },

  stories: [
    {
      key: 'es-mision-comercial-latinoamericana',
      category: 'economy',
      author: 'bayu',
      daysAgo: 1,
      hour: 12,
      minute: 25,
      featured: true,
      reads: 1560,
      ratings: [139, 33],
      photo: {
        scene: 'harbour',
        seed: 2307,
        caption: {
          es: 'Grúas en el puerto de Tanjung Priok, en Yakarta, por donde entra la mayor parte de la fruta importada. Sesenta empresas latinoamericanas han buscado esta semana compradores y socios en la capital indonesia.',
        },
        alt: { es: ALT.harbour },
        credit: 'Warta Photo/Andi Mappaseng',
      },
      text: {
        es: {
          title: 'Empresas de cuatro países latinoamericanos buscan socios en Yakarta',
          summary:
            'Sesenta compañías de Chile, Perú, Colombia y México se han reunido con importadores y fabricantes indonesios. Fruta, vino y café en un sentido; neumáticos, textiles y motocicletas en el otro.',
          dateline: 'Yakarta',
          source: '',
          body: [
            'Sesenta empresas de Chile, Perú, Colombia y México han pasado tres días en Yakarta en busca de compradores y socios, en la mayor misión comercial latinoamericana que ha recibido la capital indonesia en los últimos años. La visita se cerró con más de cuatrocientas reuniones de negocios y una veintena de cartas de intención.',
            'Los exportadores latinoamericanos llegaron con uvas, arándanos, aguacates, vino, cacao y café de especialidad. Con más de doscientos setenta millones de habitantes y una clase media en expansión, Indonesia es un mercado donde la fruta importada gana espacio en los supermercados y en las tiendas en línea.',
            '«Hace diez años nadie en Yakarta pedía arándanos. Hoy los piden las cafeterías y las pastelerías, y quieren fruta que llegue en buen estado después de un mes de barco», explicó Valentina Rojas, gerente de una cooperativa frutícola del centro de Chile.',
            'El comercio también circula en sentido contrario. Fabricantes indonesios de neumáticos, calzado, textiles, papel y motocicletas presentaron sus productos a importadores que hasta ahora compraban sobre todo a través de intermediarios de otros países asiáticos. Empresarios de ambos lados señalaron el coste y la duración del transporte marítimo como el principal obstáculo.',
            'El Ministerio de Comercio indonesio anunció que el año próximo organizará una misión de vuelta a Santiago, Lima y Bogotá. Los acuerdos comerciales ya firmados con algunos países de la región, añadió, han rebajado aranceles que hace una década hacían inviables muchas operaciones.',
          ],
          tags: ['comercio', 'América Latina', 'exportaciones', 'Yakarta'],
        },
      },
    },
    {
      key: 'es-curso-espanol-universidad',
      category: 'national',
      author: 'dewi',
      daysAgo: 3,
      hour: 9,
      minute: 40,
      reads: 1190,
      ratings: [104, 24],
      photo: {
        scene: 'city',
        seed: 2314,
        caption: {
          es: 'Edificios en el sur de Yakarta, donde una universidad ha duplicado en dos años el número de grupos de español.',
        },
        alt: { es: ALT.city },
        credit: 'Warta Photo/Nurul Fitria',
      },
      text: {
        es: {
          title: 'El español se abre paso en las aulas de una universidad de Yakarta',
          summary:
            'Más de trescientos estudiantes se han inscrito este semestre en los cursos de español de una universidad de la capital, el doble que hace dos años. Las series, la música y las becas explican el interés.',
          dateline: 'Yakarta',
          source: '',
          body: [
            'Son las siete de la tarde y, en un aula de un campus del sur de Yakarta, treinta estudiantes repiten a coro: «Me llamo…, soy de…, estudio…». Es una clase de nivel inicial de español, uno de los doce grupos que la universidad ofrece este semestre, frente a los seis de hace dos años.',
            'Más de trescientos alumnos de carreras tan distintas como Economía, Relaciones Internacionales o Ingeniería se han matriculado en estos cursos, que son optativos y cuentan para el expediente. La mayoría llega con algo de vocabulario aprendido en series, telenovelas y canciones de reguetón.',
            '«Empecé porque quería entender las letras sin subtítulos. Ahora quiero hacer un máster en Madrid o en Ciudad de México», cuenta Nabila Putri, estudiante de Relaciones Internacionales de veinte años. Su profesora, la mexicana Lucía Hernández, asegura que los alumnos indonesios destacan en pronunciación: «Las vocales del indonesio y las del español se parecen mucho, y eso se nota desde el primer día».',
            'La universidad ha firmado acuerdos de intercambio con centros de España, México y Colombia, y este curso enviará a sus primeros estudiantes a pasar un semestre fuera. El departamento prepara además un certificado de traducción, pensado para quienes quieran trabajar en turismo o en empresas con intereses en América Latina.',
            'Los profesores reconocen que falta material didáctico adaptado a hablantes de indonesio. Un pequeño equipo trabaja en un manual propio, con ejemplos sacados de la vida cotidiana en Yakarta: del mercado al tren de cercanías.',
          ],
          tags: ['idioma español', 'educación', 'Yakarta', 'universidades'],
        },
      },
    },
    {
      key: 'es-padel-yakarta',
      category: 'sports',
      author: 'rizky',
      daysAgo: 7,
      hour: 17,
      minute: 35,
      reads: 1420,
      ratings: [118, 29],
      photo: {
        scene: 'city',
        seed: 2330,
        caption: {
          es: 'Edificios de oficinas en Yakarta. En la capital indonesia se han abierto en dos años decenas de pistas de pádel, muchas de ellas en azoteas.',
        },
        alt: { es: ALT.city },
        credit: 'Warta Photo/Teguh Santoso',
      },
      text: {
        es: {
          title: 'La fiebre del pádel llega a Yakarta',
          summary:
            'En dos años se han abierto decenas de pistas en la capital, muchas con entrenadores argentinos y españoles. El primer torneo abierto de la ciudad reunió a más de trescientas parejas.',
          dateline: 'Yakarta',
          source: '',
          body: [
            'Hace dos años, casi nadie en Yakarta sabía qué era el pádel. Hoy la ciudad cuenta con decenas de pistas, muchas en azoteas de centros comerciales y de edificios de oficinas, y reservar una a última hora de la tarde puede resultar tan difícil como encontrar aparcamiento en el centro.',
            'El primer torneo abierto de la capital reunió el pasado fin de semana a más de trescientas parejas, desde principiantes hasta jugadores que ya compiten en el circuito asiático. La final masculina la ganaron dos jóvenes de Yakarta que empezaron a jugar hace apenas dieciocho meses.',
            'Buena parte de los entrenadores vienen de Argentina y de España. «Aquí la gente aprende muy rápido, porque muchos han jugado al bádminton o al tenis. Lo que más les cuesta es usar las paredes: al principio todos esperan a que la bola bote dos veces», cuenta entre risas Martín Acosta, un entrenador argentino que llegó a Yakarta hace un año.',
            'El fenómeno tiene también su lado social. Para muchos oficinistas, el pádel se ha convertido en la excusa para reunirse después del trabajo, y algunas empresas alquilan pistas para su plantilla. La federación indonesia, de reciente creación, calcula que ya hay varios miles de jugadores habituales en el país.',
            'El reto ahora es que este deporte llegue más allá de las clases acomodadas: una hora de pista sigue costando más que una entrada de cine. Varios clubes han empezado a ofrecer por las mañanas horarios a precio reducido para estudiantes.',
          ],
          tags: ['pádel', 'Yakarta', 'deporte', 'Argentina'],
        },
      },
    },
    {
      key: 'es-chile-indonesia-tsunamis',
      category: 'world',
      author: 'made',
      daysAgo: 12,
      hour: 14,
      minute: 0,
      reads: 870,
      ratings: [73, 17],
      photo: {
        scene: 'sea',
        seed: 2321,
        caption: {
          es: 'El océano Índico frente a la costa de Sumatra Occidental, donde técnicos chilenos e indonesios han estudiado las rutas de evacuación ante un tsunami.',
        },
        alt: { es: ALT.sea },
        credit: 'Warta Photo/Yohanes Wenda',
      },
      text: {
        es: {
          title: 'Chile e Indonesia comparten su experiencia frente a los tsunamis',
          summary:
            'Sismólogos y responsables de emergencias de ambos países, situados en el Cinturón de Fuego del Pacífico, han acordado intercambiar datos y ensayar juntos sus protocolos de alerta.',
          dateline: 'Padang',
          source: '',
          body: [
            'Chile e Indonesia, dos de los países más expuestos del mundo a terremotos y tsunamis, han acordado intercambiar datos sísmicos y compartir sus métodos de alerta y evacuación, tras una semana de reuniones técnicas en Padang, en la costa occidental de Sumatra.',
            'Ambos países se encuentran en el Cinturón de Fuego del Pacífico y han sufrido algunos de los mayores tsunamis de las últimas décadas. Según el acuerdo, sus centros de alerta conectarán sus redes de sensores y mareógrafos y celebrarán cada año un simulacro conjunto.',
            'La delegación chilena mostró especial interés por los refugios verticales de Padang, edificios de varias plantas donde los vecinos de la costa pueden ponerse a salvo cuando no da tiempo a llegar a zonas altas. «En Chile evacuamos hacia los cerros, pero no todas las ciudades los tienen cerca. Aquí hemos visto soluciones que podemos adaptar», explicó el ingeniero Felipe Contreras, del servicio chileno de emergencias.',
            'Los técnicos indonesios, por su parte, quieren aprender de la educación preventiva chilena, que enseña a los niños desde pequeños que un terremoto largo o fuerte en la costa es en sí mismo la señal para huir hacia zonas altas, sin esperar a la sirena. «La sirena puede fallar; la memoria de la gente, no», resumió Rudi Chaniago, de la agencia de gestión de desastres de Sumatra Occidental.',
            'Un grupo de profesores de Padang viajará a Valparaíso el año próximo para conocer los programas escolares de prevención. La cooperación incluye también la traducción al indonesio de materiales didácticos chilenos y al español de las guías de evacuación indonesias.',
          ],
          tags: ['tsunamis', 'Chile', 'prevención de desastres', 'Sumatra Occidental'],
        },
      },
    },
    {
      key: 'es-keroncong-son-jarocho',
      category: 'culture',
      author: 'sari',
      daysAgo: 16,
      hour: 20,
      minute: 15,
      reads: 980,
      ratings: [87, 19],
      photo: {
        scene: 'stage',
        seed: 2338,
        caption: {
          es: 'Músicos y una bailarina en el escenario durante el concierto que reunió en Yakarta a una orquesta de keroncong y a un grupo de son jarocho de Veracruz.',
        },
        alt: { es: ALT.stage },
        credit: 'Warta Photo/Komang Ardana',
      },
      text: {
        es: {
          title: 'Keroncong y son jarocho: un encuentro de cuerdas entre Yakarta y Veracruz',
          summary:
            'Un grupo de son jarocho mexicano y una orquesta de keroncong de Yakarta han compartido escenario, y han descubierto que sus pequeñas guitarras tienen un origen común en la península ibérica.',
          dateline: 'Yakarta',
          source: '',
          body: [
            'Sobre el escenario, una jarana veracruzana y un cuk de keroncong, dos guitarras pequeñas nacidas a medio mundo de distancia, se responden como viejas conocidas. El concierto, celebrado en un centro cultural del centro de Yakarta, reunió a un grupo de son jarocho de Veracruz con una orquesta de keroncong de la capital indonesia.',
            'El keroncong nació de la música que los marineros portugueses llevaron al archipiélago hace siglos; el son jarocho, de la mezcla de tradiciones españolas, africanas e indígenas en la costa del golfo de México. Los dos géneros conservan instrumentos de cuerda emparentados con los de la península ibérica y el gusto por la improvisación.',
            '«Cuando los escuchamos por primera vez, reconocimos el rasgueo enseguida. Es como encontrarse con un primo al que nunca habías visto», dijo Rosario Lagunes, cantante y jaranera del grupo mexicano. Los músicos ensayaron juntos durante cuatro días y prepararon versiones compartidas de «Bengawan Solo» y «La bamba».',
            'El público, joven en su mayoría, terminó bailando en los pasillos. Para Hesti Rahayu, violinista y directora de la orquesta de keroncong, el encuentro demuestra que el género puede dialogar con otras músicas sin perder su identidad.',
            'El grupo veracruzano impartirá talleres de zapateado y jarana en Yogyakarta y Surabaya antes de regresar a México. Radio Warta Nusantara grabó el concierto, que se emitirá en el Especial de fin de semana del servicio en español.',
          ],
          tags: ['keroncong', 'México', 'música', 'Yakarta'],
        },
      },
    },
    {
      key: 'es-tidore-ruta-elcano',
      category: 'tourism',
      author: 'made',
      daysAgo: 24,
      hour: 11,
      minute: 50,
      reads: 740,
      ratings: [64, 15],
      photo: {
        scene: 'sea',
        seed: 2346,
        caption: {
          es: 'El mar entre Ternate y Tidore, en las Molucas del Norte, donde fondearon en 1521 las naves de la expedición de Magallanes y Elcano.',
        },
        alt: { es: ALT.sea },
        credit: 'Warta Photo/Lestari Pane',
      },
      text: {
        es: {
          title: 'Tidore, la isla de las especias que recibió a Elcano, se abre al turismo histórico',
          summary:
            'Cinco siglos después de que la expedición de Magallanes y Elcano cargara clavo en sus costas, la pequeña isla de las Molucas diseña rutas para los viajeros interesados en su historia.',
          dateline: 'Tidore',
          source: '',
          body: [
            'En noviembre de 1521, las dos naves que quedaban de la expedición de Magallanes fondearon frente a Tidore, en las Molucas, y cargaron clavo antes de que una de ellas, la Victoria, al mando de Juan Sebastián Elcano, completara la primera vuelta al mundo. Cinco siglos después, la pequeña isla quiere que aquella historia atraiga visitantes.',
            'El gobierno local ha señalizado una ruta que recorre el antiguo palacio del sultanato, los restos de fortificaciones españolas y portuguesas y las plantaciones de clavo y nuez moscada de las laderas del volcán. Guías de la isla se están formando para contar esa historia desde el punto de vista de Tidore, y no solo desde el de los navegantes europeos.',
            '«Los libros europeos hablan de los barcos que llegaron. Nosotros queremos explicar quién los recibió, qué vendía y por qué el clavo valía más que el oro», explica Ikram Malan, guía e historiador aficionado.',
            'Cada vez llegan más viajeros de España y de América Latina, muchos atraídos por el quinto centenario de la expedición. Para llegar a la isla hay que volar hasta Ternate y cruzar después en lancha, un trayecto de apenas veinte minutos.',
            'Las autoridades quieren evitar el turismo masivo: la oferta se basa en casas de huéspedes familiares, y una parte del precio de las visitas guiadas se destina a conservar el palacio y los cultivos tradicionales de especias.',
          ],
          tags: ['Tidore', 'Molucas', 'turismo', 'historia'],
        },
      },
    },
  ],

  pages: {
    'company-profile': {
      slug: 'quienes-somos',
      title: 'Quiénes somos',
      summary:
        'Voice of Warta es el servicio internacional de Radio Warta Nusantara, la radio pública de Indonesia, que habla al mundo desde Yakarta.',
      body: [
        'Voice of Warta es el servicio radiofónico internacional de Radio Warta Nusantara, la radiodifusión pública de la República de Indonesia. Desde nuestros estudios en Yakarta emitimos informativos, reportajes, música y cursos de idiomas para oyentes de todo el mundo y para los indonesios que viven en el extranjero.',
        'Nos financia la ciudadanía y ante ella rendimos cuentas. Nuestros estatutos garantizan la independencia editorial, y nuestros programas se rigen por la exactitud, la imparcialidad y el respeto a la diversidad de las personas a las que servimos.',
        'El servicio en español se dirige a los oyentes de España y de América Latina y a todos los hispanohablantes interesados en Indonesia. Su redacción elige y escribe sus propias noticias para ese público: no se limita a traducir el servicio en inglés.',
        '## En pocas palabras',
        '- Un medio público con independencia editorial',
        '- Delegaciones en Yakarta, Medan, Surabaya, Denpasar, Makassar y Jayapura',
        '- Programas en inglés, indonesio, árabe, francés, alemán, español, chino y japonés',
        '- Emisión en directo por internet las veinticuatro horas y en onda corta en horarios fijos',
      ],
    },
    integrity: {
      slug: 'integrity',
      title: 'Zona Integritas',
      summary:
        'Radio Warta Nusantara construye una zona de integridad, con el objetivo de ser reconocida como área libre de corrupción (WBK) y como administración limpia y al servicio de la ciudadanía (WBBM).',
      body: [
        'Una zona de integridad es un compromiso que un organismo público asume a la vista de todos: su personal no pide ni acepta nada más allá de su salario, sus servicios siguen normas publicadas y cualquier persona puede pedirle cuentas. Todas las unidades de nuestra emisora, de la redacción a los centros emisores, lo han suscrito.',
        'En estas páginas encontrará la declaración que firmamos, el programa de cambio que seguimos, las normas de los servicios que prestamos al público y a quién dirigirse. Los documentos que acreditan nuestros avances están en la biblioteca de documentos, y a través del canal de denuncias puede comunicarnos cualquier irregularidad, también de forma anónima.',
      ],
    },
    contact: {
      slug: 'contacto',
      title: 'Contacto',
      summary:
        'Cómo ponerse en contacto con la redacción de Voice of Warta, el servicio de atención a los oyentes y el equipo de colaboraciones.',
      body: [
        '## Dirección',
        'Voice of Warta, Radio Warta Nusantara, Jalan Cempaka Raya 17, Jakarta Pusat 10640, Indonesia',
        '## Teléfono y correo electrónico',
        '- Centralita: +62 21 5550 1400',
        '- Redacción: +62 21 5550 1420, newsroom@warta.example',
        '- Atención a los oyentes: +62 21 5550 1455, listeners@warta.example',
        '- Colaboraciones y redifusión de programas: partners@warta.example',
        '## Horario',
        'De lunes a viernes, de 8:00 a 16:00, hora de Indonesia Occidental (UTC+7). La redacción está operativa las veinticuatro horas.',
        'Para denunciar una conducta irregular o presentar una queja, utilice el canal de denuncias de la Zona Integritas de este sitio; puede hacerlo de forma anónima.',
      ],
    },
  },

  radio: {
    channel: {
      name: 'Voice of Warta – Servicio en español',
      slug: 'servicio-en-espanol',
      description: 'Noticias, cultura y música de Indonesia en español, a todas horas.',
    },
    programs: {
      'news-bulletin': {
        title: 'Boletín informativo',
        description:
          'Quince minutos de noticias nacionales y regionales, con el tiempo y la información portuaria, cada tres horas.',
      },
      'morning-show': {
        title: 'Buenos días, Nusantara',
        description:
          'El día empieza aquí: la prensa, invitados en el estudio, el tráfico de las grandes ciudades y saludos de oyentes de cerca y de lejos.',
      },
      'culture-corner': {
        title: 'Rincón cultural',
        description: 'La danza, los títeres, la artesanía y quienes los mantienen vivos, de Aceh a Papúa.',
      },
      'music-archipelago': {
        title: 'Música del archipiélago',
        description:
          'Keroncong, dangdut, gamelán y las nuevas bandas de las islas, seleccionados y presentados por Made Suryawan.',
      },
      'weekend-special': {
        title: 'Especial de fin de semana',
        description:
          'Una larga conversación, un viaje o un concierto: cada fin de semana algo distinto, con las canciones que piden los oyentes desde el extranjero.',
      },
      'listeners-hour': {
        title: 'La hora de los oyentes',
        description:
          'Sus cartas, mensajes y llamadas: la hora en que los oyentes cuentan sus historias y hacen sus preguntas.',
      },
    },
    section: {
      slug: 'destacados-de-la-programacion',
      name: 'Destacados de la programación',
      description:
        'Noticias desde el estudio: saludos, historias de oyentes, ganadores de concursos y entrevistas de nuestros programas.',
    },
    byline: 'Redacción de radio',
    dateline: 'Yakarta',
    specialNote: 'En directo desde el festival de gamelán de Yogyakarta',
    cancelledNote: 'Sustituido por un especial informativo sobre las elecciones regionales',
    pickNotes: [
      'Saludos de oyentes de todo el mundo, cada mañana de lunes a viernes.',
      'Esta semana: un especial con un concierto en directo.',
    ],
  },
};
