<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>ActivityForm</name>
    <message>
        <source>(draft)</source>
        <translation>(draf)</translation>
    </message>
    <message>
        <source>Import participants</source>
        <translation>Impor peserta</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv);;All files (*)</source>
        <translation>Lembar kerja (*.xlsx *.csv);;Semua berkas (*)</translation>
    </message>
    <message>
        <source>Socialization session</source>
        <translation>Kegiatan sosialisasi</translation>
    </message>
    <message>
        <source>Session &amp;name</source>
        <translation>&amp;Nama kegiatan</translation>
    </message>
    <message>
        <source>&amp;Topic</source>
        <translation>&amp;Tema</translation>
    </message>
    <message>
        <source>&amp;Starts (WITA)</source>
        <translation>&amp;Mulai (WITA)</translation>
    </message>
    <message>
        <source>&amp;Ends (WITA)</source>
        <translation>&amp;Selesai (WITA)</translation>
    </message>
    <message>
        <source>&amp;Village</source>
        <translation>&amp;Desa/Kelurahan</translation>
    </message>
    <message>
        <source>V&amp;enue</source>
        <translation>T&amp;empat</translation>
    </message>
    <message>
        <source>&amp;Organizer</source>
        <translation>&amp;Penyelenggara</translation>
    </message>
    <message>
        <source>&amp;Facilitators (name; institution)</source>
        <translation>Na&amp;rasumber (nama; instansi)</translation>
    </message>
    <message>
        <source>Notes (su&amp;mmary)</source>
        <translation>Notu&amp;len</translation>
    </message>
    <message>
        <source>O&amp;utcomes</source>
        <translation>&amp;Hasil</translation>
    </message>
    <message>
        <source>Complaints collected</source>
        <translation>Laporan terkait</translation>
    </message>
    <message>
        <source>Attendance (type a name, Enter moves on; L/P for gender)</source>
        <translation>Daftar hadir (ketik nama, Enter pindah ke kolom berikut; L/P untuk jenis kelamin)</translation>
    </message>
    <message>
        <source>&amp;Import participants from XLSX/CSV…</source>
        <translation>&amp;Impor peserta dari XLSX/CSV…</translation>
    </message>
    <message>
        <source>Print blank attendance sheet</source>
        <translation>Cetak daftar hadir kosong</translation>
    </message>
    <message>
        <source>Print activity report</source>
        <translation>Cetak laporan kegiatan</translation>
    </message>
    <message>
        <source>Remove selected rows</source>
        <translation>Hapus baris terpilih</translation>
    </message>
    <message>
        <source>Create a complaint from this session</source>
        <translation>Buat laporan dari kegiatan ini</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>Simpan draf</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>Kirim</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
</context>
<context>
    <name>ActivityListPage</name>
    <message>
        <source>Socialization sessions</source>
        <translation>Kegiatan sosialisasi</translation>
    </message>
    <message>
        <source>Sessions recorded on this computer, with attendance counted by gender from the attendance list.</source>
        <translation>Kegiatan yang tercatat di komputer ini, dengan jumlah peserta menurut jenis kelamin dari daftar hadir.</translation>
    </message>
    <message>
        <source>No socialization session has been recorded yet. Use “New session” to record one.</source>
        <translation>Belum ada kegiatan sosialisasi yang dicatat. Gunakan “Kegiatan baru” untuk mencatatnya.</translation>
    </message>
    <message>
        <source>&amp;New session</source>
        <translation>Kegiatan &amp;baru</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>Desa/Kelurahan</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Dari</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Sampai</translation>
    </message>
    <message>
        <source>any date</source>
        <translation>semua tanggal</translation>
    </message>
</context>
<context>
    <name>ActivityPrint</name>
    <message>
        <source>ATTENDANCE LIST</source>
        <translation>DAFTAR HADIR</translation>
    </message>
    <message>
        <source>ACTIVITY REPORT</source>
        <translation>LAPORAN KEGIATAN</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Kegiatan</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Tempat</translation>
    </message>
    <message>
        <source>Organizer</source>
        <translation>Penyelenggara</translation>
    </message>
    <message>
        <source>Facilitators</source>
        <translation>Narasumber</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>L/P</source>
        <translation>L/P</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Umur</translation>
    </message>
    <message>
        <source>Role / institution</source>
        <translation>Jabatan / instansi</translation>
    </message>
    <message>
        <source>Dusun</source>
        <translation>Dusun</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>No HP</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Tanda tangan</translation>
    </message>
    <message>
        <source>Summary (notes)</source>
        <translation>Notulen</translation>
    </message>
    <message>
        <source>Outcomes</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Peserta</translation>
    </message>
    <message>
        <source>Participants by gender and age</source>
        <translation>Peserta menurut jenis kelamin dan umur</translation>
    </message>
    <message>
        <source>Male (L)</source>
        <translation>Laki-laki (L)</translation>
    </message>
    <message>
        <source>Female (P)</source>
        <translation>Perempuan (P)</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Tidak dicatat</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Jumlah</translation>
    </message>
    <message>
        <source>Age not given</source>
        <translation>Umur tidak diisi</translation>
    </message>
    <message>
        <source>Complaints collected</source>
        <translation>Laporan yang dihimpun</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>Tidak ada.</translation>
    </message>
    <message>
        <source>Report number</source>
        <translation>Nomor laporan</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Judul</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>(draft)</source>
        <translation>(draf)</translation>
    </message>
</context>
<context>
    <name>ActivityTableModel</name>
    <message>
        <source>Session</source>
        <translation>Kegiatan</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>Desa/Kelurahan</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Peserta</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>%1 (L %2 · P %3)</source>
        <translation>%1 (L %2 · P %3)</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>KIM Desktop is already open for this data folder. Close the other window first, or wait until it has finished closing.</source>
        <translation>KIM Desktop sudah terbuka untuk folder data ini. Tutup dulu jendela yang lain, atau tunggu sampai selesai ditutup.</translation>
    </message>
</context>
<context>
    <name>AttachmentsWidget</name>
    <message>
        <source>Add files…</source>
        <translation>Tambah berkas…</translation>
    </message>
    <message>
        <source>Photos (JPEG, PNG) or PDF. You can also drag files here.</source>
        <translation>Foto (JPEG, PNG) atau PDF. Berkas juga bisa diseret ke sini.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Lampiran</translation>
    </message>
    <message>
        <source>Choose photos or PDF files</source>
        <translation>Pilih foto atau berkas PDF</translation>
    </message>
    <message>
        <source>Photos and PDF (*.jpg *.jpeg *.png *.pdf)</source>
        <translation>Foto dan PDF (*.jpg *.jpeg *.png *.pdf)</translation>
    </message>
</context>
<context>
    <name>AttendanceGrid</name>
    <message>
        <source>Participants: %1 (L %2 · P %3 · not recorded %4) · Age: %5 · unknown %6</source>
        <translation>Peserta: %1 (L %2 · P %3 · tidak dicatat %4) · Umur: %5 · tidak diisi %6</translation>
    </message>
    <message>
        <source>Listed more than once: %1</source>
        <translation>Tercatat lebih dari sekali: %1</translation>
    </message>
