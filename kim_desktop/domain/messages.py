"""Domain layer: the text of each validation rule, in Indonesian and English.

Keys are rule codes; templates take ``{label}`` (the field's Indonesian or English label) and
rule parameters. Core code never writes UI text; this table is data the CLI and UI both show.
"""

from __future__ import annotations

import re

LABELS: dict[str, tuple[str, str]] = {
    "kind": ("Klasifikasi", "Classification"),
    "title": ("Judul laporan", "Title"),
    "body": ("Isi laporan", "Report text"),
    "incident_date": ("Tanggal kejadian", "Incident date"),
    "village_code": ("Desa/Kelurahan", "Village"),
    "location_detail": ("Lokasi kejadian", "Location"),
    "latitude": ("Lintang", "Latitude"),
    "longitude": ("Bujur", "Longitude"),
    "category_code": ("Kategori", "Category"),
    "agency_code": ("Instansi tujuan", "Target agency"),
    "reporter": ("Pelapor", "Reporter"),
    "reporter.name": ("Nama pelapor", "Reporter name"),
    "reporter.nik": ("NIK pelapor", "Reporter NIK"),
    "reporter.phone": ("No. HP pelapor", "Reporter phone"),
    "reporter.email": ("Email pelapor", "Reporter email"),
    "reporter.address": ("Alamat pelapor", "Reporter address"),
    "reporter.gender": ("Jenis kelamin pelapor", "Reporter gender"),
    "reporter.birth_year": ("Tahun lahir pelapor", "Reporter birth year"),
    "anonymous": ("Anonim", "Anonymous"),
    "confidential": ("Rahasia", "Confidential"),
    "consent": ("Persetujuan", "Consent"),
    "channel": ("Sumber", "Channel"),
    "activity_id": ("Kegiatan", "Activity"),
    "attachments": ("Lampiran", "Attachments"),
    "topic": ("Tema", "Topic"),
    "starts_at": ("Waktu mulai", "Start time"),
    "ends_at": ("Waktu selesai", "End time"),
    "venue": ("Tempat", "Venue"),
    "organizer": ("Penyelenggara", "Organizer"),
    "facilitators": ("Narasumber", "Facilitators"),
    "summary": ("Notulen", "Summary"),
    "outcomes": ("Hasil", "Outcomes"),
    "participants": ("Daftar hadir", "Participants"),
    "complaint_ids": ("Laporan terkait", "Related complaints"),
}

