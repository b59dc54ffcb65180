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
        <source>The photos are still being checked; try again in a moment.</source>
        <translation>Foto masih diperiksa; coba lagi sebentar lagi.</translation>
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
        <source>&amp;Documentation (photos, signed attendance sheet)</source>
        <translation>D&amp;okumentasi (foto, daftar hadir bertanda tangan)</translation>
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
        <source>Co&amp;verage</source>
        <translation>&amp;Cakupan</translation>
    </message>
    <message>
        <source>Sessions and participants per kecamatan and village, and KIMs without a recent session</source>
        <translation>Kegiatan dan peserta per kecamatan dan desa/kelurahan, serta KIM tanpa kegiatan terbaru</translation>
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
    <message>
        <source>Documentation</source>
        <translation>Dokumentasi</translation>
    </message>
</context>
<context>
    <name>ActivityStatusBanner</name>
    <message>
        <source>(no note)</source>
        <translation>(tanpa catatan)</translation>
    </message>
    <message>
        <source>%1: the district returned this session for correction. Note: %2. Correct it, then submit it again.</source>
        <translation>%1: kabupaten mengembalikan kegiatan ini untuk diperbaiki. Catatan: %2. Perbaiki, lalu kirim lagi.</translation>
    </message>
    <message>
        <source>%1 by the district. Note: %2</source>
        <translation>%1 oleh kabupaten. Catatan: %2</translation>
    </message>
    <message>
        <source>The district hub could not accept this session: %1</source>
        <translation>Hub kabupaten tidak dapat menerima kegiatan ini: %1</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
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
        <source>District note</source>
        <translation>Catatan kabupaten</translation>
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
    <name>BackupBox</name>
    <message>
        <source>none yet</source>
        <translation>belum ada</translation>
    </message>
    <message>
        <source>A restore from %1 is waiting: it is done when KIM Desktop starts again.</source>
        <translation>Pemulihan dari %1 sedang menunggu: dilakukan saat KIM Desktop dibuka lagi.</translation>
    </message>
    <message>
        <source>Making a backup…</source>
        <translation>Sedang membuat cadangan…</translation>
    </message>
    <message>
        <source>Backup made: %1</source>
        <translation>Cadangan dibuat: %1</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Pulihkan cadangan</translation>
    </message>
    <message>
        <source>There is no usable backup in %1.</source>
        <translation>Tidak ada cadangan yang dapat dipakai di %1.</translation>
    </message>
    <message>
        <source>Restore the backup of %1 (%2 complaints)? Everything recorded after that time will not be in the restored data; a copy of the current data is kept in the backup folder first. KIM Desktop does the restore when it starts again.</source>
        <translation>Pulihkan cadangan tanggal %1 (%2 pengaduan)? Semua yang dicatat setelah waktu itu tidak akan ada di data yang dipulihkan; salinan data saat ini disimpan dulu di folder cadangan. KIM Desktop melakukan pemulihan saat dibuka lagi.</translation>
    </message>
    <message>
        <source>Restore at the next start</source>
        <translation>Pulihkan saat aplikasi dibuka lagi</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Close KIM Desktop now? Start it again to finish the restore.</source>
        <translation>Tutup KIM Desktop sekarang? Buka lagi untuk menyelesaikan pemulihan.</translation>
    </message>
    <message>
        <source>Close now</source>
        <translation>Tutup sekarang</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Nanti</translation>
    </message>
    <message>
        <source>Export diagnostics</source>
        <translation>Ekspor diagnostik</translation>
    </message>
    <message>
        <source>Zip files (*.zip)</source>
        <translation>Berkas zip (*.zip)</translation>
    </message>
    <message>
        <source>Saved as %1.

It holds the log files, the program versions, the sync state and counts of records and backups. It holds no personal data: no names, NIK, phone numbers, addresses or complaint texts. Send it to district IT when they ask for it.</source>
        <translation>Disimpan sebagai %1.

Berkas ini berisi catatan log, versi program, keadaan sinkronisasi, serta jumlah data dan cadangan. Tidak ada data pribadi di dalamnya: tidak ada nama, NIK, nomor telepon, alamat, atau isi pengaduan. Kirimkan ke petugas TI kabupaten bila mereka memintanya.</translation>
    </message>
    <message>
        <source>Diagnostics saved as %1</source>
        <translation>Diagnostik disimpan sebagai %1</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Cadangan</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Folder cadangan</translation>
    </message>
    <message>
        <source>Newest backup</source>
        <translation>Cadangan terbaru</translation>
    </message>
    <message>
        <source>Daily backups kept</source>
        <translation>Cadangan harian yang disimpan</translation>
    </message>
    <message>
        <source> days</source>
        <translation> hari</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Cadangkan sekarang</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>Pulihkan…</translation>
    </message>
    <message>
        <source>Cancel the restore</source>
        <translation>Batalkan pemulihan</translation>
    </message>
