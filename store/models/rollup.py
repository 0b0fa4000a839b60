"""Report rollups: counts of live notes per period and the keys reports group and filter by."""

from __future__ import annotations

from sqlalchemy import Boolean, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from store.models.base import ENUM_LENGTH, Base


class NoteRollup(Base):
    """How many live notes share one (dimension value, period, customer reach, scope, handoff).

    One row per `dim` (note, type, category, agent, tag, sentiment, urgency; a note without a label
    counts under key '') and `grain` (a UTC day 'YYYY-MM-DD' or a month 'YYYY-MM'); the
    customer's branch and partner ('' for none), the note's scope and whether it carries the
    handoff tag are what the report's permission filter needs. Kept in step by each note write
    (store/rollup.py), rebuilt by `python -m gateway rebuild-rollups`.
    """

    __tablename__ = "note_rollups"
    __table_args__ = (
        # A report reads one reach's rows of its readable scopes over a range of periods:
        # branch, partner and scope before the period, and the rest of the row in the index
        # (an index-only range read per scope). With the period before the scope, a caller
        # reading scope '*' read every scope's rows of each period and dropped 16 in 17.
        Index(
            "ix_note_rollups_reach_scope",
            "dim",
            "grain",
            "branch_id",
            "partner_id",
            "scope",
            "period",
            postgresql_include=["handoff", "key", "count"],
        ),
    )

    dim: Mapped[str] = mapped_column(String(16), primary_key=True)
    grain: Mapped[str] = mapped_column(String(8), primary_key=True)
    period: Mapped[str] = mapped_column(String(10), primary_key=True)
    branch_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    partner_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    scope: Mapped[str] = mapped_column(String(ENUM_LENGTH), primary_key=True)
    handoff: Mapped[bool] = mapped_column(Boolean, primary_key=True)
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    count: Mapped[int] = mapped_column(Integer)
