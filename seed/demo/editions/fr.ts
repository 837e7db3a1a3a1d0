// Demo content of the French edition (Service français): sections, bios, stories, pages and radio, in French.
import type { DemoEditionContent } from '../types.ts';

/** Alt texts of the photo scenes, in French (see the ALT table of articles.ts). */
const ALT = {
  city: 'Des immeubles élevés au-dessus d’une avenue bordée d’arbres',
  forest: 'Des collines boisées qui s’estompent, plan après plan, dans la brume',
  stage: 'Une danseuse et des musiciens de gamelan sur une scène éclairée, devant le public',
  field: 'Des paysans coiffés de chapeaux coniques dans des rizières en terrasses, au pied d’un volcan',
  mountain: 'Un volcan d’où s’élève un panache de fumée, au-dessus de collines verdoyantes et d’un village',
  sea: 'La haute mer, avec de petites îles à l’horizon',
  badminton: 'Des joueurs de badminton sur un court couvert, devant le public',
};

/** The French edition's demo content. */
export const fr: DemoEditionContent = {
  categories: {
    national: {
      slug: 'indonesie',
      name: 'Indonésie',
      description:
        'L’actualité de tout l’archipel indonésien : institutions, services publics, infrastructures et vie quotidienne de ses habitants.',
    },
    world: {
      slug: 'monde',
      name: 'Monde',
      description: 'Les affaires internationales, la diplomatie et la place de l’Indonésie dans le monde.',
    },
    'southeast-asia': {
      slug: 'asie-du-sud-est',
      name: 'Asie du Sud-Est',
      description:
        'Nos voisins : la coopération au sein de l’ASEAN, le commerce transfrontalier et les défis que partage la région.',
    },
    economy: {
      slug: 'economie',
      name: 'Économie',
      description:
        'Commerce, industrie, agriculture, petites entreprises et les chiffres qui pèsent sur le budget des ménages.',
    },
    culture: {
      slug: 'culture',
      name: 'Culture',
      description:
        'Musique, danse, artisanat, littérature et traditions vivantes des nombreuses communautés de l’Indonésie.',
    },
    sports: {
      slug: 'sports',
      name: 'Sports',
      description:
        'Badminton, football, athlétisme et bien d’autres disciplines, des terrains de village aux championnats du monde.',
    },
    tourism: {
      slug: 'tourisme',
      name: 'Tourisme',
      description: 'Destinations, actualité du voyage et habitants qui accueillent les visiteurs, d’île en île.',
    },
  },

  authorBios: {
    dewi: 'Dewi Anggraini dirige la rédaction du service en anglais. Elle a couvert pendant dix ans le Parlement et les collectivités régionales avant de prendre la tête du desk.',
    bayu: 'Bayu Prasetyo couvre l’économie, le commerce et les transports, avec une attention particulière pour les ports et la navigation dans l’est de l’Indonésie.',
    sari: 'Sari Wulandari écrit sur la culture, le patrimoine et le voyage. Formée aux arts du spectacle à Yogyakarta, elle joue toujours dans l’ensemble de gamelan de son village.',
    rizky:
      'Rizky Hidayat est le correspondant sportif de la rédaction : badminton, football et athlétisme, des tournois scolaires aux finales internationales.',
    made: 'Depuis le bureau de Denpasar, Made Suryawan couvre l’environnement, les sciences et la diplomatie régionale, et sillonne régulièrement l’Asie du Sud-Est.',
  },

  translations: {
    'jakarta-flood-pumps': {
      title: 'Jakarta met à l’épreuve ses nouvelles pompes avant la saison des pluies',
      summary:
        'Pendant six heures, les grandes stations de pompage du nord de la capitale ont tourné à plein régime, alors que les météorologues annoncent des pluies plus abondantes que d’habitude.',
      dateline: 'Jakarta',
      source: '',
      body: [
        'Les stations de pompage les plus puissantes de Jakarta ont fonctionné à pleine capacité pendant six heures, lors d’un essai destiné à vérifier que les équipements récemment installés tiendront face aux fortes pluies attendues pour la prochaine saison humide.',
        'L’exercice portait sur onze stations du littoral nord, où l’affaissement des sols a fait passer de nombreux quartiers sous le niveau de la mer : sans pompes, les eaux de pluie n’y rejoignent plus la baie. Quatre de ces stations ont reçu cette année des pompes et des pupitres de commande neufs, en remplacement de machines en service depuis plus de vingt ans.',
        '« Toutes les pompes ont démarré du premier coup, et le nouveau système nous permet de suivre en temps réel le niveau de chaque bassin de rétention », se félicite Hendra Kusuma, qui dirige l’agence municipale des ressources en eau. Deux pompes plus anciennes de la station de Penjaringan ont toutefois montré des signes de surchauffe ; elles seront révisées d’ici quinze jours.',
        'L’agence nationale de météorologie prévoit des précipitations supérieures à la moyenne saisonnière sur l’agglomération, ce qui fait craindre des inondations comparables à celles qui ont coupé routes et voies ferrées à plusieurs reprises ces dernières années.',
        'La ville a aussi curé quarante kilomètres de canaux et demande aux habitants de ne plus jeter leurs ordures dans les caniveaux. Dans les quartiers exposés, les chefs de quartier ont reçu des radios portatives pour signaler directement la montée des eaux au poste de commandement de l’agence.',
        'À Muara Baru, l’un des secteurs les plus bas de la ville, on salue l’essai, mais on attend le premier gros orage pour juger. « Des promesses, on en a déjà entendu. Si l’eau se retire en quelques heures et non plus en quelques jours, alors on y croira », lance Siti Aminah, qui tient une petite cantine de rue près de la digue.',
      ],
      tags: ['Jakarta', 'inondations', 'infrastructures', 'services publics'],
      caption:
        'Circulation sur un grand axe du nord de Jakarta, l’un des quartiers qui dépendent des stations de pompage pour évacuer les eaux pluviales vers la baie. La ville a remplacé cette année les pompes de quatre de ses plus grandes stations.',
      alt: ALT.city,
    },
    'madagascar-rice-cooperation': {
      title: 'Riziculture : des agronomes indonésiens partagent leur expérience avec les paysans malgaches',
      summary:
        'Pendant deux ans, des parcelles de démonstration des Hautes Terres testeront des variétés indonésiennes et des techniques d’irrigation économes en eau.',
      dateline: 'Antananarivo',
      source: 'Warta/VOI',
      body: [
        'Une équipe de spécialistes indonésiens de l’agriculture a commencé à travailler avec des riziculteurs des Hautes Terres centrales de Madagascar. Ce programme de coopération technique doit tester, sur des parcelles de démonstration proches d’Antananarivo, des semences et des méthodes d’irrigation venues d’Indonésie.',
        'Le riz est l’aliment de base dans les deux pays, et les rizières en terrasses de la Grande Île rappellent au visiteur celles de Java ou de Bali. Mais les rendements y restent faibles, et Madagascar importe une part importante du riz qu’elle consomme.',
        'Trois variétés indonésiennes seront comparées aux semences locales. Les paysans seront aussi formés à l’irrigation alternée, qui consiste à laisser la rizière s’assécher brièvement entre deux mises en eau : on économise l’eau sans pénaliser la récolte.',
        '« Nos agriculteurs ont connu les mêmes difficultés il y a quarante ans. Nous n’apportons pas de miracle, nous apportons une expérience, et nous comptons bien apprendre des paysans malgaches », souligne le chef de mission, Bambang Sutrisno, agronome dans un institut de recherche de Bogor.',
        'Dix techniciens agricoles malgaches passeront trois mois en Indonésie l’an prochain, entre stations de recherche et coopératives paysannes. Les deux pays envisagent d’étendre le programme à d’autres régions si les premières récoltes sont encourageantes.',
      ],
      tags: ['riz', 'agriculture', 'Madagascar', 'coopération'],
      caption:
        'Des rizières en terrasses comme on en trouve aussi bien sur les Hautes Terres malgaches qu’en Indonésie. Une équipe indonésienne teste des variétés de riz sur des parcelles proches d’Antananarivo.',
      alt: ALT.field,
    },
    'yogyakarta-gamelan-festival': {
      title: 'Yogyakarta accueille des ensembles de gamelan venus de douze pays',
      summary:
        'Du Japon aux États-Unis, en passant par l’Europe et tout l’archipel, les formations se succèdent pendant cinq soirées, de la musique de cour aux créations contemporaines.',
      dateline: 'Yogyakarta',
      source: '',
      body: [
        'Des ensembles de gamelan de douze pays sont réunis à Yogyakarta pour un festival de cinq soirées qui mêle répertoire classique des cours royales, traditions villageoises et œuvres nouvelles écrites pour les instruments de bronze de Java et de Bali.',
        'Parmi les vingt-huit formations figurent des ensembles universitaires du Japon, des États-Unis, des Pays-Bas et de Nouvelle-Zélande, ainsi qu’un gamelan associatif de Mexico, fondé par un musicien qui a étudié à Yogyakarta dans les années 1990. Côté indonésien, on croise des musiciens de cour, des orchestres scolaires et un groupe de femmes d’un village de Gunungkidul.',
        '« Le gamelan n’est pas une pièce de musée. Des gens qui n’ont jamais mis les pieds à Java s’assoient devant ces instruments et découvrent qu’ils n’écoutent plus la musique de la même façon », dit le directeur du festival, le compositeur Purwanto Hadi, qui enseigne dans un institut des arts de la ville.',
        'Les concerts ont lieu chaque soir sous un pavillon ouvert, et l’entrée est libre. Le matin, les musiciens étrangers suivent des ateliers avec des maîtres javanais, et plusieurs groupes internationaux interprètent des pièces composées cette année par des Indonésiens.',
        'Le festival se refermera sur un grand concert commun, où les musiciens de tous les ensembles joueront ensemble sur plusieurs jeux d’instruments. Selon les organisateurs, la manifestation grandit d’année en année et attire désormais un public venu de toute l’île de Java.',
      ],
      tags: ['gamelan', 'musique', 'Yogyakarta', 'festivals'],
      caption:
        'Une danseuse accompagnée d’un ensemble de gamelan sur la scène du festival de Yogyakarta, où vingt-huit formations de douze pays se produisent pendant cinq soirées.',
      alt: ALT.stage,
    },
    'raja-ampat-reef-recovery': {
      title: 'À Raja Ampat, le récif restauré reprend vie',
      summary:
        'Deux ans après avoir été fixés sur des structures en acier, les fragments de corail recouvrent une bonne partie du site endommagé, et les poissons y sont presque aussi nombreux que sur les récifs intacts voisins.',
      dateline: 'Waisai',
      source: '',
      body: [
        'À Raja Ampat, en Papouasie du Sud-Ouest, un projet de restauration corallienne donne ses premiers résultats. Les fragments de corail fixés il y a deux ans sur des structures en acier couvrent désormais une grande partie d’un récif abîmé, et les relevés montrent que les poissons sont revenus presque aussi nombreux que sur les récifs voisins restés intacts.',
        'Près de l’île de Kri, l’échouage d’un gros navire avait réduit le récif à un champ de débris instables, où aucun jeune corail ne parvenait à se fixer. Formés par des biologistes marins, des plongeurs des villages alentour ont ancré plus de sept cents structures hexagonales et y ont attaché des boutures de coraux branchus à croissance rapide.',
        '« Il y a deux ans, ce n’était que des gravats gris. Aujourd’hui, les poissons-perroquets viennent se nourrir ici, et de jeunes coraux s’installent d’eux-mêmes entre les structures », raconte Yance Mambrasar, guide de plongée, qui participe au projet depuis le début.',
        'Les travaux sont financés en partie par la taxe de conservation que chaque visiteur acquitte à son arrivée dans l’archipel. Pour les propriétaires de maisons d’hôtes et les clubs de plongée, des récifs en bonne santé sont la raison même de la venue des touristes, et les habitants doivent être associés à leur protection.',
        'Les scientifiques restent prudents : un récif restauré demeure exposé au réchauffement de l’eau, qui provoque le blanchissement des coraux. L’équipe teste maintenant des coraux prélevés dans les zones qui ont résisté aux précédentes vagues de chaleur marine, dans l’espoir qu’ils se montreront plus robustes.',
      ],
      tags: ['récifs coralliens', 'environnement', 'Papouasie', 'plongée'],
      caption:
        'Les eaux qui entourent les îles de Raja Ampat, en Papouasie du Sud-Ouest, où des plongeurs des villages ont restauré un récif détruit par l’échouage d’un navire. La taxe de conservation payée par les visiteurs finance une partie des travaux.',
      alt: ALT.sea,
    },
  },

  stories: [
    {
      key: 'fr-saison-culturelle-jakarta',
      category: 'culture',
      author: 'sari',
      daysAgo: 1,
      hour: 19,
      minute: 40,
      featured: true,
      reads: 2150,
      ratings: [231, 52],
      photo: {
        scene: 'stage',
        seed: 2104,
        caption: {
          fr: 'Musiciens de gamelan et danseuse sur la scène de la soirée d’ouverture de la saison culturelle franco-indonésienne, à Jakarta.',
        },
        alt: { fr: ALT.stage },
        credit: 'Warta Photo/Komang Ardana',
      },
      text: {
        fr: {
          title: 'Saison culturelle franco-indonésienne : Jakarta lève le rideau',
          summary:
            'Concerts, cinéma, théâtre d’ombres et bande dessinée : pendant quatre mois, artistes français et indonésiens se partagent les scènes de Jakarta, de Bandung, de Yogyakarta et de Surabaya.',
          dateline: 'Jakarta',
          source: '',
          body: [
            'La saison culturelle franco-indonésienne s’est ouverte samedi soir à Jakarta devant près de deux mille spectateurs, avec une création commune d’un ensemble de gamelan de Solo et d’un quatuor à cordes lyonnais. Une soixantaine de rendez-vous sont prévus dans quatre villes de l’archipel jusqu’à la fin de l’hiver.',
            'Le programme fait la part belle aux échanges plutôt qu’aux simples tournées. Des marionnettistes du wayang kulit travaillent avec une compagnie française de théâtre d’objets, des dessinateurs des deux pays signent à quatre mains un album sur le port de Surabaya, et un cycle de films indonésiens récents sera projeté avec des sous-titres français réalisés par des étudiants de Yogyakarta.',
            '« Nous ne voulions pas d’une vitrine où chacun montre ce qu’il sait faire. Nous voulions des artistes qui prennent des risques ensemble », explique Laras Widyaningrum, commissaire indonésienne de la saison. Son homologue française, Claire Dumoulin, évoque « des répétitions où l’on se comprend d’abord par la musique, puis par les gestes, et seulement ensuite par les mots ».',
            'La plupart des spectacles sont gratuits ou proposés à petit prix, et plusieurs ateliers sont réservés aux lycéens. À Bandung, une école d’art accueillera en résidence deux plasticiennes françaises, qui travailleront avec des artisans sur le batik et les teintures naturelles.',
            'Le second volet de la saison se tiendra en France au printemps, avec des concerts de gamelan et de keroncong à Paris, à Lyon et à Marseille. Le service français de Voice of Warta retransmettra plusieurs soirées en direct.',
          ],
          tags: ['saison culturelle', 'France', 'Jakarta', 'spectacle vivant'],
        },
      },
    },
    {
      key: 'fr-cacao-sulawesi-cote-divoire',
      category: 'economy',
      author: 'bayu',
      daysAgo: 2,
      hour: 8,
      minute: 30,
      reads: 980,
      ratings: [88, 21],
      photo: {
        scene: 'forest',
        seed: 2123,
        caption: {
          fr: 'Collines boisées de Luwu, dans le sud de Sulawesi, où les cacaoyers poussent à l’ombre d’arbres plus hauts. La délégation ivoirienne y a observé le greffage des vieux vergers.',
        },
        alt: { fr: ALT.forest },
        credit: 'Warta Photo/Andi Mappaseng',
      },
      text: {
        fr: {
          title: 'Cacao : des planteurs ivoiriens à l’école de Sulawesi',
          summary:
            'Une délégation de coopératives de Côte d’Ivoire a passé une semaine dans les plantations de Sulawesi pour comparer les méthodes de rajeunissement des vergers et de lutte contre les maladies du cacaoyer.',
          dateline: 'Palopo',
          source: '',
          body: [
            'Quinze responsables de coopératives cacaoyères de Côte d’Ivoire ont achevé vendredi une visite d’une semaine dans les plantations de Sulawesi, la grande région productrice de cacao de l’Indonésie. Au programme : greffage, lutte contre les maladies et fermentation des fèves.',
            'Les deux pays font face aux mêmes difficultés : les arbres vieillissent, les rendements baissent et les jeunes hésitent à reprendre les exploitations familiales. À Sulawesi, de nombreux planteurs ont choisi de greffer des variétés plus productives sur les vieux troncs plutôt que de tout replanter, une technique que les visiteurs ont pu observer dans les vergers de Luwu.',
            '« Chez nous, on arrache et on replante, et il faut attendre trois ou quatre ans avant la première récolte. Ici, au bout de dix-huit mois, l’arbre greffé produit déjà. C’est ce que je veux montrer à nos membres », explique Konan Yao, président d’une coopérative de la région de Soubré.',
            'Les planteurs indonésiens, eux, s’intéressaient surtout à l’organisation des coopératives ivoiriennes et à leur manière de négocier avec les acheteurs. « Chez nous, beaucoup vendent seuls, quelques sacs à la fois. Ensemble, ils pèseraient davantage », estime Andi Basri, technicien agricole à Palopo, qui accompagnait la délégation.',
            'Une mission indonésienne doit se rendre en Côte d’Ivoire l’an prochain. Les deux pays étudient aussi la possibilité de partager leurs données sur les maladies du cacaoyer et sur les variétés les plus résistantes.',
          ],
          tags: ['cacao', 'Côte d’Ivoire', 'Sulawesi', 'agriculture'],
        },
      },
    },
    {
      key: 'fr-etudiants-indonesiens-france',
      category: 'world',
      author: 'dewi',
      daysAgo: 3,
      hour: 11,
      minute: 5,
      reads: 1640,
      ratings: [152, 36],
      photo: {
        scene: 'city',
        seed: 2117,
        caption: {
          fr: 'Un quartier d’affaires de Jakarta, où s’est tenu cette semaine un salon consacré aux études en France. Plus de deux mille Indonésiens suivent aujourd’hui un cursus dans l’enseignement supérieur français.',
        },
        alt: { fr: ALT.city },
        credit: 'Warta Photo/Rina Hapsari',
      },
      text: {
        fr: {
          title: 'Les étudiants indonésiens toujours plus nombreux en France',
          summary:
            'Ingénierie, aéronautique, hôtellerie : les inscriptions d’Indonésiens dans l’enseignement supérieur français ont progressé d’un quart en deux ans, portées par les bourses et par les cursus enseignés en anglais.',
          dateline: 'Jakarta',
          source: '',
          body: [
            'Le nombre d’étudiants indonésiens inscrits dans l’enseignement supérieur français a augmenté d’environ un quart en deux ans, selon les chiffres présentés cette semaine à Jakarta lors d’un salon consacré aux études en France. Ils sont désormais plus de deux mille, pour la plupart en master ou en doctorat.',
            'Les écoles d’ingénieurs et les formations liées à l’aéronautique, à Toulouse et à Bordeaux, restent les plus demandées, mais l’hôtellerie, la gastronomie et l’urbanisme gagnent du terrain. De nombreux programmes sont enseignés en anglais, ce qui lève un obstacle que beaucoup de candidats jugeaient insurmontable.',
            '« J’avais peur de la langue. Finalement, mes cours sont en anglais, et c’est à la boulangerie que j’ai appris mes premiers mots de français », sourit Rahmawati Siregar, doctorante en science des matériaux à Toulouse, revenue à Jakarta pour témoigner devant les futurs candidats.',
            'Les bourses de l’État indonésien, qui financent chaque année des centaines de départs à l’étranger, expliquent pour beaucoup cette progression. Les universités françaises multiplient de leur côté les accords de double diplôme avec des établissements de Bandung, de Surabaya et de Yogyakarta.',
            'Le logement reste pourtant le premier casse-tête à l’arrivée. L’association des étudiants indonésiens en France a donc mis en place un réseau de parrainage : chaque nouvel arrivant est mis en relation avec un compatriote déjà installé dans la même ville.',
          ],
          tags: ['études supérieures', 'France', 'jeunesse', 'diaspora'],
        },
      },
    },
    {
      key: 'fr-javanais-nouvelle-caledonie',
      category: 'world',
      author: 'made',
      daysAgo: 11,
      hour: 14,
      minute: 20,
      reads: 1320,
      ratings: [124, 27],
      photo: {
        scene: 'sea',
        seed: 2138,
        caption: {
          fr: 'Le Pacifique au large de la Nouvelle-Calédonie, où des milliers de travailleurs javanais sont arrivés sous contrat à partir de la fin du XIXe siècle.',
        },
        alt: { fr: ALT.sea },
        credit: 'Warta Photo/Lestari Pane',
      },
      text: {
        fr: {
          title: 'Les Javanais de Nouvelle-Calédonie sur les traces de leurs ancêtres',
          summary:
            'Une chorale de Nouméa, formée de descendants des travailleurs javanais arrivés il y a plus d’un siècle, a chanté en javanais dans un village du centre de Java d’où seraient partis plusieurs de ses aïeux.',
          dateline: 'Purworejo',
          source: '',
          body: [
            'Ils chantent en javanais, parlent français entre eux et se disent Calédoniens. Vingt-huit membres d’une chorale de Nouméa, tous descendants de travailleurs javanais partis pour la Nouvelle-Calédonie à partir de la fin du XIXe siècle, viennent de passer dix jours dans le centre de Java, sur les pas de leurs arrière-grands-parents.',
            'Recrutés sous contrat pour les mines de nickel et les plantations de café, des milliers de Javanais ont fait la traversée vers le Pacifique. Beaucoup sont restés ; leurs descendants forment aujourd’hui une communauté de plusieurs milliers de personnes, attachée à sa cuisine, à ses danses et à une langue javanaise que les plus jeunes ne parlent plus guère.',
            'À Purworejo, la chorale a été accueillie par les habitants d’un village qu’une association généalogique a identifié, registres à l’appui, comme le point de départ de plusieurs familles. « Ma grand-mère nous parlait d’une rivière et d’un grand banian près de la mosquée. Le banian est toujours là », raconte, émue, Marie-Christine Sarimin, soixante-quatre ans, qui préside la chorale.',
            'Le concert donné sur la place du village mêlait chants traditionnels javanais, airs calédoniens et une chanson écrite pour l’occasion, en javanais et en français. Les choristes ont aussi pris des cours de langue auprès d’enseignants d’une école locale, qui se sont engagés à poursuivre les leçons en ligne.',
            'Le consulat général d’Indonésie à Nouméa, qui soutient ces échanges, souhaite les ouvrir aux étudiants. Une délégation de Purworejo est invitée en Nouvelle-Calédonie l’an prochain pour la commémoration de l’arrivée des premiers travailleurs javanais.',
          ],
          tags: ['diaspora', 'Nouvelle-Calédonie', 'Java', 'mémoire'],
        },
      },
    },
    {
      key: 'fr-guides-francophones-yogyakarta',
      category: 'tourism',
      author: 'sari',
      daysAgo: 17,
      hour: 10,
      minute: 45,
      reads: 760,
      ratings: [61, 15],
      photo: {
        scene: 'mountain',
        seed: 2145,
        caption: {
          fr: 'Le Merapi domine les villages au nord de Yogyakarta, où des guides emmènent randonneurs et cyclistes francophones.',
        },
        alt: { fr: ALT.mountain },
        credit: 'Warta Photo/Komang Ardana',
      },
      text: {
        fr: {
          title: 'À Yogyakarta, les guides se mettent au français',
          summary:
            'Une quarantaine de guides de la ville et des villages au pied du Merapi suivent des cours de français, pour accueillir une clientèle francophone qui recherche de plus en plus les circuits hors des sentiers battus.',
          dateline: 'Yogyakarta',
          source: '',
          body: [
            'Chaque mardi et chaque jeudi soir, une salle de classe de Yogyakarta se remplit de guides touristiques venus réviser leurs conjugaisons. Une quarantaine de professionnels de la ville et des villages au pied du Merapi suivent depuis trois mois un cours intensif de français, financé par l’office régional du tourisme.',
            'Les voyageurs francophones, qu’ils viennent de France, de Belgique, de Suisse ou du Québec, comptent parmi les visiteurs européens les plus nombreux à Java, et ils restent en moyenne plus longtemps que les autres. Beaucoup recherchent la randonnée, les nuits chez l’habitant et la rencontre avec les artisans, loin des excursions en autocar.',
            '« Les Français posent beaucoup de questions : sur l’histoire, sur la religion, sur ce qu’on mange. En anglais, on répond à moitié. En français, la conversation commence vraiment », estime Bagus Setiawan, guide depuis quinze ans, qui emmène ses clients à vélo à travers les rizières de Sleman.',
            'Le cours mêle grammaire, vocabulaire du patrimoine et mises en situation : présenter le temple de Prambanan, expliquer une cérémonie villageoise, rassurer un randonneur sur les pentes du volcan. Les participants passeront en fin de session un examen de langue reconnu à l’international.',
            'L’office du tourisme espère ouvrir une deuxième promotion l’an prochain et envisage des cours d’espagnol et d’allemand. Les guides, eux, ont déjà créé un groupe de discussion où ils s’entraînent entre eux, en français bien sûr.',
          ],
          tags: ['tourisme', 'Yogyakarta', 'langue française', 'formation'],
        },
      },
    },
    {
      key: 'fr-badminton-stage-kudus',
      category: 'sports',
      author: 'rizky',
      daysAgo: 21,
      hour: 16,
      minute: 10,
      reads: 1180,
      ratings: [97, 23],
      photo: {
        scene: 'stadium',
        seed: 2151,
        caption: {
          fr: 'Échange au filet lors d’un match d’entraînement à Kudus, dans le centre de Java, où de jeunes Français affrontent les pensionnaires de l’académie.',
        },
        alt: { fr: ALT.badminton },
        credit: 'Warta Photo/Teguh Santoso',
      },
      text: {
        fr: {
          title: 'Badminton : de jeunes espoirs français en stage à Kudus',
          summary:
            'Douze joueurs d’un pôle d’entraînement français passent trois semaines dans l’une des académies les plus réputées de Java central, à raison de deux séances par jour.',
          dateline: 'Kudus',
          source: '',
          body: [
            'Ils ont entre quinze et dix-huit ans et ont troqué pour trois semaines le gymnase de leur pôle d’entraînement contre la chaleur moite de Kudus, dans le centre de Java. Douze jeunes joueurs français de badminton y suivent un stage dans une académie qui a formé plusieurs champions indonésiens.',
            'Le rythme est soutenu : deux séances par jour, six jours sur sept, avec des exercices de déplacement, des séries de smashs et des matchs contre les pensionnaires de l’académie, souvent plus jeunes qu’eux. « Ici, des gamins de treize ans nous battent, et c’est exactement pour ça qu’on est venus », reconnaît Hugo Lefèvre, dix-sept ans.',
            'En Indonésie, le badminton est un sport national, et l’académie de Kudus accueille plusieurs centaines d’internes, repérés dès l’enfance dans des tournois de district. Les entraîneurs y insistent sur la vitesse au filet et sur la variété des coups, deux qualités qui font la réputation des doubles indonésiens.',
            '« Les jeunes Européens sont souvent très bien préparés physiquement. Ce qui leur manque, c’est l’habitude de jouer très vite, très longtemps, contre des adversaires qui ne lâchent rien », observe l’entraîneur Agus Wibisono, qui encadre le groupe.',
            'Le stage s’achèvera par un petit tournoi ouvert au public. Les deux structures envisagent déjà l’échange inverse : des joueurs de Kudus pourraient passer quelques semaines en France l’an prochain pour découvrir le circuit européen des jeunes.',
          ],
          tags: ['badminton', 'France', 'formation', 'Java central'],
        },
      },
    },
  ],

  pages: {
    'company-profile': {
      slug: 'presentation',
      title: 'Présentation',
      summary:
        'Voice of Warta est le service international de Radio Warta Nusantara, la radio publique indonésienne, qui s’adresse au monde depuis Jakarta.',
      body: [
        'Voice of Warta est le service radiophonique international de Radio Warta Nusantara, le radiodiffuseur public de la République d’Indonésie. Depuis nos studios de Jakarta, nous diffusons des journaux, des magazines, de la musique et des cours de langue pour les auditeurs du monde entier et pour les Indonésiens établis à l’étranger.',
        'Nous sommes financés par le public et nous lui rendons des comptes. Notre indépendance éditoriale est garantie par notre charte, et nos programmes obéissent à trois exigences : l’exactitude, l’équité et le respect de la diversité de celles et ceux que nous servons.',
        'Le service français s’adresse aux auditeurs d’Europe, d’Afrique, de l’océan Indien et du Pacifique, ainsi qu’aux francophones qui vivent en Indonésie. Sa rédaction choisit et écrit ses sujets pour eux : nos articles ne sont pas de simples traductions de l’anglais.',
        '## En bref',
        '- Une radio de service public, indépendante dans ses choix éditoriaux',
        '- Des bureaux à Jakarta, Medan, Surabaya, Denpasar, Makassar et Jayapura',
        '- Des programmes en anglais, en indonésien, en arabe, en français, en allemand, en espagnol, en chinois et en japonais',
        '- Une écoute en direct sur internet, jour et nuit, et en ondes courtes aux heures de diffusion',
      ],
    },
    integrity: {
      slug: 'integrity',
      title: 'Zona Integritas',
      summary:
        'Radio Warta Nusantara met en place une zone d’intégrité, en vue d’obtenir les labels « zone sans corruption » (WBK) puis « administration intègre au service du public » (WBBM).',
      body: [
        'Une zone d’intégrité est un engagement qu’un organisme public prend au grand jour : ses agents ne demandent ni n’acceptent rien en dehors de leur rémunération, ses services respectent des normes publiées, et chacun peut lui demander des comptes. Toutes les unités de notre radio, de la rédaction aux centres émetteurs, l’ont signé.',
        'Vous trouverez dans ces pages la déclaration que nous avons signée, le programme de changement que nous suivons, les normes des services que nous rendons au public et les personnes à contacter. Les documents qui attestent nos progrès sont rassemblés dans la bibliothèque de documents, et notre canal de signalement permet de nous alerter, y compris de façon anonyme.',
      ],
    },
    contact: {
      slug: 'contact',
      title: 'Contact',
      summary: 'Comment joindre la rédaction de Voice of Warta, le service des auditeurs et l’équipe des partenariats.',
      body: [
        '## Adresse',
        'Voice of Warta, Radio Warta Nusantara, Jalan Cempaka Raya 17, Jakarta Pusat 10640, Indonésie',
        '## Téléphone et courriel',
        '- Standard : +62 21 5550 1400',
        '- Rédaction : +62 21 5550 1420, newsroom@warta.example',
        '- Service des auditeurs : +62 21 5550 1455, listeners@warta.example',
        '- Partenariats et reprise de nos programmes : partners@warta.example',
        '## Horaires',
        'Du lundi au vendredi, de 8 h à 16 h, heure de l’Ouest indonésien (UTC+7). La rédaction est joignable jour et nuit.',
        'Pour signaler un comportement contraire à nos règles ou déposer une plainte, utilisez le canal de signalement de la Zona Integritas sur ce site ; vous pouvez le faire anonymement.',
      ],
    },
  },

  radio: {
    channel: {
      name: 'Voice of Warta – Service français',
      slug: 'service-francais',
      description: 'L’actualité, la culture et la musique de l’Indonésie, en français, à toute heure.',
    },
    programs: {
      'news-bulletin': {
        title: 'Le Journal',
        description:
          'Un quart d’heure d’actualité nationale et régionale, avec la météo et l’état des ports, toutes les trois heures.',
      },
      'morning-show': {
        title: 'Bonjour l’archipel',
        description:
          'La journée commence ici : revue de presse, invités en studio, circulation dans les grandes villes et messages des auditeurs d’ici et d’ailleurs.',
      },
      'culture-corner': {
        title: 'Carnets de culture',
        description:
          'La danse, les marionnettes, l’artisanat et celles et ceux qui les font vivre, d’Aceh à la Papouasie.',
      },
      'music-archipelago': {
        title: 'Musiques de l’archipel',
        description:
          'Keroncong, dangdut, gamelan et nouveaux groupes des îles, choisis et présentés par Made Suryawan.',
      },
      'weekend-special': {
        title: 'Spécial week-end',
        description:
          'Un long entretien, un voyage ou un concert : chaque week-end un rendez-vous différent, avec les chansons demandées par les auditeurs de l’étranger.',
      },
      'listeners-hour': {
        title: 'L’Heure des auditeurs',
        description:
          'Vos lettres, vos messages et vos appels : l’heure où les auditeurs racontent leur histoire et posent leurs questions.',
      },
    },
    section: {
      slug: 'a-l-antenne',
      name: 'À l’antenne',
      description:
        'Des nouvelles du studio : messages, histoires d’auditeurs, gagnants des jeux et entretiens tirés de nos émissions.',
    },
    byline: 'Rédaction radio',
    dateline: 'Jakarta',
    specialNote: 'En direct du festival de gamelan de Yogyakarta',
    cancelledNote: 'Remplacé par une édition spéciale consacrée aux élections régionales',
    pickNotes: [
      'Les messages des auditeurs du monde entier, chaque matin en semaine.',
      'Cette semaine : un concert en direct.',
    ],
  },
};
