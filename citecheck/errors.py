"""Exceptions of citecheck, and the one place they become exit codes.

CitecheckError
 ├── InputError            the user's input cannot be used (exit 2)
 │    ├── UnknownFormatError   content matches no reader
 │    └── EmptyInputError      nothing to read
 └── (later: NetworkError tree in citecheck.web — transient vs permanent)
"""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    OK = 0
    PROBLEMS = 1  # the check ran and found problems at or above the fail threshold
    USAGE = 2  # bad usage or unusable input


class CitecheckError(Exception):
    """Base of every error citecheck raises on purpose."""

    exit_status = ExitStatus.USAGE


class InputError(CitecheckError):
    """The input cannot be read as a document."""


class UnknownFormatError(InputError):
    pass


class EmptyInputError(InputError):
    pass
