"""Verify claims against one extracted source: passages → retrieval → judge.

:class:`SourceVerifier` indexes a source once (passages, BM25, embeddings on
demand) and then answers any number of claims about it: the verdict of the
judge (:mod:`citecheck.verify.judge`), each quotation of the claim looked up in
the source (:mod:`.quotes`) and a flag when the source predates the event the
claim reports (:mod:`.temporal`). Pure: the source arrives as text, fetched
elsewhere (citecheck.web), so this runs the same on live pages and on archived
copies.

:class:`LocalSources` is the entry point of the labelled evaluation
(``citecheck eval fixtures/eval/claims.jsonl``): claims against local files,
each read once; :func:`verify_file` is one claim against one file.
"""

from __future__ import annotations

import mimetypes
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from citecheck.verify.embeddings import Embedder, get_embedder
from citecheck.verify.judge import Judge, RuleJudge
from citecheck.verify.model import QuoteCheck, TemporalFlag, Verdict, VerdictLabel
from citecheck.verify.passages import source_meta
from citecheck.verify.quotes import check_quotes
from citecheck.verify.retrieval import DEFAULT_K, index_source, rank_many
from citecheck.verify.temporal import check_temporal

__all__ = ["ClaimResult", "LocalSources", "SourceVerifier", "unverifiable", "verify_file"]


@dataclass
class ClaimResult:
    verdict: Verdict
    quotes: list[QuoteCheck] = field(default_factory=list)
    temporal: TemporalFlag | None = None


def unverifiable(reason: str) -> ClaimResult:
    """The result for a claim whose source could not be read (dead, paywall, print)."""
    return ClaimResult(Verdict(VerdictLabel.UNVERIFIABLE.value, 1.0, reason=reason))


class SourceVerifier:
    """One source (a ``citecheck.web.extract.SourceText``), indexed once, many claims."""

    def __init__(
        self,
        source: Any,
        *,
        embedder: Embedder | None = None,
        judge: Judge | None = None,
        k: int = DEFAULT_K,
    ) -> None:
        self.source = source
        self.meta = source_meta(source)
        self.judge = judge or RuleJudge(embedder)
        self.k = k
        self.index = index_source(source, embedder) if source.text else None

    def verify(self, claim: str, claim_lang: str | None, *, context: str = "") -> ClaimResult:
        return self.verify_many([(claim, claim_lang)], contexts=[context])[0]

    def verify_many(
        self, claims: list[tuple[str, str | None]], *, contexts: list[str] | None = None
    ) -> list[ClaimResult]:
        """Results for several claims, their embeddings computed in one batch."""
        if self.index is None:
            return [unverifiable(self.meta.unavailable or "no readable text") for _ in claims]
        ranked = rank_many(claims, self.index, self.k)
        contexts = contexts or [""] * len(claims)
        out = []
        for (claim, lang), candidates, context in zip(claims, ranked, contexts, strict=True):
            verdict = self.judge.judge(claim, lang, candidates, self.meta)
            quotes = check_quotes(claim, lang, self.source.text, self.source.language)
            temporal = check_temporal(claim, self.source.published, context=context, lang=lang)
            out.append(ClaimResult(verdict, quotes, temporal))
        return out


_TYPES = {".txt": "text/plain", ".md": "text/plain", ".html": "text/html", ".htm": "text/html"}


class LocalSources:
    """Claims against local source files (HTML, PDF or text), each file read and
    indexed once: a labelled set asks about ten claims of every source, and
    re-extracting and re-indexing the page for each was a quarter of its time.
    ``judge`` None is the rules (RuleJudge). Files are assumed unchanged while
    the object lives (one evaluation run). The ``keep`` most recently used
    sources stay indexed: a set of a thousand sources must not hold a thousand
    indexes, and sets list a source's claims together."""

    def __init__(
        self, *, embedder: str = "auto", judge: Judge | None = None, keep: int = 32
    ) -> None:
        self.embedder = embedder
        self.judge = judge
        self.keep = max(1, keep)
        # a verifier, or why the file is unreadable; least recently used first
        self._open: OrderedDict[Path, SourceVerifier | str] = OrderedDict()

    def verify(self, claim: str, claim_lang: str | None, source_path: str | Path) -> Verdict:
        opened = self._source(Path(source_path))
        if isinstance(opened, str):
            return unverifiable(opened).verdict
        return opened.verify(claim, claim_lang).verdict

    def _source(self, path: Path) -> SourceVerifier | str:
        key = path.resolve()
        if key in self._open:
            self._open.move_to_end(key)
        else:
            self._open[key] = self._read(key)
            while len(self._open) > self.keep:
                self._open.popitem(last=False)
        return self._open[key]

    def _read(self, path: Path) -> SourceVerifier | str:
        from citecheck.web.extract import extract_source  # extraction is pure given bytes

        try:
            body = path.read_bytes()
        except OSError as exc:  # a missing or unreadable source is unverifiable, not a crash
            return f"the source file cannot be read ({exc.strerror or exc})"
        content_type = _TYPES.get(path.suffix.lower()) or mimetypes.guess_type(path.name)[0]
        source = extract_source(body, content_type, path.as_uri())
        return SourceVerifier(source, embedder=get_embedder(self.embedder), judge=self.judge)


def verify_file(
    claim: str,
    claim_lang: str | None,
    source_path: str | Path,
    *,
    embedder: str = "auto",
    judge: Judge | None = None,
) -> Verdict:
    """The verdict for one claim against a local source file (HTML, PDF or text);
    ``judge`` None is the rules (RuleJudge). Many claims: :class:`LocalSources`."""
    return LocalSources(embedder=embedder, judge=judge).verify(claim, claim_lang, source_path)
