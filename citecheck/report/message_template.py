"""One message of the catalogue: an English template, its Turkish rendering, named fields.

A template is written as the producer writes its message, with ``{name}``
where a value goes; an optional spec after a colon says how the value reads
and how it carries over into Turkish:

- ``{name}``    any text, copied as it is (a title, a URL, an excerpt);
- ``{name:n}``  digits only (note and entry numbers, HTTP codes): keeps the
                match from swallowing the words around a number;
- ``{name:w}``  one word, dots and hyphens allowed (a service: ``doi.org``,
                ``Crossref``), so it cannot swallow a joined text before it;
- ``{name:t}``  a phrase translated in turn (the template's own ``vocab`` for
                that field first, then the catalogue's free texts): the
                "why" of an ibid finding, the record a title was compared with;
- ``{name:l}``  a ``, ``-separated list of such phrases;
- ``{name:s}``  a ``; ``-separated list of such phrases.

The Turkish text uses the same names without specs. A field may appear twice
in the English (``no marker [{note}]``): its second place must hold the same
value. :meth:`Template.match` reads the fields back from an English message
(the producers that keep their values only in the sentence); :meth:`render`
writes either language from values a caller already has (no parsing).

Turkish text never glues a case suffix to a value (``5'te``, ``Crossref'in``
would need the value's last vowel): it says ``5 numaralı dipnot``,
``{url} adresine``, ``5. girdi`` instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

__all__ = ["Phrase", "Template", "translate_list"]

_FIELD = re.compile(r"\{(\w+)(?::([ntlsw]))?\}")
# Every other spec: any text, as short as the sentence allows.
_PATTERN = {"n": r"\d+", "w": r"[\w.\-]+"}
_SEPARATOR = {"l": ", ", "s": "; "}

# A phrase of a joined list holds at most this many separators of its own ("no
# author, title or link could be read" holds one); trying longer runs only costs time.
MAX_PHRASE_PARTS = 3
# Lists longer than this many parts are left as written: a list in a message is
# a handful of problems, and every part costs a pass over the catalogue.
MAX_LIST_PARTS = 40

# A translator for one phrase: the Turkish, or None when the phrase is unknown.
Phrase = Callable[[str], str | None]


@dataclass(frozen=True)
class Template:
    """``en`` as the producer writes it, ``tr`` its Turkish; ``code`` the
    FindingCode it belongs to (None: a free text such as a link reason)."""

    en: str
    tr: str
    code: str | None = None
    vocab: Mapping[str, Sequence[Template]] = field(default_factory=dict)

    @property
    def fields(self) -> dict[str, str]:
        """Field name -> spec ("" for plain text), in order of first appearance."""
        out: dict[str, str] = {}
        for m in _FIELD.finditer(self.en):
            out.setdefault(m.group(1), m.group(2) or "")
        return out

    @property
    def literal(self) -> int:
        """Characters of fixed text: the more, the more specific the template."""
        return len(_FIELD.sub("", self.en))

    @property
    def regex(self) -> re.Pattern[str]:
        return _compiled(self.en)

    def match(self, text: str) -> dict[str, str] | None:
        """The field values of ``text`` when it is this template's English, else None."""
        m = self.regex.fullmatch(text)
        return m.groupdict() if m else None

    def render(self, values: Mapping[str, object], lang: str, phrase: Phrase) -> str | None:
        """The message in ``lang`` from ``values`` (None when a field is missing).

        ``phrase`` translates a free-text phrase (fields with spec ``t``/``l``/``s``
        that the template's vocab does not know)."""
        if any(name not in values for name in self.fields):
            return None
        if lang != "tr":
            return _FIELD.sub(lambda m: str(values[m.group(1)]), self.en)
        specs = self.fields
        shown: dict[str, str] = {}
        for name, spec in specs.items():
            value = str(values[name])
            known = self._phrase_for(name, phrase)
            if spec == "t":
                value = known(value) or value
            elif spec in _SEPARATOR:
                value = translate_list(value, _SEPARATOR[spec], known)
            shown[name] = value
        return _FIELD.sub(lambda m: shown.get(m.group(1), m.group(0)), self.tr)

    def _phrase_for(self, name: str, phrase: Phrase) -> Phrase:
        vocab = self.vocab.get(name, ())

        def known(value: str) -> str | None:
            for t in vocab:
                values = t.match(value)
                if values is not None:
                    return t.render(values, "tr", phrase)
            return phrase(value)

        return known


def translate_list(value: str, sep: str, phrase: Phrase) -> str:
    """Each phrase of a ``sep``-joined list translated; a phrase that itself holds
    ``sep`` ("no author, title or link could be read") is found by trying the
    longest run of parts first. Unknown parts stay as they are."""
    parts = value.split(sep)
    if len(parts) > MAX_LIST_PARTS:
        return value
    out: list[str] = []
    i = 0
    while i < len(parts):
        for j in range(min(len(parts), i + MAX_PHRASE_PARTS), i, -1):
            said = phrase(sep.join(parts[i:j]))
            if said is not None:
                out.append(said)
                i = j
                break
        else:
            out.append(parts[i])
            i += 1
    return sep.join(out)


_CACHE: dict[str, re.Pattern[str]] = {}


def _compiled(en: str) -> re.Pattern[str]:
    pattern = _CACHE.get(en)
    if pattern is None:
        out, seen, pos = [], set(), 0
        for m in _FIELD.finditer(en):
            out.append(re.escape(en[pos : m.start()]))
            name = m.group(1)
            if name in seen:
                out.append(f"(?P={name})")
            else:
                seen.add(name)
                out.append(f"(?P<{name}>{_PATTERN.get(m.group(2) or '', '.*?')})")
            pos = m.end()
        out.append(re.escape(en[pos:]))
        pattern = _CACHE[en] = re.compile("".join(out), re.DOTALL)
    return pattern
