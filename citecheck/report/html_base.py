"""Safe building blocks of the HTML report: escaping, links, dates, HTML-only words.

Everything the report shows that came from outside (the article, a cited page,
a registry, a WARC) passes through :func:`text`, :func:`attr` or :func:`link`:

- markup is escaped (``html.escape`` with ``quote=True``) in text and attributes;
- bidirectional controls (U+202A–U+202E, U+2066–U+2069) are never passed on:
  in text they become a visible ``[U+202E]`` tag, in attributes the same words,
  so a right-to-left override cannot make ``exe.pdf`` read as ``fdp.exe`` or
  disguise a URL;
- C0 control characters other than tab/newline become U+FFFD;
- a URL goes into ``href`` only when it is http(s) with a host (``javascript:``,
  ``data:``, relative and broken URLs are shown as text), and every such link
  carries ``rel="noopener noreferrer"``.
"""

from __future__ import annotations

import html
import re
from typing import Any
from urllib.parse import quote, urlsplit

_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Characters that may not stand raw in an href: whitespace, controls, bidi, quotes.
_HREF_UNSAFE = re.compile("[\x00-\x20\x7f\u202a-\u202e\u2066-\u2069\"'<>`]")
_LANG_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*\Z")
_CLASS_WORD = re.compile(r"[^a-z0-9_]+")


def _bidi_tag(char: str) -> str:
    return f"[U+{ord(char):04X}]"


def text(value: Any) -> str:
    """Outside text as safe HTML text; bidi controls shown as visible tags."""
    if value is None:
        return ""
    out = html.escape(_CONTROL.sub("\ufffd", str(value)), quote=True)
    return _BIDI.sub(lambda m: f'<span class="bidi">{_bidi_tag(m.group())}</span>', out)


def attr(value: Any) -> str:
    """Outside text as a safe attribute value (to go between double quotes)."""
    if value is None:
        return ""
    plain = _BIDI.sub(lambda m: _bidi_tag(m.group()), _CONTROL.sub("\ufffd", str(value)))
    return html.escape(plain, quote=True)


def class_word(value: Any) -> str:
    """A code (status, category) as a CSS class fragment: only [a-z0-9_]."""
    return _CLASS_WORD.sub("_", str(value or "").lower())[:40] or "none"


def lang_attr(value: Any) -> str:
    """` lang="xx"` for a well-formed language tag, else nothing (the tag is outside text)."""
    if isinstance(value, str) and _LANG_TAG.match(value):
        return f' lang="{value.lower()}"'
    return ""


def safe_href(url: Any) -> str | None:
    """The URL ready for an href attribute, or None when it must not be a link."""
    if not isinstance(url, str):
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    # Percent-encode what a browser would otherwise strip or reinterpret.
    cleaned = _HREF_UNSAFE.sub(lambda m: quote(m.group(), safe=""), url)
    return html.escape(cleaned, quote=True)


def link(url: Any, label: Any = None, cls: str = "url") -> str:
    """A link to a cited page (new tab, no referrer); non-web URLs as plain text."""
    shown = text(url if label is None else label)
    href = safe_href(url)
    if href is None:
        if label is not None and label != url and url:
            # Not a web address: show it beside the title, never hide what was cited.
            return f'{shown} <span class="{cls} nolink" dir="ltr">{text(url)}</span>'
        return f'<span class="{cls} nolink" dir="ltr">{shown}</span>'
    if label is None or label == url:
        cls += " shown-url"  # print CSS adds the address only when the text is not it
    return (
        f'<a class="{cls}" dir="ltr" href="{href}" rel="noopener noreferrer" '
        f'target="_blank">{shown}</a>'
    )


def doi_link(doi: Any) -> str:
    """A DOI shown as written, linked through the doi.org resolver."""
    if not isinstance(doi, str) or not doi.strip():
        return ""
    href = "https://doi.org/" + quote(doi.strip(), safe="/:;()._-")
    return link(href, doi.strip(), cls="doi")


def get(data: Any, *keys: str | int, default: Any = None) -> Any:
    """``data[k1][k2]…`` through dicts and lists; ``default`` where anything is missing."""
    for key in keys:
        if isinstance(data, dict) and isinstance(key, str):
            data = data.get(key)
        elif isinstance(data, list) and isinstance(key, int) and -len(data) <= key < len(data):
            data = data[key]
        else:
            return default
        if data is None:
            return default
    return data


def items(data: Any, *keys: str) -> list[Any]:
    """A list at ``keys`` (empty when missing or not a list)."""
    value = get(data, *keys)
    return value if isinstance(value, list) else []


