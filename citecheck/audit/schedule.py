"""What an audit checks when: pure rules, the clock is a parameter.

A link's schedule (:class:`LinkSchedule`) changes with every check
(:func:`after_check`):

1. a new link is due at once;
2. a healthy link (``ok``/``redirected``) is checked again after a growing
   interval — 7, 14, 28, 56 days, capped at 84 — so stable sources cost little;
3. a failing link is checked again within days;
4. it is reported **dead** only after ``dead_after_failures`` failed checks
   spread over at least ``dead_after_days`` days since its first failure
   (the confirmation the Internet Archive's IABot uses), so one bad night on a
   server never floods the editors;
5. ``blocked`` and ``not_checked`` neither count toward dead nor reset the
   failures (a bot wall says nothing about the page);
6. a success after failures resets everything ("recovered");
7. a dead link is still looked at monthly, so a page that comes back is seen.

Every next date is pulled earlier by a jitter derived from the link's URL (so
links first seen together spread over later runs, the same way in every
database) and by a slack, so a weekly cron job that starts a little earlier than
last week still finds a 7-day link due.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from citecheck.codes import LINK_FAILING, LINK_OK

TIME_FORMAT = "%Y-%m-%dT%H:%M:%SZ"


class LinkState(StrEnum):
    NEW = "new"  # never checked
    HEALTHY = "healthy"  # the last counted check succeeded
    FAILING = "failing"  # failed, not (yet) confirmed dead
    DEAD = "dead"  # confirmed: N failures over at least D days
    UNVERIFIED = "unverified"  # checked, but only blocked / not_checked answers so far


class Transition(StrEnum):
    BROKE = "broke"  # first failure after a success (or on its first check)
    DEAD = "dead"  # confirmed dead by this check
    RECOVERED = "recovered"  # success after failures


@dataclass(frozen=True)
class ScheduleSettings:
    # IABot's defaults: three failed checks at least a week apart from first to last.
    dead_after_failures: int = 3
    dead_after_days: float = 7.0
    healthy_first_days: float = 7.0  # then doubled after every success …
    healthy_max_days: float = 84.0  # … up to twelve weeks
    failing_retry_days: float = 2.0  # a failing link: again within days
    unverified_retry_days: float = 3.0  # blocked / not checked: try again soon
    dead_recheck_days: float = 28.0  # a dead link: monthly, to see it come back
    article_refetch_days: float = 7.0  # article pages: weekly, to see edits
    # Next dates come earlier by up to this fraction of the interval (from the URL) …
    jitter: float = 0.2
    # … and by this many hours, for cron jobs that start at slightly different times.
    slack_hours: float = 6.0

    def __post_init__(self) -> None:
        if self.dead_after_failures < 1:
            raise ValueError("dead_after_failures must be at least 1")
        if self.dead_after_days < 0 or not 0 <= self.jitter < 1 or self.slack_hours < 0:
            raise ValueError("dead_after_days, jitter and slack_hours must be >= 0 (jitter < 1)")
        days = (
            self.healthy_first_days,
            self.healthy_max_days,
            self.failing_retry_days,
            self.unverified_retry_days,
            self.dead_recheck_days,
            self.article_refetch_days,
        )
        if min(days) <= 0:
            raise ValueError("schedule intervals must be positive")


@dataclass(frozen=True)
class LinkSchedule:
    """The schedule columns of one link (``links`` table)."""

    state: str = LinkState.NEW.value
    ok_streak: int = 0  # successes in a row: the healthy interval doubles with each
    fail_count: int = 0  # failed checks since the last success
    first_failed_at: datetime | None = None
    last_failed_at: datetime | None = None
    dead_since: datetime | None = None


@dataclass(frozen=True)
class Outcome:
    schedule: LinkSchedule
    next_check_at: datetime
    transition: str | None = None


def jitter_fraction(key: str) -> float:
    """A stable number in [0, 1) from a link's URL (the same in every run and database)."""
    digest = hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big") / 2**64


def _next(checked_at: datetime, days: float, key: str, s: ScheduleSettings) -> datetime:
    interval = timedelta(days=days) * (1 - s.jitter * jitter_fraction(key))
    # Never due again within the run that checked it, whatever the settings.
    return checked_at + max(interval - timedelta(hours=s.slack_hours), timedelta(minutes=1))


def healthy_interval_days(ok_streak: int, s: ScheduleSettings) -> float:
    """7, 14, 28, … days after 1, 2, 3, … successes in a row, capped."""
    exponent = min(max(ok_streak, 1) - 1, 30)  # 2**30 days is past any cap
    return min(s.healthy_first_days * 2**exponent, s.healthy_max_days)


def after_check(
    prev: LinkSchedule,
    status: str,
    checked_at: datetime,
    key: str,
    settings: ScheduleSettings,
) -> Outcome:
    """The schedule after a check with ``status`` (a codes.LinkStatus value)."""
    s = settings
    if status in LINK_OK:  # 2. and 6.
        recovered = prev.state in (LinkState.FAILING, LinkState.DEAD)
        streak = 1 if recovered or prev.state != LinkState.HEALTHY else prev.ok_streak + 1
        schedule = LinkSchedule(state=LinkState.HEALTHY.value, ok_streak=streak)
        return Outcome(
            schedule,
            _next(checked_at, healthy_interval_days(streak, s), key, s),
            Transition.RECOVERED.value if recovered else None,
        )
    if status in LINK_FAILING:  # 3. and 4.
        first = prev.first_failed_at if prev.fail_count else checked_at
        count = prev.fail_count + 1
        transition = None
        if prev.state == LinkState.DEAD:
            state, dead_since = LinkState.DEAD, prev.dead_since
        elif count >= s.dead_after_failures and checked_at - first >= timedelta(
            days=s.dead_after_days
        ):
            state, dead_since, transition = LinkState.DEAD, checked_at, Transition.DEAD.value
        else:
            state, dead_since = LinkState.FAILING, None
        if prev.fail_count == 0 and transition is None:
            transition = Transition.BROKE.value
        days = s.dead_recheck_days if state == LinkState.DEAD else s.failing_retry_days
        schedule = LinkSchedule(
            state=state.value,
            fail_count=count,
            first_failed_at=first,
            last_failed_at=checked_at,
            dead_since=dead_since,
        )
        return Outcome(schedule, _next(checked_at, days, key, s), transition)
    # 5. blocked / not_checked: nothing counted, nothing reset.
    state = LinkState.UNVERIFIED.value if prev.state == LinkState.NEW else prev.state
    days = s.dead_recheck_days if state == LinkState.DEAD else s.unverified_retry_days
    return Outcome(replace(prev, state=state), _next(checked_at, days, key, s))


def article_due(last_fetched: datetime | None, now: datetime, settings: ScheduleSettings) -> bool:
    """Whether an article page is fetched again (new ones always)."""
    if last_fetched is None:
        return True
    wait = timedelta(days=settings.article_refetch_days) - timedelta(hours=settings.slack_hours)
    return now - last_fetched >= max(wait, timedelta(0))


def format_time(when: datetime) -> str:
    """The stored form of a time: ISO 8601 UTC to the second, sortable as text."""
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC).strftime(TIME_FORMAT)


def parse_time(text: str | None) -> datetime | None:
    if not text:
        return None
    return datetime.strptime(text, TIME_FORMAT).replace(tzinfo=UTC)
