"""Scheduling rules with a fake clock: what is due when, when a link is dead."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from citecheck.audit.schedule import (
    LinkSchedule,
    LinkState,
    ScheduleSettings,
    Transition,
    after_check,
    article_due,
    format_time,
    healthy_interval_days,
    jitter_fraction,
    parse_time,
)
from citecheck.codes import LINK_FAILING, LinkStatus

T0 = datetime(2026, 1, 5, 3, 0, tzinfo=UTC)
S = ScheduleSettings()
URL = "https://example.org/page"


def run(statuses_at: list[tuple[str, float]], settings: ScheduleSettings = S, url: str = URL):
    """Apply checks (status, days after T0) in order; every outcome."""
    sched, outs = LinkSchedule(), []
    for status, days in statuses_at:
        out = after_check(sched, status, T0 + timedelta(days=days), url, settings)
        outs.append(out)
        sched = out.schedule
    return outs


def test_dead_after_three_failures_spread_over_seven_days():
    outs = run([("broken", 0), ("broken", 3.5), ("broken", 7)])
    assert [o.schedule.state for o in outs] == ["failing", "failing", "dead"]
    assert [o.transition for o in outs] == ["broke", None, "dead"]
    assert outs[-1].schedule.dead_since == T0 + timedelta(days=7)
    assert outs[-1].schedule.first_failed_at == T0


def test_not_dead_after_three_failures_in_one_day():
    outs = run([("timeout", 0), ("server_error", 0.1), ("dns_error", 0.5)])
    assert outs[-1].schedule.state == LinkState.FAILING
    assert outs[-1].schedule.fail_count == 3
    # … nor after two failures a week apart: both conditions are needed.
    assert run([("broken", 0), ("broken", 8)])[-1].schedule.state == LinkState.FAILING
    # A fourth failure once the week is over confirms it.
    later = run([("timeout", 0), ("timeout", 0.1), ("timeout", 0.5), ("broken", 7.2)])
    assert later[-1].schedule.state == LinkState.DEAD


def test_blocked_and_not_checked_never_count_toward_dead():
    checks = [("broken", 0)] + [("blocked", d) for d in (2, 4, 6, 8, 10)] + [("not_checked", 12)]
    outs = run(checks)
    assert outs[-1].schedule.state == LinkState.FAILING
    assert outs[-1].schedule.fail_count == 1  # nor do they reset the count
    only_blocked = run([("blocked", d) for d in range(0, 30, 3)])
    assert {o.schedule.state for o in only_blocked} == {LinkState.UNVERIFIED}
    assert all(o.transition is None for o in only_blocked)


def test_recovery_resets_everything():
    outs = run([("broken", 0), ("broken", 4), ("broken", 8), ("ok", 20), ("broken", 30)])
    dead, back, again = outs[2], outs[3], outs[4]
    assert dead.schedule.state == LinkState.DEAD
    assert back.transition == Transition.RECOVERED
    assert back.schedule == LinkSchedule(state="healthy", ok_streak=1)
    # A new failure starts a new count: one failure is not dead.
    assert again.schedule.state == LinkState.FAILING and again.schedule.fail_count == 1
    assert again.transition == Transition.BROKE


def test_dead_stays_dead_without_a_new_transition():
    outs = run([("broken", 0), ("broken", 4), ("broken", 8), ("broken", 36), ("blocked", 64)])
    assert [o.transition for o in outs[3:]] == [None, None]
    assert outs[-1].schedule.state == LinkState.DEAD
    assert outs[-1].schedule.dead_since == T0 + timedelta(days=8)


def _gap_days(out, at: datetime) -> float:
    return (out.next_check_at - at).total_seconds() / 86400


def test_healthy_intervals_grow_and_are_capped():
    assert [healthy_interval_days(n, S) for n in range(1, 8)] == [7, 14, 28, 56, 84, 84, 84]
    day, sched = 0.0, LinkSchedule()
    slack = S.slack_hours / 24
    for expected in (7, 14, 28, 56, 84, 84):
        at = T0 + timedelta(days=day)
        out = after_check(sched, "ok", at, URL, S)
        gap = _gap_days(out, at)
        assert expected * (1 - S.jitter) - slack <= gap <= expected - slack
        sched, day = out.schedule, day + gap
    # redirected is healthy too, and continues the streak
    assert after_check(sched, "redirected", T0, URL, S).schedule.ok_streak == sched.ok_streak + 1


def test_failing_links_come_back_within_days_and_dead_ones_monthly():
    failing = run([("broken", 0)])[0]
    assert 0 < _gap_days(failing, T0) <= S.failing_retry_days
    dead = run([("broken", 0), ("broken", 4), ("broken", 8)])[-1]
    assert S.dead_recheck_days * (1 - S.jitter) - 1 <= _gap_days(dead, T0 + timedelta(days=8))
    blocked = run([("blocked", 0)])[0]
    assert 0 < _gap_days(blocked, T0) <= S.unverified_retry_days


def test_a_weekly_run_finds_a_seven_day_link_due_even_when_started_earlier():
    out = run([("ok", 0)])[0]
    next_week_a_bit_earlier = T0 + timedelta(days=7) - timedelta(hours=2)
    assert out.next_check_at <= next_week_a_bit_earlier


def test_jitter_is_stable_and_spreads_links():
    assert jitter_fraction(URL) == jitter_fraction(URL)
    fractions = [jitter_fraction(f"https://example.org/{i}") for i in range(200)]
    assert all(0 <= f < 1 for f in fractions)
    assert min(fractions) < 0.1 and max(fractions) > 0.9
    nexts = {run([("ok", 0)], url=f"https://example.org/{i}")[0].next_check_at for i in range(50)}
    assert len(nexts) > 40  # links first checked together are due at different times


def test_the_next_check_is_never_within_the_same_moment():
    tiny = ScheduleSettings(failing_retry_days=0.001, slack_hours=24)
    out = run([("broken", 0)], settings=tiny)[0]
    assert out.next_check_at > T0


def test_custom_confirmation_settings():
    quick = ScheduleSettings(dead_after_failures=1, dead_after_days=0)
    out = run([("broken", 0)], settings=quick)[0]
    assert out.schedule.state == LinkState.DEAD and out.transition == Transition.DEAD
    with pytest.raises(ValueError):
        ScheduleSettings(dead_after_failures=0)
    with pytest.raises(ValueError):
        ScheduleSettings(healthy_first_days=0)
    with pytest.raises(ValueError):
        ScheduleSettings(jitter=1.0)


def test_articles_are_refetched_weekly():
    assert article_due(None, T0, S)
    assert not article_due(T0, T0 + timedelta(days=3), S)
    assert article_due(T0, T0 + timedelta(days=7) - timedelta(hours=1), S)


def test_time_format_round_trips_and_sorts():
    assert format_time(T0) == "2026-01-05T03:00:00Z"
    assert parse_time(format_time(T0)) == T0
    assert parse_time(None) is None
    naive = datetime(2026, 1, 5, 3, 0)
    assert format_time(naive) == "2026-01-05T03:00:00Z"
    assert format_time(T0) < format_time(T0 + timedelta(seconds=1))


STATUSES = [s.value for s in LinkStatus]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(STATUSES), st.floats(min_value=0, max_value=10)),
        min_size=1,
        max_size=25,
    )
)
def test_dead_only_with_enough_failures_over_enough_days(checks):
    day, sched = 0.0, LinkSchedule()
    failures: list[float] = []  # days of failures since the last success
    for status, gap in checks:
        day += gap
        out = after_check(sched, status, T0 + timedelta(days=day), URL, S)
        if status in LINK_FAILING:
            failures.append(day)
        elif status in ("ok", "redirected"):
            failures = []
        assert out.schedule.fail_count == len(failures)
        if out.schedule.state == LinkState.DEAD:
            assert len(failures) >= S.dead_after_failures
            assert failures[-1] - failures[0] >= S.dead_after_days - 1e-9 or sched.state == "dead"
        assert out.next_check_at > T0 + timedelta(days=day)
        sched = out.schedule
