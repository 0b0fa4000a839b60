"""Global ids: arguments take them (and raw keys, until v2); wrong and malformed ids are coded.

A gateway on a seeded store with the demo upstreams; the per-role policy of `node`/`nodes` is
tested in tests/security/test_node_leaks.py.
"""

from __future__ import annotations

from typing import Any

import httpx
from graphql import GraphQLInterfaceType, parse
from sqlalchemy import select

from core.settings import Settings
from schema import build_schema
from schema.cost import CostModel, estimate_cost
from schema.node import compose_key, decode_global_id, global_id, parse_id
from schema.node_query import MAX_NODES, NODE_TYPES
from store.db import create_engine
from store.models import AuditLog
from tests.fixtures.app import TokenFactory
from tests.fixtures.served_gateways import on_demo_store, with_demo_upstreams
from tests.schema.native_gateway import gql

CUSTOMER = "cust-00001"


store_url, gateway_settings = on_demo_store("node", notes=200)
gateway_url = with_demo_upstreams()


def codes(body: Any) -> list[tuple[str, Any]]:
    return [(e["extensions"]["code"], e["extensions"].get("argument")) for e in body["errors"]]


CUSTOMER_IDS = (
    "query C($id: ID!) { customer(id: $id) { id customerId "
    "notes(first: 1) { edges { node { id } } } } }"
)
NODE = "query N($id: ID!) { node(id: $id) { __typename id ... on Note { noteId subject } } }"
NODES = "query N($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }"


def test_global_ids_are_base64_of_type_and_key() -> None:
    note = global_id("Note", "n-1")
    assert note == "Tm90ZTpuLTE="
    assert decode_global_id(note) == ("Note", "n-1")
    order = global_id("Order", compose_key("cust:1", "ORD 7"))
    assert decode_global_id(order) == ("Order", "cust%3A1:ORD%207")
    # Raw keys are not global ids: uuids, demo ids, numbers.
    for raw in ("cust-00001", "3f2a9c1e-8d4b-4a57-9a51-0c8f2b6d7e10", "42", "agent-1", ""):
        assert decode_global_id(raw) is None
        assert parse_id(raw, "Customer360", "id") == raw