</context>
<context>
    <name>AttendanceTableModel</name>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>L/P</source>
        <translation>L/P</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Umur</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Jabatan/Instansi</translation>
    </message>
    <message>
        <source>Dusun</source>
        <translation>Dusun</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>No HP</translation>
    </message>
    <message>
        <source>This name is already on the list of this session.</source>
        <translation>Nama ini sudah ada di daftar hadir kegiatan ini.</translation>
    </message>
</context>
<context>
    <name>Channel</name>
    <message>
        <source>Came to the office</source>
        <translation>Datang ke kantor</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telepon</translation>
    </message>
    <message>
        <source>Socialization session</source>
        <translation>Kegiatan sosialisasi</translation>
    </message>
    <message>
        <source>Social media</source>
        <translation>Media sosial</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Lainnya</translation>
    </message>
</context>
<context>
    <name>ComplaintDetailPage</name>
    <message>
        <source>Report %1</source>
        <translation>Laporan %1</translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation>Anonim</translation>
    </message>
    <message>
        <source>Confidential</source>
        <translation>Rahasia</translation>
    </message>
    <message>
        <source>(not yet forwarded)</source>
        <translation>(belum diteruskan)</translation>
    </message>
    <message>
        <source>Public report</source>
        <translation>Laporan terbuka</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Tidak ada</translation>
    </message>
    <message>
        <source>%1 on %2, revision %3</source>
        <translation>%1 pada %2, revisi %3</translation>
    </message>
    <message>
        <source>Note from the district: %1</source>
        <translation>Catatan dari kabupaten: %1</translation>
    </message>
    <message>
        <source>The district hub could not accept this report: %1</source>
        <translation>Hub kabupaten tidak dapat menerima laporan ini: %1</translation>
    </message>
    <message>
        <source>Submit again</source>
        <translation>Kirim ulang</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>Kirim</translation>
    </message>
    <message>
        <source>Deadlines start when the district receives the report.</source>
        <translation>Tenggat waktu mulai dihitung saat laporan diterima kabupaten.</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>terlambat</translation>
    </message>
    <message>
        <source>withdrawn before sending</source>
        <translation>ditarik sebelum dikirim</translation>
    </message>
    <message>
        <source>Withdraw report</source>
        <translation>Tarik kembali laporan</translation>
    </message>
    <message>
        <source>Take report %1 back as a draft? It is not sent until it is submitted again.</source>
        <translation>Tarik kembali laporan %1 menjadi draf? Laporan tidak dikirim sampai dikirim lagi.</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>Tarik kembali</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>← Back to the list</source>
        <translation>← Kembali ke daftar</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Ubah</translation>
    </message>
    <message>
        <source>Take the report back before it is sent.</source>
        <translation>Tarik kembali laporan sebelum dikirim.</translation>
    </message>
    <message>
        <source>Print receipt</source>
        <translation>Cetak tanda terima</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Tampilkan</translation>
    </message>
    <message>
        <source>Showing the identity is recorded (who and when).</source>
        <translation>Membuka identitas dicatat (siapa dan kapan).</translation>
    </message>
    <message>
        <source>Anonymous report: the identity is hidden. Show it only when needed; this is recorded.</source>
        <translation>Laporan anonim: identitas disembunyikan. Tampilkan hanya bila perlu; tindakan ini dicatat.</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Laporan</translation>
    </message>
    <message>
        <source>Reporter</source>
        <translation>Pelapor</translation>
    </message>
    <message>
        <source>Deadlines</source>
        <translation>Tenggat waktu</translation>
    </message>
    <message>
        <source>Status history</source>
        <translation>Riwayat status</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>Klasifikasi</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Judul</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Isi</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>Target agency</source>
        <translation>Instansi tujuan</translation>
    </message>
    <message>
        <source>Incident date</source>
        <translation>Tanggal kejadian</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>Desa/Kelurahan</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Lokasi kejadian</translation>
    </message>
    <message>
        <source>Coordinates</source>
        <translation>Koordinat</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Sumber</translation>
    </message>
    <message>
        <source>Socialization session</source>
        <translation>Kegiatan sosialisasi</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Kerahasiaan</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Lampiran</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>Dicatat oleh</translation>
    </message>
    <message>
        <source>SP4N-LAPOR! number</source>
        <translation>Nomor SP4N-LAPOR!</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>No. HP</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Alamat</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Jenis kelamin</translation>
    </message>
    <message>
        <source>Year of birth</source>
        <translation>Tahun lahir</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Oleh</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Catatan</translation>
    </message>
