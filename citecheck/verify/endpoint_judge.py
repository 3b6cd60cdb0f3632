"""A judge backed by an OpenAI-compatible chat-completions endpoint (issue 5, "pluggable").

A stronger entailment model — a local llama.cpp / vLLM / Ollama server, or a hosted
one the user configures — reads the claim and the retriever's best passages and
answers a label with the quote that decides it (prompt: endpoint_answer.py, the
labels as fixtures/eval/CLAIMS.md defines them). The default of citecheck stays the
offline :class:`~citecheck.verify.judge.RuleJudge`; this judge is chosen with
``--judge endpoint``.

A model's answer counts only with evidence: a ``supported``, ``partially_supported``
or ``contradicted`` answer must quote a passage, and the quote must be there
(endpoint_answer.locate_quote). Two modes:

``confirm`` (default)
    The rules judge first. The model agreeing raises the confidence; disagreeing,
    its quote-backed verdict wins — except that it may never turn a rules
    ``contradicted`` into (partial) support for a claim that states figures unless
    its quote attests one of the claim's figures (a model overlooking a changed
    number is the error an editor can least afford). Both verdicts are recorded: the
    reason names both, ``conflicts`` gets "judges differ: …". An answer without
    evidence, or a failed call, keeps the rules verdict with a note in its reason.
``replace``
    The model alone (the rules are not run). An answer without evidence is
    ``not_found`` with the reason: the model could not show the source saying it,
    and falling back to the rules would mix two judges in what the user asked to
    measure. A failed call is ``unverifiable`` with the reason.

The judge is pure logic: the HTTP exchange is the injected ``transport`` (verify/
does no network I/O); :mod:`citecheck.judges` builds the judge with citecheck.web.chat's
bounded transport (``endpoint_judge``, ``judge_from_options``).

Nothing here raises: every failure (refused connection, timeout, HTTP 4xx/5xx, a
body over the cap or not JSON, 429 beyond the Retry-After cap) is a verdict. After
:data:`MAX_FAILURES_IN_A_ROW` failed calls the endpoint is not asked again in this
run (a dead server would otherwise cost ``timeout`` per claim). Answers are cached in
process by (endpoint, model, prompt, claim, passages): a claim cited twice costs one
call. The API key (``$CITECHECK_JUDGE_API_KEY``) is sent as a Bearer token and never
appears in a summary, a reason or a report.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol
from urllib.parse import urlsplit, urlunsplit

from citecheck.verify.endpoint_answer import (
    PROMPT_VERSION,
    QUOTED_LABELS,
    AnswerError,
    ModelAnswer,
    build_messages,
    locate_quote,
    parse_answer,
)
from citecheck.verify.judge import Judge, RuleJudge
from citecheck.verify.model import Candidate, Evidence, SourceMeta, Verdict
from citecheck.verify.quantities import compare, extract_quantities

__all__ = [
    "API_KEY_ENV",
    "MODES",
    "EndpointJudge",
    "EndpointSettings",
    "JudgeStats",
    "Poster",
    "judge_summary",
]

log = logging.getLogger(__name__)

API_KEY_ENV = "CITECHECK_JUDGE_API_KEY"
MODES = ("confirm", "replace")
MAX_FAILURES_IN_A_ROW = 3  # then the endpoint is left alone for the rest of the run
# Agreement closes this share of the rules' remaining doubt, times the model's own
# confidence: rules 0.6 + a sure model → 0.8; never above 0.99 (as the rules).
AGREE_GAIN = 0.5
# Two judges disagreeing: the winner's confidence is discounted by this factor.
DISAGREE_FACTOR = 0.75
NO_EVIDENCE_CONFIDENCE = 0.3  # replace mode, an answer whose quote is not in the source
SUPPORT = frozenset({"supported", "partially_supported"})
REJECTED = ("HTTP 400", "HTTP 422")  # how a server says it does not take an option


@dataclass(frozen=True)
class EndpointSettings:
    """Where the model is and how long it may take. ``base_url`` is the API root
    (``http://127.0.0.1:8080/v1``); ``/chat/completions`` is appended unless given."""

    base_url: str
    model: str
    api_key: str | None = field(default=None, repr=False)  # never printed, never reported
    timeout: float = 60.0  # seconds for one answer, retries and Retry-After waits included
    max_passages: int = 6  # retrieval's best passages shown to the model
    max_response_bytes: int = 256 * 1024  # an answer is a few hundred bytes; a cap, not a size
    temperature: float = 0.0  # deterministic answers: a report must not change run to run
    # label, quote and a one-sentence rationale take ~150 tokens; the rest is room for
    # a reasoning model's thinking (a bound, not a cost: answers stop at the JSON)
    max_tokens: int = 1024
    retry_after_cap: float = 10.0  # a 429/503 asking for a longer wait fails at once

    def __post_init__(self) -> None:
        parts = urlsplit(self.base_url.strip())
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"judge URL {self.public_url!r}: expected http(s)://HOST[:PORT]/PATH")
        if not self.model.strip():
            raise ValueError("the judge's model name is empty")
        if self.timeout <= 0 or self.max_passages < 1 or self.max_response_bytes < 1024:
            raise ValueError("judge timeout, passages and response cap must be positive")

    @property
    def url(self) -> str:
        base = self.base_url.strip().rstrip("/")
        return base if base.endswith("/chat/completions") else f"{base}/chat/completions"

    @property
    def public_url(self) -> str:
        """The URL without user:password (a report may show it)."""
        parts = urlsplit(self.base_url.strip())
        host = parts.netloc.rpartition("@")[2]
        return urlunsplit((parts.scheme, host, parts.path, "", ""))


