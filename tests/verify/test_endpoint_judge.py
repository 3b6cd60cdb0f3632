"""The model judge (verify/endpoint_judge.py) against a real HTTP stand-in on loopback.

Every exchange goes over a socket to tests/verify/endpoint_standin.py; nothing is
mocked. The rules' side is a fixed Judge where a test needs a known rules verdict
(the rules change as they are tuned; the combination logic must not depend on it).
"""

from __future__ import annotations

import contextlib
import json
import re
import socket
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from citecheck.cli import cli
from citecheck.judges import endpoint_judge, judge_from_options
from citecheck.verify.endpoint_answer import (
    AnswerError,
    build_messages,
    first_json_object,
    locate_quote,
    parse_answer,
)
from citecheck.verify.endpoint_judge import (
    API_KEY_ENV,
    MAX_FAILURES_IN_A_ROW,
    NO_EVIDENCE_CONFIDENCE,
    EndpointJudge,
    EndpointSettings,
)
from citecheck.verify.model import Evidence, SourceMeta, Verdict
from citecheck.web.chat import ChatTransport
from tests.conftest import FIXTURES, SEED_ARTICLE
from tests.verify.endpoint_standin import Reply, StandIn, completion, passages_of, verdict

KEY = "sk-test-0123456789abcdef"
DEMO_WARC = FIXTURES / "demo" / "avim-blog-33-sources.warc.gz"


def _ev(text: str, start: int, lang: str = "en") -> Evidence:
    return Evidence(text, start, start + len(text), lang, 1.0)


URANIUM = _ev("Kazakhstan produces about 40 percent of the world's uranium.", 100)
SUMMIT = _ev("The summit was held in Washington on 6 November 2025.", 300)
SHARE45 = _ev("In 2024 Kazakhstan's share of world uranium output was 45 percent.", 500)
PASSAGES = [URANIUM, SUMMIT]
CLAIM = "Kazakistan dünya uranyum üretiminin yaklaşık %40'ını karşılıyor."
CLAIM45 = "Kazakistan dünya uranyum üretiminin %45'ini karşılıyor."


class Fixed:
    """A rules stand-in: always the same verdict (a Judge, not a mock of HTTP)."""

    name = "fixed"

    def __init__(self, label: str, confidence: float = 0.6, **fields) -> None:  # type: ignore[no-untyped-def]
        self.verdict = Verdict(label, confidence, reason=f"rules say {label}", **fields)
        self.calls = 0

    def judge(self, claim_text, claim_lang, candidates, meta=None) -> Verdict:  # type: ignore[no-untyped-def]
        self.calls += 1
        v = self.verdict
        return Verdict(v.label, v.confidence, list(v.matched), list(v.missing),
                       list(v.conflicts), list(v.evidence), v.reason)  # fmt: skip


_OPEN: list[EndpointJudge] = []


@pytest.fixture(autouse=True)
def _close_judges():  # type: ignore[no-untyped-def]
    """Each judge's transport has a watchdog thread: closed after every test."""
    yield
    while _OPEN:
        _OPEN.pop().close()


def opened(judge):  # type: ignore[no-untyped-def]
    _OPEN.append(judge)
    return judge


def make(standin: StandIn, fallback=None, mode: str = "confirm", **settings) -> EndpointJudge:  # type: ignore[no-untyped-def]
    settings.setdefault("timeout", 5.0)
    return opened(
        endpoint_judge(
            EndpointSettings(standin.url, "m", api_key=KEY, **settings),
            fallback if fallback is not None else Fixed("supported"),
            mode,
        )
    )


# --------------------------------------------------------------- confirm mode