</context>
<context>
    <name>BundleImportBar</name>
    <message>
        <source>Import &amp;USB bundle…</source>
        <extracomment>the hub refuses larger uploads; checked here first to say so plainly</extracomment>
        <translation>Impor bundel &amp;USB…</translation>
    </message>
    <message>
        <source>Save receipt again…</source>
        <translation>Simpan tanda terima lagi…</translation>
    </message>
    <message>
        <source>Choose the village&apos;s USB bundle</source>
        <translation>Pilih bundel USB dari desa</translation>
    </message>
    <message>
        <source>KIM bundles (*.kimbundle *.zip);;All files (*)</source>
        <translation>Bundel KIM (*.kimbundle *.zip);;Semua berkas (*)</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Mengimpor %1…</translation>
    </message>
    <message>
        <source>Save the receipt for the village</source>
        <translation>Simpan tanda terima untuk desa</translation>
    </message>
    <message>
        <source>Bundle of %1 imported: %2 accepted, %3 already at the hub, %4 set aside.</source>
        <translation>Bundel dari %1 diimpor: %2 diterima, %3 sudah ada di hub, %4 disisihkan.</translation>
    </message>
    <message>
        <source>Receipt saved: %1. Take it back to the village.</source>
        <translation>Tanda terima disimpan: %1. Bawa kembali ke desa.</translation>
    </message>
    <message>
        <source>The receipt is not saved yet.</source>
        <translation>Tanda terima belum disimpan.</translation>
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
        <source>More than %1 reports (%2 shown)</source>
        <translation>Lebih dari %1 laporan (%2 ditampilkan)</translation>
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
    <name>CoverageTab</name>
    <message>
        <source>KIM villages: as published by the district.</source>
        <translation>Desa KIM: sesuai daftar yang diterbitkan kabupaten.</translation>
    </message>
    <message>
        <source>KIM villages: the district has not published its list, so the villages with an enrolled operator desk count.</source>
        <translation>Desa KIM: kabupaten belum menerbitkan daftarnya, jadi yang dihitung adalah desa yang memiliki perangkat operator terdaftar.</translation>
    </message>
    <message>
        <source>Participants: men (L) %1, women (P) %2.</source>
        <translation>Peserta: laki-laki (L) %1, perempuan (P) %2.</translation>
    </message>
    <message>
        <source>Sessions per kecamatan</source>
        <translation>Sesi per kecamatan</translation>
    </message>
    <message>
        <source>KIM villages without a session in 90 days</source>
        <translation>Desa KIM tanpa sesi dalam 90 hari</translation>
    </message>
    <message>
        <source>Socialization sessions by kecamatan</source>
        <translation>Sesi sosialisasi per kecamatan</translation>
    </message>
    <message>
        <source>No sessions in this period.</source>
        <translation>Tidak ada sesi pada periode ini.</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sesi</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Peserta</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>Desa</translation>
    </message>
    <message>
        <source>Last session</source>
        <translation>Sesi terakhir</translation>
    </message>
    <message>
        <source>never</source>
        <translation>belum pernah</translation>
    </message>
