// Pemberitahuan privasi dalam bahasa Indonesia (lihat notice.ts).
import type { Notice, NoticeFacts } from './notice-types.ts';

export function noticeId(f: NoticeFacts): Notice {
  return {
    title: 'Pemberitahuan privasi',
    intro: `Pemberitahuan ini menjelaskan apa yang disimpan ${f.siteName} tentang orang yang membacanya, mengisi surveinya, atau melapor ke zona integritasnya, dan apa yang tidak disimpan. Pemberitahuan ini mengikuti Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi (UU PDP).`,
    sections: [
      {
        id: 'reading',
        heading: 'Membaca situs',
        paragraphs: [
          'Anda dapat membaca setiap halaman tanpa akun. Halaman untuk pembaca tidak memasang cookie dan tidak memuat apa pun dari perusahaan lain: tanpa iklan, tanpa analitik, tanpa piksel pelacak, tanpa huruf atau skrip dari tempat lain. Video atau unggahan dari situs lain yang disematkan dalam berita baru dimuat setelah Anda menekan tombolnya; sejak itu berlaku kebijakan privasi situs tersebut.',
          f.logsAddresses
            ? 'Pengelola kami menyalakan pencatatan alamat IP di log server untuk keperluan penanganan gangguan. Halaman kanal pelaporan tidak pernah dicatat beserta alamatnya.'
            : 'Log server kami mencatat halaman apa yang diminta dan berapa lama waktunya, tidak pernah alamat IP Anda.',
        ],
      },
      {
        id: 'reads',
        heading: 'Jumlah pembaca',
        paragraphs: [
          'Untuk menghitung berapa orang yang membaca sebuah berita, peramban Anda memberi tahu kami satu kali per berita. Hitungan itu hanya angka: kami tidak menyimpan catatan siapa membaca apa. Agar setiap pembaca dihitung sekali dalam 30 menit, server menyimpan sidik berkunci dari alamat dan peramban Anda hanya di dalam memorinya selama 30 menit itu, dan dapat memasang cookie bernama warta_reader berisi angka acak yang hanya dikirim ke alamat penghitung dan disimpan selama satu hari.',
        ],
      },
      {
        id: 'ratings',
        heading: 'Penilaian bintang',
        paragraphs: [
          'Saat Anda menilai sebuah berita, kami memasang cookie bernama warta_voter berisi angka acak yang hanya dikirim ke alamat penilaian edisi itu dan disimpan selama setahun, agar Anda dapat mengubah nilai Anda alih-alih menambah suara baru. Untuk mencegah banjir suara, kami menyimpan sidik berkunci dari alamat Anda selama satu jam, lalu menghapusnya. Tanpa kunci rahasia situs, sidik itu tidak dapat dikembalikan menjadi alamat.',
        ],
      },
      {
        id: 'survey',
        heading: 'Survei kepuasan',
        paragraphs: [
          'Jawaban survei disimpan tanpa nama atau alamat Anda. Agar setiap pengunjung menjawab sekali dalam satu triwulan, survei memasang cookie bertanda tangan yang hanya dikirim ke halaman survei itu sendiri dan berakhir pada akhir triwulan. Survei bukan bagian dari kanal pelaporan.',
        ],
      },
      {
        id: 'reports',
        heading: 'Laporan ke zona integritas',
        paragraphs: [
          'Kanal pelaporan dibangun sedemikian rupa sehingga tidak ada yang kami simpan yang dapat menelusuri sebuah laporan kembali kepada Anda. Halamannya tidak memasang cookie dan tidak pernah disimpan dalam cache. Kami tidak mencatat alamat IP maupun peramban Anda: tidak di basis data, log, laporan galat, maupun statistik. Pembatasan kami terhadap penyalahgunaan hanya menyimpan sidik berkunci dari alamat di memori server, paling lama satu jam.',
          'Nama, alamat surel, dan nomor telepon Anda tidak wajib diisi. Semua yang Anda tulis, identitas Anda bila Anda memberikannya, dan berkas Anda dienkripsi sebelum disimpan, dengan kunci yang disimpan terpisah dari basis data. Hanya petugas integritas dan administrator yang dapat membacanya, dan setiap kali mereka membukanya tercatat dalam log audit.',
          'Foto dikodekan ulang tanpa data tersembunyinya (lokasi, kamera, tanggal). Dokumen PDF dan dokumen perkantoran disimpan apa adanya: di dalamnya mungkin tercantum nama penulis atau organisasi, jadi periksalah sebelum Anda mengirimnya.',
          'Anda menerima kode tanda terima. Kami hanya menyimpan sidiknya, sehingga kami tidak dapat menampilkannya lagi; dengan kode itu saja Anda dapat mengikuti laporan Anda, membaca balasan kami, dan menambahkan keterangan.',
          `Laporan yang sudah ditutup dihapus beserta berkasnya ${f.retentionMonths} bulan setelah ditutup.`,
        ],
      },
      {
        id: 'staff',
        heading: 'Staf redaksi',
        paragraphs: [
          'Staf yang masuk ke ruang redaksi mendapat cookie sesi khusus untuk ruang redaksi. Untuk memperlambat penebakan kata sandi, kegagalan masuk dihitung terhadap sidik berkunci dari alamat untuk waktu singkat. Perubahan yang dibuat staf tercatat dalam log audit atas nama mereka.',
        ],
      },
      {
        id: 'rights',
        heading: 'Hak Anda',
        paragraphs: [
          'Berdasarkan UU PDP, Anda dapat meminta untuk melihat, memperbaiki, atau menghapus data pribadi Anda yang kami simpan, serta menarik persetujuan Anda. Untuk cookie di atas, cukup hapus cookie tersebut di peramban Anda. Untuk laporan, kode tanda terima adalah satu-satunya kunci: dengan kode itu Anda dapat membaca dan menambah laporan Anda; tanpa kode itu kami memang tidak dapat mengetahui laporan mana yang milik Anda.',
        ],
      },
    ],
    contact: 'Pertanyaan tentang pemberitahuan ini dapat disampaikan melalui kontak zona integritas kami:',
    contactLink: 'Zona Integritas',
  };
}
