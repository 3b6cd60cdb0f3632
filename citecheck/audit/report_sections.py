"""The audit report's sections as one model, built once for every human format.

:func:`build_sections` turns :class:`~citecheck.audit.report.AuditReportData` into
a list of :class:`Section` (newly broken, confirmed dead, recovered, per-domain,
rot by year): a title, a help line, the columns and the rows as plain cell
values, in the report's language. The Markdown and HTML writers only format a
section generically (escaping every cell), so both always show the same
sections, columns and rows. Rows stay lazy iterators over the database cursor:
a section is built before it is written and consumed once.

A cell is ``None`` (empty), ``str`` or ``int`` (text; a date in a ``date``
column is an ISO string each format writes its own way) or one of the small
value types below for what needs more than text: a :class:`Link`, a link
:class:`Status`, the :class:`Cites` of the articles citing it, or an
:class:`Absent` note ("no archived copy found").
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Literal

from citecheck.audit.chart import YearBar
from citecheck.audit.report import AuditReportData
from citecheck.report.labels import label, report_language

__all__ = [
    "CITES_SHOWN",
    "Absent",
    "Cell",
    "Cite",
    "Cites",
    "Column",
    "Link",
    "Section",
    "Status",
    "Summary",
    "audit_word",
    "build_sections",
    "build_summary",
    "more_text",
    "status_words",
    "window_text",
]

# Articles listed per link; the rest are counted ("+3"). A dead link cited by
# more than a handful of articles is rare in AVİM's archive, and the JSON
# report lists them all.
CITES_SHOWN = 5

# Words of the audit report (link statuses come from report.labels).
_WORDS: dict[str, tuple[str, str]] = {
    "title": ("Link rot audit", "Bağlantı çürümesi denetimi"),
    "generated": ("Generated", "Oluşturulma"),
    "database": ("Database", "Veritabanı"),
    "latest_run": ("Latest run", "Son denetim"),
    "no_runs": ("No audit has run on this database yet.", "Bu veritabanında henüz denetim yok."),
    "window_since": ("Changes since", "Şu tarihten beri değişenler"),
    "window_previous": ("Changes since the previous run", "Önceki denetimden beri değişenler"),
    "window_all": ("Changes since the first run", "İlk denetimden beri değişenler"),
    "summary": ("Summary", "Özet"),
    "links": ("Links", "Bağlantılar"),
    "articles": ("Articles", "Makaleler"),
    "newly_broken": ("Newly broken", "Yeni bozulanlar"),
    "newly_broken_help": (
        "Links that stopped working in this window. Not yet confirmed dead: "
        "they are checked again within days.",
        "Bu dönemde çalışmaz hâle gelen bağlantılar. Henüz kesin ölü sayılmadı: "
        "birkaç gün içinde yeniden denetlenecek.",
    ),
    "dead": ("Confirmed dead", "Kesin ölü bağlantılar"),
    "dead_help": (
        "Failed on several checks spread over days. Replace them with the archived copy.",
        "Günlere yayılan birkaç denetimde de çalışmadı. Arşivlenmiş kopyayla değiştirin.",
    ),
    "recovered": ("Recovered", "Yeniden çalışanlar"),
    "recovered_help": (
        "Links that failed before and work again.",
        "Önceden çalışmayan, şimdi yeniden çalışan bağlantılar.",
    ),
    "domains": ("Sources that rot most", "En çok çürüyen kaynaklar"),
    "by_year": ("Link rot by publication year", "Yayın yılına göre bağlantı çürümesi"),
    "by_year_help": (
        "Share of the links cited by each year's articles that are dead now.",
        "Her yılın makalelerinde atıf yapılan bağlantıların bugün ölü olanlarının payı.",
    ),
    "url": ("Link", "Bağlantı"),
    "status": ("Status", "Durum"),
    # Column heads: "Son denetim" is already the latest *run* in the header, and
    # "Şu tarihten beri" (since this date) reads as a sentence, not a heading.
    "since": ("Failing since", "Sorunun başladığı tarih"),
    "dead_since": ("Dead since", "Ölü sayıldığı tarih"),
    "checked": ("Last checked", "Son denetlendiği tarih"),
    "cited_in": ("Cited in", "Atıf yapan makaleler"),
    "note": ("note", "dipnot"),
    "archive": ("Archived copy", "Arşiv kopyası"),
    "no_archive": ("no archived copy found", "arşiv kopyası bulunamadı"),
    "host": ("Source (domain)", "Kaynak (alan adı)"),
    "dead_pct": ("Dead %", "Ölü %"),
    "failing": ("Failing", "Sorunlu"),
    "failing_total": ("Failing, not yet confirmed dead", "Sorunlu, henüz kesin ölü değil"),
    "dead_count": ("Dead", "Ölü"),
    "year": ("Year", "Yıl"),
    "no_date": ("no date", "tarihsiz"),
    "none": ("None.", "Yok."),
    "state.new": ("not checked yet", "henüz denetlenmedi"),
}


def audit_word(key: str, lang: str) -> str:
    en, tr = _WORDS.get(key, (key, key))
    return tr if report_language(lang) == "tr" else en


def status_words(status: str | None, lang: str) -> str:
    return label(f"link.{status}", lang) if status else audit_word("state.new", lang)


def more_text(count: int, lang: str) -> str:
    """The line under a capped table: how many rows only the JSON report has."""
    if report_language(lang) == "tr":
        return f"… {count} satır daha JSON raporunda"
    return f"… {count} more row{'' if count == 1 else 's'} in the JSON report"


def window_text(data: AuditReportData, lang: str) -> str:
    win = data.window
    if win.since is not None:
        return f"{audit_word('window_since', lang)}: {win.since}"
    if win.previous_run is not None:
        return f"{audit_word('window_previous', lang)} (#{win.previous_run}, {win.start})"
    return audit_word("window_all", lang)


# --- the model ---------------------------------------------------------------------------


# text; num (right-aligned); url (may wrap anywhere); date (an ISO string per cell)
Kind = Literal["text", "num", "url", "date"]


@dataclass(frozen=True)
class Column:
    title: str
    kind: Kind = "text"


@dataclass(frozen=True)
class Link:
    url: str
    label: str | None = None  # HTML shows it instead of the URL; Markdown always the URL
    date: str | None = None  # shown beside the label (the archive snapshot's time)


@dataclass(frozen=True)
class Status:
    state: str  # the link's schedule state (healthy, failing, dead …): the HTML class
    words: str  # what the reader sees, with the HTTP code


@dataclass(frozen=True)
class Cite:
    url: str
    title: str | None
    note: str  # "note 2, 3" in the report's language; "" when cited outside the notes


@dataclass(frozen=True)
class Cites:
    shown: tuple[Cite, ...]
    more: int  # citing articles left out (CITES_SHOWN)


@dataclass(frozen=True)
class Absent:
    text: str  # a note in place of a value ("no archived copy found")


Cell = str | int | None | Link | Status | Cites | Absent


@dataclass
class Section:
    key: str  # the HTML id, stable across languages
    title: str
    help: str | None
    columns: tuple[Column, ...]
    rows: Iterable[tuple[Cell, ...]]  # lazy: consume once
    empty: str  # shown when there is no row
    chart: list[YearBar] | None = None  # drawn above the table (HTML; Markdown has the .svg)


@dataclass(frozen=True)
class Summary:
    title: str
    rows: tuple[tuple[str, str, int], ...]  # (key, label, count)
    alarm: bool  # something broke or is dead


def build_summary(data: AuditReportData, lang: str) -> Summary:
    t = data.totals()
    keys = (
        ("links", "links"),
        ("newly_broken", "newly_broken"),
        ("dead", "dead"),
        ("recovered", "recovered"),
        ("failing", "failing_total"),
    )
    rows = tuple((key, audit_word(word, lang), t[key]) for key, word in keys)
    return Summary(audit_word("summary", lang), rows, bool(t["newly_broken"] or t["dead"]))


# The count columns of the per-domain and per-year tables.
_COUNTS: tuple[tuple[str, Kind], ...] = (
    ("links", "num"),
    ("dead_count", "num"),
    ("dead_pct", "num"),
    ("failing", "num"),
)
_LINK: tuple[tuple[str, Kind], ...] = (("url", "url"), ("status", "text"))


def build_sections(data: AuditReportData, lang: str) -> list[Section]:
    """Every table of the report, in order; rows are read when the section is written."""
    lang = report_language(lang)
    years = list(data.by_year())  # one row per year (a few dozen): the table and the chart
    no_date = audit_word("no_date", lang)
    return [
        _section(
            "newly-broken",
            "newly_broken",
            (*_LINK, ("since", "date"), ("cited_in", "text")),
            (
                (Link(r["url"]), _status(r, lang), r["first_failed_at"], _cites(r, lang))
                for r in data.newly_broken()
            ),
            lang,
        ),
        _section(
            "dead",
            "dead",
            (*_LINK, ("archive", "text"), ("dead_since", "date"), ("cited_in", "text")),
            (
                (
                    Link(r["url"]),
                    _status(r, lang),
                    _archive(r, lang),
                    r["dead_since"],
                    _cites(r, lang),
                )
                for r in data.confirmed_dead()
            ),
            lang,
        ),
        _section(
            "recovered",
            "recovered",
            (("url", "url"), ("checked", "date"), ("cited_in", "text")),
            ((Link(r["url"]), r["last_checked_at"], _cites(r, lang)) for r in data.recovered()),
            lang,
        ),
        _section(
            "domains",
            "domains",
            (("host", "text"), *_COUNTS),
            (
                (d["host"], d["links"], d["dead"], _pct(d["dead_share"]), d["failing"])
                for d in data.domains()
            ),
            lang,
        ),
        _section(
            "by-year",
            "by_year",
            (("year", "text"), ("articles", "num"), *_COUNTS),
            iter(
                [
                    (
                        str(y["year"]) if y["year"] is not None else no_date,
                        *(y["articles"], y["links"], y["dead"]),
                        *(_pct(y["dead_share"]), y["failing"]),
                    )
                    for y in years
                ]
            ),
            lang,
            chart=[YearBar(y["year"], y["links"], y["dead"], y["failing"]) for y in years],
        ),
    ]


def _section(
    key: str,
    word: str,
    columns: tuple[tuple[str, Kind], ...],
    rows: Iterator[tuple[Cell, ...]],
    lang: str,
    chart: list[YearBar] | None = None,
) -> Section:
    help_key = f"{word}_help"
    return Section(
        key=key,
        title=audit_word(word, lang),
        help=audit_word(help_key, lang) if help_key in _WORDS else None,
        columns=tuple(Column(audit_word(k, lang), kind) for k, kind in columns),
        rows=rows,
        empty=audit_word("none", lang),
        chart=chart,
    )


def _status(row: dict[str, Any], lang: str) -> Status:
    code = f" (HTTP {int(row['http_status'])})" if row.get("http_status") else ""
    return Status(row["state"] or "new", status_words(row["status"], lang) + code)


def _cites(row: dict[str, Any], lang: str) -> Cites:
    articles = row["articles"]
    shown = []
    for a in articles[:CITES_SHOWN]:
        notes = ", ".join(str(n) for n in a["notes"])
        note = f"{audit_word('note', lang)} {notes}" if notes else ""
        shown.append(Cite(a["url"], a["title"], note))
    return Cites(tuple(shown), max(0, len(articles) - CITES_SHOWN))


def _archive(row: dict[str, Any], lang: str) -> Link | Absent:
    arch = row["archive"]
    if not arch or not arch["url"]:
        return Absent(audit_word("no_archive", lang))
    return Link(arch["url"], audit_word("archive", lang), arch["timestamp"])


def _pct(share: float) -> str:
    return f"{share * 100:.1f}"