</context>
<context>
    <name>ComplaintFields</name>
    <message>
        <source>The report</source>
        <extracomment>Where a problem of a field is shown when the field has no message of its own.</extracomment>
        <translation>Laporan</translation>
    </message>
    <message>
        <source>When and where</source>
        <translation>Waktu dan tempat</translation>
    </message>
    <message>
        <source>Reporter (the resident)</source>
        <translation>Pelapor (warga)</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Kerahasiaan</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Lampiran</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Persetujuan</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>Klasifikasi</translation>
    </message>
    <message>
        <source>Report title</source>
        <translation>Judul laporan</translation>
    </message>
    <message>
        <source>Report text</source>
        <translation>Isi laporan</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>Target agency</source>
        <translation>Instansi tujuan</translation>
    </message>
    <message>
        <source>Incident date</source>
        <translation>Tanggal kejadian</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>Desa/Kelurahan</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Lokasi kejadian</translation>
    </message>
    <message>
        <source>Coordinates</source>
        <translation>Koordinat</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Sumber</translation>
    </message>
    <message>
        <source>Socialization session</source>
        <translation>Kegiatan sosialisasi</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>No. HP</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Alamat</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Jenis kelamin</translation>
    </message>
    <message>
        <source>Year of birth</source>
        <translation>Tahun lahir</translation>
    </message>
    <message>
        <source>Photos and documents</source>
        <translation>Foto dan dokumen</translation>
    </message>
    <message>
        <source>(not chosen)</source>
        <translation>(tidak dipilih)</translation>
    </message>
    <message>
        <source>(not linked to a session)</source>
        <translation>(tidak terkait kegiatan)</translation>
    </message>
    <message>
        <source>Short and clear, e.g. &quot;Village road damaged in Dusun 2&quot;</source>
        <translation>Singkat dan jelas, mis. &quot;Jalan desa rusak di Dusun 2&quot;</translation>
    </message>
    <message>
        <source>What happened, when, where, and what remedy the resident asks for.</source>
        <translation>Apa yang terjadi, kapan, di mana, dan penyelesaian apa yang diminta warga.</translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>hh/bb/tttt</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hari ini</translation>
    </message>
    <message>
        <source>Type part of the name</source>
        <translation>Ketik sebagian nama</translation>
    </message>
    <message>
        <source>Type to search, e.g. jalan</source>
        <translation>Ketik untuk mencari, mis. jalan</translation>
    </message>
    <message>
        <source>Dusun, RT/RW, landmark</source>
        <translation>Dusun, RT/RW, patokan</translation>
    </message>
    <message>
        <source>Latitude, e.g. -2.5786</source>
        <translation>Lintang, mis. -2.5786</translation>
    </message>
    <message>
        <source>Longitude, e.g. 121.1092</source>
        <translation>Bujur, mis. 121.1092</translation>
    </message>
    <message>
        <source>e.g. 0812xxxxxxxx</source>
        <translation>mis. 0812xxxxxxxx</translation>
    </message>
    <message>
        <source>16 digits (optional)</source>
        <translation>16 angka (boleh kosong)</translation>
    </message>
    <message>
        <source>Anonymous: hide the resident&apos;s identity</source>
        <translation>Anonim: sembunyikan identitas warga</translation>
    </message>
    <message>
        <source>The name and contact of the resident are not shown to the party being reported or to the public. If the resident refuses to give their identity, tick this box and leave the identity empty.</source>
        <translation>Nama dan kontak warga tidak ditampilkan kepada pihak yang dilaporkan maupun kepada publik. Bila warga menolak memberikan identitas, centang kotak ini dan biarkan identitas kosong.</translation>
    </message>
    <message>
        <source>Confidential: hide the whole report from the public</source>
        <translation>Rahasia: sembunyikan seluruh laporan dari publik</translation>
    </message>
    <message>
        <source>The report is not published at all; only the officers who handle it can read it.</source>
        <translation>Laporan sama sekali tidak dipublikasikan; hanya petugas yang menanganinya yang dapat membacanya.</translation>
    </message>
    <message>
        <source>The resident agrees that this report is sent to the district (Diskominfo-SP) and to SP4N-LAPOR!</source>
        <translation>Warga setuju laporan ini dikirim ke kabupaten (Diskominfo-SP) dan ke SP4N-LAPOR!</translation>
    </message>
    <message>
        <source>Read this to the resident. Without their agreement the report can be saved as a draft but not sent.</source>
        <translation>Bacakan ini kepada warga. Tanpa persetujuannya laporan dapat disimpan sebagai draf tetapi tidak dapat dikirim.</translation>
    </message>
    <message>
        <source>Careful with photos: a face, a house or the surroundings in a photo can reveal who reported, even when the report is anonymous. Choose photos that show only the problem. Location data in photos is removed before sending.</source>
        <translation>Hati-hati dengan foto: wajah, rumah, atau lingkungan sekitar dalam foto dapat mengungkap siapa pelapornya, walaupun laporannya anonim. Pilih foto yang hanya memperlihatkan masalahnya. Data lokasi dalam foto dihapus sebelum dikirim.</translation>
    </message>
    <message>
        <source>This anonymous report has photos. Check each photo: nothing in it may show who the resident is.</source>
        <translation>Laporan anonim ini berisi foto. Periksa setiap foto: tidak boleh ada yang menunjukkan siapa warga pelapornya.</translation>
    </message>
    <message>
        <source>Choose the village from the list (type part of its name).</source>
        <translation>Pilih desa/kelurahan dari daftar (ketik sebagian namanya).</translation>
    </message>
    <message>
        <source>Choose the category from the list (type part of its name).</source>
        <translation>Pilih kategori dari daftar (ketik sebagian namanya).</translation>
    </message>
    <message>
        <source>Choose the agency from the list, or leave it empty.</source>
        <translation>Pilih instansi dari daftar, atau biarkan kosong.</translation>
    </message>
</context>
<context>
    <name>ComplaintForm</name>
    <message>
        <source>Returned by the district for correction: %1</source>
        <translation>Dikembalikan kabupaten untuk diperbaiki: %1</translation>
    </message>
    <message>
        <source>The district hub could not accept this report: %1</source>
        <translation>Hub kabupaten tidak dapat menerima laporan ini: %1</translation>
    </message>
    <message>
        <source>What was typed before the app closed unexpectedly has been restored and saved as a draft. Check it, then continue.</source>
        <translation>Isian yang diketik sebelum aplikasi tertutup tiba-tiba telah dipulihkan dan disimpan sebagai draf. Periksa, lalu lanjutkan.</translation>
    </message>
    <message>
        <source>Waiting for the attachments to be checked…</source>
        <translation>Menunggu lampiran selesai diperiksa…</translation>
    </message>
    <message>
        <source>Draft %1 saved at %2</source>
        <translation>Draf %1 tersimpan pada %2</translation>
    </message>
    <message>
        <source>The attachments are still being checked; submit again in a moment.</source>
        <translation>Lampiran masih diperiksa; kirim lagi sebentar lagi.</translation>
    </message>
    <message>
        <source>Not sent yet: correct the fields marked in red.</source>
        <translation>Belum terkirim: perbaiki isian yang ditandai merah.</translation>
    </message>
    <message>
        <source>Correct report %1</source>
        <translation>Perbaiki laporan %1</translation>
    </message>
    <message>
        <source>Draft report %1</source>
        <translation>Draf laporan %1</translation>
    </message>
    <message>
        <source>New report</source>
        <translation>Laporan baru</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>Simpan draf</translation>
    </message>
    <message>
        <source>Ctrl+S</source>
        <translation>Ctrl+S</translation>
    </message>
    <message>
        <source>Submit again</source>
        <translation>Kirim ulang</translation>
    </message>
    <message>
        <source>Submit report</source>
        <translation>Kirim laporan</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>What is typed is kept as a draft.</source>
        <translation>Isian yang sudah diketik disimpan sebagai draf.</translation>
    </message>
</context>
<context>
    <name>ComplaintListPage</name>
    <message>
        <source>Report number %1: press Enter to open it.</source>
        <translation>Nomor laporan %1: tekan Enter untuk membukanya.</translation>
    </message>
    <message>
        <source>No report matches.</source>
        <translation>Tidak ada laporan yang cocok.</translation>
    </message>
    <message>
        <source>%1 reports (%2 shown)</source>
        <translation>%1 laporan (%2 ditampilkan)</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Daftar laporan</translation>
    </message>
    <message>
        <source>New report</source>
        <translation>Laporan baru</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <source>Search title, text, location, or type a report number…</source>
        <translation>Cari judul, isi, lokasi, atau ketik nomor laporan…</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Semua status</translation>
    </message>
    <message>
        <source>All classifications</source>
        <translation>Semua klasifikasi</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Semua kategori</translation>
    </message>
    <message>
        <source>Created from</source>
        <translation>Dibuat dari</translation>
    </message>
    <message>
        <source>until</source>
        <translation>sampai</translation>
    </message>
    <message>
        <source>No reports yet. Press &quot;New report&quot; to record a resident&apos;s complaint.</source>
        <translation>Belum ada laporan. Tekan &quot;Laporan baru&quot; untuk mencatat pengaduan warga.</translation>
    </message>
