"""Plain-language labels for the reports editors read, in English and Turkish.

One table serves the Markdown and HTML reports so both say the same thing.
Keys are namespaced by vocabulary, since a value can sit in two of them
(``not_found`` is a verdict and a problem category):

- ``link.<codes.LinkStatus>``
- ``verdict.<VerdictLabel>`` and ``verdict.not_verified``
- ``category.<summary.Category>``
- ``severity.<codes.Severity>``
- ``finding.<codes.FindingCode>``
- ``status.pass|warn|fail`` (the report) and ``level.fail|warn|ok`` (a note)
- ``section.<name>``: headings and the few fixed words of the reports
- ``lang.<ISO 639-1>``: language names, for "quote in English"

The words are for editors who are not programmers: say what a reader would
meet and what to do, not what the HTTP client saw. Turkish uses the terms of
Turkish editing (dipnot, kaynakça, künye, A.g.e.).
"""

from __future__ import annotations

__all__ = ["LABELS", "LANGS", "label", "language_name", "report_language"]

LANGS = ("en", "tr")

# (key, English, Turkish)
_ROWS: tuple[tuple[str, str, str], ...] = (
    # --- link statuses
    ("link.ok", "Link works", "Bağlantı çalışıyor"),
    (
        "link.redirected",
        "Link works (it forwards to another address)",
        "Bağlantı çalışıyor (başka bir adrese yönlendiriyor)",
    ),
    ("link.broken", "Link is broken (page not found)", "Bağlantı çalışmıyor (sayfa bulunamadı)"),
    (
        "link.soft_404",
        "Link is broken (the site shows a “page not found” page)",
        "Bağlantı çalışmıyor (site “sayfa bulunamadı” sayfası gösteriyor)",
    ),
    (
        "link.blocked",
        "The site blocks automatic checks: open the link yourself",
        "Site otomatik denetimi engelliyor: bağlantıyı kendiniz açıp bakın",
    ),
    (
        "link.server_error",
        "Link is broken (the site's server fails)",
        "Bağlantı çalışmıyor (sitenin sunucusu hata veriyor)",
    ),
    (
        "link.timeout",
        "Link is broken (the site did not answer in time)",
        "Bağlantı çalışmıyor (site zamanında yanıt vermedi)",
    ),
    (
        "link.dns_error",
        "Link is broken (the site's name does not exist)",
        "Bağlantı çalışmıyor (sitenin alan adı bulunamadı)",
    ),
    (
        "link.tls_error",
        "Link is broken (the site's security certificate is faulty)",
        "Bağlantı çalışmıyor (sitenin güvenlik sertifikası hatalı)",
    ),
    (
        "link.connection_error",
        "Link is broken (could not connect to the site)",
        "Bağlantı çalışmıyor (siteye bağlanılamadı)",
    ),
    (
        "link.invalid_url",
        "The address is not a valid web address",
        "Adres geçerli bir web adresi değil",
    ),
    (
        "link.private_address",
        "The address points into a private network, not the public web",
        "Adres herkese açık web'i değil, özel (iç) bir ağı gösteriyor",
    ),
    (
        "link.not_checked",
        "Not checked (offline, or read from an archive)",
        "Denetlenmedi (çevrimdışı ya da arşivden okundu)",
    ),
    # --- verdicts
    ("verdict.supported", "The source supports this claim", "Kaynak bu iddiayı destekliyor"),
    (
        "verdict.partially_supported",
        "The source supports only part of this claim",
        "Kaynak bu iddianın yalnızca bir kısmını destekliyor",
    ),
    ("verdict.not_found", "The source does not say this", "Kaynakta bu iddia bulunamadı"),
    ("verdict.contradicted", "The source says something different", "Kaynak bu iddiayla çelişiyor"),
    (
        "verdict.unverifiable",
        "Could not be checked: the source's text is not available",
        "Denetlenemedi: kaynağın metnine ulaşılamadı",
    ),
    ("verdict.not_verified", "Not checked against the source", "Kaynakla karşılaştırılmadı"),
    # --- problem categories
    ("category.broken_link", "Broken link", "Çalışmayan bağlantı"),
    ("category.blocked_link", "Link to open by hand", "Elle açılması gereken bağlantı"),
    ("category.contradicted", "Source contradicts the claim", "Kaynak iddiayla çelişiyor"),
    ("category.not_found", "Claim not found in the source", "İddia kaynakta bulunamadı"),
    ("category.partially_supported", "Claim only partly supported", "İddia kısmen destekleniyor"),
    ("category.unverifiable", "Claim could not be checked", "İddia denetlenemedi"),
    ("category.quote_missing", "Quotation not found in the source", "Alıntı kaynakta bulunamadı"),
    (
        "category.drifted",
        "The page changed after it was cited",
        "Sayfa, atıf yapıldıktan sonra değişmiş",
    ),
    (
        "category.source_predates_event",
        "Source is older than the event it is cited for",
        "Kaynak, anlatılan olaydan önce yayımlanmış",
    ),
    (
        "category.doi_mismatch",
        "DOI problem (not registered, or belongs to another work)",
        "DOI sorunu (kayıtlı değil ya da başka bir esere ait)",
    ),
    (
        "category.metadata_mismatch",
        "Citation details differ from the source",
        "Künye bilgileri kaynakla uyuşmuyor",
    ),
    ("category.retracted", "Cited work has been retracted", "Atıf yapılan eser geri çekilmiş"),
    ("category.lint_error", "Footnote error", "Dipnot hatası"),
    ("category.lint_warning", "Footnote to review", "Gözden geçirilmesi gereken dipnot"),
    ("category.check_failed", "Check incomplete", "Denetim tamamlanamadı"),
    # --- severities
    ("severity.error", "Error", "Hata"),
    ("severity.warning", "Warning", "Uyarı"),
    ("severity.info", "Note", "Bilgi"),
    # --- overall status and note level
    ("status.pass", "No problems found", "Sorun bulunmadı"),
    ("status.warn", "Some things to review", "Gözden geçirilecek noktalar var"),
    ("status.fail", "Problems to fix", "Düzeltilmesi gereken sorunlar var"),
    ("level.fail", "Must fix", "Düzeltilmeli"),
    ("level.warn", "Review", "Gözden geçirin"),
    ("level.ok", "OK", "Sorun yok"),
    # --- finding codes
    (
        "finding.note_no_bib_entry",
        "Note has no bibliography entry",
        "Dipnotun kaynakçada karşılığı yok",
    ),
    (
        "finding.bib_entry_uncited",
        "Bibliography entry no note cites",
        "Kaynakçadaki bu esere hiçbir dipnotta atıf yok",
    ),
    (
        "finding.page_outside_range",
        "Cited page lies outside the work's pages",
        "Verilen sayfa eserin sayfa aralığının dışında",
    ),
    (
        "finding.note_bib_mismatch",
        "Note and bibliography entry disagree",
        "Dipnot ile kaynakça girdisi uyuşmuyor",
    ),
    ("finding.malformed_note", "Note is incomplete or damaged", "Dipnot eksik ya da bozuk"),
    (
        "finding.malformed_bib_entry",
        "Bibliography entry is incomplete or damaged",
        "Kaynakça girdisi eksik ya da bozuk",
    ),
    (
        "finding.ibid_no_antecedent",
        "“Ibid.” with no earlier work to point to",
        "“A.g.e.” öncesinde atıf yapılan bir eser yok",
    ),
    (
        "finding.ibid_ambiguous",
        "“Ibid.” could mean more than one work",
        "“A.g.e.” birden fazla esere gönderme yapıyor olabilir",
    ),
    (
        "finding.short_form_unresolved",
        "Short citation matches no earlier note",
        "Kısa atıf önceki dipnotların hiçbiriyle eşleşmiyor",
    ),
    (
        "finding.missing_access_date",
        "Web source without an access date",
        "Web kaynağının erişim tarihi (E.T.) yok",
    ),
    (
        "finding.how_to_cite_mismatch",
        "“How to cite” block disagrees with the article",
        "“Atıfta bulunmak için” bilgisi makaleyle uyuşmuyor",
    ),
    (
        "finding.marker_without_note",
        "Footnote marker without a note",
        "Metindeki dipnot işaretinin dipnotu yok",
    ),
    (
        "finding.note_without_marker",
        "Note never referred to in the text",
        "Dipnota metinde gönderme yok",
    ),
    (
        "finding.note_numbering",
        "Note numbers skip or repeat",
        "Dipnot numaralarında atlama ya da tekrar var",
    ),
    (
        "finding.ingest_problem",
        "Part of the document could not be read",
        "Belgenin bir kısmı okunamadı",
    ),
    (
        "finding.analysis_problem",
        "Part of the notes could not be analysed",
        "Dipnotların bir kısmı çözümlenemedi",
    ),
    ("finding.doi_not_registered", "DOI is not registered", "DOI kayıtlı değil"),
    ("finding.doi_unresolved", "DOI could not be looked up", "DOI sorgulanamadı"),
    ("finding.title_mismatch", "Title differs", "Başlık farklı"),
    ("finding.author_mismatch", "Author differs", "Yazar farklı"),
    ("finding.date_mismatch", "Date differs", "Tarih farklı"),
    (
        "finding.container_mismatch",
        "Journal, book or site differs",
        "Dergi, kitap ya da site adı farklı",
    ),
    ("finding.work_retracted", "Work has been retracted", "Eser geri çekilmiş"),
    ("finding.work_corrected", "Work has a published correction", "Esere düzeltme yayımlanmış"),
    (
        "finding.doi_suggestion",
        "Suggested DOI (check before using)",
        "Önerilen DOI (kullanmadan önce kontrol edin)",
    ),
    (
        "finding.quote_not_found",
        "Quotation not found in the cited source",
        "Alıntı, atıf yapılan kaynakta bulunamadı",
    ),
    (
        "finding.source_predates_event",
        "Source is older than the event it is cited for",
        "Kaynak, anlatılan olaydan önce yayımlanmış",
    ),
    # --- sections and fixed words
    ("section.report", "Citation check", "Kaynak denetimi"),
    ("section.summary", "Summary", "Özet"),
    ("section.notes_with_problems", "Notes with problems", "Sorunlu dipnotlar"),
    ("section.notes_ok", "Notes without problems", "Sorunsuz dipnotlar"),
    ("section.document", "The whole document", "Belgenin geneli"),
    ("section.run_problems", "Trouble during the check", "Denetim sırasında yaşanan sorunlar"),
    ("section.links", "Links", "Bağlantılar"),
    ("section.claims", "Claims", "İddialar"),
    ("section.findings", "Findings", "Bulgular"),
    ("section.identifiers", "DOI", "DOI"),
    ("section.metadata", "Citation details compared", "Künye karşılaştırması"),
    ("section.problems", "Problems", "Sorunlar"),
    ("section.note", "Note", "Dipnot"),
    ("section.notes", "Notes", "Dipnotlar"),
    ("section.claim", "Claim", "İddia"),
    ("section.source", "Source", "Kaynak"),
    ("section.status", "Status", "Durum"),
    ("section.count", "Count", "Sayı"),
    ("section.verdicts", "Claims checked", "Denetlenen iddialar"),
    ("section.archived_copy", "Archived copy", "Arşivlenmiş kopya"),
    ("section.archived_verdict", "On the archived copy", "Arşivlenmiş kopyada"),
    ("section.redirects", "Redirects", "Yönlendirmeler"),
    ("section.evidence", "Quote from the source", "Kaynaktan alıntı"),
    (
        "section.closest",
        "Closest passage in the source (it does not say this)",
        "Kaynaktaki en yakın bölüm (iddiayı söylemiyor)",
    ),
    ("section.cited", "In the note", "Dipnotta"),
    ("section.found", "In the source", "Kaynakta"),
    ("section.fail_on", "Counted as failure", "Başarısızlık sayılanlar"),
    ("section.generated", "Generated", "Oluşturulma"),
    ("section.in_language", "in", "dilinde"),
    ("section.unknown_language", "language unknown", "dili bilinmiyor"),
    ("section.http_status", "HTTP status", "HTTP durumu"),
    ("section.missing", "Not in the source", "Kaynakta olmayan"),
    ("section.conflicts", "Differs", "Farklı olan"),
    ("section.matched", "Found", "Bulunan"),
    ("section.no_notes", "The document has no footnotes.", "Belgede dipnot yok."),
    ("section.confidence", "confidence", "güven"),
    ("section.other_findings", "Other findings", "Diğer bulgular"),
    ("section.note_text", "Note", "Dipnot metni"),
    ("section.archived_at", "archived", "arşiv tarihi"),
    ("section.incomplete", "Check incomplete", "Denetim tamamlanamadı"),
    # --- DOI states and where compared metadata came from
    ("doi.registered", "registered", "kayıtlı"),
    ("doi.not_registered", "not registered", "kayıtlı değil"),
    ("doi.unknown", "could not be looked up", "sorgulanamadı"),
    ("doi.suggested", "suggested, not in the note", "öneri, dipnotta yok"),
    ("record.doi.org", "the DOI record (doi.org)", "DOI kaydı (doi.org)"),
    ("record.crossref", "the Crossref record", "Crossref kaydı"),
    ("record.datacite", "the DataCite record", "DataCite kaydı"),
    ("record.page", "the web page", "web sayfası"),
    # --- language names (for the evidence quote's language)
    ("lang.en", "English", "İngilizce"),
    ("lang.tr", "Turkish", "Türkçe"),
    ("lang.de", "German", "Almanca"),
    ("lang.ru", "Russian", "Rusça"),
    ("lang.fr", "French", "Fransızca"),
    ("lang.ar", "Arabic", "Arapça"),
    ("lang.fa", "Persian", "Farsça"),
    ("lang.az", "Azerbaijani", "Azerbaycan Türkçesi"),
    ("lang.kk", "Kazakh", "Kazakça"),
    ("lang.uz", "Uzbek", "Özbekçe"),
    ("lang.ky", "Kyrgyz", "Kırgızca"),
    ("lang.tk", "Turkmen", "Türkmence"),
    ("lang.hy", "Armenian", "Ermenice"),
    ("lang.zh", "Chinese", "Çince"),
    ("lang.es", "Spanish", "İspanyolca"),
    ("lang.it", "Italian", "İtalyanca"),
    ("lang.el", "Greek", "Yunanca"),
)

LABELS: dict[str, dict[str, str]] = {
    "en": {key: en for key, en, _ in _ROWS},
    "tr": {key: tr for key, _, tr in _ROWS},
}


def report_language(lang: str | None) -> str:
    """The report language for a requested or document language: ``tr`` or ``en``."""
    base = (lang or "").split("-")[0].split("_")[0].lower()
    return base if base in LANGS else "en"


def label(key: str, lang: str = "en") -> str:
    """The label of ``key`` (``"link.broken"``) in ``lang``; English, then the key's
    last part, when missing (a code added later still shows as something)."""
    table = LABELS.get(report_language(lang), LABELS["en"])
    return table.get(key) or LABELS["en"].get(key) or key.rsplit(".", 1)[-1]


def language_name(code: str | None, lang: str = "en") -> str:
    """``"en"`` -> "English" / "İngilizce"; unknown codes as given, None as "unknown"."""
    if not code:
        return label("section.unknown_language", lang)
    base = code.split("-")[0].lower()
    key = f"lang.{base}"
    return label(key, lang) if key in LABELS["en"] else code
