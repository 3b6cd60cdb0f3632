"""citecheck: check the citations of footnoted articles."""

__version__ = "0.1.0"