def test_agreeing_model_raises_confidence_and_sends_a_well_formed_request() -> None:
    with StandIn().queue(verdict("supported", "produces about 40 percent", 1, 0.8)) as s:
        v = make(s, Fixed("supported", 0.6, evidence=[SUMMIT])).judge(CLAIM, "tr", PASSAGES)
    assert v.label == "supported"
    assert 0.6 < v.confidence <= 0.99
    assert "rules say supported" in v.reason and "model m agrees" in v.reason
    quote = next(e for e in v.evidence if e.start != SUMMIT.start)
    assert (quote.text, quote.start, quote.end) == ("produces about 40 percent", 111, 136)
    (req,) = s.requests
    assert req.path == "/v1/chat/completions"
    assert req.headers["Authorization"] == f"Bearer {KEY}"
    body = req.json
    assert body["model"] == "m" and body["temperature"] == 0
    assert body["response_format"] == {"type": "json_object"}
    system, user = body["messages"]
    for label in ("supported", "partially_supported", "not_found", "contradicted"):
        assert f"- {label}:" in system["content"]
    assert CLAIM in user["content"] and "(language: tr)" in user["content"]
    assert passages_of(body) == [URANIUM.text, SUMMIT.text]
    assert KEY not in json.dumps(body)


def test_disagreeing_model_wins_with_its_quote_and_both_verdicts_are_kept() -> None:
    answer = verdict("contradicted", "held in Washington on 6 November 2025", 2, 0.9, "wrong day")
    with StandIn().queue(answer) as s:
        v = make(s, Fixed("supported", 0.7)).judge("Zirve 5 Kasım 2025'te yapıldı.", "tr", PASSAGES)
    assert v.label == "contradicted"
    assert v.reason.startswith("model m: wrong day") and "rules said supported" in v.reason
    assert "judges differ: rules supported, model m contradicted" in v.conflicts
    (e,) = v.evidence
    assert e.start == SUMMIT.start + SUMMIT.text.index("held") and e.lang == "en"
    assert v.confidence < 0.9  # two judges disagreeing: less sure than the model alone


def test_model_cannot_turn_a_figure_contradiction_into_support_without_the_figure() -> None:
    rules = Fixed("contradicted", 0.8, conflicts=["claim %45 ≠ source 40 percent"])
    answer = verdict("supported", URANIUM.text, 1, 0.95)
    with StandIn().queue(answer) as s:
        v = make(s, rules).judge(CLAIM45, "tr", [URANIUM, SHARE45])
    assert v.label == "contradicted"
    assert "the rules' verdict stands" in v.reason
    assert "claim %45 ≠ source 40 percent" in v.conflicts
    assert any(c.startswith("judges differ") for c in v.conflicts)


def test_model_quoting_the_claims_figure_overturns_a_figure_contradiction() -> None:
    rules = Fixed("contradicted", 0.8, conflicts=["claim %45 ≠ source 40 percent"])
    answer = verdict("supported", "share of world uranium output was 45 percent", 2, 0.9)
    with StandIn().queue(answer) as s:
        judge = make(s, rules)
        v = judge.judge(CLAIM45, "tr", [URANIUM, SHARE45])
    assert v.label == "supported"
    assert v.evidence[0].start == SHARE45.start + SHARE45.text.index("share")
    assert judge.stats.overruled == 1


def test_model_not_found_overrules_the_rules_and_keeps_their_passage_as_context() -> None:
    with StandIn().queue(verdict("not_found", rationale="said of another country")) as s:
        v = make(s, Fixed("supported", evidence=[URANIUM])).judge(
            "Özbekistan uranyumun %40'ını üretiyor.", "tr", PASSAGES
        )
    assert v.label == "not_found"
    assert v.evidence == [URANIUM]
    assert "rules said supported" in v.reason


# --------------------------------------------------------------- replace mode


def test_replace_mode_is_the_model_alone() -> None:
    rules = Fixed("not_found")
    answer = verdict("partially_supported", "Kazakhstan produces about 40 percent", 1, 0.7, "r")
    with StandIn().queue(answer) as s:
        v = make(s, rules, "replace").judge(CLAIM, "tr", PASSAGES, SourceMeta(url="https://x.org"))
    assert rules.calls == 0
    assert v.label == "partially_supported" and v.confidence == 0.7
    assert v.reason == "model m: r" and v.conflicts == []
    (e,) = v.evidence
    assert (e.start, e.end, e.source_url) == (100, 136, "https://x.org")


