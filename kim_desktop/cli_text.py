"""Text of the `kim` command (Indonesian by default, English with ``KIM_LANG=en``).

Errors are explained by their stable ``code``, never by matching exception text.
"""

from __future__ import annotations

import os

from kim_desktop.domain.enums import STATUS_LABELS_ID
from kim_desktop.domain.errors import InvalidTransition, KimError, NotFound, ValidationFailed

TEXT: dict[str, tuple[str, str]] = {
    "file_not_found": ("Berkas tidak ditemukan: {path}", "File not found: {path}"),
    "file_unreadable": ("Berkas tidak bisa dibaca: {path} ({reason})",
                        "File cannot be read: {path} ({reason})"),
    "bad_json": ("Berkas JSON rusak: {path} baris {line} kolom {col}: {reason}",
                 "Malformed JSON: {path} line {line} column {col}: {reason}"),
    "json_not_objects": ("{path} harus berisi satu objek JSON atau daftar objek.",
                         "{path} must hold one JSON object or a list of objects."),
    "initialised": ("Perangkat siap: {village} (perangkat {device}, kode {tag})",
                    "Device set up: {village} (device {device}, tag {tag})"),
    "exported": ("{n} data diekspor ke {path}", "{n} records exported to {path}"),
    "unexpected": ("Terjadi kesalahan tak terduga. Rincian ada di berkas log: {path}",
                   "Something unexpected went wrong. Details are in the log file: {path}"),
    "invalid_header": ("Data tidak sah, tidak ada yang disimpan:", "Invalid input, nothing was saved:"),
    "not_found": ("{kind} '{key}' tidak ditemukan.", "{kind} '{key}' not found."),
    "invalid_transition": ("Tidak bisa: status sekarang '{current}' tidak boleh menjadi '{target}'.",
                           "Not allowed: status '{current}' cannot become '{target}'."),
    "not_initialised": ("Folder data ini belum disiapkan. Jalankan dulu: kim init --village KODE "
                        "--kim-name NAMA --operator NAMA",
                        "This data folder is not set up. Run first: kim init --village CODE "
                        "--kim-name NAME --operator NAME"),
    "store_locked": ("Basis data sedang dipakai program lain. Tutup aplikasi KIM lain lalu coba lagi.",
                     "The store is in use by another program. Close other KIM windows and retry."),
    "store_read_only": ("Folder data tidak bisa ditulisi. Periksa izin folder atau pilih folder lain.",
                        "The data folder is read-only. Check its permissions or choose another."),
    "disk_full": ("Disk penuh; tidak ada yang disimpan. Kosongkan ruang disk lalu coba lagi.",
                  "The disk is full; nothing was saved. Free some space and retry."),
    "store_too_new": ("Data ini dibuat oleh versi aplikasi yang lebih baru. Perbarui aplikasi; "
                      "data tidak diubah.",
                      "This data was written by a newer app version. Update the app; the data "
                      "was not changed."),
    "store_corrupt": ("Berkas data rusak atau bukan data KIM. Pulihkan dari cadangan terbaru "
                      "yang utuh: kim restore (atau kim restore BERKAS)",
                      "The data file is damaged or not a KIM store. Restore the newest sound "
                      "backup: kim restore (or kim restore FILE)"),
    "store": ("Basis data tidak bisa dipakai: {detail}", "The store cannot be used: {detail}"),
    "offline": ("Hub tidak dapat dihubungi. Data tetap tersimpan dan akan dikirim nanti.",
                "The hub cannot be reached. Data is kept and will be sent later."),
    "hub_unavailable": ("Hub sedang bermasalah. Data tetap tersimpan; coba lagi nanti.",
                        "The hub has a problem. Data is kept; try again later."),
    "outcome_unknown": ("Hasil pengiriman belum pasti; akan diperiksa pada sinkronisasi berikutnya.",
                        "The outcome of the last send is unknown; it is checked at the next sync."),
    "not_enrolled": ("Perangkat belum terdaftar di hub. Jalankan: kim enroll --hub URL --code KODE",
                     "This device is not enrolled. Run: kim enroll --hub URL --code CODE"),
    "enrolment_revoked": ("Pendaftaran perangkat ini dicabut oleh kabupaten. Minta kode baru dan "
                          "daftar ulang: kim enroll --hub URL --code KODE",
                          "This device's enrolment was revoked. Ask for a new code and enrol "
                          "again: kim enroll --hub URL --code CODE"),
    "enrolment_refused": ("Kode pendaftaran ditolak (salah, sudah dipakai, atau kedaluwarsa). "
                          "Minta kode baru ke Diskominfo-SP.",
                          "The enrolment code was refused (wrong, used or expired). Ask "
                          "Diskominfo-SP for a new one."),
    "update_required": ("Versi aplikasi ini terlalu lama untuk hub. Perbarui aplikasi KIM Desktop.",
                        "This app version is too old for the hub. Please update KIM Desktop."),
    "hub_refused": ("Hub menolak permintaan: {detail}", "The hub refused the request: {detail}"),
    "keyring_unavailable": ("Penyimpanan kunci sistem (keyring) tidak tersedia, jadi token "
                            "perangkat tidak bisa disimpan dan kode pendaftaran tidak dipakai. "
                            "Daftarkan dari aplikasi KIM Desktop (token disimpan selama aplikasi "
                            "terbuka) atau pasang keyring sistem.",
                            "No system keyring is available, so the device token cannot be kept "
                            "and the enrolment code was not used. Enrol from the KIM Desktop app "
                            "(the token is kept while it runs) or install a system keyring."),
    "sync_failed": ("Sinkronisasi gagal: {detail}", "Sync failed: {detail}"),
    "invalid_input": ("{detail}", "{detail}"),
    "enrolled": ("Perangkat terdaftar di {hub} untuk desa {village} (peran {role}).",
                 "Device enrolled with {hub} for village {village} (role {role})."),
    "synced": ("Sinkronisasi selesai: {pushed} terkirim, {set_aside} disisihkan, {pulled} "
               "perubahan diterima, {uploaded} lampiran diunggah, {kb} KB; {pending} masih "
               "menunggu.",
               "Sync done: {pushed} sent, {set_aside} set aside, {pulled} changes received, "
               "{uploaded} attachments uploaded, {kb} KB; {pending} still waiting."),
    "contacts_recovered": ("{count} pengaduan ditulis ke {path}. Berkas ini berisi data pribadi: "
                           "simpan hanya selama diperlukan.",
                           "{count} complaints written to {path}. The file holds personal "
                           "data: keep it only as long as needed."),
    "store_key_missing": ("Kunci enkripsi data ini tidak ada di PC ini atau tidak cocok ({detail})."
                          " Data pelapor tidak bisa dibuka. Pulihkan dari cadangan PC ini, atau "
                          "minta Diskominfo-SP memulihkan kontak dengan kunci titipan.",
                          "The encryption key of this store is not on this PC or does not fit "
                          "({detail}). Reporter data cannot be opened. Restore a backup made on "
                          "this PC, or ask Diskominfo-SP to recover the contacts with the "
                          "escrowed key."),
    "no_backup": ("Tidak ada cadangan yang utuh di {folder}.", "No sound backup in {folder}."),
    "restored": ("Data dipulihkan dari {source}. Salinan data sebelumnya: {safety}",
                 "Store restored from {source}. Copy of the previous data: {safety}"),
    "bundle_written": ("Bundel ditulis: {path} ({records} data, {attachments} lampiran). Bawa ke "
                       "Diskominfo-SP; data tetap di sini sampai tanda terima diimpor.",
                       "Bundle written: {path} ({records} records, {attachments} attachments). "
                       "Take it to Diskominfo-SP; the data stays here until the receipt is "
                       "imported."),
    "receipt_applied": ("Tanda terima diterapkan: {confirmed} data diterima kabupaten, "
                        "{set_aside} disisihkan, {changes} perubahan.",
                        "Receipt applied: {confirmed} records received by the district, "
                        "{set_aside} set aside, {changes} changes."),
    "bundle_invalid": ("Bundel ditolak: {detail}. Tidak ada yang diubah.",
                       "Bundle refused: {detail}. Nothing was changed."),
    "set_aside_reason": ("  disisihkan: {reason}", "  set aside: {reason}"),
    "clock_skew": ("Peringatan: jam komputer ini berbeda {minutes} menit dari hub. Data tetap "
                   "aman; cocokkan jam bila bisa.",
                   "Warning: this computer's clock differs from the hub by {minutes} minutes. "
                   "Data is safe; set the clock when you can."),
}

KIND_ID = {"complaint": "Laporan", "activity": "Kegiatan"}


def language() -> str:
    return "en" if os.environ.get("KIM_LANG", "id").lower().startswith("en") else "id"


def say(text_key: str, /, **params: object) -> str:
    id_text, en_text = TEXT[text_key]
    return (en_text if language() == "en" else id_text).format(**params)


def describe_error(e: KimError) -> str:
    lang = language()
    if isinstance(e, ValidationFailed):
        lines = [say("invalid_header")]
        for p in e.problems:
            lines.append(f"  {p.field}: {p.message(lang)} [{p.code}]")
        return "\n".join(lines)
    if isinstance(e, NotFound):
        kind = e.kind if lang == "en" else KIND_ID.get(e.kind, e.kind)
        return say("not_found", kind=kind, key=e.key)
    if isinstance(e, InvalidTransition):
        labels = {s.value: v for s, v in STATUS_LABELS_ID.items()} if lang == "id" else {}
        return say("invalid_transition", current=labels.get(e.current, e.current),
                   target=labels.get(e.target, e.target))
    if e.code in TEXT:
        return say(e.code, detail=str(e))
    return say("store", detail=str(e)) if e.code.startswith("store") else str(e)
