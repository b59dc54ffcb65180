"""Benchmark data: the phrase pools the complaint generator composes records from.

Everything here is plain data about village life in Luwu Timur (roads, water, electricity, health,
population documents, schools, social aid, village funds, farming, the environment, signal), so
that the full-text index sees a realistic Indonesian vocabulary instead of lorem ipsum. Category
and agency codes are real codes of ``resources/data``; the generator checks them on start-up.
"""

from __future__ import annotations

from dataclasses import dataclass

# -- places -------------------------------------------------------------------------------------

#: Approximate centre (lat, lon) of each kecamatan, for the complaints that carry coordinates.
KECAMATAN_CENTRE: dict[str, tuple[float, float]] = {
    "73.24.01": (-2.395, 120.842), "73.24.02": (-2.533, 121.356), "73.24.03": (-2.705, 121.376),
    "73.24.04": (-2.630, 121.095), "73.24.05": (-2.585, 120.975), "73.24.06": (-2.580, 120.795),
    "73.24.07": (-2.615, 120.690), "73.24.08": (-2.520, 120.830), "73.24.09": (-2.555, 120.890),
    "73.24.10": (-2.440, 120.905), "73.24.11": (-2.605, 121.250),
}

DUSUN = [
    "Dusun I", "Dusun II", "Dusun III", "Dusun IV", "Dusun V", "Dusun Harapan", "Dusun Bahari",
    "Dusun Sumber Rejeki", "Dusun Makmur", "Dusun Tanjung", "Dusun Lembah Sari", "Dusun Kampung Baru",
    "Dusun Salurante", "Dusun Bone Pute", "Dusun Sumber Agung", "Dusun Mekar Sari", "Dusun Sidomukti",
    "Dusun Karya Bakti", "Dusun Pantai", "Dusun Pegunungan", "Dusun Sipatuo", "Dusun Tomba",
    "Dusun Lampia", "Dusun Kasintuwu", "Dusun Bali Indah", "Dusun Jawa Baru", "Dusun Balambano",
]

LANDMARKS = [
    "dekat Masjid Nurul Huda", "depan SD Negeri {n} {kec}", "samping pustu", "dekat pasar desa",
    "simpang tiga menuju kebun sawit", "dekat jembatan gantung", "belakang kantor desa",
    "dekat Posyandu Melati", "depan Gereja Toraja", "dekat pura banjar", "pinggir Sungai Malili",
    "di jalan poros Trans Sulawesi", "dekat dermaga nelayan", "dekat lapangan sepak bola",
    "depan balai dusun", "dekat kantor kecamatan {kec}", "ujung jalan tani", "dekat pabrik kelapa sawit",
    "dekat SMP Negeri {n} {kec}", "dekat menara telekomunikasi", "depan Puskesmas {kec}",
    "samping musala Al-Ikhlas", "dekat tambak warga", "tikungan tajam sebelum jembatan",
    "depan kios pupuk", "di pertigaan menuju kebun merica", "dekat pangkalan elpiji",
]

# -- people -------------------------------------------------------------------------------------

MALE_FIRST = [
    "Andi", "Muhammad", "Muh.", "Ahmad", "Syamsul", "Basri", "Abdul Rahman", "Hasanuddin", "Ismail",
    "Jufri", "Nurdin", "Arifin", "Sudirman", "Made", "Wayan", "Ketut", "Nyoman", "Agus", "Budi",
    "Slamet", "Sugeng", "Suparman", "Yohanis", "Yusuf", "Daniel", "Markus", "Amiruddin", "Baharuddin",
    "Irwan", "Rusdi", "Safaruddin", "Taufik", "Zainal", "Hendra", "Rahmat", "Fadli", "Risal",
    "Akbar", "Samsuddin", "Tamrin", "Yakob", "Petrus", "Gede", "Kadek", "Supriadi", "Wahyu",
]
FEMALE_FIRST = [
    "Siti", "Nurhayati", "Hasmawati", "Sitti", "Rahmawati", "Nur Aini", "Fatimah", "Haslinda", "Sri",
    "Wahyuni", "Ni Made", "Ni Ketut", "Ni Wayan", "Sumarni", "Marlina", "Yuliana", "Maria",
    "Rosmiati", "Hadijah", "Sukmawati", "Nurul", "Suriani", "Asmawati", "Darmawati", "Kartini",
    "Hasnah", "Megawati", "Nirwana", "Agustina", "Ratna", "Sumiati", "Endang", "Murniati", "Jumriah",
    "Irmawati", "Hartati", "Dewi", "Selvi", "Yohana", "Lusiana",
]
LAST_NAMES = [
    "", "", "", "Hamzah", "Latif", "Patongai", "Rauf", "Baso", "Djamaluddin", "Palinggi", "Sampe",
    "Tandiarrang", "Ruru", "Sudarsa", "Suardana", "Wijaya", "Santoso", "Susilo", "Hidayat",
    "Saleh", "Rahim", "Mappiare", "Tombolotutu", "Lamba", "Nur", "Kadir", "Mustafa", "Ramli", "Pasolang",
    "Pabbicara", "Daeng Sikki", "Padang", "Lolo", "Sarira", "Astuti", "Lestari", "Purnomo",
]
STREETS = ["Jl. Poros Malili", "Jl. Trans Sulawesi", "Jl. Sangkuriang", "Jl. Pendidikan",
           "Jl. Sawerigading", "Jl. Batara Guru", "Jl. Merdeka", "Jl. Kebun", "Jl. Pattimura",
           "Jl. Andi Djemma", "Jl. Poros Wotu–Malili", "Jl. Poros Sorowako"]
