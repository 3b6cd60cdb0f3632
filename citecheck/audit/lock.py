"""One audit at a time per database: an exclusive ``fcntl.flock`` on ``<db>.lock``.

Why a lock file and not a ``locks`` row with a heartbeat: the kernel drops a
flock the moment its holder dies, SIGKILL included, so there is no stale lock
to detect and no takeover race (a heartbeat row needs a clock margin, guesses
about pid reuse and hosts, and two waiting processes can both decide the row is
stale). The file holds the holder's pid, host and start time only to say who
is running in the error message; its content is never trusted for the decision.
Limit: flock is not reliable on some network file systems (NFS, SMB); keep the
database on a local disk.

Readers (``citecheck audit report`` / ``status``) take no lock: SQLite's WAL
mode lets them read while an audit writes.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import socket
import time
from datetime import UTC, datetime
from pathlib import Path

from citecheck.audit.migrations import AuditStoreError

# How often a waiting audit tries the lock again: a run takes minutes, so
# a quarter second costs nothing and keeps a short --wait responsive.
POLL_SECONDS = 0.25


class AuditLockedError(AuditStoreError):
    """Another audit holds the database."""


def lock_path(db_path: str | os.PathLike[str]) -> Path:
    return Path(str(db_path) + ".lock")


class AuditLock:
    """``with AuditLock(db, timeout=60):`` — held until the block ends or the process dies."""

    def __init__(self, db_path: str | os.PathLike[str], timeout: float = 0.0) -> None:
        self.path = lock_path(db_path)
        self.timeout = max(0.0, timeout)
        self._fd: int | None = None

    def acquire(self) -> None:
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise AuditStoreError(
                f"{self.path}: cannot create the lock file ({exc.strerror or exc})"
            ) from exc
        deadline = time.monotonic() + self.timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    holder = _read_holder(fd)
                    os.close(fd)
                    waited = f" after waiting {self.timeout:g} s" if self.timeout else ""
                    raise AuditLockedError(
                        f"another audit is running on this database ({holder}){waited}; "
                        "wait for it to finish, or give a longer wait"
                    ) from None
                time.sleep(POLL_SECONDS)
        self._fd = fd
        started = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        info = f"pid {os.getpid()} on {socket.gethostname()} since {started}\n".encode()
        with contextlib.suppress(OSError):  # the note is for people; the flock decides
            os.ftruncate(fd, 0)
            os.pwrite(fd, info, 0)

    def release(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.ftruncate(self._fd, 0)
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def __enter__(self) -> AuditLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def _read_holder(fd: int) -> str:
    try:
        text = os.pread(fd, 200, 0).decode("utf-8", "replace").strip()
    except OSError:
        text = ""
    return text or "holder unknown"


def is_locked(db_path: str | os.PathLike[str]) -> str | None:
    """Who holds the lock (for ``audit status``), or None when no audit runs."""
    path = lock_path(db_path)
    if not path.exists():
        return None
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        holder = _read_holder(fd)
        os.close(fd)
        return holder
    fcntl.flock(fd, fcntl.LOCK_UN)
    os.close(fd)
    return None