</context>
<context>
    <name>CoverageView</name>
    <message>
        <source>Socialization coverage</source>
        <translation>Cakupan sosialisasi</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Muat ulang</translation>
    </message>
    <message>
        <source>Sessions per kecamatan</source>
        <translation>Kegiatan per kecamatan</translation>
    </message>
    <message>
        <source>Participants by gender per kecamatan</source>
        <translation>Peserta menurut jenis kelamin per kecamatan</translation>
    </message>
    <message>
        <source>Men (L)</source>
        <translation>Laki-laki (L)</translation>
    </message>
    <message>
        <source>Women (P)</source>
        <translation>Perempuan (P)</translation>
    </message>
    <message>
        <source>No sessions yet</source>
        <translation>Belum ada kegiatan</translation>
    </message>
    <message>
        <source>Sessions per &amp;village</source>
        <translation>Kegiatan per &amp;desa/kelurahan</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Menghitung…</translation>
    </message>
    <message>
        <source>%1 sessions with %2 participants (men %3, women %4, not recorded %5). Submitted sessions are counted, except rejected ones; drafts are not.</source>
        <translation>%1 kegiatan dengan %2 peserta (laki-laki %3, perempuan %4, tidak dicatat %5). Kegiatan yang sudah dikirim dihitung, kecuali yang ditolak; draf tidak dihitung.</translation>
    </message>
    <message>
        <source>Villages with a KIM but no session since %1</source>
        <translation>Desa/kelurahan yang memiliki KIM tetapi tanpa kegiatan sejak %1</translation>
    </message>
    <message>
        <source>never</source>
        <translation>belum pernah</translation>
    </message>
    <message>
        <source>last session %1</source>
        <translation>kegiatan terakhir %1</translation>
    </message>
    <message>
        <source>None: every KIM held a session.</source>
        <translation>Tidak ada: setiap KIM sudah mengadakan kegiatan.</translation>
    </message>
    <message>
        <source>The villages with a KIM are those the district published.</source>
        <translation>Desa yang memiliki KIM adalah yang diterbitkan oleh kabupaten.</translation>
    </message>
    <message>
        <source>The district has not published which villages have a KIM, so only this office&apos;s own village is checked.</source>
        <translation>Kabupaten belum menerbitkan desa mana yang memiliki KIM, jadi hanya desa kantor ini yang diperiksa.</translation>
    </message>
    <message>
        <source>The district has not published which villages have a KIM and this computer is not set up for one, so no village is checked.</source>
        <translation>Kabupaten belum menerbitkan desa mana yang memiliki KIM dan komputer ini belum diatur untuk satu KIM, jadi tidak ada desa yang diperiksa.</translation>
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
    <name>DecisionPanel</name>
    <message>
        <source>Decision</source>
        <translation>Keputusan</translation>
    </message>
    <message>
        <source>Category and agency</source>
        <translation>Kategori dan instansi</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Verifikasi</translation>
    </message>
    <message>
        <source>Return to village</source>
        <translation>Kembalikan ke desa</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Tolak</translation>
    </message>
    <message>
        <source>Note for the village (required when returning)</source>
        <translation>Catatan untuk desa (wajib bila dikembalikan)</translation>
    </message>
    <message>
        <source>— reason for rejecting —</source>
        <translation>— alasan penolakan —</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Catatan</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Alasan</translation>
    </message>
    <message>
        <source>&amp;Category</source>
        <translation>Kate&amp;gori</translation>
    </message>
    <message>
        <source>&amp;Agency</source>
        <translation>I&amp;nstansi</translation>
    </message>
    <message>
        <source>Save category and agency</source>
        <translation>Simpan kategori dan instansi</translation>
    </message>
    <message>
        <source>Note: at most %1 characters.</source>
        <translation>Catatan: paling banyak %1 karakter.</translation>
    </message>
    <message>
        <source>Note: required when returning a record to the village; say what the village must correct.</source>
        <translation>Catatan: wajib diisi bila catatan dikembalikan ke desa; sebutkan apa yang harus diperbaiki desa.</translation>
    </message>
    <message>
        <source>Reason: choose why the record is rejected.</source>
        <translation>Alasan: pilih mengapa catatan ditolak.</translation>
    </message>
    <message>
        <source>Reason “duplicate”: choose the other report in “Possible duplicates” first.</source>
        <translation>Alasan “duplikat”: pilih dulu laporan lainnya di “Kemungkinan duplikat”.</translation>
    </message>
    <message>
        <source>Sending the decision…</source>
        <translation>Mengirim keputusan…</translation>
    </message>
    <message>
        <source>Decision saved at the hub.</source>
        <translation>Keputusan tersimpan di hub.</translation>
    </message>
    <message>
        <source>Locked: %1 is reviewing this record.</source>
        <translation>Terkunci: %1 sedang meninjau catatan ini.</translation>
    </message>
    <message>
        <source>Category: choose one from the list.</source>
        <translation>Kategori: pilih salah satu dari daftar.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Menyimpan…</translation>
    </message>
    <message>
        <source>Category and agency saved.</source>
        <translation>Kategori dan instansi tersimpan.</translation>
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
        <source>Your login to the hub has expired.</source>
        <translation>Sesi masuk Anda ke hub sudah berakhir.</translation>
    </message>
    <message>
        <source>Log in again; nothing was changed.</source>
        <translation>Masuk lagi; tidak ada yang berubah.</translation>
    </message>
    <message>
        <source>Too many login attempts.</source>
        <translation>Terlalu banyak percobaan masuk.</translation>
    </message>
    <message>
        <source>Wait 15 minutes, then try again.</source>
        <translation>Tunggu 15 menit, lalu coba lagi.</translation>
    </message>
    <message>
        <source>Another reviewer is working on this record.</source>
        <translation>Peninjau lain sedang memeriksa catatan ini.</translation>
    </message>
    <message>
        <source>Open another record or try again later.</source>
        <translation>Buka catatan lain atau coba lagi nanti.</translation>
    </message>
    <message>
        <source>The bundle was refused: it was changed, damaged or is not from a known computer.</source>
        <translation>Bundel ditolak: isinya diubah, rusak, atau bukan dari komputer yang dikenal.</translation>
    </message>
    <message>
        <source>Ask the village to make a new bundle.</source>
        <translation>Minta desa membuat bundel baru.</translation>
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
    <name>ForwardPanel</name>
    <message>
        <source>Forwarding to SP4N-LAPOR!</source>
        <translation>Penerusan ke SP4N-LAPOR!</translation>
    </message>
    <message>
        <source>Forward via the LAPOR! API</source>
        <translation>Teruskan lewat API LAPOR!</translation>
    </message>
    <message>
        <source>Forward by hand</source>
        <translation>Teruskan manual</translation>
    </message>
    <message>
        <source>Show the manual sheet</source>
        <translation>Tampilkan lembar manual</translation>
    </message>
    <message>
        <source>Save tracking id</source>
        <translation>Simpan nomor pelacakan</translation>
    </message>
    <message>
        <source>e.g. LPR-2026-000123</source>
        <translation>mis. LPR-2026-000123</translation>
    </message>
    <message>
        <source>Status as shown at lapor.go.id</source>
        <translation>Status seperti tertulis di lapor.go.id</translation>
    </message>
    <message>
        <source>Save LAPOR! status</source>
        <translation>Simpan status LAPOR!</translation>
    </message>
    <message>
        <source>(same status)</source>
        <translation>(status sama)</translation>
    </message>
    <message>
        <source>LAPOR! tracking id</source>
        <translation>Nomor pelacakan LAPOR!</translation>
    </message>
    <message>
        <source>LAPOR! status</source>
        <translation>Status LAPOR!</translation>
    </message>
    <message>
        <source>Not forwarded yet.</source>
        <translation>Belum diteruskan.</translation>
    </message>
    <message>
        <source>LAPOR! API</source>
        <translation>API LAPOR!</translation>
    </message>
    <message>
        <source>by hand</source>
        <translation>manual</translation>
    </message>
    <message>
        <source>Forwarding (%1): %2, attempts %3.</source>
        <translation>Penerusan (%1): %2, percobaan %3.</translation>
    </message>
    <message>
        <source>LAPOR! tracking id: %1.</source>
        <translation>Nomor pelacakan LAPOR!: %1.</translation>
    </message>
    <message>
        <source>Last problem: %1 (next try %2).</source>
        <translation>Masalah terakhir: %1 (dicoba lagi %2).</translation>
    </message>
    <message>
        <source>Forwarding…</source>
        <translation>Meneruskan…</translation>
    </message>
    <message>
        <source>Queued for SP4N-LAPOR!.</source>
        <translation>Masuk antrean ke SP4N-LAPOR!.</translation>
    </message>
    <message>
        <source>LAPOR! tracking id: letters, digits and “-” only, 1 to 64 characters.</source>
        <translation>Nomor pelacakan LAPOR!: hanya huruf, angka dan “-”, 1 sampai 64 karakter.</translation>
    </message>
    <message>
        <source>Tracking id saved.</source>
        <translation>Nomor pelacakan tersimpan.</translation>
    </message>
    <message>
        <source>LAPOR! status: type the status as LAPOR! shows it.</source>
        <translation>Status LAPOR!: ketik status seperti yang ditampilkan LAPOR!.</translation>
    </message>
    <message>
        <source>LAPOR! status saved.</source>
        <translation>Status LAPOR! tersimpan.</translation>
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
    <name>LaporSheetDialog</name>
    <message>
        <source>&amp;Copy</source>
        <extracomment>statuses from which a complaint can be forwarded or carry a LAPOR! status</extracomment>
        <translation>&amp;Salin</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Cetak…</translation>
    </message>
    <message>
        <source>Key this in at lapor.go.id, then enter the LAPOR! tracking id in the review workspace.</source>
        <translation>Ketik ini di lapor.go.id, lalu isikan nomor pelacakan LAPOR! di ruang peninjauan.</translation>
    </message>
    <message>
        <source>Sheet for SP4N-LAPOR!</source>
        <translation>Lembar untuk SP4N-LAPOR!</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Tersalin</translation>
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
        <extracomment>English source text, translated in the ``MainWindow`` context (mark it with ``QT_TRANSLATE_NOOP(&quot;MainWindow&quot;, …)`` so the translation tools find it) the name of a ``QStyle.StandardPixmap`` (a name, so that the first frame, which has no icons yet, does not load QStyle&apos;s enums) builds the page and connects its signals to the window; called once, on first show called every time the page is shown (e.g. to load what may have changed) whether the device&apos;s user sees the page (e.g. reviewers only) built with the window rather than on first show: the page follows signals while hidden (the sync page shows the outcome of a run that ended while another page was shown)</extracomment>
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
    <message>
        <source>Review</source>
        <translation>Tinjauan</translation>
    </message>
    <message>
        <source>Opening the data…</source>
        <extracomment>The UI language, mirrored from the preferences in the view settings so that the first frame speaks it before the store is open.</extracomment>
        <translation>Membuka data…</translation>
    </message>