EMAIL_DOMAINS = ["gmail.com", "gmail.com", "gmail.com", "yahoo.co.id", "yahoo.com", "ymail.com"]

#: Mobile prefixes in use (Telkomsel, Indosat, XL/Axis, Tri, Smartfren), weighted by how common.
PHONE_PREFIXES = [("0812", 8), ("0813", 6), ("0852", 10), ("0853", 7), ("0821", 5), ("0822", 5),
                  ("0823", 4), ("0811", 1), ("0857", 2), ("0856", 1), ("0815", 1), ("0817", 1),
                  ("0819", 1), ("0877", 2), ("0878", 1), ("0895", 2), ("0896", 1), ("0882", 1)]

#: Where NIKs of residents come from: mostly Luwu Timur (7324), some from neighbouring regencies
#: and the transmigrants' home provinces.
NIK_REGENCIES = [("7324", 82), ("7317", 4), ("7322", 4), ("7318", 2), ("7326", 1), ("7373", 1),
                 ("3507", 1), ("3313", 1), ("5102", 1), ("7471", 1), ("7203", 1), ("3524", 1)]

REVIEWERS = ["Fadli Ramadhan (Diskominfo-SP)", "Nur Aisyah (Diskominfo-SP)",
             "Irwan Saputra (Diskominfo-SP)", "Sukmawati Latif (Diskominfo-SP)"]
TRAINERS = [("Inne Kurniasih", "Diskominfo-SP Luwu Timur"), ("Andi Baso Mappiare", "Diskominfo-SP"),
            ("Ketut Suardana", "KIM Kertoraharjo"), ("Rosmiati Palinggi", "Bagian Organisasi Setda"),
            ("Hasanuddin Rauf", "Ombudsman RI Perwakilan Sulsel"), ("Made Wijaya", "Diskominfo-SP")]
PARTICIPANT_ROLES = ["warga", "warga", "warga", "warga", "perangkat desa", "PKK", "karang taruna",
                     "BPD", "tokoh agama", "tokoh masyarakat", "kader posyandu", "ketua RT",
                     "kelompok tani", "guru", "nelayan"]

# -- complaint text -------------------------------------------------------------------------------

WORDS_NUM = ["dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sepuluh"]

OPENINGS = [
    "Kami warga {dusun} Desa {desa} ingin menyampaikan keluhan.",
    "Saya warga RT {rt} {dusun}, Kecamatan {kec}, ingin melaporkan masalah berikut.",
    "Dengan hormat, kami menyampaikan keluhan warga {dusun}.",
    "Melalui KIM kami ingin menyampaikan keluhan warga Desa {desa}.",
    "Saya mewakili sekitar {kk} kepala keluarga di {dusun}.",
    "Assalamualaikum. Kami warga {desa} mau melapor.",
    "Permisi, saya ingin melaporkan keadaan di kampung kami, {dusun}.",
    "",
]
DURATIONS = [
    "Kondisi ini sudah berlangsung sejak {w} bulan lalu.",
    "Sudah hampir {w} minggu belum ada perbaikan.",
    "Masalah ini terjadi sejak awal musim hujan.",
    "Sudah pernah kami sampaikan ke pemerintah desa tetapi belum ada tindak lanjut.",
    "Keluhan yang sama sudah kami usulkan dalam musrenbang desa tahun lalu.",
    "Kejadiannya berulang hampir setiap minggu.",
    "Sejak {w} hari terakhir keadaannya makin parah.",
    "Sudah dilaporkan lewat kepala dusun, namun sampai sekarang belum ada kabar.",
]
CLOSINGS = [
    "Terima kasih atas perhatiannya.", "Atas perhatian Bapak/Ibu kami ucapkan terima kasih.",
    "Mohon kabar tindak lanjutnya melalui KIM desa.", "", "", "Terima kasih.",
]


@dataclass(frozen=True)
class Issue:
    """One kind of problem residents raise: where it is filed and how people describe it."""

    key: str
    category: str
    weight: float
    agencies: tuple[str, ...]
    titles: tuple[str, ...]
    problems: tuple[str, ...]
    impacts: tuple[str, ...]
    requests: tuple[str, ...]