</context>
<context>
    <name>ComplaintTableModel</name>
    <message>
        <source>Tracking no.</source>
        <extracomment>Query sort key of each sortable column (None: the column cannot be sorted in SQL).</extracomment>
        <translation>Nomor laporan</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Judul</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>Desa/Kelurahan</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Due by</source>
        <translation>Tenggat</translation>
    </message>
    <message>
        <source>Overdue: the district or agency has passed this date.</source>
        <translation>Terlambat: kabupaten atau instansi telah melewati tanggal ini.</translation>
    </message>
    <message>
        <source>(no title yet)</source>
        <translation>(belum ada judul)</translation>
    </message>
</context>
<context>
    <name>Deadline</name>
    <message>
        <source>Checked and forwarded by the district</source>
        <translation>Diperiksa dan diteruskan oleh kabupaten</translation>
    </message>
    <message>
        <source>Follow-up plan from the agency</source>
        <translation>Rencana tindak lanjut dari instansi</translation>
    </message>
    <message>
        <source>Closes by itself if nobody replies</source>
        <translation>Ditutup otomatis bila tidak ada tanggapan</translation>
    </message>
    <message>
        <source>Resolved at the latest (60 days)</source>
        <translation>Selesai paling lambat (60 hari)</translation>
    </message>
    <message>
        <source>Answer to the information request</source>
        <translation>Jawaban atas permintaan informasi</translation>
    </message>
