"""Settings files and where citecheck keeps its own files.

Precedence: command-line flags > the settings file > built-in defaults.

The settings file is ``citecheck.toml`` (top-level keys) or the ``[tool.citecheck]``
table of ``pyproject.toml``, found in the current directory, or the file named by
``--config`` / ``$CITECHECK_CONFIG``. Its keys are the long options of the
commands, with ``_`` for ``-`` (``per_host = 2``, ``mailto = "…"``); each key sets
the default of that option in every command that has it, through click's
``default_map``, so a flag on the command line always wins. A key no command
knows is an error (exit 2) rather than silently ignored: a typo must not turn a
setting off. A table named after a command (``[tool.citecheck.links]``) applies
to that command only.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any

from citecheck.errors import InputError

CONFIG_FILE = "citecheck.toml"
PYPROJECT = "pyproject.toml"


def cache_dir() -> Path:
    """``$CITECHECK_CACHE_DIR``, else ``$XDG_CACHE_HOME/citecheck``, else ``~/.cache/citecheck``."""
    explicit = os.environ.get("CITECHECK_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "citecheck"


def default_link_cache() -> Path:
    return cache_dir() / "links.sqlite"


def find_config(explicit: str | None = None, cwd: Path | None = None) -> Path | None:
    """The settings file to read: ``explicit``, ``$CITECHECK_CONFIG``, or one in ``cwd``."""
    named = explicit or os.environ.get("CITECHECK_CONFIG")
    if named:
        path = Path(named)
        if not path.is_file():
            raise InputError(f"{named}: settings file not found")
        return path
    here = cwd or Path.cwd()
    if (here / CONFIG_FILE).is_file():
        return here / CONFIG_FILE
    pyproject = here / PYPROJECT
    if pyproject.is_file() and "citecheck" in _read_toml(pyproject).get("tool", {}):
        return pyproject
    return None


def read_config(path: Path) -> dict[str, Any]:
    """The citecheck settings in ``path`` (the [tool.citecheck] table of a pyproject)."""
    data = _read_toml(path)
    if path.name == PYPROJECT:
        data = data.get("tool", {}).get("citecheck", {})
    if not isinstance(data, dict):
        raise InputError(f"{path}: [tool.citecheck] must be a table")
    return data


def default_map(
    settings: dict[str, Any], commands: dict[str, dict[str, str]], source: str
) -> dict[str, dict[str, Any]]:
    """click ``default_map`` from settings.

    ``commands`` maps each command to {setting key: parameter name}, the key being
    the option's long flag with ``_`` for ``-`` (``--per-host`` → ``per_host``,
    ``--format`` → ``format`` even where the parameter is called ``fmt``).
    Top-level keys go to every command that has the option; a table named after a
    command goes to that command only.
    """
    out: dict[str, dict[str, Any]] = {name: {} for name in commands}
    known = {key for options in commands.values() for key in options}
    for key, value in settings.items():
        if key in commands and isinstance(value, dict):
            for sub_key, sub_value in value.items():
                param = commands[key].get(sub_key.replace("-", "_"))
                if param is None:
                    raise InputError(
                        f"{source}: `{key}.{sub_key}` is not an option of `citecheck {key}`"
                    )
                out[key][param] = sub_value
            continue
        name = key.replace("-", "_")
        if name not in known:
            raise InputError(
                f"{source}: unknown setting `{key}` (settings are the commands' long "
                f"options, e.g. {', '.join(sorted(known)[:6])} …)"
            )
        for command, options in commands.items():
            if name in options:
                out[command].setdefault(options[name], value)
    return {k: v for k, v in out.items() if v}


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{path}: not valid TOML ({exc})") from exc
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