# --- dates --------------------------------------------------------------------------

MONTHS = {
    "tr": [
        *("Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran"),
        *("Temmuz", "Ağustos", "Eylül", "Ekim", "Kasım", "Aralık"),
    ],
    "en": [
        *("January", "February", "March", "April", "May", "June"),
        *("July", "August", "September", "October", "November", "December"),
    ],
}
_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def date_words(value: Any, lang: str) -> str:
    """An ISO date (possibly partial, or a timestamp) in words: "26 Kasım 2025"."""
    if not isinstance(value, str):
        return ""
    if re.fullmatch(r"\d{14}", value):  # Wayback timestamp YYYYMMDDhhmmss
        value = f"{value[:4]}-{value[4:6]}-{value[6:8]}"
    m = _ISO.match(value)
    if not m:
        return value
    year, month, day = m.group(1), m.group(2), m.group(3)
    if month is None or not 1 <= int(month) <= 12:
        return year
    name = MONTHS[lang][int(month) - 1]
    if day is None:
        return f"{name} {year}"
    return f"{int(day)} {name} {year}"


def percent(value: Any) -> str:
    """A 0-1 confidence as "%82" (Turkish puts the sign first) or "82%"."""
    if not isinstance(value, int | float) or value != value:  # NaN
        return ""
    return f"{round(max(0.0, min(1.0, float(value))) * 100)}"


# --- words of the HTML report only (the shared ones are in report/labels.py) ----------