_ROAD_IMPACT = (
    "Anak sekolah dan pengendara motor sering jatuh, terutama malam hari.",
    "Hasil kebun sawit dan merica susah diangkut ke jalan poros.",
    "Ambulans desa tidak bisa lewat saat ada warga yang sakit.",
    "Ongkos ojek naik karena pengemudi enggan melewati jalan ini.",
)
_ROAD_REQ = (
    "Mohon dinas terkait segera meninjau lokasi dan memperbaiki jalan.",
    "Kami berharap jalan ini ditimbun sirtu dan diaspal sebelum musim hujan.",
    "Mohon perbaikan dimasukkan dalam anggaran tahun depan.",
    "Mohon dipasang rambu peringatan sementara sebelum diperbaiki.",
)
_WATER_IMPACT = (
    "Warga terpaksa membeli air galon atau mengambil air sungai untuk masak dan mandi.",
    "Anak-anak mulai terkena diare karena memakai air sumur yang keruh.",
    "Ibu-ibu harus mengangkut air dari mata air yang jauhnya sekitar {km} kilometer.",
)
_WATER_REQ = (
    "Mohon PDAM segera memperbaiki pipa dan menormalkan aliran.",
    "Kami mohon dibangunkan sumur bor atau penampungan air bersih.",
    "Mohon ada jadwal distribusi air yang jelas dan diumumkan ke warga.",
)
_POWER_IMPACT = (
    "Peralatan elektronik warga banyak yang rusak.",
    "Anak-anak susah belajar di malam hari dan usaha warung ikut terganggu.",
    "Es untuk menyimpan ikan hasil tangkapan nelayan cepat mencair.",
)
_HEALTH_IMPACT = (
    "Warga harus berobat ke {kec} atau ke RSUD I La Galigo di Wotu dengan biaya sendiri.",
    "Ibu hamil dan lansia paling merasakan dampaknya.",
    "Pasien pulang tanpa obat dan disuruh membeli di apotek.",
)
_DOC_IMPACT = (
    "Tanpa dokumen ini warga tidak bisa mendaftar bantuan sosial dan BPJS.",
    "Anak kami terancam tidak bisa mendaftar sekolah.",
    "Warga harus bolak-balik ke Malili dan mengeluarkan ongkos yang tidak sedikit.",
)
_AID_IMPACT = (
    "Keluarga miskin yang benar-benar membutuhkan justru tidak mendapat bantuan.",
    "Warga menjadi resah dan saling curiga.",
    "Beberapa lansia yang tinggal sendiri tidak pernah didata.",
)
_GENERIC_REQ = (
    "Mohon segera ditindaklanjuti.",
    "Mohon instansi terkait memberikan penjelasan kepada warga.",
    "Kami berharap ada pemeriksaan langsung ke lapangan.",
    "Mohon ditangani karena menyangkut kepentingan banyak warga.",
)

