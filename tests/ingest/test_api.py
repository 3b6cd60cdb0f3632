"""The public surface of citecheck.ingest (kept small; other stages rely on it)."""

from __future__ import annotations

import inspect
import json

import citecheck.ingest as ingest
from citecheck.model import Document
from tests.conftest import SEED_ARTICLE


def test_exported_members() -> None:
    assert sorted(ingest.__all__) == ["document_to_dict", "load_bytes", "load_path"]
    for name in ingest.__all__:
        assert getattr(ingest, name).__doc__


def test_signatures() -> None:
    load_bytes = inspect.signature(ingest.load_bytes)
    assert list(load_bytes.parameters) == ["data", "source", "content_type"]
    assert load_bytes.parameters["source"].kind is inspect.Parameter.KEYWORD_ONLY
    assert load_bytes.parameters["content_type"].default is None
    assert list(inspect.signature(ingest.load_path).parameters) == ["path"]


def test_document_to_dict_is_json_ready() -> None:
    doc = ingest.load_path(SEED_ARTICLE)
    assert isinstance(doc, Document)
    data = ingest.document_to_dict(doc)
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    assert data["notes"][0]["number"] == 1 and data["how_to_cite"]["year"] == 2026