class Poster(Protocol):
    """The HTTP side (citecheck.web.chat.ChatTransport): POST JSON, return the
    parsed JSON answer, raise on any failure."""

    def post_json(self, url: str, payload: dict[str, Any], api_key: str | None = None) -> Any: ...


@dataclass
class JudgeStats:
    asked: int = 0  # answers requested from the endpoint (cache misses)
    cached: int = 0
    failed: int = 0
    no_evidence: int = 0  # answers whose quote is not in the passages
    agreed: int = 0
    overruled: int = 0  # confirm: the model's verdict replaced the rules'
    kept: int = 0  # confirm: a rules contradiction the model could not overturn
    last_error: str = ""


class EndpointJudge:
    """The :class:`~citecheck.verify.judge.Judge` protocol over a chat-completions endpoint."""

    def __init__(
        self,
        settings: EndpointSettings,
        fallback: Judge | None = RuleJudge(),  # noqa: B008 (stateless)
        mode: str = "confirm",
        *,
        transport: Poster,
    ) -> None:
        """``transport`` does the HTTP (citecheck.judges.endpoint_judge passes
        citecheck.web.chat.ChatTransport); ``fallback`` None is the model alone."""
        if mode not in MODES:
            raise ValueError(f"judge mode {mode!r}: expected one of {', '.join(MODES)}")
        self.settings = settings
        # Without rules to confirm, confirm mode is the model alone.
        self.mode = mode if fallback is not None else "replace"
        self.fallback = fallback if self.mode == "confirm" else None
        self.name = f"endpoint:{settings.model}"
        self.stats = JudgeStats()
        self._cache: dict[str, ModelAnswer] = {}
        self._lock = threading.Lock()
        self._failures_in_a_row = 0
        self._json_mode = True  # ask for response_format json_object until a server refuses it
        self._transport = transport

    def close(self) -> None:
        close = getattr(self._transport, "close", None)
        if close is not None:
            close()

    def summary(self) -> dict[str, object]:
        """For a report's settings block: no key, no credentials in the URL."""
        s = self.settings
        return {"kind": "endpoint", "url": s.public_url, "model": s.model, "mode": self.mode,
                "timeout": s.timeout, "max_passages": s.max_passages}  # fmt: skip

    def problems(self) -> list[str]:
        """The run's trouble with the endpoint, one line each (for warnings)."""
        s, out = self.stats, []
        if s.failed:
            out.append(f"model judge {self.settings.public_url}: {s.failed} of "
                       f"{s.asked} answers failed (last: {s.last_error})")  # fmt: skip
        if s.no_evidence:
            out.append(f"model judge: {s.no_evidence} answers quoted nothing in the passages "
                       "and were not used as evidence")  # fmt: skip
        return out

    # ------------------------------------------------------------------ judging

    def judge(
        self,
        claim_text: str,
        claim_lang: str | None,
        candidates: Sequence[Candidate],
        meta: SourceMeta | None = None,
    ) -> Verdict:
        rules = None
        try:
            if self.fallback is not None:
                rules = self.fallback.judge(claim_text, claim_lang, candidates, meta)
            return self._judge(claim_text, claim_lang, candidates, meta, rules)
        except Exception as exc:  # the Judge protocol: a verdict, never an exception
            log.exception("model judge failed on %r", claim_text[:80])
            return self._failed(f"{type(exc).__name__}: {exc}", rules)

    def _judge(self, claim, lang, candidates, meta, rules: Verdict | None) -> Verdict:  # type: ignore[no-untyped-def]
        unavailable = getattr(meta, "unavailable", None)
        if unavailable:
            return rules or Verdict("unverifiable", 1.0, reason=str(unavailable))
        passages = [c for c in candidates if (c.text or "").strip()][: self.settings.max_passages]
        if not passages:
            return rules or Verdict("unverifiable", 1.0, reason="no source passage to judge")
        try:
            answer = self._ask(claim, lang, passages, meta)
        except Exception as exc:  # transport or unreadable answer
            return self._failed(str(exc), rules)
        evidence, problem = self._evidence(answer, passages, meta)
        if problem is not None:
            with self._lock:
                self.stats.no_evidence += 1
            note = f"model {self.settings.model} answered {answer.label} but {problem}"
            if rules is not None:
                return _with_note(rules, f"{note}: answer not used")
            return Verdict("not_found", NO_EVIDENCE_CONFIDENCE, reason=f"{note}: no evidence")
        mine = Verdict(answer.label, round(min(answer.confidence, 0.99), 2),
                       evidence=evidence, reason=self._says(answer))  # fmt: skip
        return mine if rules is None else self._combine(claim, lang, rules, mine, answer)

    def _says(self, answer: ModelAnswer) -> str:
        why = answer.rationale or "no rationale given"
        return f"model {self.settings.model}: {why}"

    def _failed(self, why: str, rules: Verdict | None) -> Verdict:
        if rules is not None:
            return _with_note(rules, f"model judge failed: {why}")
        return Verdict("unverifiable", 1.0, reason=f"model judge failed: {why}")

    def _evidence(
        self, answer: ModelAnswer, passages: Sequence[Candidate], meta: SourceMeta | None
    ) -> tuple[list[Evidence], str | None]:
        """The quote as Evidence with source offsets, or the reason there is none."""
        if answer.label == "unverifiable":  # passages were given: the label is not open
            return [], "passages were given (unverifiable is for no passage)"
        if answer.label not in QUOTED_LABELS:
            return [], None
        if not answer.quote.strip():
            return [], "gave no quote"
        # The named passage first, then the others: models miscount (or count from 0).
        order = list(range(len(passages)))
        if 1 <= answer.passage <= len(passages):
            order.remove(answer.passage - 1)
            order.insert(0, answer.passage - 1)
        for i in order:
            c = passages[i]
            span = locate_quote(answer.quote, c.text)
            if span is None:
                continue
            s, e = span
            if c.end - c.start != len(c.text):  # offsets do not line up: the whole passage
                s, e = 0, len(c.text)
            url = getattr(c, "source_url", None) or getattr(meta, "url", None)
            return [Evidence(c.text[s:e], c.start + s, c.start + e, getattr(c, "lang", None),
                             float(getattr(c, "score", 0.0) or 0.0), url,
                             getattr(c, "semantic", None))], None  # fmt: skip
        return [], "its quote is not in the passages"

    def _combine(self, claim, lang, rules: Verdict, mine: Verdict, answer: ModelAnswer) -> Verdict:  # type: ignore[no-untyped-def]
        model = self.settings.model
        if mine.label == rules.label:
            with self._lock:
                self.stats.agreed += 1
            out = _copy(rules)
            gain = (1 - rules.confidence) * answer.confidence * AGREE_GAIN
            out.confidence = round(min(0.99, rules.confidence + gain), 2)
            # the model's quote is shown too unless a rules quote already holds it
            out.evidence += [e for e in mine.evidence if not _inside(e, out.evidence)]
            out.reason = _join(rules.reason, f"model {model} agrees: {answer.rationale}")
            return out
        differ = f"judges differ: rules {rules.label}, model {model} {mine.label}"
        if (
            rules.label == "contradicted"
            and mine.label in SUPPORT
            and not _attests_a_figure(claim, lang, mine.evidence)
        ):
            with self._lock:
                self.stats.kept += 1
            out = _copy(rules)
            out.conflicts.append(differ)
            out.reason = _join(rules.reason, f"model {model} said {mine.label} without "
                               "quoting the claim's figure: the rules' verdict stands")  # fmt: skip
            return out
        with self._lock:
            self.stats.overruled += 1
        out = _copy(rules)
        out.label = mine.label
        out.confidence = round(min(0.99, answer.confidence * DISAGREE_FACTOR), 2)
        # The model's quote decides; the rules' best passage stays as context when
        # the model quotes nothing (its not_found).
        out.evidence = mine.evidence or out.evidence
        out.conflicts.append(differ)
        out.reason = _join(mine.reason, f"rules said {rules.label}: {rules.reason}")
        return out

    # ------------------------------------------------------------------ asking

    def _ask(
        self, claim: str, lang: str | None, passages: Sequence[Candidate], meta: SourceMeta | None
    ) -> ModelAnswer:
        s = self.settings
        pairs = [(c.text, getattr(c, "lang", None)) for c in passages]
        title, published = getattr(meta, "title", None), getattr(meta, "published", None)
        messages = build_messages(claim, lang, pairs, title=title, published=published)
        key = hashlib.sha256(
            json.dumps([PROMPT_VERSION, s.url, s.model, s.temperature, messages]).encode()
        ).hexdigest()
        with self._lock:
            if key in self._cache:
                self.stats.cached += 1
                return self._cache[key]
            if self._failures_in_a_row >= MAX_FAILURES_IN_A_ROW:
                raise RuntimeError(f"not asked after {MAX_FAILURES_IN_A_ROW} failures in a row "
                                   f"(last: {self.stats.last_error})")  # fmt: skip
            self.stats.asked += 1
        payload = {
            "model": s.model,
            "messages": messages,
            "temperature": s.temperature,
            "max_tokens": s.max_tokens,
        }
        try:
            answer = parse_answer(self._post(payload))
        except Exception as exc:
            message = _redact(str(exc), s.api_key)
            with self._lock:
                self.stats.failed += 1
                self.stats.last_error = message
                # An unreadable answer is the model's; only the endpoint failing counts
                # towards giving up on it.
                if not isinstance(exc, AnswerError):
                    self._failures_in_a_row += 1
            raise RuntimeError(message) from exc
        with self._lock:
            self._failures_in_a_row = 0
            self._cache[key] = answer
        return answer

    def _post(self, payload: dict[str, Any]) -> Any:
        """POST asking for JSON output; a server that rejects ``response_format``
        (HTTP 400/422: older llama.cpp and vLLM builds) is asked again without it,
        and not offered it again in this run: the answer is read from text anyway."""
        s = self.settings
        if not self._json_mode:
            return self._transport.post_json(s.url, payload, s.api_key)
        try:
            return self._transport.post_json(
                s.url, {**payload, "response_format": {"type": "json_object"}}, s.api_key
            )
        except Exception as exc:
            if getattr(exc, "kind", None) != "http" or not str(exc).startswith(REJECTED):
                raise
        answer = self._transport.post_json(s.url, payload, s.api_key)
        self._json_mode = False  # only once the plain request worked: it was the option
        return answer