</context>
<context>
    <name>EnrolmentBox</name>
    <message>
        <source>The hub cannot be reached right now, so this computer is not registered yet. Check the hub address and the connection, then try again later.</source>
        <translation>Hub tidak dapat dihubungi saat ini, jadi komputer ini belum terdaftar. Periksa alamat hub dan koneksi internet, lalu coba lagi nanti.</translation>
    </message>
    <message>
        <source>The hub address was not accepted. Use the address from Diskominfo-SP; it starts with https://.</source>
        <translation>Alamat hub tidak diterima. Gunakan alamat dari Diskominfo-SP; alamatnya diawali https://.</translation>
    </message>
    <message>
        <source>Enter the full address, e.g. https://kim.luwutimurkab.go.id</source>
        <translation>Masukkan alamat lengkap, mis. https://kim.luwutimurkab.go.id</translation>
    </message>
    <message>
        <source>Enter the one-time code from Diskominfo-SP.</source>
        <translation>Isi kode sekali pakai dari Diskominfo-SP.</translation>
    </message>
    <message>
        <source>This computer is now registered with the hub. Synchronization has started.</source>
        <translation>Komputer ini sudah terdaftar di hub. Sinkronisasi dimulai.</translation>
    </message>
    <message>
        <source>Registered, but this computer has no usable system password store: the registration is kept only while the app is open. After closing the app this computer must be registered again with a new code. Ask your IT helper to enable the password store.</source>
        <translation>Terdaftar, tetapi komputer ini tidak punya tempat penyimpanan sandi sistem yang bisa dipakai: pendaftaran hanya tersimpan selama aplikasi terbuka. Setelah aplikasi ditutup, komputer ini harus didaftarkan lagi dengan kode baru. Minta bantuan teknisi untuk mengaktifkan penyimpanan sandi.</translation>
    </message>
    <message>
        <source>Registered with the hub %1, but its key was only kept while the app was open (no system keyring). Register again with a new code.</source>
        <translation>Terdaftar di hub %1, tetapi kuncinya hanya disimpan selama aplikasi terbuka (tidak ada keyring sistem). Daftar ulang dengan kode baru.</translation>
    </message>
    <message>
        <source>Registered with the hub %1.</source>
        <translation>Terdaftar di hub %1.</translation>
    </message>
    <message>
        <source>Not registered yet. Until then everything stays safely on this computer.</source>
        <translation>Belum terdaftar. Sampai terdaftar, semua data tetap tersimpan aman di komputer ini.</translation>
    </message>
    <message>
        <source>Registration with the hub</source>
        <translation>Pendaftaran ke hub</translation>
    </message>
    <message>
        <source>Hub address</source>
        <translation>Alamat hub</translation>
    </message>
    <message>
        <source>One-time code</source>
        <translation>Kode sekali pakai</translation>
    </message>
    <message>
        <source>e.g. https://kim.luwutimurkab.go.id (from Diskominfo-SP)</source>
        <translation>mis. https://kim.luwutimurkab.go.id (dari Diskominfo-SP)</translation>
    </message>
    <message>
        <source>from Diskominfo-SP, valid once</source>
        <translation>dari Diskominfo-SP, berlaku satu kali</translation>
    </message>
    <message>
        <source>Registering…</source>
        <translation>Mendaftarkan…</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Daftarkan</translation>
    </message>
    <message>
        <source>Synchronization is not available in this installation.</source>
        <translation>Sinkronisasi tidak tersedia pada instalasi ini.</translation>
    </message>
    <message>
        <source>The code can be used once and expires after 7 days.</source>
        <translation>Kode hanya dapat dipakai sekali dan kedaluwarsa setelah 7 hari.</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>KIM Desktop: a problem</source>
        <translation>KIM Desktop: ada masalah</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Salin rincian</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Details copied.</source>
        <translation>Rincian disalin.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Some entries are missing or not valid; nothing was saved.</source>
        <translation>Ada isian yang kosong atau tidak sah; tidak ada yang disimpan.</translation>
    </message>
    <message>
        <source>Correct the marked fields and try again.</source>
        <translation>Perbaiki isian yang ditandai lalu coba lagi.</translation>
    </message>
    <message>
        <source>The input could not be read.</source>
        <translation>Masukan tidak dapat dibaca.</translation>
    </message>
    <message>
        <source>Check the file or the value you entered and try again.</source>
        <translation>Periksa berkas atau nilai yang dimasukkan lalu coba lagi.</translation>
    </message>
    <message>
        <source>This record no longer exists on this computer.</source>
        <translation>Data ini tidak ada lagi di komputer ini.</translation>
    </message>
    <message>
        <source>Go back to the list and search for it again.</source>
        <translation>Kembali ke daftar dan cari lagi.</translation>
    </message>
    <message>
        <source>This action is not possible in the record&apos;s current status.</source>
        <translation>Tindakan ini tidak dapat dilakukan pada status data saat ini.</translation>
    </message>
    <message>
        <source>Go back to the list; the status may have changed meanwhile.</source>
        <translation>Kembali ke daftar; statusnya mungkin sudah berubah.</translation>
    </message>
    <message>
        <source>This computer has not been set up yet.</source>
        <translation>Komputer ini belum disiapkan.</translation>
    </message>
    <message>
        <source>Complete the first-run setup (village, KIM name, operator).</source>
        <translation>Lengkapi penyiapan awal (desa, nama KIM, operator).</translation>
    </message>
    <message>
        <source>The data store cannot be used right now.</source>
        <translation>Penyimpanan data tidak dapat dipakai saat ini.</translation>
    </message>
    <message>
        <source>Close the app and open it again. If it happens again, contact Diskominfo-SP.</source>
        <translation>Tutup aplikasi lalu buka kembali. Bila terulang, hubungi Diskominfo-SP.</translation>
    </message>
    <message>
        <source>The data store is in use by another program.</source>
        <translation>Penyimpanan data sedang dipakai program lain.</translation>
    </message>
    <message>
        <source>Close other KIM windows or the kim command, then try again.</source>
        <translation>Tutup jendela KIM lain atau perintah kim, lalu coba lagi.</translation>
    </message>
    <message>
        <source>The data folder cannot be written to.</source>
        <translation>Folder data tidak dapat ditulisi.</translation>
    </message>
    <message>
        <source>Check the folder&apos;s permissions or ask your IT helper.</source>
        <translation>Periksa izin folder atau minta bantuan petugas TI.</translation>
    </message>
    <message>
        <source>The disk is full; nothing was saved.</source>
        <translation>Disk penuh; tidak ada yang disimpan.</translation>
    </message>
    <message>
        <source>Free some disk space (delete unneeded files), then try again.</source>
        <translation>Kosongkan ruang disk (hapus berkas yang tidak perlu), lalu coba lagi.</translation>
    </message>
    <message>
        <source>This data was written by a newer version of KIM Desktop.</source>
        <translation>Data ini ditulis oleh versi KIM Desktop yang lebih baru.</translation>
    </message>
    <message>
        <source>Install the newest version of KIM Desktop; your data was not changed.</source>
        <translation>Pasang versi KIM Desktop terbaru; data Anda tidak diubah.</translation>
    </message>
    <message>
        <source>The data store file is damaged.</source>
        <translation>Berkas penyimpanan data rusak.</translation>
    </message>
    <message>
        <source>Restore the latest backup (ask Diskominfo-SP for help).</source>
        <translation>Pulihkan cadangan terakhir (minta bantuan Diskominfo-SP).</translation>
    </message>
    <message>
        <source>Synchronization failed.</source>
        <translation>Sinkronisasi gagal.</translation>
    </message>
    <message>
        <source>Your data is kept on this computer. Try again later.</source>
        <translation>Data Anda tetap tersimpan di komputer ini. Coba lagi nanti.</translation>
    </message>
    <message>
        <source>The district hub cannot be reached (no connection).</source>
        <translation>Hub kabupaten tidak dapat dihubungi (tidak ada koneksi).</translation>
    </message>
    <message>
        <source>Your data is kept and will be sent when the connection returns.</source>
        <translation>Data Anda tetap tersimpan dan akan dikirim saat koneksi kembali.</translation>
    </message>
    <message>
        <source>The district hub has a problem right now.</source>
        <translation>Hub kabupaten sedang bermasalah.</translation>
    </message>
    <message>
        <source>Your data is kept. Try again later.</source>
        <translation>Data Anda tetap tersimpan. Coba lagi nanti.</translation>
    </message>
    <message>
        <source>It is not yet known whether the last sending arrived.</source>
        <translation>Belum diketahui apakah pengiriman terakhir sampai.</translation>
    </message>
    <message>
        <source>Nothing is lost: it is checked at the next synchronization.</source>
        <translation>Tidak ada yang hilang: akan diperiksa pada sinkronisasi berikutnya.</translation>
    </message>
    <message>
        <source>This computer is not registered with the district hub.</source>
        <translation>Komputer ini belum terdaftar di hub kabupaten.</translation>
    </message>
    <message>
        <source>Open Settings, section “Registration with the hub”, enter the hub address and the one-time code from Diskominfo-SP and press “Register”.</source>
        <translation>Buka Pengaturan, bagian “Pendaftaran ke hub”, isi alamat hub dan kode sekali pakai dari Diskominfo-SP, lalu tekan “Daftarkan”.</translation>
    </message>
    <message>
        <source>The district has revoked this computer&apos;s registration.</source>
        <translation>Kabupaten telah mencabut pendaftaran komputer ini.</translation>
    </message>
    <message>
        <source>Ask Diskominfo-SP for a new enrolment code and register again.</source>
        <translation>Minta kode pendaftaran baru ke Diskominfo-SP lalu daftar ulang.</translation>
    </message>
    <message>
        <source>The enrolment code was refused (wrong, used or expired).</source>
        <translation>Kode pendaftaran ditolak (salah, sudah dipakai, atau kedaluwarsa).</translation>
    </message>
    <message>
        <source>Ask Diskominfo-SP for a new enrolment code.</source>
        <translation>Minta kode pendaftaran baru ke Diskominfo-SP.</translation>
    </message>
    <message>
        <source>This version of KIM Desktop is too old for the district hub.</source>
        <translation>Versi KIM Desktop ini terlalu lama untuk hub kabupaten.</translation>
    </message>
    <message>
        <source>Install the newest version of KIM Desktop.</source>
        <translation>Pasang versi KIM Desktop terbaru.</translation>
    </message>
    <message>
        <source>The district hub refused the request.</source>
        <translation>Hub kabupaten menolak permintaan.</translation>
    </message>
    <message>
        <source>Copy the details and send them to Diskominfo-SP.</source>
        <translation>Salin rinciannya dan kirimkan ke Diskominfo-SP.</translation>
    </message>
    <message>
        <source>The file could not be written.</source>
        <translation>Berkas tidak dapat ditulis.</translation>
    </message>
    <message>
        <source>Choose another folder (for example Documents) or check that the disk is not full.</source>
        <translation>Pilih folder lain (misalnya Dokumen) atau periksa apakah disk penuh.</translation>
    </message>
    <message>
        <source>The system&apos;s password store is not available.</source>
        <translation>Penyimpanan kata sandi sistem tidak tersedia.</translation>
    </message>
    <message>
        <source>Registration is kept only while the app runs; ask your IT helper to enable the password store.</source>
        <translation>Pendaftaran hanya tersimpan selama aplikasi berjalan; minta petugas TI mengaktifkan penyimpanan kata sandi.</translation>
    </message>
    <message>
        <source>Something unexpected went wrong. Saved data is safe.</source>
        <translation>Terjadi kesalahan tak terduga. Data yang sudah tersimpan aman.</translation>
    </message>
    <message>
        <source>Close the app and open it again. If it happens again, copy the details and send them to Diskominfo-SP.</source>
        <translation>Tutup aplikasi lalu buka kembali. Bila terulang, salin rinciannya dan kirimkan ke Diskominfo-SP.</translation>
    </message>
</context>
<context>
    <name>Gender</name>
    <message>
        <source>Not stated</source>
        <translation>Tidak disebutkan</translation>
    </message>
    <message>
        <source>Male (L)</source>
        <translation>Laki-laki (L)</translation>
    </message>
    <message>
        <source>Female (P)</source>
        <translation>Perempuan (P)</translation>
    </message>
