"""Discovery feeding the audit run loop, then the report: the loopback AVİM-like site
end to end, links offline (the fixture's cited sources are outside addresses)."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

from citecheck.audit.discover import Discovery, DiscoverySettings
from citecheck.audit.report import write_reports
from citecheck.audit.run import AuditSettings, run_audit
from citecheck.audit.store import open_store
from citecheck.web.http import HttpClient
from citecheck.web.links import LinkSettings
from tests.audit.site_farm import serve_site
from tests.web.conftest import fast_settings
from tests.web.farm import Farm

ARTICLES = 7  # every article of the fixture site but the disallowed draft


def test_discovered_articles_audited_politely_and_reported(tmp_path: Path) -> None:
    delay = 0.1
    http = fast_settings(retries=0)
    settings = AuditSettings(links=LinkSettings(http=http, offline=True, archive_lookup=False))
    with Farm() as farm, HttpClient(http) as client:
        site = serve_site(farm, crawl_delay=delay)
        discovery = Discovery(site.base, client, DiscoverySettings(crawl="always"))
        summary = run_audit(
            discovery, tmp_path / "audit.sqlite", settings, client=discovery.article_client()
        )
        article_paths = {p.split("?")[0] for p in (e.path for e in farm.requests(host=site))}
        starts = [e.start for e in farm.requests(host=site)][1:]  # after robots.txt
    assert summary.articles_seen == ARTICLES
    assert "/tr/Yorum/GIZLI-TASLAK-DEGERLENDIRME" not in article_paths
    # every request to the site after robots.txt (discovery and article pages alike)
    # kept the Crawl-delay apart. The server sees arrivals, which a loaded machine
    # delays one by one (0.131 s then 0.074 s in a CI run, the client's own spacing
    # 0.1 s each): two gaps in a row must span the delay twice, give or take, which
    # a client sending two requests at once never does.
    gaps = [b - a for a, b in itertools.pairwise(starts)]
    assert len(gaps) > ARTICLES
    assert min(a + b for a, b in itertools.pairwise(gaps)) >= 2 * delay * 0.8, gaps
    assert starts[-1] - starts[0] >= len(gaps) * delay * 0.9, gaps
    with open_store(tmp_path / "audit.sqlite", readonly=True) as store:
        counts = store.counts()
        assert counts["articles"] == ARTICLES and counts["links"] > 0
        paths = write_reports(store, tmp_path / "report", formats=["json"])
    report = json.loads(paths[0].read_text("utf-8"))
    assert report["run"]["id"] == summary.run_id
    assert sum(d["links"] for d in report["domains"]) == counts["links"]
    years = {y["year"] for y in report["rot_by_year"]}
    assert {2024, 2025} <= years  # publication years read from the article pages
