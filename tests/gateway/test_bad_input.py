"""Bad HTTP input gets a clear 4xx or a GraphQL error with a stable code — never a 500."""

from __future__ import annotations

import json

import httpx
import pytest

from tests.fixtures.app import TokenFactory


async def test_malformed_json_body_is_400(http: httpx.AsyncClient) -> None:
    response = await http.post(
        "/graphql", content=b'{"query": ', headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 400
    assert "json" in response.text.lower()


async def test_json_that_is_not_an_object_is_400(http: httpx.AsyncClient) -> None:
    response = await http.post("/graphql", json=["not", "an", "operation"])
    assert response.status_code == 400


async def test_missing_query_is_400(http: httpx.AsyncClient) -> None:
    response = await http.post("/graphql", json={"variables": {}})
    assert response.status_code == 400


async def test_non_graphql_content_type_is_415(http: httpx.AsyncClient) -> None:
    response = await http.post(
        "/graphql", content=b"{ me { subject } }", headers={"Content-Type": "text/plain"}
    )
    assert response.status_code == 415


async def test_mutation_over_get_is_refused(http: httpx.AsyncClient) -> None:
    response = await http.get("/graphql", params={"query": "mutation { ping }"})
    assert response.status_code in {400, 405}
    assert response.status_code != 500


async def test_oversized_body_is_413(http: httpx.AsyncClient) -> None:
    padding = "#" + "x" * 1_100_000
    response = await http.post("/graphql", json={"query": "{ me { subject } }" + padding})
    assert response.status_code == 413
    assert response.json()["errors"][0]["extensions"]["code"] == "PAYLOAD_TOO_LARGE"


async def test_syntax_error_has_a_parse_code(http: httpx.AsyncClient) -> None:
    response = await http.post("/graphql", json={"query": "{ me { subject "})
    body = response.json()
    assert response.status_code in {200, 400}
    assert body["errors"][0]["extensions"]["code"] == "GRAPHQL_PARSE_FAILED"


async def test_unknown_field_has_a_validation_code(http: httpx.AsyncClient) -> None:
    response = await http.post("/graphql", json={"query": "{ nope }"})
    body = response.json()
    assert body["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"


async def test_alias_bomb_is_rejected(http: httpx.AsyncClient) -> None:
    aliases = " ".join(f"a{i}: __typename" for i in range(200))
    response = await http.post("/graphql", json={"query": "{ " + aliases + " }"})
    body = response.json()
    assert response.status_code != 500
    assert "alias" in body["errors"][0]["message"].lower()
    assert body["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"


async def test_token_bomb_is_rejected(http: httpx.AsyncClient) -> None:
    fields = " ".join("__typename" for _ in range(6000))
    response = await http.post("/graphql", json={"query": "{ " + fields + " }"})
    body = response.json()
    assert response.status_code != 500
    assert "token" in body["errors"][0]["message"].lower()


async def test_unknown_operation_name_is_a_clear_error(http: httpx.AsyncClient) -> None:
    response = await http.post(
        "/graphql", json={"query": "query A { __typename }", "operationName": "B"}
    )
    assert response.status_code == 400
    assert "B" in response.text


@pytest.mark.parametrize(
    "header",
    ["Bearer", "Bearer not.a.jwt", "Basic dXNlcjpwYXNz", "Bearer a.b.c.d", "Token x"],
)
async def test_invalid_authorization_headers_are_401_json(
    http: httpx.AsyncClient, header: str
) -> None:
    response = await http.post(
        "/graphql", json={"query": "{ me { subject } }"}, headers={"Authorization": header}
    )
    assert response.status_code == 401
    body = response.json()
    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert "Traceback" not in json.dumps(body)


async def test_variables_of_the_wrong_type_are_a_graphql_error(
    http: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    response = await http.post(
        "/graphql",
        json={"query": "query Q($x: Int) { __typename }", "variables": {"x": "nope"}},
    )
    body = response.json()
    assert response.status_code in {200, 400}
    assert body["errors"][0]["extensions"]["code"] in {
        "GRAPHQL_VALIDATION_FAILED",
        "BAD_USER_INPUT",
    }