</context>
<context>
    <name>ImportPreviewModel</name>
    <message>
        <source>Row</source>
        <translation>Baris</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>L/P</source>
        <translation>L/P</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Umur</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Jabatan/Instansi</translation>
    </message>
    <message>
        <source>Dusun</source>
        <translation>Dusun</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>No HP</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Masalah</translation>
    </message>
</context>
<context>
    <name>Kind</name>
    <message>
        <source>Complaint</source>
        <translation>Pengaduan</translation>
    </message>
    <message>
        <source>Aspiration</source>
        <translation>Aspirasi</translation>
    </message>
    <message>
        <source>Information request</source>
        <translation>Permintaan Informasi</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>en</source>
        <comment>ISO code of this translation&apos;s language</comment>
        <translation>id</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Unsaved typing from the last session was restored.</source>
        <translation>Isian yang belum tersimpan dari sesi sebelumnya telah dipulihkan.</translation>
    </message>
    <message>
        <source>Draft %1 saved.</source>
        <translation>Draf %1 tersimpan.</translation>
    </message>
    <message>
        <source>Registration with the hub</source>
        <translation>Pendaftaran ke hub</translation>
    </message>
    <message>
        <source>This computer could not be registered with the details from the setup. Open Settings, section “Registration with the hub”, to try again.</source>
        <translation>Komputer ini tidak dapat didaftarkan dengan data dari penyiapan awal. Buka Pengaturan, bagian “Pendaftaran ke hub”, untuk mencoba lagi.</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Laporan</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Kegiatan</translation>
    </message>
    <message>
        <source>Synchronization</source>
        <translation>Sinkronisasi</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Pengaturan</translation>
    </message>
</context>
<context>
    <name>Outbox</name>
    <message>
        <source>Waiting to be sent</source>
        <translation>Menunggu dikirim</translation>
    </message>
    <message>
        <source>Being sent (outcome not yet known)</source>
        <translation>Sedang dikirim (hasil belum diketahui)</translation>
    </message>
    <message>
        <source>Set aside: needs attention</source>
        <translation>Disisihkan: perlu perhatian</translation>
    </message>
</context>
<context>
    <name>ParticipantImportDialog</name>
    <message>
        <source>This file cannot be imported.</source>
        <translation>Berkas ini tidak bisa diimpor.</translation>
    </message>
    <message>
        <source>Import participants</source>
        <translation>Impor peserta</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Membaca %1…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Impor</translation>
    </message>
    <message>
        <source>%1 rows can be imported, %2 rows have problems (shown in red and not imported), %3 blank rows skipped.</source>
        <translation>%1 baris bisa diimpor, %2 baris bermasalah (ditandai merah dan tidak diimpor), %3 baris kosong dilewati.</translation>
    </message>
    <message>
        <source>Columns not used: %1.</source>
        <translation>Kolom yang tidak dipakai: %1.</translation>
    </message>
    <message>
        <source>Listed more than once: %1</source>
        <translation>Tercatat lebih dari sekali: %1</translation>
    </message>
    <message>
        <source>Import %1 valid rows</source>
        <translation>Impor %1 baris yang benar</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>Open</source>
        <translation>Buka</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation>&amp;Nama berkas:</translation>
    </message>
    <message>
        <source>Look in:</source>
        <translation>Cari di:</translation>
    </message>
    <message>
        <source>Files of type:</source>
        <translation>Jenis berkas:</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Urungkan</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Ulangi</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>Po&amp;tong</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Salin</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Tempel</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Pilih Semua</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Buka</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Ya</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Tidak</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Terapkan</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Bantuan</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Urungkan</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Ulangi</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>Po&amp;tong</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Salin</translation>
    </message>
    <message>
        <source>Copy &amp;Link Location</source>
        <translation>Salin &amp;Alamat Tautan</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Tempel</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Pilih Semua</translation>
    </message>
