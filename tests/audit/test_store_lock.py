"""One audit per database: a second process waits or gets a clear error; a killed
holder leaves no stale lock."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time

import pytest

from citecheck.audit.lock import AuditLock, AuditLockedError, is_locked
from citecheck.audit.run import AuditSettings, run_audit
from citecheck.errors import ExitStatus
from tests.conftest import ROOT

HOLDER = """
import sys, time
from citecheck.audit.lock import AuditLock
lock = AuditLock(sys.argv[1])
lock.acquire()
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
lock.release()
print("released", flush=True)
time.sleep(30)
"""


def _holder(db, hold: float) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db), str(hold)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "locked"
    return proc


@pytest.fixture
def holders():
    procs: list[subprocess.Popen[str]] = []
    yield procs
    for p in procs:
        if p.poll() is None:
            p.kill()
        p.wait(timeout=10)


def test_a_second_process_gets_a_clear_error(tmp_path, holders):
    db = tmp_path / "audit.sqlite"
    proc = _holder(db, 60)
    holders.append(proc)
    with pytest.raises(AuditLockedError) as err:
        AuditLock(db).acquire()
    message = str(err.value)
    assert f"pid {proc.pid}" in message and "another audit is running" in message
    assert err.value.exit_status == ExitStatus.USAGE
    assert is_locked(db) is not None and f"pid {proc.pid}" in is_locked(db)
    # run_audit refuses too, before touching the database.
    with pytest.raises(AuditLockedError):
        run_audit([], db, AuditSettings(lock_wait=0.3))
    assert not db.exists()


def test_a_waiting_audit_gets_the_lock_when_the_holder_finishes(tmp_path, holders):
    db = tmp_path / "audit.sqlite"
    proc = _holder(db, 0.6)
    holders.append(proc)
    with AuditLock(db, timeout=20) as lock:
        assert lock.held
        assert proc.stdout is not None and proc.stdout.readline().strip() == "released"


def test_a_killed_holder_leaves_no_stale_lock(tmp_path, holders):
    db = tmp_path / "audit.sqlite"
    proc = _holder(db, 60)
    holders.append(proc)
    got = threading.Event()

    def wait_for_lock() -> None:
        with AuditLock(db, timeout=20):
            got.set()

    waiter = threading.Thread(target=wait_for_lock)
    waiter.start()
    time.sleep(0.3)
    assert not got.is_set()
    os.kill(proc.pid, signal.SIGKILL)  # no clean-up runs in the holder
    waiter.join(timeout=20)
    assert got.is_set()
    assert is_locked(db) is None


def test_the_lock_is_released_and_reusable_in_one_process(tmp_path):
    db = tmp_path / "audit.sqlite"
    with AuditLock(db):
        assert is_locked(db) is not None
    assert is_locked(db) is None
    with AuditLock(db):
        pass