# --- helpers -----------------------------------------------------------------------------


def _copy(v: Verdict) -> Verdict:
    return Verdict(v.label, v.confidence, list(v.matched), list(v.missing), list(v.conflicts),
                   list(v.evidence), v.reason, list(v.facts), v.words)  # fmt: skip


def _with_note(v: Verdict, note: str) -> Verdict:
    out = _copy(v)
    out.reason = _join(v.reason, note)
    return out


def _join(first: str, second: str) -> str:
    first, second = first.strip().rstrip(";"), second.strip()
    return f"{first}; {second}" if first else second


def _inside(e: Evidence, others: list[Evidence]) -> bool:
    return any(o.start <= e.start and e.end <= o.end for o in others)


def _redact(text: str, secret: str | None) -> str:
    return text.replace(secret, "***") if secret else text


def _attests_a_figure(claim: str, lang: str | None, evidence: list[Evidence]) -> bool:
    """True when the claim states no figure, or the quote attests one of them."""
    figures = extract_quantities(claim, lang)
    if not figures:
        return True
    for e in evidence:
        quoted = extract_quantities(e.text, e.lang)
        if any(compare(f, q) == "agree" for f in figures for q in quoted):
            return True
    return False


def judge_summary(judge: object | None) -> object:
    """A judge as a report's settings show it: "rules", or the endpoint's summary."""
    if judge is None:
        return "rules"
    summary = getattr(judge, "summary", None)
    return summary() if callable(summary) else getattr(judge, "name", type(judge).__name__)
