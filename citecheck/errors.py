"""Exceptions of citecheck, and the one place they become exit codes.

CitecheckError
 ├── InputError            the user's input cannot be used (exit 2)
 │    ├── UnknownFormatError   content matches no reader
 │    ├── EmptyInputError      nothing to read
 │    └── WarcError            a file given as a WARC is not one, or cannot be read
 ├── ReportWriteError      the report directory or a file cannot be written (exit 2)
 ├── AuditStoreError       an audit database that is foreign, damaged or newer (exit 2)
 │    └── AuditLockedError    another audit holds the database
 └── (the network has its own tree in citecheck.web.errors, transient vs permanent,
      never raised past the HTTP client: failures come back in a FetchResult)
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
