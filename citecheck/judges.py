"""The judge a run asks for: wiring verify's judges to web's transport.

``verify/`` is pure (no network I/O) and ``web/`` comes before it in the data flow,
so neither builds a model judge: this module, like :mod:`citecheck.pipeline`, joins
the two. The commands (`check`, `verify`, `eval`) call :func:`judge_from_options`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from citecheck.verify.endpoint_judge import API_KEY_ENV, EndpointJudge, EndpointSettings
from citecheck.verify.judge import Judge, RuleJudge
from citecheck.web.chat import ChatTransport

__all__ = ["endpoint_judge", "judge_from_options"]

CONNECT_TIMEOUT = 10.0  # seconds: a model server that does not accept a connection in 10 s is down


def endpoint_judge(
    settings: EndpointSettings,
    fallback: Judge | None = RuleJudge(),  # noqa: B008 (stateless)
    mode: str = "confirm",
) -> EndpointJudge:
    """An :class:`EndpointJudge` over citecheck.web.chat's bounded transport."""
    transport = ChatTransport(
        timeout=settings.timeout,
        connect_timeout=min(CONNECT_TIMEOUT, settings.timeout),
        max_bytes=settings.max_response_bytes,
        retry_after_cap=settings.retry_after_cap,
    )
    return EndpointJudge(settings, fallback, mode, transport=transport)


def judge_from_options(
    kind: str,
    url: str | None,
    model: str | None,
    mode: str = "confirm",
    timeout: float = 60.0,
    environ: Mapping[str, str] | None = None,
) -> EndpointJudge | None:
    """The judge the command-line options ask for; None for the rules (the default).

    The API key comes from ``$CITECHECK_JUDGE_API_KEY`` only: never a flag (shell
    history) nor a settings file (committed to repositories). ValueError on bad options.
    """
    if kind == "rules":
        return None
    if kind != "endpoint":
        raise ValueError(f"--judge {kind!r}: expected rules or endpoint")
    missing = [flag for flag, v in (("--judge-url", url), ("--judge-model", model)) if not v]
    if missing:
        raise ValueError(f"--judge endpoint needs {' and '.join(missing)}")
    env = os.environ if environ is None else environ
    settings = EndpointSettings(
        base_url=str(url), model=str(model), api_key=env.get(API_KEY_ENV) or None, timeout=timeout
    )
    return endpoint_judge(settings, mode=mode)