def test_a_quote_that_is_not_in_the_passages_is_no_evidence() -> None:
    made_up = verdict("supported", "Uzbekistan produces about 40 percent of the uranium", 1)
    with StandIn().queue(made_up) as s:
        confirm = make(s, Fixed("partially_supported"))
        kept = confirm.judge(CLAIM, "tr", PASSAGES)
        replaced = make(s, mode="replace").judge(CLAIM, "tr", PASSAGES)
    assert kept.label == "partially_supported"
    assert "its quote is not in the passages: answer not used" in kept.reason
    assert confirm.stats.no_evidence == 1 and confirm.problems()
    assert replaced.label == "not_found" and replaced.confidence == NO_EVIDENCE_CONFIDENCE
    assert "no evidence" in replaced.reason and replaced.evidence == []


def test_a_quote_from_another_passage_than_the_one_named_still_counts() -> None:
    with StandIn().queue(verdict("supported", "about 40 percent of the world's uranium", 2)) as s:
        v = make(s, mode="replace").judge(CLAIM, "tr", PASSAGES)
    assert v.label == "supported" and v.evidence[0].start == URANIUM.start + 20


def test_unverifiable_answer_with_passages_is_not_used() -> None:
    with StandIn().queue(verdict("unverifiable")) as s:
        v = make(s, Fixed("supported")).judge(CLAIM, "tr", PASSAGES)
    assert v.label == "supported" and "answer not used" in v.reason


# --------------------------------------------------------------- answers


@pytest.mark.parametrize(
    "content",
    [
        "I think the claim is supported by passage 1.",
        '{"label": "supported", "quote": "Kazakhstan produces',
        '{"label": "maybe", "quote": "", "passage": 0}',
    ],
)
def test_unreadable_answers_keep_the_rules_or_are_unverifiable(content: str) -> None:
    with StandIn().queue(Reply(body=completion(content))) as s:
        kept = make(s, Fixed("partially_supported")).judge(CLAIM, "tr", PASSAGES)
        alone = make(s, mode="replace").judge(CLAIM, "tr", PASSAGES)
    assert kept.label == "partially_supported" and "model judge failed:" in kept.reason
    assert alone.label == "unverifiable" and alone.reason.startswith("model judge failed:")


def test_fenced_json_with_prose_around_it_is_read() -> None:
    fenced = (
        'Sure. Here is my judgement:\n```json\n{"label": "supported", "quote": '
        '"produces about 40 percent", "passage": 1, "confidence": 85, "rationale": "ok"}\n'
        "```\nI hope this helps {not json}."
    )
    with StandIn().queue(Reply(body=completion(fenced))) as s:
        v = make(s, mode="replace").judge(CLAIM, "tr", PASSAGES)
    assert v.label == "supported" and v.confidence == 0.85


def test_a_server_rejecting_response_format_is_asked_without_it() -> None:
    def strict(request):  # type: ignore[no-untyped-def]
        if "response_format" in request:
            return Reply(400, {"error": "response_format is not supported"})
        return verdict("supported", "produces about 40 percent", 1)

    with StandIn(strict) as s:
        judge = make(s, mode="replace")
        first = judge.judge(CLAIM, "tr", PASSAGES)
        second = judge.judge(CLAIM, "tr", [URANIUM])
    assert first.label == second.label == "supported"
    assert ["response_format" in r.json for r in s.requests] == [True, False, False]


# --------------------------------------------------------------- transport failures


def test_http_500_is_a_failure_with_the_servers_words() -> None:
    with StandIn().queue(Reply(500, {"error": "model crashed"})) as s:
        kept = make(s, Fixed("supported")).judge(CLAIM, "tr", PASSAGES)
        alone = make(s, mode="replace").judge(CLAIM, "tr", PASSAGES)
    assert kept.label == "supported" and "model judge failed: HTTP 500" in kept.reason
    assert "model crashed" in kept.reason
    assert alone.label == "unverifiable" and "HTTP 500" in alone.reason


