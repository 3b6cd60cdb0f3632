"""The `check` pipeline end to end: the bundled demo replayed from its WARC, and a
live run against the loopback farm captured into a WARC and replayed from it."""

from __future__ import annotations

from pathlib import Path

import pytest

from citecheck.check import CheckSettings, run_check
from citecheck.web.links import LinkSettings
from tests.conftest import FIXTURES, SEED_ARTICLE
from tests.web.conftest import fast_settings
from tests.web.farm import Farm, page

DEMO_WARC = FIXTURES / "demo" / "avim-blog-33-sources.warc.gz"


@pytest.fixture(scope="module")
def demo_report():
    return run_check(str(SEED_ARTICLE), CheckSettings(archive=DEMO_WARC, embedder="none"))


def _verdicts(report) -> dict[int, list[str]]:
    return {n.note.number: [c.verdict.label for c in n.claims if c.verdict] for n in report.notes}


def test_demo_replay_checks_every_note_without_network(demo_report) -> None:
    assert demo_report.problems == []
    assert len(demo_report.notes) == 17
    links = [link for n in demo_report.notes for link in n.links]
    assert links and all(link.status == "not_checked" for link in links)
    # every archived link points at its capture: the editor can link it
    assert all(link.archive is not None for link in links if "doi.org" not in link.url)


def test_demo_drift_on_the_dead_iea_page(demo_report) -> None:
    for number in (1, 2, 3, 4):  # IEA: 200 on the access date, 404 later
        (claim,) = demo_report.notes[number - 1].claims
        assert claim.verdict.label == "unverifiable"
        assert claim.archived_verdict is not None
        assert claim.archived_verdict.label == "supported"
        assert claim.drifted
        assert claim.archived_source.from_archive.timestamp.startswith("20251126")


def test_demo_verdicts_follow_the_answer_key(demo_report) -> None:
    verdicts = _verdicts(demo_report)
    assert verdicts[11] == ["unverifiable"]  # a printed chapter
    assert verdicts[15] == ["not_found"]  # Reuters names no mineral
    for number in (6, 8, 13, 14, 16, 17):
        assert verdicts[number] == ["supported"], number
    note12 = demo_report.notes[11]
    assert note12.identifiers and note12.identifiers[0].registered is True


def test_capture_then_replay_gives_the_same_verdicts(tmp_path: Path) -> None:
    with Farm() as farm:
        host = farm.host()
        host.route(
            "/uranium",
            page("Uranium", "Kazakhstan produces about 40 percent of the world's uranium. " * 3),
        )
        article = tmp_path / "article.md"
        article.write_text(
            "# Uranyum\n\nKazakistan dünya uranyum üretiminin yaklaşık %40'ını karşılamaktadır.[1]"
            f" Bu oran son yıllarda artmıştır.\n\n---\n\n[1] Uranium, Example, "
            f"E.T. 1 Ocak 2026, <{host.url('/uranium')}>\n",
            encoding="utf-8",
        )
        # the article itself is served too: fetched by the run's client, so captured
        body = article.read_bytes()
        host.route(
            "/makale.md",
            lambda ctx: ctx.send(200, body, content_type="text/markdown; charset=utf-8"),
        )
        article_url = host.url("/makale.md")
        warc = tmp_path / "run.warc.gz"
        live = run_check(
            article_url,
            CheckSettings(
                links=LinkSettings(http=fast_settings(), archive_lookup=False),
                capture=warc,
                embedder="none",
            ),
        )
    assert live.notes[0].links[0].status == "ok"
    assert _verdicts(live)[1] == ["supported"]
    # the farm is gone: the article and its source come from the WARC alone
    replayed = run_check(article_url, CheckSettings(archive=warc, embedder="none"))
    assert _verdicts(replayed) == _verdicts(live)
    assert replayed.notes[0].links[0].status == "not_checked"
