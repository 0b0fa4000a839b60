"""A note field that did not decrypt: empty text plus one DECRYPTION_FAILED error at its path.

The field stays non-null (v1), so one corrupted note neither nulls the list it is in nor the
customer above it: the rest of the answer stands and the error names the note.
"""

from __future__ import annotations

from typing import Any

from strawberry.extensions import FieldExtension
from strawberry.types import Info

from core.crypto import DecryptionFailed
from resolvers.context import Context


class Sealed(FieldExtension):
    """Answers "" with DECRYPTION_FAILED when the record's field is in its `unreadable` set."""

    def resolve(self, next_: Any, source: Any, info: Info, **kwargs: Any) -> Any:
        """The field's value, or "" and a partial error when it did not decrypt."""
        value = next_(source, info, **kwargs)
        name = info.python_name
        if name in getattr(source, "unreadable", ()):
            context = info.context
            if isinstance(context, Context):
                context.partial.add(
                    DecryptionFailed(
                        f"the note's {name} could not be decrypted",
                        noteId=str(getattr(source, "id", "")),
                    ),
                    tuple(info.path.as_list()),
                )
            return ""
        return value