def test_429_with_a_short_retry_after_is_waited_for_and_retried() -> None:
    busy = Reply(429, {"error": "busy"}, headers={"Retry-After": "0"})
    with StandIn().queue(busy, verdict("supported", "produces about 40 percent", 1)) as s:
        v = make(s, mode="replace").judge(CLAIM, "tr", PASSAGES)
    assert v.label == "supported"
    assert len(s.requests) == 2


def test_429_asking_for_more_than_the_cap_fails_at_once() -> None:
    with StandIn().queue(Reply(429, {"error": "quota"}, headers={"Retry-After": "120"})) as s:
        v = make(s, mode="replace").judge(CLAIM, "tr", PASSAGES)
    assert v.label == "unverifiable"
    assert "HTTP 429, Retry-After 120" in v.reason
    assert len(s.requests) == 1


def test_a_server_slower_than_the_timeout_is_a_failure() -> None:
    with StandIn().queue(Reply(delay=30, body=completion("{}"))) as s:
        v = make(s, Fixed("supported"), timeout=0.5).judge(CLAIM, "tr", PASSAGES)
    assert v.label == "supported"
    assert re.search(r"model judge failed: .*(time|within 0.5 s)", v.reason), v.reason


def test_a_body_trickling_past_the_deadline_is_cut() -> None:
    with StandIn().queue(Reply(trickle=0.05)) as s:
        v = make(s, mode="replace", timeout=0.5).judge(CLAIM, "tr", PASSAGES)
    assert v.label == "unverifiable"
    assert "no complete answer within 0.5 s" in v.reason


@pytest.mark.parametrize("length", [True, False])
def test_a_body_over_the_cap_is_refused(length: bool) -> None:
    huge = completion("x" * 300_000)
    with StandIn().queue(Reply(body=huge, length=length)) as s:
        v = make(s, mode="replace").judge(CLAIM, "tr", PASSAGES)
    assert v.label == "unverifiable"
    assert f"over {256 * 1024}" in v.reason


def test_connection_refused_and_giving_up_after_failures_in_a_row() -> None:
    with socket.socket() as sock:  # a port nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    judge = opened(
        endpoint_judge(
            EndpointSettings(f"http://u:pw-secret@127.0.0.1:{port}/v1", "m", timeout=2),
            Fixed("supported"),
        )
    )
    verdicts = [
        judge.judge(f"{CLAIM} {i}", "tr", PASSAGES) for i in range(MAX_FAILURES_IN_A_ROW + 1)
    ]
    assert all(v.label == "supported" for v in verdicts)
    assert "connection refused" in verdicts[0].reason
    assert "pw-secret" not in verdicts[0].reason + " ".join(judge.problems())
    assert f"not asked after {MAX_FAILURES_IN_A_ROW} failures in a row" in verdicts[-1].reason
    assert judge.stats.asked == MAX_FAILURES_IN_A_ROW
    assert "connection refused" in judge.problems()[0]


def test_the_key_never_reaches_a_reason_even_when_the_server_echoes_it() -> None:
    def echo(request):  # type: ignore[no-untyped-def]
        return Reply(401, {"error": "bad key"})

    with StandIn(echo) as s:
        s.answer = lambda req: Reply(401, f"invalid key {s.requests[-1].headers['Authorization']}")
        v = make(s, Fixed("supported")).judge(CLAIM, "tr", PASSAGES)
    assert "HTTP 401" in v.reason and "***" in v.reason
    assert KEY not in v.reason


# --------------------------------------------------------------- cache, no call


def test_a_claim_cited_twice_costs_one_call() -> None:
    with StandIn().queue(verdict("supported", "produces about 40 percent", 1)) as s:
        judge = make(s)
        first = judge.judge(CLAIM, "tr", PASSAGES)
        again = judge.judge(CLAIM, "tr", PASSAGES)
        judge.judge(CLAIM, "tr", [URANIUM])  # other passages: another question
    assert first.label == again.label == "supported"
    assert len(s.requests) == 2 and judge.stats.cached == 1


