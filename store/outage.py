"""Which database failures mean "the store is down" rather than "the code is wrong".

A request that cannot reach the store gets STORE_UNAVAILABLE, a code a client can retry on;
everything else the store raises stays an unexpected error (logged, masked).
"""

from __future__ import annotations

from types import TracebackType

from sqlalchemy import exc

from core.errors import StoreUnavailable

_DRIVERS = ("sqlalchemy", "asyncpg", "aiosqlite", "sqlite3")
_OUTAGES = (exc.OperationalError, exc.InterfaceError, exc.DisconnectionError, exc.TimeoutError)


def is_store_outage(error: BaseException) -> bool:
    """True when `error` says the store cannot be reached or used right now."""
    if isinstance(error, _OUTAGES):
        return True
    if isinstance(error, exc.DBAPIError):
        # No statement: the driver failed while connecting (e.g. the database is gone).
        return error.connection_invalidated or error.statement is None
    if isinstance(error, OSError):
        # A refused or reset socket, raised from inside a database driver's connect.
        return _raised_in_driver(error.__traceback__)
    return False


def store_unavailable() -> StoreUnavailable:
    """The coded error a client sees for a store outage (the cause stays in the logs)."""
    return StoreUnavailable("The store is unavailable; try again shortly.")


def _raised_in_driver(trace: TracebackType | None) -> bool:
    while trace is not None:
        module = str(trace.tb_frame.f_globals.get("__name__", ""))
        if module.split(".", 1)[0] in _DRIVERS:
            return True
        trace = trace.tb_next
    return False
