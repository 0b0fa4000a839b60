"""The native store's tables; `Base.metadata` is what Alembic migrates and compares against."""

from store.models.access_audit import AccessRead
from store.models.activity import ControlledTag, CustomerTag, FollowUp, Interaction, RiskFlag
from store.models.audit import AuditLog
from store.models.base import NAMING_CONVENTION, Base, EnumText, UTCDateTime, new_id, utcnow
from store.models.directory import Agent, Branch, Customer, CustomerAssignment, Partner
from store.models.encryption import EncryptionKeyCheck
from store.models.governance import ChoiceOption, RequiredField
from store.models.intake import IntakeFailure
from store.models.notes import Attachment, Note, NoteRequestKey, NoteRevision, NoteTag
from store.models.outbox import SearchDeadLetter, SearchOutbox
from store.models.outreach import OutreachDelivery, OutreachEpisode, RiskSignal
from store.models.persisted import PersistedOperation
from store.models.rate_limits import COUNTER_TABLES, RateLimitWindow
from store.models.rollup import NoteRollup
from store.models.summaries import OrderSummary

__all__ = [
    "COUNTER_TABLES",
    "NAMING_CONVENTION",
    "AccessRead",
    "Agent",
    "Attachment",
    "AuditLog",
    "Base",
    "Branch",
    "ChoiceOption",
    "ControlledTag",
    "Customer",
    "CustomerAssignment",
    "CustomerTag",
    "EncryptionKeyCheck",
    "EnumText",
    "FollowUp",
    "IntakeFailure",
    "Interaction",
    "Note",
    "NoteRequestKey",
    "NoteRevision",
    "NoteRollup",
    "NoteTag",
    "OrderSummary",
    "OutreachDelivery",
    "OutreachEpisode",
    "Partner",
    "PersistedOperation",
    "RateLimitWindow",
    "RequiredField",
    "RiskFlag",
    "RiskSignal",
    "SearchDeadLetter",
    "SearchOutbox",
    "UTCDateTime",
    "new_id",
    "utcnow",
]