def test_no_call_without_source_text() -> None:
    with StandIn() as s:
        alone = make(s, mode="replace")
        paywall = alone.judge(CLAIM, "tr", PASSAGES, SourceMeta(unavailable="a paywall"))
        empty = alone.judge(CLAIM, "tr", [])
        kept = make(s, Fixed("not_found")).judge(CLAIM, "tr", [])
    assert s.requests == []
    assert (paywall.label, paywall.reason) == ("unverifiable", "a paywall")
    assert empty.label == "unverifiable" and kept.label == "not_found"


# --------------------------------------------------------------- pure parts


@pytest.mark.parametrize(
    ("quote", "found"),
    [
        ("produces  about\n40 percent", "produces about 40 percent"),
        ("KAZAKHSTAN PRODUCES", "Kazakhstan produces"),
        ("“the world’s uranium.”", "the world's uranium"),
        ("Kazakhstan produces … the world's uranium", URANIUM.text[:-1]),
        ("about 41 percent of the world", None),
        ("about 40", None),  # too short to prove anything
    ],
)
def test_locate_quote(quote: str, found: str | None) -> None:
    span = locate_quote(quote, URANIUM.text)
    assert (URANIUM.text[span[0] : span[1]] if span else None) == found


def test_locate_quote_folds_turkish_letters_and_diacritics() -> None:
    passage = "Türk Devletleri Teşkilatı (TDT), İstanbul'da toplandı."
    span = locate_quote("turk devletleri teskilati (tdt), istanbul", passage)
    assert span is not None and passage[span[0] : span[1]].startswith("Türk")


def test_parse_answer_tolerates_common_variations() -> None:
    response = {
        "choices": [
            {
                "message": {
                    "content": [
                        {"type": "text", "text": '{"label": "Partially Supported", "quote": '},
                        {"type": "text", "text": '["a b c"], "passage": "[2]", "confidence": "x"}'},
                    ]
                }
            }
        ]
    }
    a = parse_answer(response)
    assert (a.label, a.quote, a.passage, a.confidence) == ("partially_supported", "a b c", 2, 0.5)
    with pytest.raises(AnswerError):
        parse_answer({"choices": []})
    with pytest.raises(AnswerError):
        parse_answer({"choices": [{"message": {"content": "   "}}]})
    assert first_json_object('x {bad} y {"a": 1}') == {"a": 1}
    thinking = '<think>maybe {"label": "not_found"}?</think>\n{"label": "contradicted"}'
    assert parse_answer({"choices": [{"message": {"content": thinking}}]}).label == "contradicted"


@settings(max_examples=200, deadline=None)
@given(
    st.one_of(
        st.text(),
        st.dictionaries(
            st.sampled_from(["label", "quote", "passage", "confidence", "rationale"]),
            st.one_of(st.text(), st.integers(), st.floats(), st.none(), st.lists(st.text())),
        ).map(json.dumps),
    ),
    st.text(),
)
def test_arbitrary_answers_and_quotes_never_crash(content: str, passage: str) -> None:
    with contextlib.suppress(AnswerError):  # the one error an answer may give
        answer = parse_answer({"choices": [{"message": {"content": content}}]})
        assert 0.0 <= answer.confidence <= 1.0
    span = locate_quote(content, passage)
    assert span is None or 0 <= span[0] < span[1] <= len(passage)


def test_messages_number_the_passages_with_their_language() -> None:
    system, user = build_messages(
        "c", None, [("one", "en"), ("zwei", "de")], title="T", published="2025-10-01"
    )
    assert "unverifiable: only when no passage is given" in system["content"]
    assert "[1] (language: en)\none" in user["content"]
    assert "[2] (language: de)\nzwei" in user["content"]
    assert "published: 2025-10-01" in user["content"] and "(language: unknown)" in user["content"]


