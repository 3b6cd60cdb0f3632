"""Word .docx articles: real footnotes/endnotes, or a draft with typed ``[1]`` notes.

The package is read with zipfile + lxml (one parse path for body, notes and
metadata; python-docx does not expose footnote references):

- ``word/document.xml``: one block per paragraph (table cells included), headings
  from the paragraph style, ``w:footnoteReference``/``w:endnoteReference`` runs as
  marker tokens, hyperlink targets the text does not show kept for notes;
- ``word/footnotes.xml`` / ``word/endnotes.xml``: the notes, numbered in the order
  their references appear (Word's own numbering); endnotes after footnotes,
  labelled in lower-case roman as Word prints them by default;
- ``docProps/core.xml``: title, author, dates, language.

A draft without Word notes (manual ``[1]`` markers, notes typed under ``Notlar``)
goes through the same splitter as a text file.
"""

from __future__ import annotations

import io
import re
import zipfile

from lxml import etree

from citecheck.errors import InputError, UnknownFormatError
from citecheck.ingest import meta
from citecheck.ingest.assemble import build, problem
from citecheck.ingest.html_common import URL_CLOSE, URL_OPEN, hidden_urls
from citecheck.ingest.markers import token
from citecheck.ingest.sections import Block, split_blocks
from citecheck.model import Document

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_NS = {"w": W}
# No part of a real article is this large; a bigger entry is a zip bomb or not an article.
MAX_PART_BYTES = 50 * 1024 * 1024
_HEADING_STYLE = re.compile(r"^(?:heading|başlık|baslik|berschrift|title|konubaşlığı)\s*\d*$", re.I)
_ROMAN = ["", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"]


def read_docx(data: bytes, source: str) -> Document:
    """A Document from the bytes of a .docx file."""
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise UnknownFormatError(f"{source or 'input'} is a damaged .docx (zip): {exc}") from exc
    with package:
        body = _xml(package, "word/document.xml", required=True, source=source)
        doc = Document(source=source, format="docx")
        rels = _relationships(package)
        footnotes = _notes_part(package, "word/footnotes.xml", "footnote", doc, rels)
        endnotes = _notes_part(package, "word/endnotes.xml", "endnote", doc, rels)
        _core_properties(package, doc)
    assert body is not None
    reader = _BodyReader(rels, footnotes, endnotes)
    blocks = reader.blocks(body)
    blocks.extend(reader.note_blocks(doc))
    build(doc, split_blocks(blocks, _clean), _clean)
    return doc


def _clean(text: str, keep_urls: bool) -> str:
    return hidden_urls(text, keep_urls)


def _xml(
    package: zipfile.ZipFile, name: str, *, required: bool = False, source: str = ""
) -> etree._Element | None:
    try:
        info = package.getinfo(name)
    except KeyError:
        if required:
            raise UnknownFormatError(f"{source or 'input'} has no {name}: not a .docx") from None
        return None
    if info.file_size > MAX_PART_BYTES:
        raise InputError(f"{name} in {source or 'input'} is too large ({info.file_size} bytes)")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        return etree.fromstring(package.read(info), parser=parser)
    except (etree.XMLSyntaxError, zipfile.BadZipFile, OSError, ValueError) as exc:
        if required:
            raise InputError(f"{name} in {source or 'input'} cannot be read: {exc}") from exc
        return None


def _relationships(package: zipfile.ZipFile) -> dict[str, str]:
    """Hyperlink targets by relationship id (body and notes share one id space in practice)."""
    targets: dict[str, str] = {}
    for name in ("word/_rels/document.xml.rels", "word/_rels/footnotes.xml.rels",
                 "word/_rels/endnotes.xml.rels"):  # fmt: skip
        root = _xml(package, name)
        if root is None:
            continue
        for rel in root.iter(f"{{{PKG_REL}}}Relationship"):
            if rel.get("TargetMode") == "External" and rel.get("Id"):
                targets.setdefault(rel.get("Id", ""), rel.get("Target", ""))
    return targets


def _notes_part(
    package: zipfile.ZipFile, name: str, tag: str, doc: Document, rels: dict[str, str]
) -> dict[str, str]:
    """Note texts by w:id, separators skipped."""
    if name not in package.namelist():
        return {}
    root = _xml(package, name)
    if root is None:
        problem(doc, f"{name} could not be read: its notes are missing")
        return {}
    notes: dict[str, str] = {}
    for note in root.iter(f"{{{W}}}{tag}"):
        note_id = note.get(f"{{{W}}}id", "")
        if note.get(f"{{{W}}}type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        paragraphs = [_paragraph_text(p, rels, {}) for p in note.iter(f"{{{W}}}p")]
        notes[note_id] = " ".join(t.strip() for t in paragraphs if t.strip())
    return notes


def _core_properties(package: zipfile.ZipFile, doc: Document) -> None:
    root = _xml(package, "docProps/core.xml")
    if root is None:
        return
    values = {etree.QName(el).localname: (el.text or "").strip() for el in root}
    doc.title = meta.clean_title(values.get("title"))
    if values.get("creator"):
        doc.authors = meta.split_authors(values["creator"])
    doc.language = meta.normalize_language(values.get("language"))
    # "created" is when the file was made, which for a draft is close to the article
    # date but not it: leave `published` to a date line in the text when there is one.


def _paragraph_text(p: etree._Element, rels: dict[str, str], refs: dict[str, str]) -> str:
    """Text of a w:p; footnote/endnote references become tokens via ``refs``."""
    out: list[str] = []
    _walk(p, rels, refs, out)
    return "".join(out)


def _walk(el: etree._Element, rels: dict[str, str], refs: dict[str, str], out: list[str]) -> None:
    for child in el:
        if not isinstance(child.tag, str):
            continue
        tag = etree.QName(child).localname
        if tag == "t":
            out.append(child.text or "")
        elif tag in ("tab", "br", "cr"):
            out.append(" ")
        elif tag in ("footnoteReference", "endnoteReference"):
            label = refs.get(f"{tag}:{child.get(f'{{{W}}}id', '')}")
            if label:
                out.append(token(label, f"w:{tag}"))
        elif tag in ("delText", "instrText", "rPr", "pPr"):
            continue  # deleted text, field codes and formatting are not text
        else:
            start = len(out)
            _walk(child, rels, refs, out)
            if tag == "hyperlink":
                target = rels.get(child.get(f"{{{R}}}id", ""), "")
                shown = "".join(out[start:])
                if target.startswith(("http://", "https://")) and target not in shown:
                    out.append(f"{URL_OPEN}{target}{URL_CLOSE}")


class _BodyReader:
    def __init__(self, rels: dict[str, str], footnotes: dict[str, str], endnotes: dict[str, str]):
        self.rels = rels
        self.footnotes = footnotes
        self.endnotes = endnotes
        self.refs: dict[str, str] = {}  # "footnoteReference:3" -> label
        self.order: list[tuple[str, str, str]] = []  # (label, kind, id) in reference order

    def blocks(self, body: etree._Element) -> list[Block]:
        self._number_references(body)
        blocks: list[Block] = []
        for index, p in enumerate(body.iter(f"{{{W}}}p")):
            text = _paragraph_text(p, self.rels, self.refs)
            if not text.strip():
                continue
            style = p.find("w:pPr/w:pStyle", _NS)
            style_name = style.get(f"{{{W}}}val", "") if style is not None else ""
            blocks.append(
                Block(text=text, heading=bool(_HEADING_STYLE.match(style_name)), position=index)
            )
        return blocks

    def _number_references(self, body: etree._Element) -> None:
        foot = [r.get(f"{{{W}}}id", "") for r in body.iter(f"{{{W}}}footnoteReference")]
        end = [r.get(f"{{{W}}}id", "") for r in body.iter(f"{{{W}}}endnoteReference")]
        number = 0
        for kind, ids in (("footnoteReference", foot), ("endnoteReference", end)):
            for note_id in dict.fromkeys(ids):
                number += 1
                label = str(number)
                if kind == "endnoteReference" and not foot and number < len(_ROMAN):
                    label = _ROMAN[number]
                self.refs[f"{kind}:{note_id}"] = label
                self.order.append((label, kind, note_id))

    def note_blocks(self, doc: Document) -> list[Block]:
        blocks = []
        for position, (label, kind, note_id) in enumerate(self.order):
            notes = self.footnotes if kind == "footnoteReference" else self.endnotes
            text = notes.get(note_id)
            if text is None:
                problem(doc, f"note {label} is referenced but missing from the notes part")
                continue
            blocks.append(
                Block(
                    text=text, note_label=label, section="notes", position=_int(note_id, position)
                )
            )
        return blocks


def _int(value: str, default: int) -> int:
    """The note's w:id as its position in the notes part (ids are decimal in practice)."""
    return int(value) if value.isdigit() else default