</context>
<context>
    <name>Receipt</name>
    <message>
        <source>Classification</source>
        <extracomment>Every text of the receipt (translated when the receipt is rendered).</extracomment>
        <translation>Klasifikasi</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Judul</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>Desa/Kelurahan</translation>
    </message>
    <message>
        <source>Incident date</source>
        <translation>Tanggal kejadian</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Lampiran</translation>
    </message>
    <message>
        <source>%1 file(s)</source>
        <translation>%1 berkas</translation>
    </message>
    <message>
        <source>Your identity is kept secret: it is not shown to the party you reported or to the public.</source>
        <translation>Identitas Anda dirahasiakan: tidak ditampilkan kepada pihak yang Anda laporkan maupun kepada publik.</translation>
    </message>
    <message>
        <source>The whole report is kept from the public; only the officers who handle it can read it.</source>
        <translation>Seluruh laporan dirahasiakan dari publik; hanya petugas yang menanganinya yang dapat membacanya.</translation>
    </message>
    <message>
        <source>This receipt does not contain your name, NIK or phone number. Keep it; give the report number when you ask about your report.</source>
        <translation>Tanda terima ini tidak memuat nama, NIK, atau nomor HP Anda. Simpan baik-baik; sebutkan nomor laporan saat menanyakan laporan Anda.</translation>
    </message>
    <message>
        <source>The report is sent to Diskominfo-SP of Kabupaten Luwu Timur as soon as this office has a connection.</source>
        <translation>Laporan dikirim ke Diskominfo-SP Kabupaten Luwu Timur segera setelah kantor ini mendapat koneksi.</translation>
    </message>
    <message>
        <source>The district checks it and forwards it to SP4N-LAPOR!, at the latest by %1 (%2 working days).</source>
        <translation>Kabupaten memeriksa dan meneruskannya ke SP4N-LAPOR! paling lambat %1 (%2 hari kerja).</translation>
    </message>
    <message>
        <source>You receive an answer to your information request by %1 (%2 working days; it may be extended by %3 working days).</source>
        <translation>Anda menerima jawaban atas permintaan informasi paling lambat %1 (%2 hari kerja; dapat diperpanjang %3 hari kerja).</translation>
    </message>
    <message>
        <source>The agency must resolve it at the latest by %1 (%2 days).</source>
        <translation>Instansi wajib menyelesaikannya paling lambat %1 (%2 hari).</translation>
    </message>
    <message>
        <source>Ask about the progress at the village office (KIM), giving the report number.</source>
        <translation>Tanyakan perkembangannya di kantor desa (KIM) dengan menyebutkan nomor laporan.</translation>
    </message>
    <message>
        <source>Receipt of your report</source>
        <translation>Tanda terima laporan Anda</translation>
    </message>
    <message>
        <source>Report number</source>
        <translation>Nomor laporan</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>Dicatat oleh</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Ringkasan</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Kerahasiaan</translation>
    </message>
    <message>
        <source>What happens next</source>
        <translation>Langkah selanjutnya</translation>
    </message>
    <message>
        <source>Dates are estimates counted from today; they start when the district receives the report. Working days exclude weekends and holidays.</source>
        <translation>Tanggal adalah perkiraan yang dihitung dari hari ini; hitungan dimulai saat laporan diterima kabupaten. Hari kerja tidak termasuk akhir pekan dan hari libur.</translation>
    </message>
    <message>
        <source>SP4N-LAPOR! is the national public-service complaint system (lapor.go.id).</source>
        <translation>SP4N-LAPOR! adalah sistem pengaduan pelayanan publik nasional (lapor.go.id).</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <source>Receipt %1</source>
        <translation>Tanda terima %1</translation>
    </message>
    <message>
        <source>Saved as PDF: %1</source>
        <translation>Disimpan sebagai PDF: %1</translation>
    </message>
    <message>
        <source>The PDF could not be saved; you can still print.</source>
        <translation>PDF tidak dapat disimpan; Anda tetap dapat mencetak.</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Cetak…</translation>
    </message>
    <message>
        <source>Save PDF copy…</source>
        <translation>Simpan salinan PDF…</translation>
    </message>
    <message>
        <source>Open PDF</source>
        <translation>Buka PDF</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Save receipt as PDF</source>
        <translation>Simpan tanda terima sebagai PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <source>Operator (village office)</source>
        <translation>Operator (kantor desa)</translation>
    </message>
    <message>
        <source>Trainer (socialization sessions)</source>
        <translation>Pelatih (kegiatan sosialisasi)</translation>
    </message>
    <message>
        <source>Reviewer (district)</source>
        <translation>Peninjau (kabupaten)</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Enter the full address, e.g. https://kim.luwutimurkab.go.id</source>
        <extracomment>Each language in its own words, so anyone can find theirs.</extracomment>
        <translation>Masukkan alamat lengkap, mis. https://kim.luwutimurkab.go.id</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Pengaturan tersimpan.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Umum</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Komputer ini</translation>
    </message>
    <message>
        <source>Where the data is kept</source>
        <translation>Tempat data disimpan</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <source>Largest attachment</source>
        <translation>Ukuran lampiran terbesar</translation>
    </message>
    <message>
        <source>Photo size when sending</source>
        <translation>Ukuran foto saat dikirim</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Folder data</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Folder cadangan</translation>
    </message>
    <message>
        <source>Log folder</source>
        <translation>Folder log</translation>
    </message>
    <message>
        <source> pixels (longest side)</source>
        <translation> piksel (sisi terpanjang)</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>Simpan pengaturan</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Buka folder</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Ubah…</translation>
    </message>
    <message>
        <source>%1 in %2. Operator: %3 (%4). Device code %5.</source>
        <translation>%1 di %2. Operator: %3 (%4). Kode perangkat %5.</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <source>Choose the village from the list.</source>
        <translation>Pilih desa/kelurahan dari daftar.</translation>
    </message>
    <message>
        <source>Enter the KIM name.</source>
        <translation>Isi nama KIM.</translation>
    </message>
    <message>
        <source>Enter the operator&apos;s name.</source>
        <translation>Isi nama operator.</translation>
    </message>
    <message>
        <source>Enter the full address, e.g. https://kim.luwutimurkab.go.id</source>
        <translation>Masukkan alamat lengkap, mis. https://kim.luwutimurkab.go.id</translation>
    </message>
    <message>
        <source>The enrolment code needs the hub address too.</source>
        <translation>Kode pendaftaran memerlukan alamat hub juga.</translation>
    </message>
    <message>
        <source>Set up KIM Desktop</source>
        <translation>Penyiapan KIM Desktop</translation>
    </message>
    <message>
        <source>Welcome. Tell us where this computer is used. You can change this later in Settings.</source>
        <translation>Selamat datang. Beri tahu di mana komputer ini dipakai. Semua ini dapat diubah nanti di Pengaturan.</translation>
    </message>
    <message>
        <source>All kecamatan</source>
        <translation>Semua kecamatan</translation>
    </message>
    <message>
        <source>Type part of the village name…</source>
        <translation>Ketik sebagian nama desa/kelurahan…</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Village *</source>
        <translation>Desa/Kelurahan *</translation>
    </message>
    <message>
        <source>KIM name *</source>
        <translation>Nama KIM *</translation>
    </message>
    <message>
        <source>Operator name *</source>
        <translation>Nama operator *</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Peran</translation>
    </message>
    <message>
        <source>Hub address</source>
        <translation>Alamat hub</translation>
    </message>
    <message>
        <source>Enrolment code</source>
        <translation>Kode pendaftaran</translation>
    </message>
    <message>
        <source>optional, e.g. https://kim.luwutimurkab.go.id</source>
        <translation>boleh kosong, mis. https://kim.luwutimurkab.go.id</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>boleh kosong</translation>
    </message>
    <message>
        <source>The hub address and enrolment code come from Diskominfo-SP. Without them the app works fully and keeps everything on this computer; you can add them later in Settings.</source>
        <translation>Alamat hub dan kode pendaftaran diberikan oleh Diskominfo-SP. Tanpa keduanya aplikasi tetap berfungsi penuh dan menyimpan semuanya di komputer ini; keduanya dapat ditambahkan nanti di Pengaturan.</translation>
    </message>
    <message>
        <source>Start using KIM Desktop</source>
        <translation>Mulai memakai KIM Desktop</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Draft</source>
        <translation>Draf</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>Menunggu dikirim</translation>
    </message>
    <message>
        <source>Being sent</source>
        <translation>Sedang dikirim</translation>
    </message>
    <message>
        <source>Received by the district</source>
        <translation>Diterima kabupaten</translation>
    </message>
    <message>
        <source>Needs correction</source>
        <translation>Perlu perbaikan</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Ditolak</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Terverifikasi</translation>
    </message>
    <message>
        <source>Forwarded to SP4N-LAPOR!</source>
        <translation>Diteruskan ke SP4N-LAPOR!</translation>
    </message>
    <message>
        <source>Dispositioned to an agency</source>
        <translation>Terdisposisi ke instansi</translation>
    </message>
    <message>
        <source>Being followed up by the agency</source>
        <translation>Ditindaklanjuti instansi</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Diarsipkan</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>never</source>
        <translation>belum pernah</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Laporan</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Kegiatan</translation>
    </message>
    <message>
        <source>Synchronization finished: %1 sent, %2 updates from the hub (%3 sent over the network).</source>
        <translation>Sinkronisasi selesai: %1 terkirim, %2 pembaruan dari hub (%3 terkirim lewat jaringan).</translation>
    </message>
    <message>
        <source>Synchronization</source>
        <translation>Sinkronisasi</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sinkronkan sekarang</translation>
    </message>
    <message>
        <source>Reports are sent to the district hub when there is a connection; the district&apos;s decisions come back the same way.</source>
        <translation>Laporan dikirim ke hub kabupaten saat ada koneksi; keputusan kabupaten kembali dengan cara yang sama.</translation>
    </message>
    <message>
        <source>not measured yet</source>
        <translation>belum diukur</translation>
    </message>
    <message>
        <source>differs from the hub (see the warning above)</source>
        <translation>berbeda dari hub (lihat peringatan di atas)</translation>
    </message>
    <message>
        <source>%1 of %2 records · %3 sent</source>
        <translation>%1 dari %2 data · %3 terkirim</translation>
    </message>
    <message>
        <source>Synchronization is not available in this installation. Everything stays safely on this computer.</source>
        <translation>Sinkronisasi tidak tersedia pada instalasi ini. Semua data tetap tersimpan aman di komputer ini.</translation>
    </message>
    <message>
        <source>This computer is not registered with the district hub yet. Open Settings, section “Registration with the hub”, enter the hub address and the one-time code from Diskominfo-SP and press “Register”. Until then everything stays safely on this computer.</source>
        <translation>Komputer ini belum terdaftar di hub kabupaten. Buka Pengaturan, bagian “Pendaftaran ke hub”, isi alamat hub dan kode sekali pakai dari Diskominfo-SP, lalu tekan “Daftarkan”. Sampai terdaftar, semua data tetap tersimpan aman di komputer ini.</translation>
    </message>
    <message>
        <source>Hub: %1</source>
        <translation>Hub: %1</translation>
    </message>
    <message>
        <source>Synchronization stopped; the rest is sent next time.</source>
        <translation>Sinkronisasi dihentikan; sisanya dikirim pada sinkronisasi berikutnya.</translation>
    </message>
    <message>
        <source>%1 set aside by the hub: see below.</source>
        <translation>%1 disisihkan oleh hub: lihat di bawah.</translation>
    </message>
    <message>
        <source>Open Settings</source>
        <translation>Buka Pengaturan</translation>
    </message>
    <message>
        <source>Last synchronization</source>
        <translation>Sinkronisasi terakhir</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>Menunggu dikirim</translation>
    </message>
    <message>
        <source>Recent synchronizations</source>
        <translation>Riwayat sinkronisasi</translation>
    </message>
    <message>
        <source>No synchronization has run on this computer yet.</source>
        <translation>Belum pernah ada sinkronisasi di komputer ini.</translation>
    </message>
    <message>
        <source>Set aside by the hub (needs attention)</source>
        <translation>Disisihkan oleh hub (perlu perhatian)</translation>
    </message>
    <message>
        <source>These records are back in draft. Open one (double-click or “Open”), press “Edit” and correct what the reason says, then press “Submit” in the report&apos;s detail view. “Try sending again” does the same for the selected report: it opens the detail view and submits it; the form shows anything that still needs correcting. Sessions are corrected on the Sessions page.</source>
        <translation>Data ini sudah kembali menjadi draf. Buka datanya (klik dua kali atau “Buka”), tekan “Ubah” dan perbaiki sesuai alasannya, lalu tekan “Kirim” di tampilan rincian laporan. “Coba kirim lagi” melakukan hal yang sama untuk laporan yang dipilih: membuka tampilan rincian dan mengirimnya; formulir menunjukkan isian yang masih perlu diperbaiki. Kegiatan diperbaiki di halaman Kegiatan.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Buka</translation>
    </message>
    <message>
        <source>Try sending again</source>
        <translation>Coba kirim lagi</translation>
    </message>
    <message>
        <source>Last successful</source>
        <translation>Terakhir berhasil</translation>
    </message>
    <message>
        <source>Last attempt</source>
        <translation>Percobaan terakhir</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>Jam</translation>
    </message>
    <message>
        <source>Oldest unsent since</source>
        <translation>Belum terkirim sejak</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
