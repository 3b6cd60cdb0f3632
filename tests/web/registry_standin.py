"""A loopback stand-in for doi.org, Crossref and DataCite, on one farm host.

Answers in the shapes of the real services:

- ``GET /{doi}`` with ``Accept: application/vnd.citationstyles.csl+json``:
  the CSL-JSON record (200), or a 303 to the landing page when the DOI has no
  CSL record (an agency that does not negotiate), or 404 (DOI Not Found page);
  a plain GET: 302 to the landing page, or 404;
- ``GET /doiRA/{doi}``: ``[{"DOI": …, "RA": "DataCite"}]`` or ``status: "DOI does not exist"``;
- ``GET /works/{doi}``: a Crossref work message, or 404 "Resource not found.";
- ``GET /works?query.bibliographic=…``: a Crossref work list;
- ``GET /dois/{doi}`` (DOI percent-encoded): a DataCite JSON:API record, or a 404 error object.

``faults[(service, doi)]`` replaces an answer with a scripted failure:
``"429"`` (with Retry-After), ``"500"``, ``"malformed"`` (cut-off JSON) or
``"html"`` (an HTML error page with status 200) or ``"slow"`` (1.5 s before
answering). Services: ``cn``, ``ra``,
``crossref``, ``datacite``, ``query``.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import parse_qs, unquote

from tests.web.farm import Ctx, Farm, FarmHost

REGISTRY = Path(__file__).resolve().parents[2] / "fixtures" / "registry"
CSL = "application/vnd.citationstyles.csl+json"


def load(name: str) -> object:
    return json.loads((REGISTRY / name).read_text(encoding="utf-8"))


class RegistryStandIn:
    def __init__(self, farm: Farm) -> None:
        self.host: FarmHost = farm.host(not_found=self._dispatch)
        self.csl: dict[str, object] = {}
        self.crossref: dict[str, object] = {}
        self.datacite: dict[str, object] = {}
        self.agency: dict[str, str] = {}
        self.landing: set[str] = set()  # registered DOIs without a CSL record
        self.landing_status: dict[str, int] = {}  # a landing page answering e.g. 403 or 404
        self.query_answer: object = {"status": "ok", "message": {"items": []}}
        self.faults: dict[tuple[str, str], str] = {}
        self.queries: list[dict[str, list[str]]] = []
        self.error_page = (REGISTRY / "error-page.html").read_bytes()

    @property
    def base(self) -> str:
        return self.host.base

    def settings(self, **overrides: object):  # type: ignore[no-untyped-def]
        from citecheck.web.doi import RegistrySettings

        return RegistrySettings(
            doi_base=self.base, crossref_base=self.base, datacite_base=self.base, **overrides
        )

    def requests(self, prefix: str = "") -> list[str]:
        return [e.path for e in self.host.requests() if e.path.startswith(prefix)]

    # ------------------------------------------------------------ answers

    def _json(self, ctx: Ctx, data: object, ctype: str = "application/json") -> None:
        ctx.send(200, json.dumps(data).encode(), content_type=ctype)

    def _fault(self, ctx: Ctx, service: str, doi: str) -> bool:
        fault = self.faults.get((service, doi))
        if fault is None:
            return False
        if fault == "429":
            ctx.send(429, b"Too Many Requests", [("Retry-After", "0")], content_type="text/plain")
        elif fault == "500":
            ctx.send(500, self.error_page)
        elif fault == "malformed":
            ctx.send(
                200, b'{"status": "ok", "message": {"DOI": "10.', content_type="application/json"
            )
        elif fault == "html":
            ctx.send(200, self.error_page)
        elif fault == "slow" and ctx.sleep(1.5):  # past the client's deadline in tests
            ctx.send(200, b"{}", content_type="application/json")
        return True

    def _dispatch(self, ctx: Ctx) -> None:
        path = unquote(ctx.path)
        if path.startswith("/doiRA/"):
            return self._ra(ctx, path[len("/doiRA/") :].lower())
        if path == "/works":
            return self._query(ctx)
        if path.startswith("/works/"):
            return self._crossref(ctx, path[len("/works/") :].lower())
        if path.startswith("/dois/"):
            return self._datacite(ctx, path[len("/dois/") :].lower())
        if path.startswith("/landing/"):
            code = self.landing_status.get(path[len("/landing/") :].lower(), 200)
            return ctx.send(
                code, b"<!DOCTYPE html><html><head><title>Landing</title></head></html>"
            )
        if path.startswith("/10."):
            return self._content_negotiation(ctx, path[1:].lower())
        ctx.send(404, b"Not Found", content_type="text/plain")

    def _content_negotiation(self, ctx: Ctx, doi: str) -> None:
        if self._fault(ctx, "cn", doi):
            return
        known = (
            doi in self.csl or doi in self.landing or doi in self.crossref or doi in self.datacite
        )
        if not known:
            return ctx.send(404, b"<html><body><h1>DOI Not Found</h1></body></html>")
        wants_csl = CSL in (ctx.headers.get("Accept") or "")
        if wants_csl and doi in self.csl:
            return self._json(ctx, self.csl[doi], CSL)
        code = 303 if wants_csl else 302
        ctx.send(code, b"", [("Location", f"/landing/{doi}")], content_type=None)

    def _ra(self, ctx: Ctx, doi: str) -> None:
        if self._fault(ctx, "ra", doi):
            return
        if doi in self.agency:
            return self._json(ctx, [{"DOI": doi, "RA": self.agency[doi]}])
        self._json(ctx, [{"DOI": doi, "status": "DOI does not exist"}])

    def _crossref(self, ctx: Ctx, doi: str) -> None:
        if self._fault(ctx, "crossref", doi):
            return
        if doi in self.crossref:
            return self._json(ctx, self.crossref[doi])
        ctx.send(404, b"Resource not found.", content_type="text/plain")

    def _datacite(self, ctx: Ctx, doi: str) -> None:
        if self._fault(ctx, "datacite", doi):
            return
        if doi in self.datacite:
            return self._json(ctx, self.datacite[doi], "application/vnd.api+json")
        body = {
            "errors": [
                {"status": "404", "title": "The resource you are looking for doesn't exist."}
            ]
        }
        ctx.send(404, json.dumps(body).encode(), content_type="application/vnd.api+json")

    def _query(self, ctx: Ctx) -> None:
        params = parse_qs(ctx.query)
        self.queries.append(params)
        if self._fault(ctx, "query", ""):
            return
        self._json(ctx, self.query_answer)


def seed_registry(standin: RegistryStandIn) -> None:
    """The records of fixtures/registry: note 12's Zenodo DOI (DataCite), a Crossref
    work, a retracted work and its notice."""
    zenodo = "10.5281/zenodo.7827403"
    standin.csl[zenodo] = load("csl-zenodo-7827403.json")
    standin.datacite[zenodo] = load("datacite-zenodo-7827403.json")
    standin.agency[zenodo] = "DataCite"
    jes = "10.5555/jes.2021.0042"
    standin.csl[jes] = load("csl-crossref-other-title.json")
    standin.crossref[jes] = load("crossref-work-jes-2021-0042.json")
    standin.agency[jes] = "Crossref"
    retracted = "10.5555/cas.2019.0007"
    standin.crossref[retracted] = load("crossref-work-retracted.json")
    standin.agency[retracted] = "Crossref"
    notice = "10.5555/cas.2022.0099"
    standin.crossref[notice] = load("crossref-notice.json")
    standin.agency[notice] = "Crossref"
    standin.query_answer = load("crossref-query-eurasia.json")