ISSUES: tuple[Issue, ...] = (
    Issue("jalan-berlubang", "pekerjaan-umum-dan-penataan-ruang/jalan-berlubang", 9,
          ("dinas-pupr", "pemerintah-desa"),
          ("Jalan poros {dusun} rusak parah dan berlubang", "Jalan berlubang di {landmark}",
           "Lubang besar di jalan desa {desa} membahayakan pengendara",
           "Jalan rusak menuju {dusun} belum diperbaiki", "Aspal jalan {dusun} terkelupas dan berlubang"),
          ("Jalan sepanjang kurang lebih {m} meter di {dusun} berlubang dan tergenang air.",
           "Lubang di jalan {landmark} sudah sedalam lutut orang dewasa.",
           "Aspal jalan mengelupas sehingga tinggal batu dan tanah yang licin saat hujan.",
           "Truk pengangkut material dan sawit membuat jalan makin hancur."),
          _ROAD_IMPACT, _ROAD_REQ),
    Issue("jalan", "pekerjaan-umum-dan-penataan-ruang/infrastruktur-jalan", 7,
          ("dinas-pupr", "pemerintah-desa", "dinas-perhubungan"),
          ("Jalan tani di {dusun} tidak bisa dilalui saat hujan", "Pengaspalan jalan {dusun} terbengkalai",
           "Proyek jalan desa {desa} berhenti di tengah jalan", "Jalan tanah ke {dusun} berlumpur"),
          ("Pekerjaan pengerasan jalan berhenti dan material dibiarkan menumpuk di pinggir jalan.",
           "Jalan tanah menuju {dusun} berubah jadi kubangan lumpur setiap kali hujan.",
           "Bahu jalan longsor sehingga badan jalan tinggal separuh.",
           "Papan proyek tidak ada sehingga warga tidak tahu siapa pelaksananya."),
          _ROAD_IMPACT, _ROAD_REQ),
    Issue("jembatan", "pekerjaan-umum-dan-penataan-ruang/jembatan", 3,
          ("dinas-pupr", "bpbd"),
          ("Jembatan kayu di {dusun} hampir roboh", "Jembatan gantung penghubung {dusun} rusak",
           "Oprit jembatan {landmark} amblas"),
          ("Papan lantai jembatan banyak yang lapuk dan patah.",
           "Tali sling jembatan gantung sudah berkarat dan jembatan bergoyang keras.",
           "Tanah timbunan di ujung jembatan amblas terbawa arus sungai."),
          ("Anak sekolah tetap menyeberang karena tidak ada jalan lain.", *_ROAD_IMPACT[1:3]),
          _ROAD_REQ),
    Issue("drainase", "pekerjaan-umum-dan-penataan-ruang/drainase", 3,
          ("dinas-pupr", "dinas-perkim"),
          ("Drainase tersumbat, air meluap ke jalan {dusun}", "Gorong-gorong di {dusun} ambruk",
           "Selokan {landmark} tidak berfungsi"),
          ("Saluran air tertutup sedimen dan sampah sehingga air meluap ke rumah warga.",
           "Gorong-gorong di bawah jalan ambruk dan air tidak bisa mengalir.",
           "Saluran yang baru dibangun tidak tersambung ke sungai."),
          ("Halaman dan dapur warga tergenang setiap hujan deras.", *_ROAD_IMPACT[:1]),
          _GENERIC_REQ),
    Issue("lampu-jalan", "pekerjaan-umum-dan-penataan-ruang/penerangan-jalan", 2,
          ("dinas-pupr", "dinas-perhubungan", "pln"),
          ("Lampu penerangan jalan di {landmark} padam", "Jalan poros {dusun} gelap tanpa lampu"),
          ("Sebanyak {n} titik lampu jalan padam dan tidak pernah diganti.",
           "Tiang lampu jalan miring setelah ditabrak truk dan kabelnya terkelupas."),
          ("Sering terjadi kecelakaan dan pencurian ternak di malam hari.",),
          ("Mohon lampu segera diganti dan kabel dirapikan.", *_GENERIC_REQ[:2])),
    Issue("air-pdam", "energi-dan-sumber-daya-alam/layanan-air-minum-pdam", 7,
          ("pdam", "dinas-pupr"),
          ("Air PDAM tidak mengalir di {dusun}", "Air PDAM keruh dan berbau",
           "Tagihan PDAM naik padahal air sering mati", "Pipa PDAM bocor di {landmark}"),
          ("Air PDAM hanya mengalir tengah malam dan itu pun kecil sekali.",
           "Air yang keluar berwarna kecoklatan dan berbau lumpur.",
           "Pipa induk bocor dan airnya terbuang ke jalan sejak {w} minggu.",
           "Tagihan tetap datang penuh walaupun air tidak mengalir berhari-hari."),
          _WATER_IMPACT, _WATER_REQ),
    Issue("air-bersih", "pekerjaan-umum-dan-penataan-ruang/sumber-daya-air", 4,
          ("dinas-pupr", "dinas-perkim", "pemerintah-desa"),
          ("Warga {dusun} kesulitan air bersih", "Sumur bor bantuan di {dusun} tidak berfungsi",
           "Bak penampungan air desa {desa} rusak"),
          ("Sumur bor bantuan tahun lalu hanya berfungsi beberapa bulan lalu pompanya rusak.",
           "Bak penampungan air retak dan pipa distribusinya putus.",
           "Musim kemarau membuat sumur warga kering."),
          _WATER_IMPACT, _WATER_REQ),
    Issue("sanitasi", "lingkungan-hidup-dan-kehutanan/sanitasi", 1.5,
          ("dinas-perkim", "dinas-kesehatan", "dinas-lingkungan-hidup"),
          ("Jamban umum di {dusun} tidak layak", "Bantuan jamban sehat tidak merata"),
          ("Masih banyak warga yang buang air di sungai karena tidak punya jamban.",
           "Jamban bantuan dibangun tanpa septic tank sehingga mencemari sumur."),
          _WATER_IMPACT[1:], _GENERIC_REQ),
    Issue("listrik", "energi-dan-sumber-daya-alam/listrik", 6,
          ("pln",),
          ("Listrik di {dusun} sering padam", "Tegangan listrik di {desa} turun naik",
           "{dusun} belum teraliri listrik PLN", "Tiang listrik miring di {landmark}"),
          ("Listrik padam hampir setiap hari, kadang sampai {n} jam.",
           "Tegangan sangat rendah sehingga lampu redup dan pompa air tidak kuat menyala.",
           "Sekitar {kk} rumah di {dusun} masih memakai genset atau lampu pelita.",
           "Tiang listrik miring dan kabelnya menjuntai rendah di atas jalan."),
          _POWER_IMPACT,
          ("Mohon PLN memeriksa jaringan dan menambah daya trafo.",
           "Kami mohon perluasan jaringan listrik ke dusun kami.", *_GENERIC_REQ[:1])),
    Issue("subsidi-listrik", "sosial-dan-kesejahteraan/subsidi-listrik", 1,
          ("pln", "dinas-sosial"),
          ("Subsidi listrik keluarga miskin dicabut", "Token listrik subsidi tidak bisa dibeli"),
          ("Meteran kami berubah menjadi golongan tanpa subsidi padahal kami terdaftar di DTKS.",),
          _AID_IMPACT, _GENERIC_REQ),
    Issue("elpiji", "energi-dan-sumber-daya-alam/migas-elpiji-bbm", 2.5,
          ("dinas-perdagangan-koperasi-ukm",),
          ("Elpiji 3 kg langka di {desa}", "Harga elpiji melon di pangkalan melebihi HET",
           "Antrean BBM di SPBU {kec} sangat panjang"),
          ("Pangkalan menjual elpiji 3 kg seharga Rp{harga} per tabung, jauh di atas HET.",
           "Elpiji hanya datang seminggu sekali dan langsung habis dibeli pengecer.",
           "Solar untuk perahu nelayan sering kosong."),
          ("Ibu rumah tangga terpaksa kembali memasak dengan kayu bakar.",
           "Usaha kecil warga seperti warung makan terganggu."),
          ("Mohon dilakukan pengawasan ke pangkalan dan pengecer.", *_GENERIC_REQ[:2])),
    Issue("puskesmas", "kesehatan", 5,
          ("dinas-kesehatan", "rsud-i-la-galigo"),
          ("Pelayanan pustu {desa} sering tutup", "Tenaga kesehatan jarang di tempat",
           "Antrean panjang di Puskesmas {kec}", "Ambulans desa tidak bisa dipakai"),
          ("Pustu sering tutup pada jam pelayanan dan bidan desa jarang berada di tempat.",
           "Pasien menunggu dari pagi sampai siang sebelum diperiksa.",
           "Ambulans desa rusak dan sudah {w} bulan tidak diperbaiki.",
           "Petugas meminta biaya tambahan yang tidak jelas dasarnya."),
          _HEALTH_IMPACT, _GENERIC_REQ),
    Issue("obat", "kesehatan/pelayanan-obat", 2,
          ("dinas-kesehatan",),
          ("Stok obat di pustu {desa} kosong", "Obat hipertensi di puskesmas habis"),
          ("Obat untuk darah tinggi dan gula sudah {w} minggu kosong.",
           "Pasien hanya diberi resep untuk ditebus di apotek swasta."),
          _HEALTH_IMPACT, _GENERIC_REQ),
    Issue("bpjs", "kesehatan/jaminan-sosial-kesehatan-bpjs", 3,
          ("bpjs-kesehatan", "dinas-sosial", "dinas-kesehatan"),
          ("Kartu BPJS PBI warga {dusun} nonaktif", "Pasien BPJS diminta membayar obat"),
          ("Kartu KIS penerima bantuan iuran dinonaktifkan tanpa pemberitahuan.",
           "Saat berobat di rumah sakit, keluarga pasien diminta membeli obat sendiri.",
           "Pendaftaran peserta baru di desa tidak pernah diproses."),
          _HEALTH_IMPACT, _GENERIC_REQ),
    Issue("stunting", "kesehatan/gizi-buruk-stunting", 1.5,
          ("dinas-kesehatan", "pemerintah-desa"),
          ("Makanan tambahan balita di posyandu tidak dibagikan", "Kegiatan posyandu {dusun} terhenti"),
          ("Paket PMT untuk balita gizi kurang tidak sampai ke orang tua.",
           "Posyandu tidak buka sejak kader mengundurkan diri."),
          ("Balita tidak terpantau tumbuh kembangnya.",), _GENERIC_REQ),
    Issue("ktp", "kependudukan/ktp", 6,
          ("disdukcapil", "kantor-kecamatan"),
          ("KTP elektronik belum jadi sejak {w} bulan", "Blangko KTP-el di kecamatan {kec} kosong",
           "Perekaman KTP-el untuk lansia di {desa}", "Data KTP-el salah dan belum diperbaiki"),
          ("Sudah merekam sejak {w} bulan lalu tetapi KTP-el belum juga dicetak.",
           "Petugas kecamatan mengatakan blangko habis dan meminta kami menunggu.",
           "Nama di KTP-el salah ketik dan perbaikannya harus ke Malili.",
           "Lansia dan warga sakit tidak bisa datang ke kantor untuk perekaman."),
          _DOC_IMPACT, ("Mohon ada layanan jemput bola perekaman di desa.", *_GENERIC_REQ[:2])),
    Issue("kk", "kependudukan/kartu-keluarga", 3,
          ("disdukcapil",),
          ("Kartu Keluarga belum diperbarui", "Pengurusan KK baru lama di Disdukcapil"),
          ("Pengajuan pemisahan KK sudah {w} minggu belum selesai.",
           "Nama anggota keluarga yang sudah meninggal masih tercantum di KK."),
          _DOC_IMPACT, _GENERIC_REQ),
    Issue("akta", "kependudukan/akta-kelahiran", 2.5,
          ("disdukcapil",),
          ("Akta kelahiran anak belum terbit", "Pengurusan akta kelahiran dipungut biaya"),
          ("Berkas akta kelahiran anak kami sudah dimasukkan lewat desa tetapi belum terbit.",
           "Ada oknum yang meminta uang Rp{harga} untuk mempercepat akta."),
          _DOC_IMPACT, _GENERIC_REQ),
    Issue("adminduk", "kependudukan/administrasi-kependudukan-dan-pencatatan", 2,
          ("disdukcapil", "kantor-kecamatan", "pemerintah-desa"),
          ("Surat pindah domisili tidak diproses", "Layanan adminduk online sering gangguan",
           "Akta kematian belum keluar"),
          ("Aplikasi layanan online tidak bisa dibuka dan petugas menyuruh datang langsung.",
           "Surat keterangan pindah yang diajukan sejak {w} minggu belum diproses."),
          _DOC_IMPACT, _GENERIC_REQ),
    Issue("sekolah", "pendidikan-dan-kebudayaan/pendidikan-dasar-dan-menengah", 4,
          ("dinas-pendidikan",),
          ("Atap ruang kelas SD di {desa} bocor", "Kekurangan guru di SD {dusun}",
           "Pungutan di sekolah {desa}", "Bangunan sekolah {landmark} rusak"),
          ("Atap {n} ruang kelas bocor dan plafonnya jebol sehingga murid belajar di teras.",
           "Satu guru mengajar dua kelas sekaligus karena kekurangan tenaga pengajar.",
           "Orang tua diminta membayar uang komite Rp{harga} tanpa rapat.",
           "Meja dan kursi murid banyak yang rusak."),
          ("Anak-anak tidak bisa belajar dengan tenang.", "Orang tua yang tidak mampu merasa terbebani."),
          _GENERIC_REQ),
    Issue("paud", "pendidikan-dan-kebudayaan/paud", 1,
          ("dinas-pendidikan", "pemerintah-desa"),
          ("Insentif guru PAUD {desa} belum dibayar",),
          ("Insentif guru PAUD dari dana desa sudah {w} bulan belum dibayarkan.",),
          ("Guru PAUD terancam berhenti mengajar.",), _GENERIC_REQ),
    Issue("kip", "pendidikan-dan-kebudayaan/kip-pendidikan", 1.5,
          ("dinas-pendidikan", "dinas-sosial"),
          ("Dana PIP siswa belum cair", "Siswa miskin tidak terdaftar KIP"),
          ("Dana Program Indonesia Pintar anak kami belum bisa dicairkan di bank.",
           "Anak dari keluarga tidak mampu tidak masuk daftar penerima KIP."),
          _AID_IMPACT, _GENERIC_REQ),
    Issue("mbg", "program-makan-bergizi-gratis-mbg", 1,
          ("dinas-pendidikan", "dinas-kesehatan"),
          ("Makanan MBG di sekolah {desa} basi", "Program makan bergizi gratis belum sampai ke {desa}"),
          ("Nasi dan lauk yang dibagikan sudah berbau ketika sampai di sekolah.",
           "Sekolah di desa kami belum pernah menerima makan bergizi gratis."),
          ("Beberapa murid mengeluh sakit perut.",), _GENERIC_REQ),
    Issue("bansos", "sosial-dan-kesejahteraan/bantuan-sosial", 5,
          ("dinas-sosial", "pemerintah-desa"),
          ("Bantuan sosial tidak tepat sasaran di {desa}", "Warga miskin di {dusun} tidak dapat bansos",
           "Bantuan beras dipotong oknum"),
          ("Penerima bantuan justru keluarga perangkat dan warga yang mampu.",
           "Beras bantuan {n} kg hanya diterima separuh oleh warga.",
           "Nama kami hilang dari daftar penerima tanpa penjelasan."),
          _AID_IMPACT, ("Mohon data penerima diverifikasi ulang secara terbuka.", *_GENERIC_REQ[:2])),
    Issue("pkh", "sosial-dan-kesejahteraan/pkh", 3,
          ("dinas-sosial",),
          ("Dana PKH tidak cair tahap ini", "Pendamping PKH meminta potongan"),
          ("Dana PKH tahap ini tidak masuk ke rekening padahal kami masih memenuhi syarat.",
           "Pendamping meminta potongan Rp{harga} dari setiap penerima."),
          _AID_IMPACT, _GENERIC_REQ),
    Issue("bpnt", "sosial-dan-kesejahteraan/bpnt", 2,
          ("dinas-sosial",),
          ("Kartu BPNT tidak bisa dipakai di e-warong", "Isi paket BPNT tidak sesuai"),
          ("Saldo kartu sembako kosong padahal bulan lalu masih menerima.",
           "Paket sembako berisi telur pecah dan beras berkutu."),
          _AID_IMPACT, _GENERIC_REQ),
    Issue("dtks", "sosial-dan-kesejahteraan/dtks", 2,
          ("dinas-sosial", "pemerintah-desa"),
          ("Keluarga miskin belum masuk DTKS", "Usulan DTKS {dusun} tidak diproses"),
          ("Usulan data keluarga miskin dari musyawarah desa belum masuk ke DTKS.",),
          _AID_IMPACT, _GENERIC_REQ),
    Issue("blt-dd", "pembangunan-desa-daerah-tertinggal-dan-transmigrasi/blt-dana-desa", 3,
          ("dpmd", "pemerintah-desa", "inspektorat"),
          ("Penyaluran BLT Dana Desa {desa} terlambat", "Penerima BLT DD tidak sesuai musdes"),
          ("BLT Dana Desa untuk {w} bulan belum dibagikan.",
           "Daftar penerima yang dibagikan berbeda dengan hasil musyawarah desa."),
          _AID_IMPACT, _GENERIC_REQ),
    Issue("dana-desa", "pembangunan-desa-daerah-tertinggal-dan-transmigrasi/dana-desa", 3,
          ("dpmd", "inspektorat", "pemerintah-desa"),
          ("Papan informasi APBDes {desa} tidak dipasang", "Pembangunan dari dana desa tidak selesai"),
          ("Pemerintah desa tidak memasang baliho APBDes sehingga warga tidak tahu penggunaan dana.",
           "Pembangunan rabat beton dari dana desa berhenti dan kualitasnya buruk."),
          ("Warga tidak dilibatkan dan tidak bisa mengawasi.",),
          ("Mohon Inspektorat melakukan pemeriksaan.", *_GENERIC_REQ[1:3])),
    Issue("pemdes", "pembangunan-desa-daerah-tertinggal-dan-transmigrasi/pemerintahan-desa", 2,
          ("dpmd", "kantor-kecamatan"),
          ("Kantor desa {desa} sering tutup", "Pelayanan surat di kantor desa dipungut biaya"),
          ("Kantor desa sering tutup pada jam kerja sehingga surat pengantar tidak bisa diurus.",
           "Untuk surat keterangan usaha warga diminta membayar Rp{harga}."),
          _DOC_IMPACT[2:], _GENERIC_REQ),
    Issue("pupuk", "pertanian-dan-peternakan/pupuk", 3.5,
          ("dinas-pertanian",),
          ("Pupuk subsidi langka di {desa}", "Harga pupuk subsidi di kios melebihi HET"),
          ("Kelompok tani kami belum menerima jatah pupuk subsidi musim tanam ini.",
           "Kios menjual pupuk urea subsidi Rp{harga} per sak di atas HET."),
          ("Petani sawah terancam gagal panen.", "Petani terpaksa membeli pupuk nonsubsidi."),
          ("Mohon dilakukan pengawasan penyaluran pupuk.", *_GENERIC_REQ[:2])),
    Issue("irigasi", "pertanian-dan-peternakan/irigasi", 2.5,
          ("dinas-pertanian", "dinas-pupr"),
          ("Saluran irigasi {dusun} jebol", "Pintu air irigasi rusak"),
          ("Tanggul saluran irigasi jebol sepanjang {m} meter.",
           "Pintu air rusak sehingga air tidak sampai ke sawah di hilir."),
          ("Sekitar {ha} hektare sawah tidak bisa ditanami.",), _GENERIC_REQ),
    Issue("ternak", "pertanian-dan-peternakan/peternakan", 1,
          ("dinas-pertanian",),
          ("Ternak sapi warga terserang penyakit", "Bantuan bibit ternak tidak merata"),
          ("Beberapa ekor sapi warga mati mendadak dan petugas kesehatan hewan belum datang.",),
          ("Peternak mengalami kerugian besar.",), _GENERIC_REQ),
    Issue("sampah", "lingkungan-hidup-dan-kehutanan/pengelolaan-sampah", 2.5,
          ("dinas-lingkungan-hidup",),
          ("Sampah menumpuk di {landmark}", "Truk sampah tidak mengangkut sampah di {desa}"),
          ("Sampah rumah tangga dibuang di pinggir jalan dan tidak diangkut berhari-hari.",
           "Tempat pembuangan sementara penuh dan sampah berserakan ke jalan."),
          ("Bau menyengat dan lalat mengganggu warga.",), _GENERIC_REQ),
    Issue("banjir", "lingkungan-hidup-dan-kehutanan/banjir", 2,
          ("bpbd", "dinas-pupr"),
          ("Banjir merendam {dusun}", "Tanggul sungai di {dusun} jebol"),
          ("Banjir setinggi lutut merendam rumah warga setiap hujan deras.",
           "Tanggul sungai jebol dan air masuk ke permukiman."),
          ("Warga harus mengungsi dan kebun rusak.",), _GENERIC_REQ),
    Issue("longsor", "lingkungan-hidup-dan-kehutanan/longsor", 1,
          ("bpbd", "dinas-pupr"),
          ("Longsor menutup jalan ke {dusun}",),
          ("Tebing longsor menutup separuh badan jalan dan masih ada retakan di atasnya.",),
          _ROAD_IMPACT[1:3], _GENERIC_REQ),
    Issue("tambang", "energi-dan-sumber-daya-alam/pertambangan", 2,
          ("dinas-lingkungan-hidup", "sekretariat-daerah"),
          ("Debu truk tambang mengganggu warga {desa}", "Air sungai keruh diduga limbah tambang"),
          ("Debu dari truk pengangkut ore nikel menutupi rumah dan warung di pinggir jalan.",
           "Air sungai berubah warna kemerahan setelah hujan, diduga dari lokasi tambang."),
          ("Anak-anak banyak yang batuk dan sesak napas.", "Nelayan dan petambak mengeluh hasil menurun."),
          ("Mohon dilakukan uji kualitas air dan udara.", *_GENERIC_REQ[1:3])),
    Issue("internet", "teknologi-informasi-dan-komunikasi/jaringan-internet", 2.5,
          ("diskominfo-sp",),
          ("{desa} tidak ada sinyal telepon", "Jaringan internet di {dusun} sangat lemah",
           "Wifi desa tidak berfungsi"),
          ("Warga harus naik ke bukit untuk mendapat sinyal telepon.",
           "Akses internet di kantor desa mati sehingga layanan online tidak bisa dipakai.",
           "Menara BTS di dekat desa sering mati saat listrik padam."),
          ("Anak sekolah kesulitan mengerjakan tugas daring.", *_DOC_IMPACT[2:]),
          ("Mohon Diskominfo-SP mengusulkan pembangunan BTS.", *_GENERIC_REQ[:1])),
    Issue("perhubungan", "perhubungan", 1,
          ("dinas-perhubungan",),
          ("Angkutan umum ke {kec} tidak ada", "Truk bermuatan berlebih lewat jalan desa"),
          ("Truk bermuatan lebih melintas di jalan desa setiap malam.",
           "Tidak ada angkutan umum sehingga warga bergantung pada ojek."),
          _ROAD_IMPACT[1:], _GENERIC_REQ),
    Issue("ketertiban", "ketenteraman-ketertiban-umum-dan-pelindungan-masyarakat", 1.5,
          ("satpol-pp-damkar",),
          ("Penjualan minuman keras di {dusun}", "Balap liar di jalan poros {desa}"),
          ("Setiap malam minggu ada balap liar yang membahayakan pengguna jalan.",
           "Kios menjual minuman keras kepada anak di bawah umur."),
          ("Warga merasa tidak aman.",), _GENERIC_REQ),
    Issue("lainnya", "topik-lainnya", 1,
          ("sekretariat-daerah", "kantor-kecamatan"),
          ("Keluhan pelayanan di kantor kecamatan {kec}", "Pelayanan publik di {desa} lambat"),
          ("Petugas pelayanan tidak ada di tempat pada jam kerja.",), _DOC_IMPACT[2:], _GENERIC_REQ),
)