RULES: dict[str, tuple[str, str]] = {
    "required": ("{label} wajib diisi.", "{label} is required."),
    "too_short": ("{label} minimal {min} karakter (sekarang {n}).",
                  "{label} needs at least {min} characters (now {n})."),
    "too_long": ("{label} maksimal {max} karakter (sekarang {n}).",
                 "{label} allows at most {max} characters (now {n})."),
    "not_a_date": ("{label} harus tanggal dengan format YYYY-MM-DD atau dd/mm/yyyy.",
                   "{label} must be a date as YYYY-MM-DD or dd/mm/yyyy."),
    "not_a_datetime": ("{label} harus tanggal dan jam (YYYY-MM-DDTHH:MM, WITA bila tanpa zona).",
                       "{label} must be a date and time (YYYY-MM-DDTHH:MM, WITA if no zone)."),
    "in_future": ("{label} tidak boleh di masa depan.", "{label} cannot be in the future."),
    "older_than_30_days": (
        "{label} lebih dari 30 hari yang lalu; pengaduan sebaiknya diajukan paling lambat 30 hari "
        "setelah layanan diterima.",
        "{label} is more than 30 days ago; complaints should be filed within 30 days of the "
        "service."),
    "unknown_village": (
        "{label}: kode '{value}' tidak ada dalam daftar desa/kelurahan. Lihat kode yang sah dengan "
        "'kim reference villages'.",
        "{label}: code '{value}' is not a known desa/kelurahan. List valid codes with "
        "'kim reference villages'."),
    "unknown_category": (
        "{label}: kode '{value}' tidak ada dalam daftar kategori SP4N-LAPOR!. Lihat kode yang sah "
        "dengan 'kim reference categories'.",
        "{label}: code '{value}' is not a known SP4N-LAPOR! category. List valid codes with "
        "'kim reference categories'."),
    "unknown_agency": (
        "{label}: kode '{value}' tidak ada dalam daftar instansi. Lihat kode yang sah dengan "
        "'kim reference agencies'.",
        "{label}: code '{value}' is not a known agency. List valid codes with "
        "'kim reference agencies'."),
    "not_one_of": ("{label} harus salah satu dari: {choices}.", "{label} must be one of: {choices}."),
    "not_a_number": ("{label} harus berupa angka.", "{label} must be a number."),
    "out_of_range": ("{label} harus antara {min} dan {max}.", "{label} must be between {min} and {max}."),
    "coordinates_pair": ("Lintang dan bujur harus diisi keduanya atau dikosongkan keduanya.",
                         "Latitude and longitude go together: give both or neither."),
    "nik_format": ("{label} harus 16 angka.", "{label} must be 16 digits."),
    "nik_region": ("{label}: 6 angka pertama bukan kode wilayah yang masuk akal.",
                   "{label}: the first 6 digits are not a plausible region code."),
    "phone_format": ("{label} harus nomor HP Indonesia, mis. 0812xxxxxxxx atau +62812xxxxxxxx.",
                     "{label} must be an Indonesian mobile number, e.g. 0812xxxxxxxx or "
                     "+62812xxxxxxxx."),
    "email_format": ("{label} bukan alamat email yang sah.", "{label} is not a valid email address."),
    "identity_required": (
        "Nama pelapor dan cara menghubunginya (No. HP atau alamat) wajib diisi, kecuali pelapor "
        "menolak: centang Anonim.",
        "The reporter's name and a way to reach them (phone or address) are required, unless "
        "the resident refuses: tick Anonymous."),
    "consent_required": (
        "Laporan hanya bisa dikirim bila warga menyetujui laporannya diteruskan ke kabupaten dan "
        "SP4N-LAPOR!.",
        "The report can only be submitted when the resident agrees that it is sent to the "
        "district and SP4N-LAPOR!."),
    "not_a_uuid": ("{label} harus berupa ID (UUID) yang sah.", "{label} must be a valid id (UUID)."),
    "not_a_list": ("{label} harus berupa daftar.", "{label} must be a list."),
    "not_an_object": ("{label} harus berupa objek.", "{label} must be an object."),
    "not_boolean": ("{label} harus true atau false.", "{label} must be true or false."),
    "unknown_field": ("Kolom '{value}' tidak dikenal.", "Field '{value}' is not known."),
    "end_before_start": ("{label} harus setelah waktu mulai.", "{label} must be after the start."),
    "gender": ("{label} harus L (laki-laki) atau P (perempuan).", "{label} must be L (male) or P (female)."),
    "too_many": ("{label}: paling banyak {max} berkas.", "{label}: at most {max} files."),
    "file_missing": ("{label}: berkas '{value}' tidak ditemukan.", "{label}: file '{value}' not found."),
    "file_too_large": ("{label}: berkas '{value}' lebih dari {max} MB.",
                       "{label}: file '{value}' is larger than {max} MB."),
    "file_type": ("{label}: berkas '{value}' bukan foto JPEG/PNG atau PDF.",
                  "{label}: file '{value}' is not a JPEG/PNG photo or a PDF."),
    "file_unreadable": ("{label}: berkas '{value}' tidak bisa dibaca.",
                        "{label}: file '{value}' cannot be read."),
    "photo_privacy": (
        "Foto dapat mengungkap identitas pelapor (wajah, rumah, sekitar). Periksa sebelum dikirim.",
        "Photos can reveal who reported (faces, houses, surroundings). Check them before sending."),
}


def render(code: str, field: str, **params: object) -> tuple[str, str]:
    """(Indonesian, English) text of rule ``code`` for ``field``."""
    label_id, label_en = LABELS.get(field, LABELS.get(field.split("[")[0], (field, field)))
    row = re.fullmatch(r"([^\[]*)\[(\d{1,9})\](?:\.(.*))?", field)
    if row and field not in LABELS:
        # participants[3].gender → "Daftar hadir baris 4: Jenis kelamin"; complaint_ids[0]
        base, idx, sub = row.groups()
        label_id = f"{LABELS.get(base, (base, base))[0]} baris {int(idx) + 1}: {sub or ''}".strip()
        label_en = f"{LABELS.get(base, (base, base))[1]} row {int(idx) + 1}: {sub or ''}".strip()
    tid, ten = RULES[code]
    return (tid.format(label=label_id, **params), ten.format(label=label_en, **params))
