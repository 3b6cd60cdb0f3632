"""DOI registries: is a DOI registered, by whom, and what does its record say.

:meth:`Registry.resolve` runs a cascade through the one HTTP client:

1. the registry cache (stable answers only);
2. doi.org content negotiation (``Accept: application/vnd.citationstyles.csl+json``):
   a CSL-JSON record, a 404 (the handle does not exist), or a redirect to a
   landing page (registered with an agency that does not negotiate);
3. when that gave no record: the Crossref ``/works/{doi}`` and DataCite
   ``/dois/{doi}`` REST APIs — DataCite first for prefixes known to be
   DataCite's (Zenodo ``10.5281``, figshare, arXiv) or when ``doiRA`` says so;
4. with a record from doi.org and ``check_updates``: the agency's REST record
   too, for what CSL leaves out (Crossref ``updated-by`` retraction notices,
   DataCite ``relatedIdentifiers`` and page ranges).

``registered`` is False only when every service answered 404; a 429, a 5xx, a
timeout, malformed JSON or an HTML error page where JSON was expected leaves it
None with a one-line ``error`` — a DOI is never called unregistered because a
registry was unreachable.

:meth:`Registry.query` asks Crossref's ``query.bibliographic`` for candidates
(identify/suggest.py scores them). Base URLs and the Crossref ``mailto``
(polite pool) are :class:`RegistrySettings`.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

from citecheck.identify.records import (
    RecordError,
    from_crossref,
    from_crossref_items,
    from_csl,
    from_datacite,
)
from citecheck.model import WorkRecord
from citecheck.web.registry_cache import DEFAULT_REGISTRY_TTL, RegistryCache

__all__ = [
    "CSL_JSON",
    "DoiLookup",
    "Registry",
    "RegistrySettings",
    "agency_hint",
    "default_registry_cache",
]

log = logging.getLogger(__name__)

CSL_JSON = "application/vnd.citationstyles.csl+json"
JSON = "application/json"
# Registry records are a few KiB; a megabyte is an error page or a mistake.
MAX_JSON_BYTES = 1024 * 1024
# Prefixes registered with DataCite: their REST record is asked first.
DATACITE_PREFIXES = frozenset({"10.5281", "10.6084", "10.48550", "10.17605", "10.5061"})
MISSING_STATUSES = frozenset({400, 404, 410})  # "no such DOI" (400: not even a DOI to them)


@dataclass
class RegistrySettings:
    """Where the registries are and how to ask them; every base URL can point at a stand-in."""

    doi_base: str = "https://doi.org"
    crossref_base: str = "https://api.crossref.org"
    datacite_base: str = "https://api.datacite.org"
    # Crossref's "polite pool": requests naming a contact get steadier service.
    mailto: str | None = None
    check_updates: bool = True  # also read the agency's REST record for retraction notices
    suggest_rows: int = 5  # candidates asked of Crossref per query
    cache_path: str | Path | None = None  # None: no registry cache
    cache_ttl: float = DEFAULT_REGISTRY_TTL
    refresh: bool = False  # ignore cached answers (fresh ones are stored)

    def __post_init__(self) -> None:
        for name in ("doi_base", "crossref_base", "datacite_base"):
            value = getattr(self, name)
            if not isinstance(value, str) or urlsplit(value).scheme not in ("http", "https"):
                raise ValueError(f"{name} must be an http(s) URL, not {value!r}")
            setattr(self, name, value.rstrip("/"))
        if not isinstance(self.suggest_rows, int) or not 1 <= self.suggest_rows <= 100:
            raise ValueError("suggest_rows must be between 1 and 100")

    @classmethod
    def from_dict(cls, values: dict[str, object]) -> RegistrySettings:
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(values) - known)
        if unknown:
            raise ValueError(f"unknown registry setting(s): {', '.join(unknown)}")
        return cls(**values)  # type: ignore[arg-type]


@dataclass
class DoiLookup:
    """What the registries say of one DOI."""

    doi: str
    registered: bool | None = None  # None: could not be determined
    agency: str | None = None
    record: WorkRecord | None = None
    error: str | None = None  # one line, plain words
    from_cache: bool = False
    tried: list[str] = field(default_factory=list)  # "doi.org: 404", "crossref: HTTP 429", ...


def default_registry_cache() -> Path:
    """Where the CLI keeps registry answers: beside the link cache."""
    from citecheck.config import cache_dir

    return cache_dir() / "registry.sqlite"


def agency_hint(doi: str) -> str | None:
    """The agency a prefix is known to belong to (Zenodo: DataCite), else None."""
    return "datacite" if doi.split("/", 1)[0] in DATACITE_PREFIXES else None


@dataclass
class _Answer:
    kind: str  # "ok" | "missing" | "landing" | "error"
    data: Any = None
    reason: str = ""
    final_url: str | None = None
    redirected: bool = False  # the service sent us on (doi.org: the DOI's handle exists)


def _record_to_json(record: WorkRecord | None) -> dict | None:
    return asdict(record) if record is not None else None


def _record_from_json(data: dict | None) -> WorkRecord | None:
    if not isinstance(data, dict):
        return None
    known = {f.name for f in fields(WorkRecord)}
    return WorkRecord(**{k: v for k, v in data.items() if k in known})


def _merge(primary: WorkRecord, extra: WorkRecord) -> WorkRecord:
    """``primary`` with its empty fields filled from ``extra``, and both sets of notices."""
    filled = {
        f.name: getattr(extra, f.name)
        for f in fields(WorkRecord)
        if f.name not in ("source", "updates") and not getattr(primary, f.name)
    }
    updates = list(primary.updates)
    for u in extra.updates:
        if all((u["type"], u["doi"]) != (v["type"], v["doi"]) for v in updates):
            updates.append(u)
    return replace(primary, **filled, updates=updates)


class Registry:
    """Registry lookups through one HttpClient; thread-safe (the cache locks itself)."""

    def __init__(self, client: Any, settings: RegistrySettings | None = None) -> None:
        self.client = client
        self.settings = settings or RegistrySettings()
        s = self.settings
        self.cache = (
            RegistryCache(s.cache_path, s.cache_ttl, refresh=s.refresh) if s.cache_path else None
        )

    @property
    def problems(self) -> list[str]:
        return list(self.cache.problems) if self.cache is not None else []

    def close(self) -> None:
        if self.cache is not None:
            self.cache.close()

    # ------------------------------------------------------------ HTTP

    def _get_json(self, service: str, url: str, accept: str = JSON) -> _Answer:
        res = self.client.fetch(url, headers={"Accept": accept}, max_bytes=MAX_JSON_BYTES)
        ans = self._classify(service, res)
        ans.final_url, ans.redirected = res.final_url, bool(res.hops)
        return ans

    @staticmethod
    def _classify(service: str, res: Any) -> _Answer:
        if res.error_kind is not None:
            return _Answer("error", reason=f"{service} could not be reached ({res.error})")
        status = res.status
        if status in MISSING_STATUSES:
            return _Answer("missing", reason=f"{service}: HTTP {status}")
        if status == 429:
            wait = f", asked to wait {res.retry_after:g} s" if res.retry_after is not None else ""
            return _Answer("error", reason=f"{service} is rate limiting us (HTTP 429{wait})")
        if status is None or not 200 <= status < 300:
            return _Answer("error", reason=f"{service} answered HTTP {status}")
        looks = res.sniffed_type or res.content_type or ""
        if looks in ("text/html", "application/xhtml+xml"):
            if res.hops:  # redirected to a page: the DOI exists, its agency does not negotiate
                return _Answer("landing", reason=f"{service}: landing page")
            return _Answer("error", reason=f"{service} answered an HTML page instead of JSON")
        if res.truncated:
            return _Answer("error", reason=f"{service} sent more than {MAX_JSON_BYTES} bytes")
        try:
            data = json.loads(res.text())
        except (ValueError, RecursionError):
            return _Answer("error", reason=f"{service} answered malformed JSON")
        return _Answer("ok", data=data)

    def _crossref_url(self, path: str, params: dict[str, str] | None = None) -> str:
        params = dict(params or {})
        if self.settings.mailto:
            params["mailto"] = self.settings.mailto
        query = f"?{urlencode(params)}" if params else ""
        return f"{self.settings.crossref_base}{path}{query}"

    # ------------------------------------------------------------ services

    def _content_negotiation(self, doi: str) -> tuple[_Answer, WorkRecord | None]:
        ans = self._get_json(
            "doi.org", f"{self.settings.doi_base}/{quote(doi, safe='/')}", CSL_JSON
        )
        if ans.kind in ("missing", "error") and ans.redirected:
            # doi.org sent us on, so the handle exists; where it sent us failed (a
            # publisher's bot wall, the agency's metadata service down or without a record).
            return _Answer("landing", reason=f"{ans.reason} after a redirect"), None
        if ans.kind != "ok":
            return ans, None
        try:
            return ans, from_csl(ans.data, source="doi.org")
        except RecordError:
            return _Answer("error", reason="doi.org answered JSON that is not a CSL record"), None

    def _rest(self, agency: str, doi: str) -> tuple[_Answer, WorkRecord | None]:
        if agency == "crossref":
            ans = self._get_json("Crossref", self._crossref_url(f"/works/{quote(doi, safe='/')}"))
            reader = from_crossref
        else:
            url = f"{self.settings.datacite_base}/dois/{quote(doi, safe='')}"
            ans = self._get_json("DataCite", url, "application/vnd.api+json, application/json")
            reader = from_datacite
        if ans.kind != "ok":
            return ans, None
        try:
            return ans, reader(ans.data)
        except RecordError:
            return _Answer(
                "error", reason=f"{agency} answered JSON that is not a work record"
            ), None

    def agency(self, doi: str) -> str | None:
        """The registration agency per ``doi.org/doiRA/{doi}`` (lower case), else None."""
        ans = self._get_json("doiRA", f"{self.settings.doi_base}/doiRA/{quote(doi, safe='/')}")
        items = ans.data if ans.kind == "ok" and isinstance(ans.data, list) else []
        for item in items:
            if isinstance(item, dict) and isinstance(item.get("RA"), str):
                return item["RA"].strip().lower() or None
        return None

    def _agency_of(self, doi: str, record: WorkRecord, final_url: str | None) -> str | None:
        if record.agency:
            return record.agency
        host = (urlsplit(final_url).hostname or "") if final_url else ""
        for name in ("crossref", "datacite"):
            if name in host:
                return name
        return agency_hint(doi) or self.agency(doi)

    # ------------------------------------------------------------ the cascade

    def resolve(self, doi: str) -> DoiLookup:
        """What the registries say of ``doi`` (normalized); never raises for network trouble."""
        key = f"doi:{doi}"
        cached = self.cache.get_json(key) if self.cache is not None else None
        if isinstance(cached, dict):
            return DoiLookup(
                doi=doi,
                registered=cached.get("registered"),
                agency=cached.get("agency"),
                record=_record_from_json(cached.get("record")),
                from_cache=True,
                tried=["cache"],
            )
        result = self._resolve(doi)
        if self.cache is not None and result.registered is not None:
            self.cache.put_json(
                key,
                {
                    "registered": result.registered,
                    "agency": result.agency,
                    "record": _record_to_json(result.record),
                },
            )
        return result

    def _resolve(self, doi: str) -> DoiLookup:
        out = DoiLookup(doi=doi)
        errors: list[str] = []
        # 2. content negotiation
        cn, record = self._content_negotiation(doi)
        out.tried.append(f"doi.org: {cn.kind}")
        if record is not None:
            out.registered, out.record = True, record
            out.agency = self._agency_of(doi, record, cn.final_url)
            if self.settings.check_updates and out.agency in ("crossref", "datacite"):
                # 4. the REST record adds retraction notices and page ranges
                ans, extra = self._rest(out.agency, doi)
                out.tried.append(f"{out.agency}: {ans.kind}")
                if extra is not None:
                    out.record = _merge(record, extra)
            return out
        if cn.kind == "error":
            errors.append(cn.reason)
        # 3. the REST APIs
        hint = agency_hint(doi)
        if hint is None and cn.kind == "landing":
            hint = self.agency(doi)
        order = ["datacite", "crossref"] if hint == "datacite" else ["crossref", "datacite"]
        if hint not in (None, "crossref", "datacite"):
            order = []  # mEDRA, JaLC, …: no REST record to ask; the landing page proves it exists
        missing = cn.kind == "missing"
        for agency in order:
            ans, rec = self._rest(agency, doi)
            out.tried.append(f"{agency}: {ans.kind}")
            if rec is not None:
                out.registered, out.agency, out.record = True, agency, rec
                return out
            if ans.kind == "error":
                errors.append(ans.reason)
            missing = missing and ans.kind == "missing"
        if cn.kind == "landing":
            out.registered, out.agency = True, hint
            out.error = "registered, but no registry gave its metadata" + (
                f" ({'; '.join(errors)})" if errors else ""
            )
        elif missing and not errors:
            out.registered = False
            out.error = "no registry knows this DOI (doi.org, Crossref and DataCite answered 404)"
        else:
            out.error = "; ".join(errors) or "the registries gave no usable answer"
        return out

    # ------------------------------------------------------------ bibliographic query

    def query(
        self, bibliographic: str, author: str | None = None
    ) -> tuple[list[WorkRecord], str | None]:
        """Crossref candidates for a citation string: (records, error)."""
        params = {"query.bibliographic": bibliographic, "rows": str(self.settings.suggest_rows)}
        if author:
            params["query.author"] = author
        key = "query:" + json.dumps(sorted(params.items()), ensure_ascii=False)
        cached = self.cache.get_json(key) if self.cache is not None else None
        if isinstance(cached, list):
            return [r for r in map(_record_from_json, cached) if r is not None], None
        ans = self._get_json("Crossref", self._crossref_url("/works", params))
        if ans.kind != "ok":
            return [], ans.reason
        try:
            records = from_crossref_items(ans.data)
        except RecordError:
            return [], "Crossref answered JSON that is not a list of works"
        if self.cache is not None:
            self.cache.put_json(key, [_record_to_json(r) for r in records])
        return records, None
