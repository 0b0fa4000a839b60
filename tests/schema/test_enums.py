"""Enums for every closed set: the schema has no String where a closed set is, and each enum
agrees with where its set is defined (policy files, store, channel status maps)."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import graphql
import pytest

from datasources.config import MARKETPLACE_STATUSES, POS_STATUSES, WEB_STATUSES
from datasources.records import InvoiceRecord, PaymentRecord, TicketRecord
from policies.principal import Principal
from policies.view import PolicyView
from policies.vocabulary import TOKEN_CLAIM, Capability, FieldGroup
from schema import render_sdl
from schema.closed_sets import OrderStatus, Role, or_other, roles_of
from schema.commerce import Invoice, Payment
from schema.json_enums import NOTE_ENUMS, shown_values
from schema.me import Me
from schema.node import REF_TYPES
from schema.tickets import Ticket
from store.note_fields import NOTE_FIELDS, Kind
from store.notes import REF_KINDS

POLICY_DIR = Path(__file__).resolve().parents[2] / "policies"
# Output fields whose name says "closed set" (…status, …kind, …priority, …role(s), …scopes).
CLOSED_NAME = re.compile(r"(status|kind|priority|roles?|scopes)$", re.IGNORECASE)
# Documented open sets that keep a String type (docs/api-conventions.md "Types").
OPEN_FIELDS = frozenset({"Order.channel"})


def _schema() -> graphql.GraphQLSchema:
    # The schema as served (introspected from the code's schema, not read from a file).
    served = graphql.graphql_sync(
        graphql.build_schema(render_sdl()), graphql.get_introspection_query()
    )
    assert served.data is not None
    return graphql.build_client_schema(served.data)  # type: ignore[arg-type]


def _string_fields(schema: graphql.GraphQLSchema) -> list[str]:
    found = []
    for type_ in schema.type_map.values():
        if type_.name.startswith("__") or not isinstance(
            type_,
            graphql.GraphQLObjectType
            | graphql.GraphQLInterfaceType
            | graphql.GraphQLInputObjectType,
        ):
            continue
        for name, field in type_.fields.items():
            closed = CLOSED_NAME.search(name) or name == "refKind"
            named = graphql.get_named_type(field.type)
            if (
                closed
                and named is graphql.GraphQLString
                and f"{type_.name}.{name}" not in OPEN_FIELDS
            ):
                found.append(f"{type_.name}.{name}")
    return sorted(found)


def test_no_field_named_for_a_closed_set_is_a_string() -> None:
    assert _string_fields(_schema()) == []


def test_the_walk_finds_a_string_status() -> None:
    # The walk itself must see such a field, or the test above proves nothing.
    schema = graphql.build_schema(
        "type Query { order: O } type O { status: String! roles: [String] statusText: String }"
    )
    assert _string_fields(schema) == ["O.roles", "O.status"]


def _policy_lines() -> list[list[str]]:
    lines = []
    for path in sorted(POLICY_DIR.glob("*.csv")):
        with path.open() as handle:
            rows = csv.reader(line for line in handle if line.strip() and not line.startswith("#"))
            lines += [[cell.strip() for cell in row] for row in rows]
    return lines


def test_the_role_enum_is_exactly_the_roles_a_token_may_carry() -> None:
    claimable = {
        row[1] for row in _policy_lines() if row[0] == "p" and tuple(row[2:4]) == TOKEN_CLAIM
    }
    assert claimable, "no token_roles lines read"
    assert {role.value for role in Role} - {"other"} == claimable


def test_every_role_the_policy_grants_to_is_a_role_or_an_inherited_group() -> None:
    lines = _policy_lines()
    groups = {row[2] for row in lines if row[0] == "g"}
    subjects = {row[1] for row in lines if row[0] == "p"}
    assert subjects - groups <= {role.value for role in Role}


def test_policy_vocabularies_are_graphql_enums_by_name() -> None:
    schema = _schema()
    for vocabulary in (Capability, FieldGroup):
        enum = schema.get_type(vocabulary.__name__)
        assert isinstance(enum, graphql.GraphQLEnumType)
        assert set(enum.values) == {member.name for member in vocabulary}


def test_ref_kind_is_the_store_s_set_of_linkable_records() -> None:
    enum = _schema().get_type("RefKind")
    assert isinstance(enum, graphql.GraphQLEnumType)
    assert (
        set(enum.values)
        == {kind.upper() for kind in REF_KINDS}
        == {kind.upper() for kind in REF_TYPES}
    )


def test_every_default_channel_status_map_lands_in_order_status() -> None:
    targets = {*WEB_STATUSES.values(), *POS_STATUSES.values(), *MARKETPLACE_STATUSES.values()}
    assert {or_other(OrderStatus, target) for target in targets} <= set(OrderStatus) - {
        OrderStatus.OTHER
    }


def test_me_lists_a_role_the_policy_does_not_know_as_other_once() -> None:
    # The policy reads role names exactly: "SALES" grants nothing, so it is not SALES.
    principal = Principal(subject="agent-8", roles=("sales", "ghost", "SALES", "wizard"))
    me = Me.from_record(principal, PolicyView.unrestricted(principal))
    assert me.roles == [Role.SALES, Role.OTHER]
    assert roles_of(()) == []
    assert roles_of(["other", "customer"]) == [Role.OTHER, Role.CUSTOMER]


@pytest.mark.parametrize("text", ["disputed", "", "  PAID-ISH "])
def test_an_upstream_value_outside_the_set_is_other_with_its_text(text: str) -> None:
    from datetime import UTC, datetime
    from decimal import Decimal

    now = datetime(2025, 1, 1, tzinfo=UTC)
    invoice = Invoice.from_record(
        InvoiceRecord("I-1", "c-1", now, None, Decimal(1), "GBP", status=text)
    )
    payment = Payment.from_record(PaymentRecord("P-1", "c-1", now, Decimal(1), "GBP", text))
    ticket = Ticket.from_record(TicketRecord("T-1", "c-1", "s", text, text, now, None))
    assert (invoice.status.name, invoice.status_text) == ("OTHER", text)
    assert (payment.method.name, payment.method_text) == ("OTHER", text)
    assert (ticket.status.name, ticket.status_text) == ("OTHER", text)
    assert (ticket.priority.name, ticket.priority_text) == ("OTHER", text)


def test_every_enum_field_of_a_note_snapshot_is_shown_by_name() -> None:
    enum_fields = {field.name for field in NOTE_FIELDS if field.kind is Kind.ENUM}
    assert set(NOTE_ENUMS) == enum_fields
    shown = shown_values(
        "note",
        {"scope": "sales", "type": "interaction_log", "importance": "high", "subject": "sales"},
    )
    assert shown == {
        "scope": "SALES",
        "type": "INTERACTION_LOG",
        "importance": "HIGH",
        "subject": "sales",
    }
    assert shown_values("risk_flag", {"kind": "overdue_payment"}) == {"kind": "OVERDUE_PAYMENT"}
    assert shown_values("note", None) is None