def test_settings_hide_the_key_and_credentials() -> None:
    s = EndpointSettings("https://user:pw@api.example.org/v1/", "m", api_key=KEY)
    assert s.url == "https://user:pw@api.example.org/v1/chat/completions"
    assert s.public_url == "https://api.example.org/v1/"
    assert KEY not in repr(s)
    summary = EndpointJudge(s, transport=ChatTransport(timeout=1)).summary()
    assert "pw" not in json.dumps(summary) and KEY not in json.dumps(summary)
    full = EndpointSettings("http://127.0.0.1:8080/v1/chat/completions", "m")
    assert full.url == "http://127.0.0.1:8080/v1/chat/completions"
    with pytest.raises(ValueError, match="expected http"):
        EndpointSettings("file:///etc/passwd", "m")
    with pytest.raises(ValueError, match="model name"):
        EndpointSettings("http://x/v1", " ")


def test_judge_from_options() -> None:
    assert judge_from_options("rules", None, None) is None
    with pytest.raises(ValueError, match="--judge-url and --judge-model"):
        judge_from_options("endpoint", None, None)
    judge = judge_from_options(
        "endpoint", "http://127.0.0.1:1/v1", "m", "replace", 5, environ={API_KEY_ENV: KEY}
    )
    assert judge is not None and judge.mode == "replace" and judge.settings.api_key == KEY
    assert judge.settings.timeout == 5


# --------------------------------------------------------------- the commands


def _endpoint(url: str, mode: str = "confirm") -> list[str]:
    return ["--judge", "endpoint", "--judge-url", url, "--judge-model", "m", "--judge-mode", mode]


ARTICLE = [str(SEED_ARTICLE), "--archive", str(DEMO_WARC), "--embedder", "none"]


def _first_passage(request):  # type: ignore[no-untyped-def]
    """A rule of the request, not of any gold label: passage 1's opening words."""
    return verdict("supported", passages_of(request)[0][:60], 1, 0.8, "first passage")


def test_verify_command_with_an_endpoint_judge(tmp_path: Path) -> None:
    source = FIXTURES / "sources" / "page-en-kazakhstan-us-minerals.html"
    with StandIn(_first_passage) as s:
        result = CliRunner().invoke(
            cli,
            ["verify", *ARTICLE, "--source", f"1={source}", "--format", "json", *_endpoint(s.url)],
            env={API_KEY_ENV: KEY},
        )
    assert result.exit_code in (0, 1), result.output
    assert KEY not in result.output
    report = json.loads(result.output)
    assert report["settings"]["judge"]["model"] == "m"
    assert report["settings"]["judge"]["mode"] == "confirm"
    claims = [c for n in report["notes"] for c in n["claims"]]
    assert claims[0]["source"]["url"].endswith(source.name)
    judged = [c for c in claims if "model m" in c["verdict"]["reason"]]
    assert judged and len(s.requests) == len(judged)  # each claim and its passages asked once
    assert any("model m agrees" in c["verdict"]["reason"] for c in judged)
    assert all(r.headers["Authorization"] == f"Bearer {KEY}" for r in s.requests)


def test_check_reports_never_carry_the_key(tmp_path: Path) -> None:
    with StandIn(_first_passage) as s:
        result = CliRunner().invoke(
            cli,
            [
                "check",
                *ARTICLE,
                "--quiet",
                "--out",
                str(tmp_path),
                "--format",
                "json,md",
                *_endpoint(s.url, "replace"),
            ],
            env={API_KEY_ENV: KEY},
        )
    assert result.exit_code in (0, 1), result.output
    assert s.requests
    for name in ("report.json", "report.md"):
        assert KEY not in (tmp_path / name).read_text("utf-8")
    report = json.loads((tmp_path / "report.json").read_text("utf-8"))
    assert report["settings"]["judge"]["mode"] == "replace"
    reasons = [c["verdict"]["reason"] for n in report["notes"] for c in n["claims"]]
    assert any(r.startswith("model m: first passage") for r in reasons)


