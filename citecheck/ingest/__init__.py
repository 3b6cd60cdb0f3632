"""Read an article from any input format into a :class:`citecheck.model.Document`.

Formats are detected by content (:mod:`citecheck.ingest.detect`): AVİM HTML,
generic footnoted HTML, .docx, BibTeX, Markdown and plain text. Each reader is
its own module and all of them share the block splitter (``sections``), the
marker scanner (``markers``) and the assembler (``assemble``). Parts of the input
that cannot be read become ``ingest_problem`` findings on the Document; only an
input that cannot be read at all raises a :class:`citecheck.errors.InputError`.

This package does no network I/O: the CLI fetches a URL and calls
:func:`load_bytes` with the body.
"""

from __future__ import annotations

import os
from pathlib import Path

from citecheck.errors import InputError
from citecheck.ingest.detect import detect
from citecheck.ingest.serialize import document_to_dict
from citecheck.model import Document

__all__ = ["document_to_dict", "load_bytes", "load_path"]


def load_path(path: str | os.PathLike[str]) -> Document:
    """Read the article at ``path`` (HTML, text/Markdown, .docx or .bib)."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except IsADirectoryError as exc:
        raise InputError(f"{p} is a directory, not an article") from exc
    except FileNotFoundError as exc:
        raise InputError(f"{p} does not exist") from exc
    except OSError as exc:
        raise InputError(f"cannot read {p}: {exc.strerror or exc}") from exc
    return load_bytes(data, source=str(path))


def load_bytes(data: bytes, *, source: str, content_type: str | None = None) -> Document:
    """Read an article from its bytes; ``source`` is the path or URL it came from.

    ``content_type`` is the HTTP Content-Type when the bytes were fetched; it
    helps with the charset and with telling HTML from text, but the content decides.
    """
    found = detect(data, source=source, content_type=content_type)
    if found.format == "docx":
        from citecheck.ingest.docx import read_docx

        doc = read_docx(data, source)
    elif found.format == "avim-html":
        from citecheck.ingest.html_avim import read_avim_html

        doc = read_avim_html(found.text or "", source)
    elif found.format == "html":
        from citecheck.ingest.html_generic import read_html

        doc = read_html(found.text or "", source)
    elif found.format == "bibtex":
        from citecheck.ingest.bibtex import read_bibtex

        doc = read_bibtex(found.text or "", source)
    else:
        from citecheck.ingest.text import read_text

        doc = read_text(found.text or "", source)
    return doc