</context>
<context>
    <name>MonthlyReport</name>
    <message>
        <source>MONTHLY REPORT ON PUBLIC COMPLAINTS</source>
        <translation>LAPORAN BULANAN PENGADUAN MASYARAKAT</translation>
    </message>
    <message>
        <source>Diskominfo-SP of Kabupaten Luwu Timur · Kelompok Informasi Masyarakat (KIM)</source>
        <translation>Diskominfo-SP Kabupaten Luwu Timur · Kelompok Informasi Masyarakat (KIM)</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Wilayah</translation>
    </message>
    <message>
        <source>Whole kabupaten</source>
        <translation>Seluruh kabupaten</translation>
    </message>
    <message>
        <source>Kecamatan %1</source>
        <translation>Kecamatan %1</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Ringkasan</translation>
    </message>
    <message>
        <source>Complaints received</source>
        <translation>Pengaduan diterima</translation>
    </message>
    <message>
        <source>Past the deadline (overdue)</source>
        <translation>Lewat tenggat</translation>
    </message>
    <message>
        <source>Socialization sessions</source>
        <translation>Sesi sosialisasi</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Peserta</translation>
    </message>
    <message>
        <source>%1 (men %2, women %3)</source>
        <translation>%1 (laki-laki %2, perempuan %3)</translation>
    </message>
    <message>
        <source>Complaints by kecamatan</source>
        <translation>Pengaduan per kecamatan</translation>
    </message>
    <message>
        <source>Complaints by category</source>
        <translation>Pengaduan per kategori</translation>
    </message>
    <message>
        <source>Complaints by status</source>
        <translation>Pengaduan per status</translation>
    </message>
    <message>
        <source>Socialization coverage</source>
        <translation>Cakupan sosialisasi</translation>
    </message>
    <message>
        <source>KIM villages without a session in the last 90 days</source>
        <translation>Desa KIM tanpa sesi dalam 90 hari terakhir</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>Desa</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Jumlah</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Persentase</translation>
    </message>
    <message>
        <source>Last session</source>
        <translation>Sesi terakhir</translation>
    </message>
    <message>
        <source>never</source>
        <translation>belum pernah</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>Tidak ada.</translation>
    </message>
    <message>
        <source>Every KIM village had a session.</source>
        <translation>Semua desa KIM sudah mendapat sesi.</translation>
    </message>
    <message>
        <source>Made on %1 from the data of the district hub. Complaints are counted once, at their latest revision; dates are WITA. This report contains no reporter identity.</source>
        <translation>Dibuat pada %1 dari data hub kabupaten. Setiap pengaduan dihitung sekali, pada revisi terakhirnya; tanggal dalam WITA. Laporan ini tidak memuat identitas pelapor.</translation>
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
    <name>RecordPanel</name>
    <message>
        <source>Show &amp;identity</source>
        <translation>Tampilkan &amp;identitas</translation>
    </message>
    <message>
        <source>The hub records who looked at the reporter&apos;s identity, when, and for which record.</source>
        <translation>Hub mencatat siapa yang melihat identitas pelapor, kapan, dan untuk catatan mana.</translation>
    </message>
    <message>
        <source>Status history</source>
        <translation>Riwayat status</translation>
    </message>
    <message>
        <source>Possible duplicates</source>
        <translation>Kemungkinan duplikat</translation>
    </message>
    <message>
        <source>&amp;Duplicate of this</source>
        <translation>&amp;Duplikat dari ini</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Oleh</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <source>Similarity</source>
        <translation>Kemiripan</translation>
    </message>
    <message>
        <source>Tracking no.</source>
        <translation>No. pelacakan</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>Desa</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Judul</translation>
    </message>
    <message>
        <source>You are reviewing this record; other reviewers cannot change it meanwhile.</source>
        <translation>Anda sedang meninjau catatan ini; peninjau lain tidak dapat mengubahnya selama itu.</translation>
    </message>
    <message>
        <source>Locked: %1 is reviewing this record. You can read it, but not decide.</source>
        <translation>Terkunci: %1 sedang meninjau catatan ini. Anda dapat membacanya, tetapi tidak dapat memutuskan.</translation>
    </message>
    <message>
        <source>This record could not be locked for you.</source>
        <translation>Catatan ini tidak dapat dikunci untuk Anda.</translation>
    </message>
    <message>
        <source>The hub does not offer duplicate hints yet.</source>
        <translation>Hub belum menyediakan petunjuk duplikat.</translation>
    </message>
    <message>
        <source>No similar reports found.</source>
        <translation>Tidak ada laporan serupa.</translation>
    </message>
    <message>
        <source>Similar reports from the last weeks; choose one and press “Duplicate of this” to reject this record as its duplicate.</source>
        <translation>Laporan serupa dari beberapa minggu terakhir; pilih satu lalu tekan “Duplikat dari ini” untuk menolak catatan ini sebagai duplikatnya.</translation>
    </message>
    <message>
        <source>Choose a record in the list.</source>
        <translation>Pilih catatan di daftar.</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Instansi</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Diterima</translation>
    </message>
    <message>
        <source>LAPOR! tracking id</source>
        <translation>Nomor pelacakan LAPOR!</translation>
    </message>
    <message>
        <source>LAPOR! status</source>
        <translation>Status LAPOR!</translation>
    </message>
    <message>
        <source>The reporter’s identity is hidden.</source>
        <translation>Identitas pelapor disembunyikan.</translation>
    </message>
    <message>
        <source>Reporter</source>
        <translation>Pelapor</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Uraian</translation>
    </message>
    <message>
        <source>Date of the incident</source>
        <translation>Tanggal kejadian</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Lokasi</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Tempat</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Saluran</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Topik</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Ringkasan</translation>
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
        <source>Phone</source>
        <translation>Telepon</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Alamat</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>(no identity given)</source>
        <translation>(identitas tidak diisi)</translation>
    </message>
    <message>
        <source>Identity shown. This was logged at the hub under your name, with the time and the record.</source>
        <translation>Identitas ditampilkan. Ini dicatat di hub atas nama Anda, beserta waktu dan catatannya.</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>KIM Desktop: data file problem</source>
        <translation>KIM Desktop: masalah berkas data</translation>
    </message>
    <message>
        <source>The data file of KIM Desktop is damaged. This can happen after a power cut or a disk fault.</source>
        <translation>Berkas data KIM Desktop rusak. Ini dapat terjadi setelah listrik padam atau karena kerusakan disk.</translation>
    </message>
    <message>
        <source>The data file of KIM Desktop cannot be read: it is no longer a KIM data file (it may have been overwritten or cut short).</source>
        <translation>Berkas data KIM Desktop tidak dapat dibaca: berkas itu bukan lagi berkas data KIM (mungkin tertimpa atau terpotong).</translation>
    </message>
    <message>
        <source>The data file of KIM Desktop is empty, although the backups show that it held data. This can happen after a power cut.</source>
        <translation>Berkas data KIM Desktop kosong, padahal cadangan menunjukkan berkas itu berisi data. Ini dapat terjadi setelah listrik padam.</translation>
    </message>
    <message>
        <source>The data file of KIM Desktop cannot be opened (the disk may be failing or another program may be blocking the file).</source>
        <translation>Berkas data KIM Desktop tidak dapat dibuka (disk mungkin bermasalah atau berkas sedang dikunci program lain).</translation>
    </message>
    <message>
        <source>The damaged file is not deleted: it is kept in the backup folder so that district IT can try to rescue it.</source>
        <translation>Berkas yang rusak tidak dihapus: berkas itu disimpan di folder cadangan agar petugas TI kabupaten dapat mencoba menyelamatkannya.</translation>
    </message>
    <message>
        <source>There is no usable backup. You can start with empty data (the damaged file is kept) and ask district IT for help, or quit.</source>
        <translation>Tidak ada cadangan yang dapat dipakai. Anda dapat mulai dengan data kosong (berkas yang rusak tetap disimpan) dan meminta bantuan petugas TI kabupaten, atau keluar.</translation>
    </message>
    <message>
        <source>Newest good backup:</source>
        <translation>Cadangan baik terbaru:</translation>
    </message>
    <message>
        <source>Chosen backup:</source>
        <translation>Cadangan yang dipilih:</translation>
    </message>
    <message>
        <source>%1, holding %2 complaints and %3 activities. Everything recorded after that time is not in it.</source>
        <translation>%1, berisi %2 pengaduan dan %3 kegiatan. Semua yang dicatat setelah waktu itu tidak ada di dalamnya.</translation>
    </message>
    <message>
        <source>KIM Desktop starts with empty data. The damaged file is kept as %1; give it to district IT. Complaints already sent to the district are safe at the district hub.</source>
        <translation>KIM Desktop dimulai dengan data kosong. Berkas yang rusak disimpan sebagai %1; serahkan kepada petugas TI kabupaten. Pengaduan yang sudah terkirim ke kabupaten aman di server kabupaten.</translation>
    </message>
    <message>
        <source>The data was restored from the backup of %1 (%2 complaints).

