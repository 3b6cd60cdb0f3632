"""Plain-text and Markdown articles (AVİM text exports, pandoc Markdown, drafts).

Lines are grouped into blocks at blank lines (Markdown paragraphs); inside a group
a line starts a new block when it opens a structure of its own — a heading, a
rule, a note definition, a list item, a furniture line — or when the previous
line ended a sentence (text copied with one paragraph per line). The blocks then
go through the shared splitter and assembler.
"""

from __future__ import annotations

import re
from functools import lru_cache

from citecheck.ingest import furniture
from citecheck.ingest.assemble import build
from citecheck.ingest.sections import Block, split_blocks
from citecheck.ingest.textutil import ends_sentence, starts_lowercase, strip_markdown
from citecheck.model import Document

_ATX_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_STARTS_STRUCTURE = re.compile(
    r"^\s*(?:#{1,6}\s|\[\^[^\]]+\]:|\[(?:\d{1,3}|[ivxl]{1,6})\]\s|[-*•]\s+\S|\d{1,3}[.)]\s+\S|>)"
)
# Signs that a text is Markdown rather than plain text.
_MARKDOWN_SIGNS = re.compile(
    r"^#{1,6}\s|\*\*\S|\[\^\d+\]|\]\(https?://|^\s*[-*]\s|<https?://|\\[$*_]", re.M
)
_INDENTED = re.compile(r"^(?: {2,}|\t)\S")
# A word hyphenated across a line end by a PDF copy: "öncelik-" + "lerimiz".
_HYPHEN_END = re.compile(r"[^\W\d_]-$")


def is_markdown(text: str) -> bool:
    return len(_MARKDOWN_SIGNS.findall(text[:50000])) >= 2


def read_text(text: str, source: str) -> Document:
    """A Document from a text or Markdown article."""
    doc = Document(source=source, format="markdown" if is_markdown(text) else "text")
    parts = split_blocks(text_blocks(text), clean_markdown)
    return build(doc, parts, clean_markdown)


@lru_cache(maxsize=4096)  # the splitter and assembler ask for the same block several times
def clean_markdown(text: str, keep_urls: bool) -> str:
    return strip_markdown(text, keep_angle_urls=keep_urls)


def text_blocks(text: str) -> list[Block]:
    """Blocks of a text: blank-line groups, split further where a line opens a structure."""
    blocks: list[Block] = []
    group: list[tuple[int, str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            group.append((number, line))
        else:
            blocks.extend(_group_blocks(group))
            group = []
    blocks.extend(_group_blocks(group))
    return blocks


def _group_blocks(group: list[tuple[int, str]]) -> list[Block]:
    blocks: list[Block] = []
    lines: list[str] = []
    start = 0

    def flush(heading: bool = False) -> None:
        nonlocal lines
        if lines:
            blocks.append(Block(text=_join_lines(lines), heading=heading, position=start))
        lines = []

    for number, line in group:
        atx = _ATX_HEADING.match(line)
        if atx:
            flush()
            blocks.append(Block(text=atx[2], heading=True, position=number))
            continue
        if _SETEXT.match(line) and lines and len(lines) == 1 and not furniture.RULE.match(lines[0]):
            flush(heading=True)  # "Title\n=====": the line above is a heading
            continue
        if furniture.RULE.match(line):
            flush()
            blocks.append(Block(text="", rule=True, position=number))
            continue
        if lines and _starts_new_block(lines[-1], line):
            flush()
        if not lines:
            start = number
        lines.append(line)
    flush()
    return blocks


def _starts_new_block(previous: str, line: str) -> bool:
    if _INDENTED.match(line) and not _STARTS_STRUCTURE.match(line.strip()):
        return False  # an indented line continues its block (pandoc note definitions)
    if _STARTS_STRUCTURE.match(line):
        return True
    plain = strip_markdown(line.strip())
    if furniture.classify(plain) or furniture.classify(strip_markdown(previous.strip())):
        return True
    return ends_sentence(previous.rstrip()) and not starts_lowercase(line)


def _join_lines(lines: list[str]) -> str:
    out = lines[0].strip()
    for line in lines[1:]:
        line = line.strip()
        if _HYPHEN_END.search(out) and starts_lowercase(line):
            out = out[:-1] + line
        else:
            out = f"{out} {line}"
    return out