#: Aspirations (usulan) keep the category of the issue they are about.
ASPIRATIONS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("pekerjaan-umum-dan-penataan-ruang/infrastruktur-jalan", "Usulan pengaspalan jalan {dusun}",
     ("dinas-pupr",)),
    ("pekerjaan-umum-dan-penataan-ruang/jembatan", "Usulan pembangunan jembatan permanen di {dusun}",
     ("dinas-pupr",)),
    ("energi-dan-sumber-daya-alam/listrik", "Usulan perluasan jaringan listrik ke {dusun}", ("pln",)),
    ("teknologi-informasi-dan-komunikasi/jaringan-internet", "Usulan pembangunan BTS di {desa}",
     ("diskominfo-sp",)),
    ("pendidikan-dan-kebudayaan/paud", "Usulan pembangunan gedung PAUD di {dusun}",
     ("dinas-pendidikan",)),
    ("kesehatan", "Usulan penempatan bidan tetap di pustu {desa}", ("dinas-kesehatan",)),
    ("pertanian-dan-peternakan/bantuan-pertanian", "Usulan bantuan alat mesin pertanian kelompok tani",
     ("dinas-pertanian",)),
    ("pembangunan-desa-daerah-tertinggal-dan-transmigrasi/badan-usaha-milik-desa",
     "Usulan pengembangan BUMDes {desa}", ("dpmd",)),
    ("lingkungan-hidup-dan-kehutanan/pengelolaan-sampah", "Usulan penambahan bak sampah di {desa}",
     ("dinas-lingkungan-hidup",)),
    ("sosial-dan-kesejahteraan/pemberdayaan-masyarakat", "Usulan pelatihan usaha bagi ibu-ibu PKK",
     ("dinas-sosial", "dinas-perdagangan-koperasi-ukm")),
)
ASPIRATION_BODIES = (
    "Kami mengusulkan agar pemerintah daerah memprioritaskan kegiatan ini dalam anggaran tahun depan.",
    "Usulan ini sudah dibahas dalam musyawarah dusun dan didukung sekitar {kk} kepala keluarga.",
    "Kegiatan ini akan sangat membantu warga, terutama petani dan anak sekolah.",
    "Kami siap bergotong royong menyediakan tenaga kerja dan lahan.",
)