async def test_customer_ids_round_trip_and_raw_keys_still_work(
    http: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    token = token_for("manager")
    by_raw = await gql(http, token, CUSTOMER_IDS, id=CUSTOMER)
    customer = by_raw["data"]["customer"]
    assert customer["customerId"] == CUSTOMER
    assert customer["id"] == global_id("Customer360", CUSTOMER)
    by_global = await gql(http, token, CUSTOMER_IDS, id=customer["id"])
    assert by_global == by_raw
    node = await gql(http, token, "query N($id: ID!) { node(id: $id) { id } }", id=customer["id"])
    assert node["data"]["node"] == {"id": customer["id"]}


async def test_a_wrong_type_of_id_is_bad_user_input_naming_the_argument(
    http: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    token = token_for("manager")
    customer = (await gql(http, token, CUSTOMER_IDS, id=CUSTOMER))["data"]["customer"]
    note_id = customer["notes"]["edges"][0]["node"]
    wrong = await gql(http, token, CUSTOMER_IDS, id=note_id["id"])
    assert wrong["data"] == {"customer": None}
    assert codes(wrong) == [("BAD_USER_INPUT", "id")]
    assert "expected the id of a Customer360, got the id of a Note" in wrong["errors"][0]["message"]

    tag = 'mutation T($c: ID!) { tagCustomer(customerId: $c, tag: "x") { errors { code } } }'
    mutation = await gql(http, token, tag, c=note_id["id"])
    assert codes(mutation) == [("BAD_USER_INPUT", "customerId")]

    create = (
        """mutation C($input: CreateNoteInput!) { createNote(input: $input) { errors { code } } }"""
    )
    note_input = {
        "customerId": note_id["id"], "subject": "s", "body": "b", "category": "GENERAL",
        "type": "INTERACTION_LOG", "scope": "INTERNAL",
    }  # fmt: skip
    created = await gql(http, token, create, input=note_input)
    assert codes(created) == [("BAD_USER_INPUT", "input.customerId")]

    search = "query S($c: ID) { searchNotes(filter: {customerId: $c}) { totalCount } }"
    searched = await gql(http, token, search, c=global_id("Order", compose_key(CUSTOMER, "1")))
    assert codes(searched) == [("BAD_USER_INPUT", "filter.customerId")]


async def test_node_of_a_malformed_or_unknown_id(
    http: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    token = token_for("manager")
    for malformed in ("not-a-global-id", global_id("NoSuchType", "1"), "!!!"):
        body = await gql(http, token, NODE, id=malformed)
        assert body["data"] == {"node": None}
        assert codes(body) == [("BAD_USER_INPUT", "id")]
    # Unknown objects of known types, and keys of the wrong shape: null and nothing said.
    for unknown in (
        global_id("Note", "no-such-note"),
        global_id("Customer360", "cust-99999"),
        global_id("Order", "no-separator"),
        global_id("Order", compose_key(CUSTOMER, "no-such-order")),
        global_id("AuditEntry", "not-a-number"),
        global_id("NoteRevision", compose_key("no-such-note", "1")),
    ):
        body = await gql(http, token, NODE, id=unknown)
        assert body == {"data": {"node": None}}, unknown


async def test_nodes_answers_in_order_with_an_error_per_malformed_id(
    http: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    token = token_for("manager")
    customer = global_id("Customer360", CUSTOMER)
    ids = [customer, "garbage", global_id("Note", "no-such-note"), customer]
    body = await gql(http, token, NODES, ids=ids)
    assert body["data"]["nodes"] == [
        {"__typename": "Customer360", "id": customer},
        None,
        None,
        {"__typename": "Customer360", "id": customer},
    ]
    assert [e["path"] for e in body["errors"]] == [["nodes", 1]]
    assert codes(body) == [("BAD_USER_INPUT", "ids[1]")]

    too_many = await gql(http, token, NODES, ids=[customer] * (MAX_NODES + 1))
    assert too_many["data"] == {"nodes": None}  # nullable root: only this field fails
    assert codes(too_many) == [("BAD_USER_INPUT", "ids")]


async def test_a_customer_out_of_reach_is_null_by_node_and_the_denial_audited(
    http: httpx.AsyncClient, token_for: TokenFactory, store_url: str
) -> None:
    own = token_for("customer", sub="portal-node", customer=CUSTOMER)
    mine = await gql(http, own, NODES, ids=[global_id("Customer360", CUSTOMER)])
    theirs = await gql(http, own, NODES, ids=[global_id("Customer360", "cust-00002")])
    assert mine["data"]["nodes"][0] is not None
    assert theirs == {"data": {"nodes": [None]}}
    engine = create_engine(store_url)
    try:
        async with engine.connect() as connection:
            rows = (
                await connection.execute(
                    select(AuditLog.action, AuditLog.customer_id).where(
                        AuditLog.actor == "portal-node"
                    )
                )
            ).all()
    finally:
        await engine.dispose()
    assert [tuple(row) for row in rows] == [("denied:read:customer", "cust-00002")]


TICKETS = "query T($id: ID!) { customer(id: $id) { tickets { edges { node { id ticketId } } } } }"
CREATE_ABOUT = """
mutation C($input: CreateNoteInput!) {
  createNote(input: $input) { note { id noteId refKind refId } errors { field code message } }
}
"""


async def test_note_ids_and_record_refs_take_global_ids(
    http: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    token = token_for("manager")
    answer = await gql(http, token, TICKETS, id=global_id("Customer360", CUSTOMER))
    ticket = answer["data"]["customer"]["tickets"]["edges"][0]["node"]
    assert decode_global_id(ticket["id"]) == ("Ticket", compose_key(CUSTOMER, ticket["ticketId"]))
    note_input = {
        "customerId": global_id("Customer360", CUSTOMER), "subject": "About the case",
        "body": "Called.", "category": "SUPPORT", "type": "INTERACTION_LOG",
        "scope": "SUPPORT", "refKind": "TICKET", "refId": ticket["id"],
    }  # fmt: skip
    created = (await gql(http, token, CREATE_ABOUT, input=note_input))["data"]["createNote"]
    assert created["errors"] == []
    note = created["note"]
    assert (note["refKind"], note["refId"]) == ("TICKET", ticket["ticketId"])
    assert note["id"] == global_id("Note", note["noteId"])

    # The note by its global id and (deprecated) by its raw key; the ticket by node.
    for note_ref in (note["id"], note["noteId"]):
        found = await gql(http, token, NODE if note_ref == note["id"] else NOTE_BY_ID, id=note_ref)
        assert found["data"][next(iter(found["data"]))]["subject"] == "About the case"
    by_node = await gql(http, token, "query N($id: ID!) { node(id: $id) { id } }", id=ticket["id"])
    assert by_node["data"]["node"] == {"id": ticket["id"]}

    # A mutation takes the global id of its object, and its raw key.
    for ref in (note["id"], note["noteId"]):
        tagged = await gql(http, token, TAG_NOTE, id=ref)
        assert tagged["data"]["tagNote"]["errors"] == []
    wrong = await gql(http, token, TAG_NOTE, id=ticket["id"])
    assert codes(wrong) == [("BAD_USER_INPUT", "id")]


NOTE_BY_ID = "query N($id: ID!) { note(id: $id) { subject } }"
TAG_NOTE = 'mutation T($id: ID!) { tagNote(id: $id, tags: ["seen"]) { errors { code } } }'


def test_the_cost_of_nodes_grows_with_the_ids_given() -> None:
    schema = build_schema(Settings(environment="test"))._schema
    query = "query N($ids: [ID!]!) { nodes(ids: $ids) { id ... on Customer360 { interactions { id } } } }"  # noqa: E501
    model = CostModel(limit=50_000)

    def cost(ids: list[str]) -> int:
        return estimate_cost(schema, parse(query), None, {"ids": ids}, model)

    assert cost(["a"] * 50) == 50 * cost(["a"])
    literal = '{ nodes(ids: ["a", "b", "c"]) { id ... on Customer360 { interactions { id } } } }'
    assert estimate_cost(schema, parse(literal), None, {}, model) == 3 * cost(["a"])


def test_every_node_type_can_be_found_by_node() -> None:
    schema = build_schema(Settings(environment="test"))._schema
    node = schema.type_map["Node"]
    assert isinstance(node, GraphQLInterfaceType)
    assert {t.name for t in schema.get_possible_types(node)} == set(NODE_TYPES)
