"""GraphQL over HTTP: response media types, `Accept` negotiation and status codes.

Through a real uvicorn server on loopback. With `application/graphql-response+json` a request
error (nothing executed) is a 400 without `data` and an answer with data is a 200, even with
field errors; the legacy `application/json` keeps 200 for every well-formed request.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from core.settings import Settings
from devservices.ports import free_port
from gateway.auth import mint_token
from store.migrate import upgrade
from tests.fixtures.app import TokenFactory, serve_in_thread, sqlite_settings

GRJ = "application/graphql-response+json"
GRJ_CONTENT_TYPE = f"{GRJ}; charset=utf-8"
JSON = "application/json"
ME = "query Me { me { subject } }"


async def _post(http: httpx.AsyncClient, accept: str | None, body: Any, token: str = "") -> Any:
    headers = {"Content-Type": JSON}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    request = http.build_request("POST", "/graphql", content=json.dumps(body), headers=headers)
    if accept is None:
        del request.headers["accept"]  # httpx sends */* unless told otherwise
    else:
        request.headers["accept"] = accept
    return await http.send(request)


@pytest.mark.parametrize(
    ("accept", "answered_in"),
    [
        (GRJ, GRJ_CONTENT_TYPE),
        (JSON, JSON),
        (None, JSON),  # no Accept: the legacy type
        ("*/*", JSON),
        ("application/*", JSON),
        (f"{GRJ}, {JSON};q=0.9", GRJ_CONTENT_TYPE),
        (f"{JSON}, {GRJ}", GRJ_CONTENT_TYPE),  # both named, equal: the spec's type
        (f"{JSON};q=0.5, {GRJ}", GRJ_CONTENT_TYPE),
        (f"{GRJ};q=0.1, {JSON}", JSON),
        (f"{GRJ};q=0, */*", JSON),  # refused outright, whatever the wildcard says
        (f"{JSON};q=0, application/*", GRJ_CONTENT_TYPE),
        ("text/html, */*;q=0.1", JSON),
        (f"{GRJ};q=bogus, {JSON};q=0.8", JSON),  # a malformed range is ignored
    ],
)
async def test_the_accept_header_picks_the_response_media_type(
    http: httpx.AsyncClient, token_for: TokenFactory, accept: str | None, answered_in: str
) -> None:
    response = await _post(http, accept, {"query": ME}, token_for("sales", sub="agent-8"))

    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == answered_in
    assert "accept" in response.headers["vary"].lower()
    assert response.json() == {"data": {"me": {"subject": "agent-8"}}}


@pytest.mark.parametrize("accept", ["text/plain", "text/html", f"{JSON};q=0, {GRJ};q=0"])
async def test_an_accept_header_that_allows_neither_type_is_406(
    http: httpx.AsyncClient, accept: str
) -> None:
    post = await _post(http, accept, {"query": ME})
    get = await http.get("/graphql", params={"query": ME}, headers={"Accept": accept})

    for response in (post, get):
        assert response.status_code == 406, response.text
        assert response.json()["errors"][0]["extensions"]["code"] == "NOT_ACCEPTABLE"


async def test_graphiql_is_still_served_to_a_browser(http: httpx.AsyncClient) -> None:
    response = await http.get("/graphql", headers={"Accept": "text/html"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")


REQUEST_ERRORS = {
    "parse": ({"query": "{ me { subject "}, "GRAPHQL_PARSE_FAILED"),
    "validation": ({"query": "{ me { noSuchField } }"}, "GRAPHQL_VALIDATION_FAILED"),
    "variables": (
        {"query": "query($n: Int!) { customers(first: $n) { totalCount } }", "variables": {}},
        "GRAPHQL_VALIDATION_FAILED",
    ),
}


@pytest.mark.parametrize("kind", sorted(REQUEST_ERRORS))
async def test_a_request_error_is_400_without_data_in_graphql_response_json(
    http: httpx.AsyncClient, token_for: TokenFactory, kind: str
) -> None:
    body, code = REQUEST_ERRORS[kind]
    response = await _post(http, GRJ, body, token_for("admin"))

    assert response.status_code == 400, response.text
    assert response.headers["content-type"] == GRJ_CONTENT_TYPE
    answer = response.json()
    assert "data" not in answer
    assert answer["errors"][0]["extensions"]["code"] == code


@pytest.mark.parametrize("kind", sorted(REQUEST_ERRORS))
async def test_a_request_error_stays_200_in_legacy_json(
    http: httpx.AsyncClient, token_for: TokenFactory, kind: str
) -> None:
    body, code = REQUEST_ERRORS[kind]
    response = await _post(http, JSON, body, token_for("admin"))

    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == JSON
    assert response.json()["data"] is None
    assert response.json()["errors"][0]["extensions"]["code"] == code


@pytest.mark.parametrize(("accept", "content_type"), [(GRJ, GRJ_CONTENT_TYPE), (JSON, JSON)])
async def test_an_operation_that_cannot_be_determined_is_400(
    http: httpx.AsyncClient, token_for: TokenFactory, accept: str, content_type: str
) -> None:
    body = {"query": "query A { me { subject } } query B { me { roles } }", "operationName": "C"}
    response = await _post(http, accept, body, token_for("admin"))

    assert response.status_code == 400, response.text
    assert response.headers["content-type"] == content_type
    assert "data" not in response.json()


@pytest.mark.parametrize(("accept", "content_type"), [(GRJ, GRJ_CONTENT_TYPE), (JSON, JSON)])
async def test_get_runs_queries_and_refuses_mutations_with_405(
    http: httpx.AsyncClient, token_for: TokenFactory, accept: str, content_type: str
) -> None:
    headers = {"Accept": accept, "Authorization": f"Bearer {token_for('admin', sub='agent-1')}"}
    query = await http.get("/graphql", params={"query": ME}, headers=headers)
    mutation = await http.get(
        "/graphql", params={"query": "mutation { reloadPolicy { files } }"}, headers=headers
    )
    bad_variables = await http.get(
        "/graphql", params={"query": ME, "variables": "{"}, headers=headers
    )

    assert query.status_code == 200, query.text
    assert query.headers["content-type"] == content_type
    assert query.json() == {"data": {"me": {"subject": "agent-1"}}}
    assert mutation.status_code == 405, mutation.text
    assert mutation.headers["allow"] == "POST"
    assert mutation.headers["content-type"] == content_type
    assert mutation.json()["errors"][0]["extensions"]["code"] == "METHOD_NOT_ALLOWED"
    assert bad_variables.status_code == 400
    assert bad_variables.headers["content-type"] == content_type
    assert "data" not in bad_variables.json()


@pytest.mark.parametrize(("accept", "content_type"), [(GRJ, GRJ_CONTENT_TYPE), (JSON, JSON)])
async def test_batches_and_bad_bodies_are_refused_in_the_asked_type(
    http: httpx.AsyncClient, token_for: TokenFactory, accept: str, content_type: str
) -> None:
    batch = await _post(http, accept, [{"query": ME}, {"query": ME}], token_for("admin"))
    not_json = await http.post(
        "/graphql", content=b"{ me", headers={"Content-Type": JSON, "Accept": accept}
    )
    plain = await http.post(
        "/graphql", content=ME, headers={"Content-Type": "text/plain", "Accept": accept}
    )

    for response, status in ((batch, 400), (not_json, 400), (plain, 415)):
        assert response.status_code == status, response.text
        assert response.headers["content-type"] == content_type
        assert "data" not in response.json()


@pytest.fixture(scope="module")
def search_down(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Settings]]:
    """A gateway on a migrated store whose OpenSearch is unreachable: nothing listens there."""
    settings = sqlite_settings(
        tmp_path_factory.mktemp("search-down"),
        opensearch_url=f"http://127.0.0.1:{free_port()}",
        search_indexer=False,
        log_level="ERROR",  # each refused call logs a warning with its traceback: slow
    )
    assert settings.database_url is not None
    upgrade(settings.database_url)
    with serve_in_thread(settings) as url:
        yield url, settings


async def _post_to(url: str, settings: Settings, accept: str, query: str, *roles: str) -> Any:
    token = mint_token(settings, subject="agent-8", roles=roles)
    async with httpx.AsyncClient(base_url=url, timeout=30) as http:
        return await _post(http, accept, {"query": query}, token)


@pytest.mark.parametrize("accept", [GRJ, JSON])
async def test_a_search_outage_is_a_200_partial_answer(
    search_down: tuple[str, Settings], accept: str
) -> None:
    query = """{ searchNotes(query: "refund") { totalCount }
                 me { subject }
                 choices(list: OUTCOME) { value } }"""
    response = await _post_to(*search_down, accept, query, "admin")

    assert response.status_code == 200, response.text
    answer = response.json()
    assert answer["data"]["searchNotes"] is None
    assert answer["data"]["me"] == {"subject": "agent-8"}
    assert isinstance(answer["data"]["choices"], list)  # the store answers beside it
    (error,) = answer["errors"]
    assert error["path"] == ["searchNotes"]
    assert error["extensions"]["code"] == "SEARCH_UNAVAILABLE"


@pytest.mark.parametrize("accept", [GRJ, JSON])
async def test_a_refused_field_beside_data_is_200(
    search_down: tuple[str, Settings], accept: str
) -> None:
    query = "{ auditLog(first: 1) { totalCount } me { subject } }"
    response = await _post_to(*search_down, accept, query, "sales")

    assert response.status_code == 200, response.text
    answer = response.json()
    assert answer["data"] == {"auditLog": None, "me": {"subject": "agent-8"}}
    (error,) = answer["errors"]
    assert error["path"] == ["auditLog"]
    assert error["extensions"]["code"] == "FORBIDDEN"
