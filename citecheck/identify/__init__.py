"""Identifiers and metadata (issue 4), the pure part: no network, no clock.

    records.py    registry JSON (CSL-JSON, Crossref, DataCite) -> model.WorkRecord
    agree.py      when a cited title/author/date/container is the record's (tolerances)
    compare.py    a citation and its bibliography entry against a WorkRecord -> findings
    suggest.py    scoring Crossref bibliographic-query candidates for notes without a DOI
    serialize.py  JSON of ``citecheck resolve``
    table.py      the rich table of ``citecheck resolve``

The network side is citecheck.web.doi (registries) and citecheck.web.pagemeta
(page metadata); citecheck.resolve wires them for a whole document.
"""
