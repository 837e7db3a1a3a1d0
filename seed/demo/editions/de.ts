// Demo content of the German edition (Deutsches Programm): sections, bios, stories, pages and radio, in German.
import type { DemoEditionContent } from '../types.ts';

/** Alt texts of the photo scenes, in German (see the ALT table of articles.ts). */
const ALT = {
  harbour: 'Fischerboote auf dem Wasser vor einem Containerhafen mit Kränen',
  city: 'Hohe Gebäude über einer von Bäumen gesäumten Straße in der Stadt',
  forest: 'Bewaldete Hügel, die sich hintereinander im Nebel verlieren',
  stage: 'Eine Tänzerin und Gamelan-Musiker auf einer beleuchteten Bühne vor Publikum',
  field: 'Bauern mit kegelförmigen Hüten in terrassierten Reisfeldern unterhalb eines Vulkans',
  mountain: 'Ein Vulkan mit einer Rauchfahne über grünen Hügeln und einem Dorf',
  football: 'Fußballspieler auf dem Rasen vor vollbesetzten Tribünen',
};

/** The German edition's demo content. */
export const de: DemoEditionContent = {
  categories: {
    national: {
      slug: 'indonesien',
      name: 'Indonesien',
      description:
        'Nachrichten aus dem ganzen indonesischen Archipel: Politik und Verwaltung, öffentliche Dienste, Infrastruktur und das Leben der Menschen.',
    },
    world: {
      slug: 'welt',
      name: 'Welt',
      description: 'Internationale Politik, Diplomatie und Indonesiens Rolle in der Welt.',
    },
    'southeast-asia': {
      slug: 'suedostasien',
      name: 'Südostasien',
      description:
        'Die Nachbarn: Zusammenarbeit in der ASEAN, grenzüberschreitender Handel und die gemeinsamen Herausforderungen der Region.',
    },
    economy: {
      slug: 'wirtschaft',
      name: 'Wirtschaft',
      description:
        'Handel, Industrie, Landwirtschaft, kleine Betriebe und die Zahlen, die über die Haushaltskasse entscheiden.',
    },
    culture: {
      slug: 'kultur',
      name: 'Kultur',
      description:
        'Musik, Tanz, Handwerk, Literatur und die lebendigen Traditionen der vielen Gemeinschaften Indonesiens.',
    },
    sports: {
      slug: 'sport',
      name: 'Sport',
      description: 'Badminton, Fußball, Leichtathletik und mehr – vom Dorfplatz bis zur Weltmeisterschaft.',
    },
    tourism: {
      slug: 'reisen',
      name: 'Reisen',
      description: 'Reiseziele, Reisenachrichten und die Menschen, die auf den Inseln Gäste empfangen.',
    },
  },

  authorBios: {
    dewi: 'Dewi Anggraini ist leitende Redakteurin des englischsprachigen Dienstes. Bevor sie in die Nachrichtenredaktion wechselte, berichtete sie zehn Jahre lang über das Parlament und die Regionalregierungen.',
    bayu: 'Bayu Prasetyo berichtet über Wirtschaft, Handel und Verkehr, mit besonderem Blick auf die Häfen und die Schifffahrt im Osten Indonesiens.',
    sari: 'Sari Wulandari schreibt über Kultur, Kulturerbe und Reisen. Sie hat in Yogyakarta darstellende Kunst studiert und spielt bis heute in einem Gamelan-Ensemble ihres Dorfes.',
    rizky:
      'Rizky Hidayat ist Sportkorrespondent und verfolgt Badminton, Fußball und Leichtathletik – vom Schulturnier bis zum internationalen Finale.',
    made: 'Made Suryawan berichtet aus dem Büro in Denpasar über Umwelt, Wissenschaft und Regionaldiplomatie und ist oft in ganz Südostasien unterwegs.',
  },

  translations: {
    'watu-ranggeh-alert': {
      title: 'Vulkan Watu Ranggeh: Behörden erhöhen Warnstufe nach Bebenserie',
      summary:
        'Auf Flores dürfen Anwohner eine Sperrzone von vier Kilometern rund um den Krater nicht mehr betreten. Die Messgeräte zeichnen täglich Hunderte kleiner Erdbeben auf.',
      dateline: 'Ende',
      source: 'Nusantara Wire/VOI',
      body: [
        'Die Behörden haben die Warnstufe für den Vulkan Watu Ranggeh auf der Insel Flores auf die zweithöchste Stufe angehoben. Zuvor hatten die Messinstrumente in der vergangenen Woche einen starken Anstieg vulkanischer Erdbeben unter dem Gipfel registriert.',
        'Nach Angaben der Vulkanüberwachung zeichneten die Seismografen an einem einzigen Tag mehr als dreihundert flache Beben auf – üblich sind weniger als zwanzig. Über dem Krater steigt eine dünne weiße Dampfsäule etwa vierhundert Meter hoch, und Satellitenmessungen zeigen, dass sich die Ostflanke des Berges leicht aufwölbt.',
        '„Diese Anzeichen sagen uns, dass Magma in Richtung Oberfläche aufsteigt. Ein Ausbruch ist damit nicht sicher, aber wir können ihn auch nicht ausschließen“, sagt Yulius Bria, Leiter des Beobachtungspostens am Südhang. Seine Mitarbeiter übermitteln die Messwerte inzwischen stündlich an die Regionalzentrale statt wie bisher zweimal am Tag.',
        'Die Bewohner wurden aufgefordert, eine Zone von vier Kilometern rund um den Krater zu meiden. An ihrem Rand liegen drei Dörfer mit zusammen rund 1900 Einwohnern. Nach Angaben des Landkreises sind die Fluchtwege überprüft; Schulgebäude in der Stadt Ende stehen als Notunterkünfte bereit, falls sich die Lage verschärft.',
        'Die Bauern an den Hängen, von denen viele Gewürznelken und Kerzennüsse anbauen, bangen um ihre Ernte. Der regionale Katastrophenschutz hat zugesagt, begleitete Besuche bei Tageslicht zu organisieren, damit sie ihre Bäume pflegen können, solange die Aktivität nicht weiter zunimmt.',
        'Zum letzten Mal brach der Watu Ranggeh vor mehr als vierzig Jahren explosiv aus; damals ging über weiten Teilen von Zentral-Flores Asche nieder. Seither wurden nur kleinere, von Dampf getriebene Explosionen beobachtet.',
      ],
      tags: ['Vulkane', 'Katastrophenschutz', 'Flores'],
      caption:
        'Dampf steigt aus dem Krater des Watu Ranggeh, gesehen von einem Dorf am Südhang, auf der Insel Flores in der Provinz Ost-Nusa-Tenggara. Die Messstation registriert täglich Hunderte flacher vulkanischer Beben.',
      alt: ALT.mountain,
    },
    'asean-vessel-tracking': {
      title: 'Gegen illegale Fischerei: ASEAN-Staaten bündeln die Ortungsdaten ihrer Fangflotten',
      summary:
        'Nach einer Vereinbarung in Bangkok sollen die Mitgliedstaaten die Positionen lizenzierter Fischerboote in gemeinsamen Gewässern einsehen können. Kontrollen auf See würden dadurch gezielter, heißt es.',
      dateline: 'Bangkok',
      source: '',
      body: [
        'Die Fischereibehörden der zehn ASEAN-Mitgliedstaaten wollen künftig die Ortungsdaten lizenzierter Fischereifahrzeuge austauschen. Illegaler, nicht gemeldeter und unregulierter Fischfang soll in den gemeinsamen Gewässern der Region so schwerer unbemerkt bleiben.',
        'Nach der Vereinbarung, auf die sich die Delegationen nach zweitägigen Gesprächen in Bangkok verständigten, speist jedes Land die Positionen seiner lizenzierten Boote in eine regionale Plattform ein. Patrouillenboote und Küstenwachen können dann prüfen, ob ein Schiff registriert ist und wo es zuvor unterwegs war – statt sich allein auf die Papiere an Bord zu verlassen.',
        'Indonesiens Vertreter, der Direktor für Fischereiaufsicht Agus Wicaksono, sagte, das System helfe, ehrliche Fischer von Schiffen zu unterscheiden, die ihre Transponder abschalten oder die Flagge wechseln. „Die meisten Fischer in unserer Region halten sich an die Regeln. So wissen die Patrouillen, auf wen sie sich konzentrieren müssen.“',
        'Zunächst werden nur Schiffe ab dreißig Bruttotonnen erfasst; über kleinere Boote soll später beraten werden. Mehrere Delegationen äußerten Bedenken wegen der Kosten der Ortungsgeräte für kleine Betriebe. Die Konferenz beschloss, dafür Mittel bei Entwicklungspartnern einzuwerben.',
        'Regionale Forschungseinrichtungen schätzen, dass illegale Fischerei die Volkswirtschaften Südostasiens jedes Jahr Milliarden Dollar kostet und die Lebensgrundlage von Küstengemeinden gefährdet, die auf gesunde Fischbestände angewiesen sind. Die Minister sollen die Vereinbarung bei ihrem nächsten Jahrestreffen billigen.',
      ],
      tags: ['ASEAN', 'Fischerei', 'illegale Fischerei'],
      caption:
        'Fischerboote in einem belebten Hafen. ASEAN-Vertreter haben in Bangkok vereinbart, die Ortungsdaten lizenzierter Schiffe zusammenzuführen, damit Patrouillen illegalen Fischfang in gemeinsamen Gewässern leichter erkennen.',
      alt: ALT.harbour,
    },
    'surakarta-young-dalang': {
      title: 'Schattenspiel mit Zukunft: In Surakarta lernen Jugendliche die Kunst des Dalang',
      summary:
        'Ein kostenloser Kurs bildet Teenager zu Dalang aus – den Puppenspielern und Erzählern, die auf Java das Schattentheater eine ganze Nacht hindurch aufführen.',
      dateline: 'Surakarta',
      source: '',
      body: [
        'An den Nachmittagen unter der Woche sitzt in Surakarta ein Dutzend Jugendlicher im Schneidersitz vor einer weißen Leinwand und übt die Stimmen von Königen, Spaßmachern und Dämonen. Sie besuchen einen kostenlosen Kurs, der eine neue Generation von Dalang ausbilden soll – jenen Puppenspielern, die Javas Schattentheater eine ganze Nacht lang erzählen.',
        'Ein Dalang führt die Lederfiguren, singt, macht Witze und gibt dem Gamelan-Orchester die Einsätze, oft acht Stunden ohne Pause. Traditionell wurde die Kunst vom Vater an den Sohn weitergegeben. Der Kurs steht dagegen Jungen und Mädchen jeder Herkunft offen; in diesem Jahr sind fünf Mädchen dabei.',
        '„Junge Leute halten Wayang für altmodisch, bis sie es selbst ausprobieren. Dann merken sie, dass es Stand-up-Comedy, Oper und Politik in einem ist“, sagt Ki Sutrisno Wibowo, ein erfahrener Dalang, der den Kurs leitet.',
        'Die Schüler lernen die klassischen Geschichten aus Mahabharata und Ramayana, schreiben aber auch kurze Stücke über das heutige Leben. In einem davon, das sie vor ihren Eltern aufführten, verirrt sich der Spaßmacher Petruk in einem Einkaufszentrum.',
        'Das Wayang Kulit gehört zum immateriellen Kulturerbe der UNESCO. Für Hochzeiten und Dorffeste werden nach Angaben der Lehrer weiterhin regelmäßig Vorstellungen gebucht, doch das Publikum wünscht sich zunehmend kürzere Aufführungen – darauf werden sich die jungen Dalang einstellen müssen.',
      ],
      tags: ['Wayang', 'Theater', 'Kulturerbe', 'Jugend'],
      caption:
        'Darsteller und Gamelan-Musiker bei einer Schüleraufführung in Surakarta, Zentraljava. Dort werden Jugendliche in einem kostenlosen Kurs zu Dalang ausgebildet, den Erzählern des Schattenspiels.',
      alt: ALT.stage,
    },
    'lake-toba-half-marathon': {
      title: 'Halbmarathon am Tobasee: Läufer aus zwanzig Ländern am Start',
      summary:
        'Bei den Männern siegte Rahmat Hidayatullah aus Jakarta, bei den Frauen gewann Rosalina Situmorang – auf den Straßen, auf denen sie aufgewachsen ist.',
      dateline: 'Balige',
      source: 'Warta/VOI',
      body: [
        'Mehr als viertausend Läuferinnen und Läufer, darunter Athleten aus zwanzig Ländern, sind am Südufer des Tobasees in Nordsumatra zu einem Halbmarathon gestartet. Die Strecke führte bergauf durch Dörfer und Reisfelder, mit Blick über den größten Vulkansee der Welt.',
        'Bei den Männern gewann Rahmat Hidayatullah aus Jakarta in 1:06:40 Stunden, nachdem er sich am letzten Anstieg aus einer vierköpfigen Spitzengruppe gelöst hatte. Rosalina Situmorang, die wenige Kilometer vom Ziel entfernt in einem Dorf aufgewachsen ist, siegte bei den Frauen in 1:19 Stunden.',
        '„Als Kind bin ich über diese Hügel zur Schule gerannt. Heute stand mein ganzes Dorf am Straßenrand“, sagte Situmorang, die nach dem Zieleinlauf von ihren Verwandten auf den Schultern getragen wurde.',
        'Nach Angaben der Veranstalter waren die Hotels in Balige und den Nachbarorten ausgebucht. Entlang der Strecke verkauften Einheimische gegrillten Fisch, Kaffee und gewebte Ulos-Tücher. Die Regionalregierung setzt auf Sportveranstaltungen, um auch außerhalb der Ferienzeiten Besucher an den See zu holen.',
        'Die Sanitäter versorgten rund vierzig Läufer wegen Krämpfen und Flüssigkeitsmangel; schwere Verletzungen gab es nicht. Im kommenden Jahr soll erstmals auch ein Marathon über die volle Distanz angeboten werden.',
      ],
      tags: ['Leichtathletik', 'Laufen', 'Tobasee'],
      caption:
        'Reisfelder an der Halbmarathonstrecke am Südufer des Tobasees in Nordsumatra, wo mehr als viertausend Läufer aus zwanzig Ländern an den Start gingen.',
      alt: ALT.field,
    },
  },

  stories: [
    {
      key: 'de-hochwasserschutz-semarang',
      category: 'national',
      author: 'made',
      daysAgo: 0,
      hour: 10,
      minute: 20,
      featured: true,
      reads: 1870,
      ratings: [168, 39],
      photo: {
        scene: 'harbour',
        seed: 2204,
        caption: {
          de: 'Fischerboote vor dem Hafen von Semarang in Zentraljava. Ein neuer Küstendeich mit Pumpwerken soll den Hafen und die tief liegenden Wohnviertel vor Überflutung schützen.',
        },
        alt: { de: ALT.harbour },
        credit: 'Warta Photo/Fajar Nugroho',
      },
      text: {
        de: {
          title: 'Hochwasserschutz für Semarang: Ingenieure von der Weser beraten beim Deichbau',
          summary:
            'Die Hafenstadt in Zentraljava sinkt in manchen Vierteln um mehrere Zentimeter im Jahr. Ein neuer Küstendeich mit Schöpfwerken soll Hafen und Wohngebiete schützen – mit Fachwissen aus Norddeutschland.',
          dateline: 'Semarang',
          source: '',
          body: [
            'Im Hafen von Semarang stehen manche Lagerhallen knöcheltief im Meerwasser, auch an Tagen ohne Regen. Die Stadt an der Nordküste Javas gehört zu den am schnellsten absinkenden Küstenstädten der Welt: In einigen Vierteln sackt der Boden jedes Jahr um mehrere Zentimeter ab, vor allem weil seit Jahrzehnten Grundwasser abgepumpt wird.',
            'Ein neuer, rund zehn Kilometer langer Küstendeich mit Schöpfwerken und Rückhaltebecken soll den Hafen und die tiefer liegenden Wohngebiete künftig vor Sturmfluten und Überschwemmungen schützen. Bei der Planung arbeiten indonesische Ingenieure mit Fachleuten einer Bremer Hochschule zusammen, die ihre Erfahrung von den Deichen an der Nordseeküste mitbringen.',
            '„An der Weser lernt man, dass ein Deich nie fertig ist. Er muss jedes Jahr kontrolliert und gepflegt werden, sonst schützt er irgendwann nicht mehr“, sagt der Wasserbauingenieur Jens Hartmann, der seit zwei Jahren regelmäßig nach Semarang reist. Die größte Schwierigkeit sei der weiche Untergrund, der unter dem Gewicht des Deichs selbst nachgibt.',
            'Zugleich will die Stadt die Grundwasserentnahme eindämmen. Gewerbebetriebe im Hafengebiet sollen nach und nach an die öffentliche Wasserversorgung angeschlossen werden, neue Brunnen werden nur noch in Ausnahmefällen genehmigt.',
            'Im Fischerviertel Tambak Lorok verfolgen die Bewohner die Bauarbeiten mit Hoffnung und Skepsis. „Wir haben unser Haus schon zweimal höher gelegt. Ein drittes Mal können wir uns nicht leisten“, sagt die Fischhändlerin Sumiyati. Der erste Deichabschnitt soll vor Beginn der übernächsten Regenzeit fertig sein.',
          ],
          tags: ['Hochwasserschutz', 'Semarang', 'Klimaanpassung', 'Deutschland'],
        },
      },
    },
    {
      key: 'de-pflegekraefte-bandung',
      category: 'world',
      author: 'dewi',
      daysAgo: 2,
      hour: 7,
      minute: 50,
      reads: 2310,
      ratings: [201, 47],
      photo: {
        scene: 'city',
        seed: 2217,
        caption: {
          de: 'Eine Straße in Bandung, Westjava. In einem Sprachzentrum der Stadt lernen indonesische Pflegefachkräfte Deutsch für ihre künftige Arbeit in Kliniken und Pflegeheimen.',
        },
        alt: { de: ALT.city },
        credit: 'Warta Photo/Nurul Fitria',
      },
      text: {
        de: {
          title: 'Pflegekräfte für Deutschland: In Bandung wird Grammatik gebüffelt',
          summary:
            'Rund hundertzwanzig indonesische Pflegefachkräfte lernen in einem Sprachzentrum in Bandung Deutsch. Im nächsten Jahr sollen sie in Kliniken und Pflegeheimen in Süddeutschland anfangen.',
          dateline: 'Bandung',
          source: '',
          body: [
            '„Der, die, das“ steht in großen Buchstaben an der Tafel, darunter Wörter, die man auf einer deutschen Station braucht: Blutdruck, Verband, Nachtschicht. In einem Sprachzentrum in Bandung bereiten sich rund hundertzwanzig indonesische Pflegefachkräfte auf ihren Umzug nach Deutschland vor.',
            'Alle Teilnehmer haben ein abgeschlossenes Pflegestudium und meist einige Jahre Berufserfahrung. Neun Monate lang lernen sie Deutsch bis zum Niveau B2, das für die Anerkennung ihres Abschlusses verlangt wird. Kurs und Prüfung bezahlen die künftigen Arbeitgeber, Kliniken und Pflegeheime in Bayern und Baden-Württemberg.',
            '„Die Grammatik ist schwer, aber am schwierigsten ist der Dialekt. Unsere Lehrerin hat uns Aufnahmen von Patienten aus Bayern vorgespielt – wir haben kein Wort verstanden“, erzählt die 27-jährige Fitri Kartika lachend. Sie hat fünf Jahre auf einer Intensivstation in Bandung gearbeitet.',
            'Indonesien bildet mehr Pflegekräfte aus, als das eigene Gesundheitswesen einstellen kann, während in Deutschland Zehntausende Stellen unbesetzt sind. Die indonesische Behörde für Arbeitsmigration achtet darauf, dass die Vermittlung für die Beschäftigten gebührenfrei bleibt und die Verträge den deutschen Tarifen entsprechen.',
            'Für die ersten Monate nach der Ankunft haben die Arbeitgeber Mentorinnen und Mentoren aus dem eigenen Team benannt. Eine Gruppe, die im vergangenen Jahr nach Deutschland gegangen ist, hält per Videochat Kontakt und gibt den Neuen Tipps – vom Wintermantel bis zur Mülltrennung.',
          ],
          tags: ['Pflege', 'Arbeitsmigration', 'Deutschland', 'Bandung'],
        },
      },
    },
    {
      key: 'de-kaffee-messe-hamburg',
      category: 'economy',
      author: 'bayu',
      daysAgo: 6,
      hour: 13,
      minute: 15,
      reads: 1240,
      ratings: [109, 26],
      photo: {
        scene: 'forest',
        seed: 2229,
        caption: {
          de: 'Bewaldete Hügel im Gayo-Hochland in Aceh, wo Kleinbauern Arabica im Schatten höherer Bäume anbauen. Elf indonesische Genossenschaften haben ihren Kaffee auf einer Fachmesse in Hamburg vorgestellt.',
        },
        alt: { de: ALT.forest },
        credit: 'Warta Photo/Teguh Santoso',
      },
      text: {
        de: {
          title: 'Kaffeebauern aus Sumatra und Sulawesi suchen in Hamburg neue Käufer',
          summary:
            'Auf einer Kaffeemesse in der Hansestadt sind erstmals elf indonesische Genossenschaften mit einem Gemeinschaftsstand aufgetreten. Deutsche Röstereien interessieren sich vor allem für kleine Partien mit nachvollziehbarer Herkunft.',
          dateline: 'Hamburg',
          source: '',
          body: [
            'Zwischen Röstmaschinen, Espressobars und Verkostungstischen duftete es in Hamburg in dieser Woche auch nach Aceh, Toraja und Flores: Auf einer Fachmesse für Spezialitätenkaffee waren erstmals elf indonesische Kaffeegenossenschaften mit einem Gemeinschaftsstand vertreten.',
            'Hamburg ist einer der wichtigsten Umschlagplätze für Rohkaffee in Europa. Bisher gelangen die meisten indonesischen Bohnen über große Handelshäuser dorthin, die Erzeuger selbst bekommen ihre Kunden kaum je zu Gesicht. Die Genossenschaften wollen das ändern und direkt an kleinere Röstereien verkaufen.',
            '„Die Röster hier wollen wissen, auf welcher Höhe der Kaffee wächst, wer ihn pflückt und wie lange er trocknet. Das können wir beantworten – wir sind ja selbst die Bauern“, sagt Rahmadani Putri von einer Genossenschaft aus dem Gayo-Hochland. Sie hat am Stand an drei Tagen rund zweihundert Tassen ausgeschenkt.',
            'Mehrere Röstereien aus Hamburg, Berlin und München vereinbarten Probelieferungen. Die Mengen sind klein, oft nur einige Säcke, die Preise liegen aber deutlich über dem Weltmarktniveau. Ein Hamburger Röster sagte, seine Kunden kennten indonesischen Kaffee bisher vor allem als dunkle Röstung; nun wolle er die feineren, hell gerösteten Partien zeigen.',
            'Eine Hürde ist die EU-Verordnung gegen Entwaldung, nach der Importeure nachweisen müssen, dass ihr Kaffee nicht auf gerodeten Waldflächen gewachsen ist. Die Genossenschaften haben deshalb die Parzellen ihrer Mitglieder per GPS vermessen – ein Aufwand, der sich nach ihrer Einschätzung nun auszahlt.',
          ],
          tags: ['Kaffee', 'Export', 'Hamburg', 'Genossenschaften'],
        },
      },
    },
    {
      key: 'de-duale-ausbildung-surabaya',
      category: 'national',
      author: 'dewi',
      daysAgo: 9,
      hour: 9,
      minute: 0,
      reads: 890,
      ratings: [74, 18],
      photo: {
        scene: 'city',
        seed: 2236,
        caption: {
          de: 'Hochhäuser über einer Hauptstraße in Surabaya, Ostjava. Vierzig Unternehmen der Region bilden gemeinsam mit einer Berufsschule Mechatroniker nach deutschem Vorbild aus.',
        },
        alt: { de: ALT.city },
        credit: 'Warta Photo/Rina Hapsari',
      },
      text: {
        de: {
          title: 'Ausbildung nach deutschem Vorbild: Surabaya setzt auf die Lehre im Betrieb',
          summary:
            'Eine Berufsschule und vierzig Unternehmen in Ostjava bilden Mechatroniker und Industrieelektriker künftig im Wechsel zwischen Klassenzimmer und Werkhalle aus – beraten von einer deutschen Industrie- und Handelskammer.',
          dateline: 'Surabaya',
          source: '',
          body: [
            'Drei Tage in der Werkhalle, zwei Tage in der Schule: In diesem Rhythmus lernen seit diesem Monat die ersten sechzig Auszubildenden eines neuen Programms in Surabaya. Eine staatliche Berufsschule und vierzig Unternehmen aus der Region bilden gemeinsam Mechatroniker und Industrieelektriker aus, nach dem Vorbild der dualen Ausbildung in Deutschland.',
            'An indonesischen Berufsschulen verbringen die Schüler bislang den größten Teil ihrer Ausbildung im Klassenzimmer, Praktika dauern oft nur wenige Wochen. Viele Betriebe klagen, dass Absolventen erst nach langer Einarbeitung an den Maschinen eingesetzt werden können. Im neuen Modell erhalten die Jugendlichen einen Ausbildungsvertrag und eine monatliche Vergütung.',
            '„Früher habe ich Schaltpläne nur im Buch gesehen. Jetzt baue ich sie in der Fabrik selbst auf, und wenn etwas nicht funktioniert, erklärt mir der Meister, warum“, sagt der 17-jährige Galih Pratama, der bei einem Hersteller von Verpackungsmaschinen lernt.',
            'Die deutsche Kammer steuert Prüfungsstandards und Ausbildungspläne bei. Zwanzig Ausbilder aus den Betrieben wurden eigens geschult; einige von ihnen haben zwei Wochen lang in Betrieben in Nordrhein-Westfalen hospitiert.',
            'Die Provinzregierung von Ostjava will das Modell in den kommenden Jahren auf weitere Berufe ausweiten, etwa auf Kfz-Mechatronik und Logistik. Die Abschlussprüfung nach drei Jahren soll sowohl in Indonesien als auch von den deutschen Partnern anerkannt werden.',
          ],
          tags: ['Berufsausbildung', 'Surabaya', 'Deutschland', 'Industrie'],
        },
      },
    },
    {
      key: 'de-rinjani-bergwandern',
      category: 'tourism',
      author: 'made',
      daysAgo: 14,
      hour: 15,
      minute: 30,
      reads: 1030,
      ratings: [86, 20],
      photo: {
        scene: 'mountain',
        seed: 2243,
        caption: {
          de: 'Ein Vulkan über grünen Hügeln und einem Dorf auf Lombok. Der Rinjani-Nationalpark begrenzt die Zahl der Wanderer und schreibt die Begleitung durch lizenzierte Bergführer vor.',
        },
        alt: { de: ALT.mountain },
        credit: 'Warta Photo/Komang Ardana',
      },
      text: {
        de: {
          title: 'Wandern statt Strand: Deutsche Urlauber zieht es auf den Rinjani',
          summary:
            'Der Vulkan auf Lombok ist bei Bergwanderern aus dem deutschsprachigen Raum so gefragt wie nie. Der Nationalpark reagiert mit Online-Buchung, Müllpfand und Führerpflicht.',
          dateline: 'Mataram',
          source: '',
          body: [
            'Der Rinjani auf Lombok, mit gut 3700 Metern der zweithöchste Vulkan Indonesiens, wird zum Ziel deutscher Bergwanderer. Nach Angaben der Nationalparkverwaltung kam im vergangenen Jahr fast jeder fünfte ausländische Gipfelbesucher aus Deutschland, Österreich oder der Schweiz.',
            'Die meisten buchen eine Dreitagestour: Aufstieg zum Kraterrand, Nacht im Zelt, Abstieg zum Kratersee Segara Anak mit seinen heißen Quellen und für die Ausdauernden der Gipfelaufstieg in der Dunkelheit. „Das ist richtiges Bergsteigen, kein Sonnenbaden. Genau das suchen viele von uns im Urlaub“, sagt Katrin Vogel aus Freiburg, die gerade vom Gipfel zurückgekehrt ist.',
            'Der Andrang hat Folgen. Auf den beliebtesten Routen sammelte sich früher der Müll, an Wochenenden drängten sich die Zelte am Kraterrand. Inzwischen begrenzt die Parkverwaltung die Zahl der Wanderer über ein Online-Buchungssystem. Wer aufsteigt, muss von einem lizenzierten Führer begleitet werden und beim Abstieg seinen Abfall vorzeigen; für jede fehlende Verpackung wird ein Teil des Pfands einbehalten.',
            'Für Dörfer am Fuß des Vulkans wie Senaru und Sembalun sind die Wanderer eine wichtige Einnahmequelle, Hunderte Träger, Köche und Führer leben von den Touren. „Die Deutschen fragen viel nach Sicherheit und Wetter. Wir haben gelernt, ihnen ehrlich zu sagen, wann der Gipfel zu gefährlich ist“, sagt der Bergführer Lalu Ahmad Zaini.',
            'Von Januar bis März bleiben die Wege wegen der Regenzeit gesperrt. Die Parkverwaltung rät, frühzeitig und nur bei registrierten Veranstaltern zu buchen.',
          ],
          tags: ['Lombok', 'Wandern', 'Nationalparks', 'Vulkane'],
        },
      },
    },
    {
      key: 'de-trainerlehrgang-malang',
      category: 'sports',
      author: 'rizky',
      daysAgo: 22,
      hour: 18,
      minute: 5,
      reads: 640,
      ratings: [52, 13],
      photo: {
        scene: 'stadium',
        seed: 2250,
        caption: {
          de: 'Ein Ligaspiel vor vollen Rängen in Malang, Ostjava. Die Stadt gilt als eine der Fußballhochburgen Indonesiens; hier haben fünfzig Jugendtrainer einen Lehrgang nach deutschem Konzept absolviert.',
        },
        alt: { de: ALT.football },
        credit: 'Warta Photo/Fajar Nugroho',
      },
      text: {
        de: {
          title: 'Trainerlehrgang in Malang: Nachwuchsfußball nach deutschem Konzept',
          summary:
            'Fünfzig Jugendtrainer aus Ostjava haben zwei Wochen lang mit Ausbildern eines deutschen Landesverbands gearbeitet. Im Mittelpunkt: kleine Felder, viele Ballkontakte und weniger Gebrüll am Spielfeldrand.',
          dateline: 'Malang',
          source: '',
          body: [
            'Vier gegen vier auf Minitore, ständig wechselnde Aufgaben, kaum Warteschlangen: Was Jugendtrainer in Deutschland seit Jahren praktizieren, haben fünfzig Übungsleiter aus Ostjava in den vergangenen zwei Wochen in Malang selbst ausprobiert. Ausbilder eines deutschen Landesfußballverbands leiteten den Lehrgang gemeinsam mit Trainern des indonesischen Verbands.',
            'In vielen indonesischen Fußballschulen stehen Kinder noch lange in der Reihe an, bis sie einmal den Ball bekommen, und schon die Jüngsten spielen Turniere auf großen Feldern. Das neue Konzept setzt auf kleine Mannschaften und viele Ballkontakte, damit Technik und Spielverständnis wachsen.',
            '„Ein Kind, das in einer Stunde fünfhundert Mal den Ball berührt, lernt mehr als eines, das zehn Minuten lang zuschaut. Das klingt einfach, aber es verändert alles“, sagt der Ausbilder Thomas Berger. Genauso wichtig sei die Haltung am Spielfeldrand: loben statt brüllen.',
            'Jeden Nachmittag übten die Teilnehmer das Gelernte mit Kindern aus Vereinen der Stadt. „Am ersten Tag waren die Kinder verwirrt, weil niemand mehr pfiff und schrie. Am dritten Tag wollten sie nicht mehr nach Hause“, erzählt die Trainerin Anisa Rahmawati, die in Batu eine Mädchenmannschaft betreut.',
            'Der Lehrgang endet mit einer Lizenzprüfung. Die Absolventen sollen ihr Wissen in ihren Heimatbezirken weitergeben; im kommenden Jahr ist ein Gegenbesuch indonesischer Trainer in Deutschland geplant.',
          ],
          tags: ['Fußball', 'Nachwuchs', 'Malang', 'Trainerausbildung'],
        },
      },
    },
  ],

  pages: {
    'company-profile': {
      slug: 'wir-ueber-uns',
      title: 'Wir über uns',
      summary:
        'Voice of Warta ist der Auslandsdienst von Radio Warta Nusantara, dem öffentlichen Rundfunk Indonesiens – zu Hause in Jakarta, zu hören in aller Welt.',
      body: [
        'Voice of Warta ist der internationale Hörfunkdienst von Radio Warta Nusantara, dem öffentlichen Rundfunk der Republik Indonesien. Aus unseren Studios in Jakarta senden wir Nachrichten, Reportagen, Musik und Sprachkurse für Hörerinnen und Hörer im Ausland und für Indonesierinnen und Indonesier, die fern der Heimat leben.',
        'Wir werden von der Allgemeinheit finanziert und sind ihr Rechenschaft schuldig. Unsere redaktionelle Unabhängigkeit ist in unserer Satzung verankert; Genauigkeit, Fairness und Respekt vor der Vielfalt der Menschen, für die wir arbeiten, bestimmen unser Programm.',
        'Das deutsche Programm richtet sich an Hörer in Deutschland, Österreich und der Schweiz und an alle, die Deutsch sprechen und sich für Indonesien interessieren. Unsere Redaktion wählt ihre Themen für dieses Publikum aus und schreibt sie selbst – wir übersetzen nicht einfach das englische Programm.',
        '## Auf einen Blick',
        '- Öffentlicher Rundfunk, redaktionell unabhängig',
        '- Büros in Jakarta, Medan, Surabaya, Denpasar, Makassar und Jayapura',
        '- Programme auf Englisch, Indonesisch, Arabisch, Französisch, Deutsch, Spanisch, Chinesisch und Japanisch',
        '- Rund um die Uhr im Livestream, auf Kurzwelle zu festen Sendezeiten',
      ],
    },
    integrity: {
      slug: 'integrity',
      title: 'Zona Integritas',
      summary:
        'Radio Warta Nusantara baut eine Integritätszone auf – mit dem Ziel, als korruptionsfreier Bereich (WBK) und als saubere, bürgernahe Verwaltung (WBBM) anerkannt zu werden.',
      body: [
        'Eine Integritätszone ist ein öffentliches Versprechen einer staatlichen Einrichtung: Ihre Beschäftigten fordern und nehmen nichts an, was über ihr Gehalt hinausgeht, ihre Dienstleistungen folgen veröffentlichten Standards, und jeder kann sie zur Rechenschaft ziehen. Alle Bereiche unseres Senders, von der Nachrichtenredaktion bis zu den Sendeanlagen, haben sich dazu verpflichtet.',
        'Auf diesen Seiten finden Sie die Erklärung, die wir unterzeichnet haben, unser Reformprogramm, die Standards unserer Dienstleistungen und die zuständigen Ansprechpartner. Die Nachweise über unsere Fortschritte stehen in der Dokumentenbibliothek. Hinweise auf Fehlverhalten können Sie über die Meldestelle geben, auf Wunsch auch anonym.',
      ],
    },
    contact: {
      slug: 'kontakt',
      title: 'Kontakt',
      summary: 'So erreichen Sie die Redaktion von Voice of Warta, den Hörerservice und das Partnerschaftsteam.',
      body: [
        '## Anschrift',
        'Voice of Warta, Radio Warta Nusantara, Jalan Cempaka Raya 17, Jakarta Pusat 10640, Indonesien',
        '## Telefon und E-Mail',
        '- Zentrale: +62 21 5550 1400',
        '- Redaktion: +62 21 5550 1420, newsroom@warta.example',
        '- Hörerservice: +62 21 5550 1455, listeners@warta.example',
        '- Partnerschaften und Übernahme unserer Sendungen: partners@warta.example',
        '## Bürozeiten',
        'Montag bis Freitag, 8 bis 16 Uhr westindonesischer Zeit (UTC+7). Die Nachrichtenredaktion ist rund um die Uhr besetzt.',
        'Wenn Sie ein Fehlverhalten melden oder sich beschweren möchten, nutzen Sie bitte die Meldestelle der Zona Integritas auf dieser Website – auf Wunsch auch anonym.',
      ],
    },
  },

  radio: {
    channel: {
      name: 'Voice of Warta – Deutsches Programm',
      slug: 'deutsches-programm',
      description: 'Nachrichten, Kultur und Musik aus Indonesien auf Deutsch, rund um die Uhr.',
    },
    programs: {
      'news-bulletin': {
        title: 'Nachrichten',
        description:
          'Eine Viertelstunde nationale und regionale Nachrichten mit Wetter und Hafenbericht, alle drei Stunden.',
      },
      'morning-show': {
        title: 'Guten Morgen, Nusantara',
        description:
          'Hier beginnt der Tag: die Presseschau, Gäste im Studio, der Verkehr in den großen Städten und Grüße von Hörern nah und fern.',
      },
      'culture-corner': {
        title: 'Kulturfenster',
        description: 'Tanz, Puppenspiel, Handwerk und die Menschen, die sie lebendig halten – von Aceh bis Papua.',
      },
      'music-archipelago': {
        title: 'Klänge des Archipels',
        description:
          'Keroncong, Dangdut, Gamelan und die neuen Bands der Inseln, ausgewählt und vorgestellt von Made Suryawan.',
      },
      'weekend-special': {
        title: 'Wochenend-Spezial',
        description:
          'Ein langes Gespräch, eine Reise oder ein Konzert: jedes Wochenende etwas anderes, dazu Musikwünsche von Hörern im Ausland.',
      },
      'listeners-hour': {
        title: 'Die Hörerstunde',
        description:
          'Ihre Briefe, Nachrichten und Anrufe: die Stunde, in der Hörerinnen und Hörer ihre Geschichten erzählen und ihre Fragen stellen.',
      },
    },
    section: {
      slug: 'aus-dem-programm',
      name: 'Aus dem Programm',
      description:
        'Neues aus dem Studio: Grüße, Hörergeschichten, die Gewinner unserer Quizrunden und Interviews aus den Sendungen.',
    },
    byline: 'Hörfunkredaktion',
    dateline: 'Jakarta',
    specialNote: 'Live vom Gamelan-Festival in Yogyakarta',
    cancelledNote: 'Entfällt zugunsten einer Sondersendung zu den Regionalwahlen',
    pickNotes: [
      'Grüße von Hörern aus aller Welt, jeden Werktag am Morgen.',
      'Diese Woche: ein Konzert-Spezial, live übertragen.',
    ],
  },
};