_WORDS: dict[str, tuple[str, str]] = {
    # key: (English, Turkish)
    "doc_title": ("Citation check report", "Kaynak denetimi raporu"),
    "article_text": ("Article text", "Makale metni"),
    "article_hint": (
        "Each footnote number is coloured by what the check found for that note; "
        "click it to jump to the note.",
        "Her dipnot numarası, o dipnot için bulunan en ciddi soruna göre renklendirildi; "
        "dipnota gitmek için numaraya tıklayın.",
    ),
    "legend": ("What the colours mean", "Renklerin anlamı"),
    "level.not_checked": ("Not checked", "Denetlenmedi"),
    "no_note": ("No such note", "Böyle bir dipnot yok"),
    "notes_heading": ("Notes", "Dipnotlar"),
    "show": ("Show:", "Göster:"),
    "all": ("All notes", "Tüm dipnotlar"),
    "with_problems": ("Only notes with problems", "Yalnızca sorunlu dipnotlar"),
    "back": ("Back to the text", "Metne dön"),
    "as_written": ("As written in the note", "Dipnotta yazan"),
    "ibid_of": ("“Ibid.”: the same work as note {n}", "“A.g.e.”: dipnot {n} ile aynı eser"),
    "from_bib": ("address taken from the bibliography", "adres kaynakçadan alındı"),
    "from_ibid": ("address of the note it repeats", "adres gönderme yapılan dipnottan"),
    "no_link": ("This note gives no web address.", "Bu dipnotta web adresi yok."),
    "final_url": ("Ends at", "Vardığı adres"),
    "archived_on": ("Archived copy of {date}", "{date} tarihli arşivlenmiş kopya"),
    "registered": ("registered", "kayıtlı"),
    "not_registered": (
        "not registered with any DOI agency",
        "hiçbir DOI kuruluşunda kayıtlı değil",
    ),
    "unknown": ("could not be looked up", "sorgulanamadı"),
    "agency": ("agency", "kayıt kuruluşu"),
    "suggestion": (
        "Suggestion: not applied; check it before adding it to the note",
        "Öneri: uygulanmadı; dipnota eklemeden önce kontrol edin",
    ),
    "record_title": ("Registered title", "Kayıtlı başlık"),
    "confidence": ("{p}% confidence", "güven %{p}"),
    "field": ("Field", "Alan"),
    "field.title": ("Title", "Başlık"),
    "field.author": ("Author", "Yazar"),
    "field.authors": ("Authors", "Yazarlar"),
    "field.date": ("Date", "Tarih"),
    "field.year": ("Year", "Yıl"),
    "field.container": ("Journal / book / site", "Dergi / kitap / site"),
    "field.volume": ("Volume", "Cilt"),
    "field.issue": ("Issue", "Sayı"),
    "field.pages": ("Pages", "Sayfa"),
    "field.publisher": ("Publisher", "Yayınevi"),
    "source.page": ("the page itself", "sayfanın kendisi"),
    "source_checked": ("Source read", "Okunan kaynak"),
    "published": ("published {date}", "yayım: {date}"),
    "no_text": ("No source text", "Kaynak metni yok"),
    "from_archive": ("read from an archived copy", "arşivlenmiş kopyadan okundu"),
    "evidence_in": ("Quote from the source ({language})", "Kaynaktan alıntı ({language})"),
    "quotes": ("Quotation check", "Alıntı denetimi"),
    "quote.found": ("found word for word in the source", "kaynakta aynen var"),
    "quote.near": ("found in the source with small differences", "kaynakta küçük farklarla var"),
    "quote.missing": ("not in the source", "kaynakta yok"),
    "quote.not_comparable": (
        "cannot be compared word for word: the claim and the source are in different languages",
        "kelimesi kelimesine karşılaştırılamaz: iddia ile kaynak farklı dillerde",
    ),
    "temporal": (
        "The source was published on {source}, before the event of {event} it is cited for: "
        "it cannot confirm that outcome.",
        "Kaynak {source} tarihinde yayımlanmış; iddiadaki olay ise {event} tarihli. "
        "Olaydan önce yazılmış bir kaynak bu sonucu doğrulayamaz.",
    ),
    "temporal_plan": (
        "The source was published on {source}, before the event of {event}: "
        "it can only tell what was planned.",
        "Kaynak {source} tarihinde, {event} tarihli olaydan önce yayımlanmış: "
        "ancak planlananı anlatabilir.",
    ),
    "drift": (
        "The archived copy of {date} supports this claim; the live page no longer does. "
        "Link the archived copy in the note.",
        "{date} tarihli arşivlenmiş kopya bu iddiayı destekliyor; canlı sayfa artık "
        "desteklemiyor. Dipnotta arşivlenmiş kopyaya bağlantı verin.",
    ),
    "drift_undated": (
        "An archived copy supports this claim; the live page no longer does. "
        "Link the archived copy in the note.",
        "Arşivlenmiş kopya bu iddiayı destekliyor; canlı sayfa artık desteklemiyor. "
        "Dipnotta arşivlenmiş kopyaya bağlantı verin.",
    ),
    "claim_steps": (
        "Some steps failed for this claim:",
        "Bu iddia için bazı adımlar tamamlanamadı:",
    ),
    "note_steps": (
        "Some checks could not be completed for this note:",
        "Bu dipnot için bazı denetimler tamamlanamadı:",
    ),
    "other_findings": ("Other findings", "Diğer bulgular"),
    "problems_here": ("What to look at", "Bakılması gerekenler"),
    "notes_problems": (
        "{m} of {n} notes need attention.",
        "{n} dipnottan {m} tanesine bakılması gerekiyor.",
    ),
    "notes_clean": ("All {n} notes passed the checks.", "{n} dipnotun tamamı denetimden geçti."),
    "jump": (
        "Go to the notes to fix, then those to review:",
        "Önce düzeltilecek, sonra gözden geçirilecek dipnotlar:",
    ),
    "none": ("none", "yok"),
    "by": ("Author", "Yazar"),
    "published_on": ("Published", "Yayım tarihi"),
    "read_from": ("Read from", "Okunan belge"),
    "footer": (
        "Made by {tool} {version} on {date}. This report is one self-contained file: "
        "it opens without an internet connection and loads nothing from elsewhere.",
        "{tool} {version} ile {date} tarihinde oluşturuldu. Bu rapor tek başına bir "
        "dosyadır: internet bağlantısı olmadan açılır, dışarıdan hiçbir şey yüklemez.",
    ),
    "schema": ("JSON schema version", "JSON şema sürümü"),
    "links_unique": ("each address counted once", "her adres bir kez sayıldı"),
    "no_paragraphs": (
        "The article text could not be shown (no body paragraphs were read).",
        "Makale metni gösterilemiyor (gövde paragrafı okunamadı).",
    ),
    "details_en": ("Technical detail", "Teknik ayrıntı"),
}


def word(key: str, lang: str, **values: str) -> str:
    """An HTML-only phrase in ``lang`` as safe HTML; ``values`` fill its ``{name}`` slots
    and must already be safe HTML (built with :func:`text`, :func:`link`, …)."""
    en, tr = _WORDS[key]
    template = html.escape(tr if lang == "tr" else en, quote=True)
    return template.format(**values) if values else template


def lab(key: str, lang: str) -> str:
    """A shared label (report/labels.py) as safe HTML: an unknown code falls back to
    the code itself, which came from the report data."""
    from citecheck.report.labels import label

    return text(label(key, lang))
