// The vocabulary of the benchmark archive, per edition: real function and news words at the top
// of a Zipf ranking, then made-up rare words, so search meets the spread of real text (a few
// words in nearly every story, most words in a few hundred). The benchmark's search queries come
// from here too.
import { Random } from './random.ts';

/** The editions the archive fills. */
export const ARCHIVE_EDITIONS = ['en', 'id'] as const;
export type ArchiveEdition = (typeof ARCHIVE_EDITIONS)[number];

// Most frequent first: function words, then the words of news reports.
const COMMON: Record<ArchiveEdition, string> = {
  en: `the of and to in a is that for on said with was as by at it from be has have are his
    will its an were which this not but also after their more been who had one year would new
    two government people they or than about up last over first other into there minister
    city police president between three could million percent week when under official
    officials country national public local region told since out before during while state
    market company companies report new years against time may people's group according
    election ministry budget court plan water health school schools children river island
    islands road roads port harbour price prices rice fuel trade growth bank workers village
    villages farmers fishermen families residents governor regent mayor parliament party
    council committee agency hospital doctors patients teachers students university police
    army navy weather rain floods flood drought fire forest coast sea ship ships ferry airport
    flight flights train railway bridge power electricity energy coal oil gas mine mining
    nickel palm coffee tea tourism tourists festival music film museum football match team
    coach season league players championship final record support project projects funding
    billion rupiah dollars exports imports investment investors tax taxes law rules decision
    protest protesters crowd ceremony anniversary programme service services data survey
    study research experts community communities district province capital border neighbours
    talks meeting agreement deal cooperation security safety emergency relief aid volunteers
    earthquake volcano eruption tsunami warning evacuation shelter recovery reconstruction
    housing homes market traders stalls prices inflation currency shares exchange analysts`,
  id: `yang dan di ini itu dengan untuk dari dalam tidak akan pada juga ke ada oleh karena
    tersebut bisa telah sudah saat para kata mereka kami kita lebih tahun hari satu dua tiga
    baru masih harus menjadi setelah sebagai atau serta namun bahwa hingga sejak bagi antara
    pemerintah warga kota desa provinsi kabupaten daerah negara nasional menteri presiden
    gubernur bupati wali polisi pejabat kementerian anggaran pengadilan rencana air kesehatan
    sekolah anak sungai pulau jalan pelabuhan harga beras bahan bakar perdagangan pertumbuhan
    bank pekerja petani nelayan keluarga penduduk dewan partai komisi badan rumah sakit dokter
    pasien guru mahasiswa universitas tentara cuaca hujan banjir kemarau kebakaran hutan pantai
    laut kapal feri bandara penerbangan kereta jembatan listrik energi batu bara minyak gas
    tambang nikel sawit kopi teh pariwisata wisatawan festival musik film museum sepak bola
    pertandingan tim pelatih musim liga pemain kejuaraan final dukungan proyek dana miliar
    rupiah dolar ekspor impor investasi investor pajak undang aturan keputusan unjuk rasa
    upacara peringatan program layanan data survei penelitian ahli masyarakat kecamatan ibu
    perbatasan tetangga perundingan rapat kesepakatan kerja sama keamanan keselamatan darurat
    bantuan relawan gempa gunung letusan tsunami peringatan pengungsian tempat pemulihan
    perumahan pedagang lapak inflasi mata uang saham bursa pengamat menurut mengatakan
    menyatakan menjelaskan meminta memberikan melakukan membangun mendapatkan sekitar banyak
    besar kecil pertama terakhir lalu depan pekan bulan minggu pagi malam siang sore`,
};

// Places and names: mid-frequency words that datelines, titles and tags share.
const PLACES = `Jakarta Surabaya Bandung Medan Semarang Makassar Palembang Denpasar Yogyakarta
  Pontianak Manado Ambon Jayapura Kupang Mataram Padang Pekanbaru Balikpapan Samarinda Banda
  Aceh Sorong Ternate Kendari Palu Bengkulu Jambi Batam Malang Solo Bogor Cirebon Labuan Bajo
  Sumatra Java Kalimantan Sulawesi Papua Bali Lombok Flores Maluku Riau Bangka Belitung Nias
  Singapore Kuala Lumpur Manila Bangkok Hanoi Dili Canberra Tokyo Seoul Beijing Delhi`
  .split(/\s+/)
  .filter(Boolean);

// Syllables of made-up rare words: Indonesian-like for id, English-like for en.
const SYLLABLES: Record<ArchiveEdition, { onsets: string[]; nuclei: string[]; codas: string[] }> = {
  en: {
    onsets:
      'b bl br c ch cl cr d dr f fl fr g gl gr h j k l m n p pl pr qu r s sc sh sl sm sn sp st str t th tr v w wh'.split(
        ' ',
      ),
    nuclei: 'a e i o u ai ea ee oa ou'.split(' '),
    codas: ' b ck d ft g k ld lk ll m mp n nd ng nk nt p r rd rk rn rt s sh st t th x'.split(' '),
  },
  id: {
    onsets: 'b c d g h j k l m n ng ny p r s t w y'.split(' '),
    nuclei: 'a a a e i i o u u'.split(' '),
    codas: '      k n ng r s t h m'.split(' '),
  },
};

/** How many distinct words each edition's text is drawn from. */
export const VOCABULARY_SIZE = 40_000;

/** Every word an edition's text uses, most frequent first (rank = index). */
export function vocabularyOf(edition: ArchiveEdition): readonly string[] {
  const cached = vocabularies.get(edition);
  if (cached) return cached;
  const words: string[] = [];
  const seen = new Set<string>();
  const add = (word: string) => {
    if (!seen.has(word)) {
      seen.add(word);
      words.push(word);
    }
  };
  for (const w of COMMON[edition].split(/\s+/)) if (w) add(w);
  for (const w of PLACES) add(w);
  const random = new Random(edition === 'en' ? 101 : 202);
  const s = SYLLABLES[edition];
  while (words.length < VOCABULARY_SIZE) {
    let word = '';
    for (let n = random.int(1, edition === 'en' ? 3 : 4); n > 0; n--)
      word += random.pick(s.onsets) + random.pick(s.nuclei);
    add(word + random.pick(s.codas));
  }
  vocabularies.set(edition, words);
  return words;
}
const vocabularies = new Map<ArchiveEdition, readonly string[]>();

/** Place names: datelines, and words every edition shares. */
export const PLACE_NAMES: readonly string[] = PLACES.filter((p) => /^[A-Z][a-z]{3,}$/.test(p));

/**
 * The benchmark's search queries for an edition: a third common words (thousands of matches),
 * a third rare words (a few hundred), a third two-word queries (one common, one mid-frequency).
 */
export function searchQueriesFor(edition: ArchiveEdition, count: number, seed = 7): string[] {
  const words = vocabularyOf(edition);
  const random = new Random(seed);
  const common = () => words[random.int(20, 250)]!;
  const rare = () => words[random.int(5_000, VOCABULARY_SIZE - 1)]!;
  const middle = () => words[random.int(250, 2_000)]!;
  const queries: string[] = [];
  for (let i = 0; i < count; i++) {
    const kind = i % 3;
    queries.push(kind === 0 ? common() : kind === 1 ? rare() : `${common()} ${middle()}`);
  }
  return queries;
}
