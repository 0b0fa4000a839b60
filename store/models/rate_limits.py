"""Rate-limit windows: what each budget key spent in one fixed window.

Several gateways on one database count against the same rows, so a principal's budget is
one budget whichever process answers it.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from store.models.base import Base

WINDOW_USED = BigInteger().with_variant(Integer(), "sqlite")

COUNTER_TABLES = frozenset({"rate_limit_windows"})
"""Tables any request may write (counters, not records): a refused write leaves every other
table as it was, but may still have spent from its caller's rate-limit budget."""


class RateLimitWindow(Base):
    """The cost spent under `key` (a principal or a partner) in the window starting at
    `window_start` (Unix seconds)."""

    __tablename__ = "rate_limit_windows"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    window_start: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    used: Mapped[int] = mapped_column(WINDOW_USED)