#: Information requests (Permintaan Informasi, KIP).
INFO_REQUESTS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("kependudukan/ktp", "Permohonan informasi jadwal perekaman KTP-el di {kec}", ("disdukcapil",)),
    ("kependudukan/akta-kelahiran", "Informasi syarat pengurusan akta kelahiran", ("disdukcapil",)),
    ("pembangunan-desa-daerah-tertinggal-dan-transmigrasi/blt-dana-desa",
     "Permohonan informasi daftar penerima BLT Dana Desa {desa}", ("dpmd", "pemerintah-desa")),
    ("pembangunan-desa-daerah-tertinggal-dan-transmigrasi/dana-desa",
     "Permohonan salinan APBDes {desa} tahun berjalan", ("pemerintah-desa", "dpmd")),
    ("sosial-dan-kesejahteraan/pkh", "Informasi jadwal pencairan PKH tahap berikutnya", ("dinas-sosial",)),
    ("pertanian-dan-peternakan/pupuk", "Informasi kuota pupuk subsidi kelompok tani {dusun}",
     ("dinas-pertanian",)),
    ("pekerjaan-umum-dan-penataan-ruang/infrastruktur-jalan",
     "Permohonan informasi nilai kontrak proyek jalan di {desa}", ("dinas-pupr",)),
    ("pendidikan-dan-kebudayaan/pendidikan-dasar-dan-menengah",
     "Informasi penerimaan murid baru di {kec}", ("dinas-pendidikan",)),
)
INFO_BODIES = (
    "Kami memohon informasi tersebut disampaikan secara tertulis atau ditempel di papan informasi desa.",
    "Informasi ini kami butuhkan agar warga dapat ikut mengawasi dan tidak mendengar kabar simpang siur.",
    "Mohon dijelaskan juga ke mana warga dapat bertanya bila ada keberatan.",
)

