"""`python -m gateway demo fail|heal`: one demo REST upstream fails and heals while it runs."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from demo.upstreams.serve import start_demo_upstreams
from demo.upstreams.switch import SERVICES_FILE
from gateway.cli import main
from tests.fixtures.upstreams import DEMO_SEED


def _status(url: str) -> int:
    return httpx.get(url, params={"requester_ids": "cust-00001", "buyer": "cust-00001"}).status_code


def test_fail_and_heal_switch_one_running_service(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("C360_DEMO_UPSTREAMS_DIR", str(tmp_path))
    with start_demo_upstreams(tmp_path, seed=DEMO_SEED, customers=30) as demo:
        tickets, orders = f"{demo.helpdesk.url}/api/tickets", f"{demo.marketplace.url}/v1/orders"
        assert main(["demo", "fail", "helpdesk"]) == 0
        assert _status(tickets) == 503
        assert _status(orders) == 200
        assert main(["demo", "heal"]) == 0
        assert _status(tickets) == 200
        assert main(["demo", "fail", "crm"]) == 2
    assert "not switchable" in capsys.readouterr().err
    # Stopped, the services are no longer named: the command says to start them.
    assert not (tmp_path / SERVICES_FILE).exists()
    assert main(["demo", "heal"]) == 2
    assert "scripts/run" in capsys.readouterr().err
