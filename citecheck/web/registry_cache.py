"""SQLite cache of DOI registry answers (issue 4), a :class:`~citecheck.web.cache.TtlCache`.

:class:`RegistryCache` keeps JSON values under string keys (``doi:10.…``,
``query:…``) with a time-to-live, in its own file and table. Opening, moving a
corrupt file aside and reporting problems are the base class's;
only the table differs. Callers store stable answers only
(registered, not registered, a query's candidates): never a timeout or a 429.
"""

from __future__ import annotations

from citecheck.web.cache import TtlCache

__all__ = ["DEFAULT_REGISTRY_TTL", "RegistryCache"]

# A week: registry metadata of a published work rarely changes, and a DOI that
# is not registered today seldom is tomorrow. Retraction notices are the
# exception a week's delay costs little for (they take months to appear).
DEFAULT_REGISTRY_TTL = 7 * 24 * 3600


class RegistryCache(TtlCache):
    """Registry answers (JSON) under ``doi:…`` / ``query:…`` keys, with a TTL."""

    TABLE = "registry_results"
    LABEL = "registry cache"
    SCHEMA_VERSION = 1