# -- district side ---------------------------------------------------------------------------

RETURN_NOTES = (
    "Mohon lengkapi lokasi kejadian sampai tingkat dusun/RT.",
    "Isi laporan belum menjelaskan kapan kejadian dan tuntutan pelapor.",
    "Lampirkan foto kondisi terkini bila ada.",
    "Kategori kurang tepat, mohon periksa kembali.",
    "Nomor telepon pelapor tidak dapat dihubungi, mohon diperbaiki.",
)
REJECT_NOTES = (
    "Duplikat dengan laporan yang sudah diteruskan sebelumnya.",
    "Bukan kewenangan pemerintah daerah; pelapor diarahkan ke instansi vertikal.",
    "Isi laporan bukan keluhan pelayanan publik.",
    "Laporan sudah ditangani pemerintah desa sebelum diverifikasi.",
)
LAPOR_RAW = {
    "forwarded": ("Menunggu Verifikasi", "Terverifikasi"),
    "dispositioned": ("Didisposisikan", "Diteruskan ke Instansi"),
    "in_progress": ("Ditindaklanjuti", "Dalam Proses"),
    "resolved": ("Selesai",),
    "archived": ("Diarsipkan",),
}
RESOLVE_NOTES = (
    "Instansi: perbaikan sudah dijadwalkan dan dikerjakan.",
    "Instansi: petugas sudah turun ke lokasi dan masalah ditangani.",
    "Instansi: pelapor sudah dihubungi dan menerima penjelasan.",
    "Ditutup otomatis: tidak ada tanggapan pelapor dalam 10 hari kerja.",
)

ACTIVITY_TOPICS = ("SP4N-LAPOR!", "SP4N-LAPOR!", "KIM", "Keterbukaan informasi publik",
                   "Literasi digital dan hoaks", "Pelayanan administrasi kependudukan")
ACTIVITY_VENUES = ("Aula Kantor Desa {desa}", "Balai {dusun}", "Kantor Desa {desa}",
                   "Masjid Nurul Huda {desa}", "Gedung serbaguna {desa}", "Posyandu {dusun}")