def _claims_sample(tmp_path: Path, per_label: int = 3) -> Path:
    """A few items of each gold label of fixtures/eval/claims.jsonl (the whole set
    takes half a minute), sources made absolute."""
    base = FIXTURES / "eval"
    taken: dict[str, int] = {}
    lines = []
    for line in (base / "claims.jsonl").read_text("utf-8").splitlines():
        item = json.loads(line) if line.strip() else None
        if item is None or taken.get(item["label"], 0) >= per_label:
            continue
        taken[item["label"]] = taken.get(item["label"], 0) + 1
        item["source"] = str((base / item["source"]).resolve())
        lines.append(json.dumps(item, ensure_ascii=False))
    path = tmp_path / "claims.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_eval_measures_a_model_judge_on_the_claims_set(tmp_path: Path) -> None:
    with StandIn(lambda request: verdict("not_found")) as s:
        result = CliRunner().invoke(
            cli,
            [
                "eval",
                str(_claims_sample(tmp_path)),
                "--show-errors",
                "0",
                *_endpoint(s.url, "replace"),
            ],
        )
    assert result.exit_code == 0, result.output
    assert "confusion matrix" in result.output
    total = int(re.search(r"^(\d+) claims;", result.output, re.M).group(1))  # type: ignore[union-attr]
    row = re.search(r"^not_found\s+\S+\s+\S+\s+\S+\s+\d+\s+(\d+)$", result.output, re.M)
    assert row is not None and int(row.group(1)) == total  # every item judged by the model
    assert 0 < len(s.requests) <= total
    assert f"model judge endpoint:m: {len(s.requests)} asked" in result.output


def test_eval_runner_takes_the_judge_options(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from citecheck.evaluation.claims_eval import main

    line = {"id": "a", "claim": CLAIM, "claim_lang": "tr", "source": "src.txt",
            "label": "supported", "note": "n", "tags": []}  # fmt: skip
    (tmp_path / "set.jsonl").write_text(json.dumps(line) + "\n", encoding="utf-8")
    page = [URANIUM.text, SUMMIT.text, SHARE45.text] * 3
    (tmp_path / "src.txt").write_text("\n\n".join(page) + "\n", encoding="utf-8")
    with StandIn(lambda request: verdict("contradicted", URANIUM.text, 1)) as s:
        code = main([str(tmp_path / "set.jsonl"), *_endpoint(s.url, "replace")])
    out = capsys.readouterr()
    assert code == 0 and len(s.requests) == 1
    assert re.search(r"^supported\s.*$", out.out, re.M)
    assert "1 claims; right 0" in out.out and "1 asked" in out.err


def test_settings_file_chooses_the_judge_but_never_holds_the_key(tmp_path: Path) -> None:
    source = FIXTURES / "sources" / "page-en-kazakhstan-us-minerals.html"
    with StandIn(_first_passage) as s:
        config = tmp_path / "citecheck.toml"
        config.write_text(
            f'judge = "endpoint"\njudge_url = "{s.url}"\njudge_model = "m"\n', encoding="utf-8"
        )
        args = ["--config", str(config), "verify", *ARTICLE, "--source", f"1={source}"]
        result = CliRunner().invoke(cli, args)
        assert result.exit_code in (0, 1), result.output
        assert s.requests
    config.write_text('judge_api_key = "sk-in-a-file"\n', encoding="utf-8")
    refused = CliRunner().invoke(cli, args)
    assert refused.exit_code == 2 and "judge_api_key" in refused.output


def test_endpoint_judge_without_url_is_a_usage_error() -> None:
    result = CliRunner().invoke(
        cli, ["verify", str(SEED_ARTICLE), "--judge", "endpoint", "--judge-model", "m"]
    )
    assert result.exit_code == 2 and "--judge-url" in result.output
    notes = CliRunner().invoke(
        cli,
        ["eval", str(FIXTURES / "eval" / "notes.jsonl"), *_endpoint("http://127.0.0.1:1/v1")],
    )
    assert notes.exit_code == 2 and "claims set" in notes.output


def test_closing_a_judge_ends_its_threads() -> None:
    import threading

    def watchdogs() -> int:
        return sum(t.name == "citecheck-deadlines" for t in threading.enumerate())

    before = watchdogs()
    with StandIn().queue(verdict("not_found")) as s:
        judge = make(s, mode="replace")
        judge.judge(CLAIM, "tr", PASSAGES)
        assert watchdogs() == before + 1  # the transport's deadline thread
        judge.close()
    assert watchdogs() == before
