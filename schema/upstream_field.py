"""Declare a field backed by upstream systems once: what it reads, who may see it, its text.

One declaration yields the field's description (the caller-facing text plus the notes on
FORBIDDEN for its field group and on the failure of its source), its field-group check, and
the metadata resolvers/prefetch.py reads to start the field's upstream calls early.
"""

from __future__ import annotations

from typing import Any

import strawberry

from policies.vocabulary import FieldGroup
from resolvers.prefetch import METADATA_KEY, UpstreamReads
from schema.field_access import RequiresFieldGroup

HIDDEN = " Null with FORBIDDEN when the caller's role may not see {group} fields."
SOURCE = " Null with UPSTREAM_UNAVAILABLE / UPSTREAM_TIMEOUT (extensions.source) if {source} fails."


def describe(text: str, reads: UpstreamReads) -> str:
    """The field's description: `text`, then what a hidden group and a failed source do."""
    description = text
    if reads.group is not None:
        description += HIDDEN.format(group=reads.group.value)
    if reads.source is not None:
        description += SOURCE.format(source=reads.source)
    return description


def upstream_field(
    text: str,
    *,
    reads: tuple[str, ...],
    group: FieldGroup | None = None,
    source: str | None = None,
    deprecation_reason: str | None = None,
) -> Any:
    """A strawberry field (use as a decorator) reading the upstream loaders named in `reads`.

    `group` guards the field (null + FORBIDDEN for roles that do not see it); `source` is the
    system named in the description when its failure nulls the field (None: the field
    reports failures otherwise, or hides them).
    """
    declared = UpstreamReads(loaders=reads, group=group, source=source)
    return strawberry.field(
        description=describe(text, declared),
        extensions=[RequiresFieldGroup(group)] if group is not None else [],
        metadata={METADATA_KEY: declared},
        deprecation_reason=deprecation_reason,
    )