</context>
<context>
    <name>SyncRunTableModel</name>
    <message>
        <source>Started</source>
        <translation>Mulai</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Terkirim</translation>
    </message>
    <message>
        <source>Updates from the hub</source>
        <translation>Pembaruan dari hub</translation>
    </message>
    <message>
        <source>Set aside</source>
        <translation>Disisihkan</translation>
    </message>
    <message>
        <source>KB sent</source>
        <translation>KB terkirim</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Masalah</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Sedang berjalan</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>Terputus</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Berhasil</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Gagal</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Dihentikan</translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <source>Sync not available</source>
        <translation>Sinkronisasi tidak tersedia</translation>
    </message>
    <message>
        <source>Not registered with the hub</source>
        <translation>Belum terdaftar di hub</translation>
    </message>
    <message>
        <source>Connection not checked yet</source>
        <translation>Koneksi belum diperiksa</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Daring</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Luring</translation>
    </message>
    <message>
        <source>%1 waiting to be sent</source>
        <translation>%1 menunggu dikirim</translation>
    </message>
    <message>
        <source>%1 need attention</source>
        <translation>%1 perlu perhatian</translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>Sinkron terakhir: %1</translation>
    </message>
    <message>
        <source>never</source>
        <translation>belum pernah</translation>
    </message>
</context>
<context>
    <name>SyncTexts</name>
    <message>
        <source>The hub already holds different content for this record. Contact Diskominfo-SP.</source>
        <translation>Hub sudah menyimpan isi lain untuk data ini. Hubungi Diskominfo-SP.</translation>
    </message>
    <message>
        <source>The hub already has a newer version of this record.</source>
        <translation>Hub sudah memiliki versi yang lebih baru dari data ini.</translation>
    </message>
    <message>
        <source>The district changed this record meanwhile; check its status first.</source>
        <translation>Kabupaten sudah mengubah data ini sementara itu; periksa dulu statusnya.</translation>
    </message>
    <message>
        <source>The district has already decided on this record; it can no longer be changed.</source>
        <translation>Kabupaten sudah memutuskan data ini; data ini tidak dapat diubah lagi.</translation>
    </message>
    <message>
        <source>This record is for another village than this computer&apos;s. Change the village, or record it on that village&apos;s KIM computer.</source>
        <translation>Data ini untuk desa lain, bukan desa komputer ini. Ubah desa/kelurahannya, atau catat di komputer KIM desa tersebut.</translation>
    </message>
    <message>
        <source>The hub already uses this record&apos;s number for something else. Contact Diskominfo-SP.</source>
        <translation>Nomor data ini sudah dipakai untuk data lain di hub. Hubungi Diskominfo-SP.</translation>
    </message>
    <message>
        <source>Another report at the hub already has this tracking number. Contact Diskominfo-SP.</source>
        <translation>Laporan lain di hub sudah memakai nomor pelacakan ini. Hubungi Diskominfo-SP.</translation>
    </message>
    <message>
        <source>The record arrived damaged at the hub. Send it again.</source>
        <translation>Data tiba di hub dalam keadaan rusak. Kirim lagi.</translation>
    </message>
    <message>
        <source>Some entries do not meet the hub&apos;s rules: %1.</source>
        <translation>Beberapa isian belum sesuai aturan hub: %1.</translation>
    </message>
    <message>
        <source>This computer&apos;s clock differs from the hub by %1 minutes; the data stays safe.</source>
        <translation>Jam komputer berbeda %1 menit dari hub; data tetap aman.</translation>
    </message>
</context>
</TS>