What is missing: everything recorded or changed after %1. Complaints that were sent to the district before the damage are safe at the district hub, and their status comes back with the next sync. Complaints recorded after %1 that were not yet sent exist only in the damaged file: enter them again from the paper forms and receipts, or ask district IT to rescue them from it. Records waiting in the backup are sent again at the next sync; the hub recognises what it already has, so nothing is doubled.

The damaged file is kept as %3.</source>
        <translation>Data dipulihkan dari cadangan tanggal %1 (%2 pengaduan).

Yang hilang: semua yang dicatat atau diubah setelah %1. Pengaduan yang sudah terkirim ke kabupaten sebelum kerusakan aman di server kabupaten, dan statusnya kembali pada sinkronisasi berikutnya. Pengaduan yang dicatat setelah %1 dan belum terkirim hanya ada di berkas yang rusak: masukkan lagi dari formulir kertas dan tanda terima, atau minta petugas TI kabupaten menyelamatkannya dari berkas itu. Data yang menunggu di cadangan dikirim lagi pada sinkronisasi berikutnya; server kabupaten mengenali data yang sudah diterimanya, jadi tidak ada yang tercatat dua kali.

Berkas yang rusak disimpan sebagai %3.</translation>
    </message>
    <message>
        <source>%1: %2 complaints, %3 activities, %4</source>
        <translation>%1: %2 pengaduan, %3 kegiatan, %4</translation>
    </message>
    <message>
        <source>Restore from this backup</source>
        <translation>Pulihkan dari cadangan ini</translation>
    </message>
    <message>
        <source>Choose another backup…</source>
        <translation>Pilih cadangan lain…</translation>
    </message>
    <message>
        <source>Start with empty data</source>
        <translation>Mulai dengan data kosong</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Keluar</translation>
    </message>
    <message>
        <source>Open KIM Desktop</source>
        <translation>Buka KIM Desktop</translation>
    </message>
    <message>
        <source>The data was restored from the backup of %1, as asked in Settings. The data as it was before is kept as %2.</source>
        <translation>Data dipulihkan dari cadangan tanggal %1, sesuai permintaan di Pengaturan. Data sebelumnya disimpan sebagai %2.</translation>
    </message>
</context>
<context>
    <name>ReportsPanel</name>
    <message>
        <source>“To” date: must be the same as or after the “From” date.</source>
        <translation>Tanggal “sampai”: harus sama dengan atau sesudah tanggal “dari”.</translation>
    </message>
    <message>
        <source>Log in first: the reports come from the hub.</source>
        <translation>Masuk dulu: laporan diambil dari hub kabupaten.</translation>
    </message>
    <message>
        <source>Loading the report…</source>
        <translation>Memuat laporan…</translation>
    </message>
    <message>
        <source>Updated %1.</source>
        <translation>Diperbarui %1.</translation>
    </message>
    <message>
        <source>The report could not be loaded.</source>
        <translation>Laporan tidak dapat dimuat.</translation>
    </message>
    <message>
        <source>Complaints: &lt;b&gt;%1&lt;/b&gt; · past the deadline: &lt;b&gt;%2&lt;/b&gt; · socialization sessions: &lt;b&gt;%3&lt;/b&gt;</source>
        <translation>Pengaduan: &lt;b&gt;%1&lt;/b&gt; · lewat tenggat: &lt;b&gt;%2&lt;/b&gt; · sesi sosialisasi: &lt;b&gt;%3&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>Desa</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>Pengaduan</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Persentase</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Berkas CSV (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Buku kerja Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Save the export</source>
        <translation>Simpan ekspor</translation>
    </message>
    <message>
        <source>Downloading the export…</source>
        <translation>Mengunduh ekspor…</translation>
    </message>
    <message>
        <source>Save the monthly report</source>
        <translation>Simpan laporan bulanan</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Berkas PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Preparing the monthly report…</source>
        <translation>Menyiapkan laporan bulanan…</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Disimpan: %1</translation>
    </message>
    <message>
        <source>Nothing was saved.</source>
        <translation>Tidak ada yang disimpan.</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Bulan</translation>
    </message>
    <message>
        <source>Date range</source>
        <translation>Rentang tanggal</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Semua</translation>
    </message>
    <message>
        <source>All kecamatan</source>
        <translation>Semua kecamatan</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Periode:</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Dari</translation>
    </message>
    <message>
        <source>to</source>
        <translation>sampai</translation>
    </message>
    <message>
        <source>&amp;Kecamatan:</source>
        <translation>&amp;Kecamatan:</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Tampilkan</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Ekspor CSV…</translation>
    </message>
    <message>
        <source>Export XLSX…</source>
        <translation>Ekspor XLSX…</translation>
    </message>
    <message>
        <source>Monthly report (PDF)…</source>
        <translation>Laporan bulanan (PDF)…</translation>
    </message>
    <message>
        <source>For one month: choose “Month” as the period.</source>
        <translation>Untuk satu bulan: pilih “Bulan” sebagai periode.</translation>
    </message>
    <message>
        <source>Complaints by kecamatan</source>
        <translation>Pengaduan per kecamatan</translation>
    </message>
    <message>
        <source>Complaints by category (largest)</source>
        <translation>Pengaduan per kategori (terbanyak)</translation>
    </message>
    <message>
        <source>Complaints by status</source>
        <translation>Pengaduan per status</translation>
    </message>
    <message>
        <source>Complaints by month</source>
        <translation>Pengaduan per bulan</translation>
    </message>
    <message>
        <source>No data for this period.</source>
        <translation>Tidak ada data untuk periode ini.</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Grafik</translation>
    </message>
    <message>
        <source>By village</source>
        <translation>Per desa</translation>
    </message>
    <message>
        <source>Socialization coverage</source>
        <translation>Cakupan sosialisasi</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>daily</source>
        <translation>harian</translation>
    </message>
    <message>
        <source>made by hand</source>
        <translation>dibuat manual</translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation>sebelum pemulihan</translation>
    </message>
    <message>
        <source>before an update</source>
        <translation>sebelum pembaruan</translation>
    </message>
    <message>
        <source>before a change</source>
        <translation>sebelum perubahan</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Pulihkan cadangan</translation>
    </message>
    <message>
        <source>Choose the backup to restore. Everything recorded after its time will not be in the restored data.</source>
        <translation>Pilih cadangan yang akan dipulihkan. Semua yang dicatat setelah waktu cadangan itu tidak akan ada di data yang dipulihkan.</translation>
    </message>
    <message>
        <source>Made at</source>
        <translation>Dibuat pada</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Ukuran</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>Pengaduan</translation>
    </message>
</context>
<context>
    <name>ReturnedInbox</name>
    <message>
        <source>&amp;Needs correction (%1)</source>
        <translation>&amp;Perlu perbaikan (%1)</translation>
    </message>
    <message>
        <source>Records returned by the district for correction</source>
        <translation>Data yang dikembalikan kabupaten untuk diperbaiki</translation>
    </message>
</context>
<context>
    <name>ReturnedListModel</name>
    <message>
        <source>Complaint %1</source>
        <translation>Pengaduan %1</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Kegiatan</translation>
    </message>
    <message>
        <source>(no note)</source>
        <translation>(tanpa catatan)</translation>
    </message>
    <message>
        <source>%1 “%2” returned on %3. District note: %4</source>
        <translation>%1 “%2” dikembalikan pada %3. Catatan kabupaten: %4</translation>
    </message>
</context>
<context>
    <name>ReviewContext</name>
    <message>
        <source>Duplicate of another report</source>
        <translation>Duplikat laporan lain</translation>
    </message>
    <message>
        <source>Not about a public service</source>
        <translation>Bukan tentang pelayanan publik</translation>
    </message>
    <message>
        <source>Unclear, cannot be followed up</source>
        <translation>Tidak jelas, tidak dapat ditindaklanjuti</translation>
    </message>
    <message>
        <source>Abusive or offensive</source>
        <translation>Kasar atau menyinggung</translation>
    </message>
</context>
<context>
    <name>ReviewInbox</name>
    <message>
        <source>Needs review</source>
        <translation>Perlu ditinjau</translation>
    </message>
    <message>
        <source>All batches</source>
        <translation>Semua kiriman</translation>
    </message>
    <message>
        <source>Past the deadline</source>
        <translation>Lewat tenggat</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Saring:</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Muat ulang</translation>
    </message>
    <message>
        <source>Load the lists again from the hub (F5)</source>
        <translation>Muat ulang daftar dari hub (F5)</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>Desa</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Diterima</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <source>Counts per status</source>
        <translation>Jumlah per status</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Keadaan</translation>
    </message>
    <message>
        <source>Verify selected</source>
        <translation>Verifikasi yang dipilih</translation>
    </message>
    <message>
        <source>Tracking no.</source>
        <translation>No. pelacakan</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Tenggat</translation>
    </message>
    <message>
        <source>Working days late</source>
        <translation>Hari kerja terlambat</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Judul</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Revisi</translation>
    </message>
    <message>
        <source>Batches from the villages: %1</source>
        <translation>Kiriman dari desa: %1</translation>
    </message>
    <message>
        <source>Records past the deadline: %1</source>
        <translation>Catatan lewat tenggat: %1</translation>
    </message>
    <message>
        <source>Records of the chosen batch: %1</source>
        <translation>Catatan dalam kiriman terpilih: %1</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>Sudah diputuskan</translation>
    </message>
    <message>
        <source>Verifying %1 record(s)…</source>
        <translation>Memverifikasi %1 catatan…</translation>
    </message>
    <message>
        <source>Verified: %1.</source>
        <translation>Terverifikasi: %1.</translation>
    </message>
    <message>
        <source>Not verified (status changed or locked by another reviewer): %1.</source>
        <translation>Tidak terverifikasi (status berubah atau dikunci peninjau lain): %1.</translation>
    </message>
</context>
<context>
    <name>ReviewLoginBox</name>
    <message>
        <source>Log in as a district reviewer</source>
        <translation>Masuk sebagai peninjau kabupaten</translation>
    </message>
    <message>
        <source>&amp;Hub address</source>
        <translation>&amp;Alamat hub</translation>
    </message>
    <message>
        <source>User&amp;name</source>
        <translation>&amp;Nama pengguna</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>Kata &amp;sandi</translation>
    </message>
    <message>
        <source>&amp;Log in</source>
        <translation>&amp;Masuk</translation>
    </message>
    <message>
        <source>Hub address: required.</source>
        <translation>Alamat hub: wajib diisi.</translation>
    </message>
    <message>
        <source>Username: required.</source>
        <translation>Nama pengguna: wajib diisi.</translation>
    </message>
    <message>
        <source>Password: required.</source>
        <translation>Kata sandi: wajib diisi.</translation>
    </message>
    <message>
        <source>Hub address: must start with https:// (plain http:// only for this computer).</source>
        <translation>Alamat hub: harus diawali https:// (http:// biasa hanya untuk komputer ini sendiri).</translation>
    </message>
    <message>
        <source>Logging in…</source>
        <translation>Sedang masuk…</translation>
    </message>
    <message>
        <source>Wrong username or password.</source>
        <translation>Nama pengguna atau kata sandi salah.</translation>
    </message>
    <message>
        <source>Too many attempts: this account is locked for a while. Wait %1 minute(s), then try again.</source>
        <translation>Terlalu banyak percobaan: akun ini dikunci sementara. Tunggu %1 menit, lalu coba lagi.</translation>
    </message>
    <message>
        <source>Your login has expired. Log in again.</source>
        <translation>Sesi masuk Anda sudah berakhir. Silakan masuk lagi.</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Log &amp;out</source>
        <translation>Ke&amp;luar</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Peninjauan</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Dasbor</translation>
    </message>
    <message>
        <source>Sync health</source>
        <translation>Kesehatan sinkronisasi</translation>
    </message>
    <message>
        <source>Logged in as %1 at %2</source>
        <translation>Masuk sebagai %1 di %2</translation>
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
        <source>District CA certificate</source>
        <translation>Sertifikat CA kabupaten</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer)</source>
        <translation>Sertifikat (*.pem *.crt *.cer)</translation>
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
        <source>Choose…</source>
        <translation>Pilih…</translation>
    </message>
    <message>
        <source>none: the computer&apos;s trusted certificates</source>
        <translation>kosong: sertifikat tepercaya komputer ini</translation>
    </message>
    <message>
        <source>Allow INSECURE plain http:// to a hub on another computer (not encrypted)</source>
        <translation>Izinkan http:// biasa yang TIDAK AMAN ke hub di komputer lain (tanpa enkripsi)</translation>
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
        <source>Warning: this computer has no system keyring, so the key that protects reporters&apos; NIK, phone, e-mail and address is kept in a file in the data folder. Anyone who copies the whole folder can read them. Turn on the system keyring (Windows Credential Manager) and restart the app.</source>
        <translation>Peringatan: komputer ini tidak punya keyring sistem, jadi kunci yang melindungi NIK, telepon, e-mail dan alamat pelapor disimpan dalam berkas di folder data. Siapa pun yang menyalin seluruh folder itu dapat membacanya. Aktifkan keyring sistem (Windows Credential Manager) lalu buka ulang aplikasi.</translation>
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
    <name>SyncHealthPanel</name>
    <message>
        <source>no contact for more than %1 days</source>
        <translation>tidak ada kontak lebih dari %1 hari</translation>
    </message>
    <message>
        <source>clock off by more than %1 minutes</source>
        <translation>jam meleset lebih dari %1 menit</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 detik</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 menit</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 jam</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Log in first: sync health comes from the hub.</source>
        <translation>Masuk dulu: kesehatan sinkronisasi diambil dari hub kabupaten.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Memuat…</translation>
    </message>
    <message>
        <source>Updated %1.</source>
        <translation>Diperbarui %1.</translation>
    </message>
    <message>
        <source>Sync health could not be loaded.</source>
        <translation>Kesehatan sinkronisasi tidak dapat dimuat.</translation>
    </message>
    <message>
        <source>%1 villages · %2 silent for more than %3 days · %4 devices with a clock off by more than %5 minutes</source>
        <translation>%1 desa · %2 tanpa kontak lebih dari %3 hari · %4 perangkat dengan jam meleset lebih dari %5 menit</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Perbarui</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>Desa</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Perangkat</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>Kontak terakhir</translation>
    </message>
    <message>
        <source>never</source>
        <translation>belum pernah</translation>
    </message>
    <message>
        <source>Waiting for review</source>
        <translation>Menunggu tinjauan</translation>
    </message>
    <message>
        <source>Oldest waiting since</source>
        <translation>Menunggu paling lama sejak</translation>
    </message>
    <message>
        <source>Not yet sent from the village</source>
        <translation>Belum terkirim di desa</translation>
    </message>
    <message>
        <source>Oldest unsent since</source>
        <translation>Tertua belum terkirim sejak</translation>
    </message>
    <message>
        <source>App version</source>
        <translation>Versi aplikasi</translation>
    </message>
    <message>
        <source>Clock offset</source>
        <translation>Selisih jam</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Galat terakhir</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>Perhatian</translation>
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
<context>
    <name>VillageCoverageModel</name>
    <message>
        <source>Village</source>
        <translation>Desa/Kelurahan</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Kegiatan</translation>
    </message>
    <message>
        <source>Men (L)</source>
        <translation>Laki-laki (L)</translation>
    </message>
    <message>
        <source>Women (P)</source>
        <translation>Perempuan (P)</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Peserta</translation>
    </message>
    <message>
        <source>Last session</source>
        <translation>Kegiatan terakhir</translation>
    </message>
</context>
</TS>
