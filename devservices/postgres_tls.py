"""A throwaway PostgreSQL that accepts TCP connections over TLS only, for the TLS tests.

Same binaries and start as `devservices.postgres` (initdb into a temporary directory, run as
the service user), plus ``ssl=on`` with a server certificate from a run-time CA, and a
``pg_hba.conf`` that refuses every non-TLS TCP connection (``hostnossl … reject``). The role
``c360_cert`` must also present a client certificate (``cert``: its CN names the role), and
``c360_password`` a password.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Sequence
from pathlib import Path

from devservices.ports import LOOPBACK
from devservices.postgres import READY_TIMEOUT, PostgresServer, start_postgres
from devservices.tls import Issued
from devservices.users import ServiceUser

CERT_ROLE = "c360_cert"
"""The role that authenticates with a client certificate (CN=c360_cert) instead of trust."""
PASSWORD_ROLE = "c360_password"  # noqa: S105 - a role name
"""The role that authenticates with a password (scram-sha-256), over TLS too."""

_HBA = f"""\
# TLS only over TCP: the first matching line decides.
local     all  all                 trust
hostssl   all  {CERT_ROLE}  {LOOPBACK}/32  cert
hostssl   all  {PASSWORD_ROLE}  {LOOPBACK}/32  scram-sha-256
hostssl   all  all         {LOOPBACK}/32  trust
hostnossl all  all         {LOOPBACK}/32  reject
host      all  all         ::1/128       reject
"""


def start_tls_postgres(
    server_cert: Issued,
    ca_cert: Path,
    *,
    timeout: float = READY_TIMEOUT,
    report: Callable[[str], None] | None = None,
) -> PostgresServer:
    """Start PostgreSQL with ``ssl=on`` and TLS-only ``pg_hba.conf``; trusts `ca_cert` clients."""

    def configure(data_dir: Path, user: ServiceUser) -> Sequence[str]:
        files = {
            "server.crt": server_cert.cert,
            "server.key": server_cert.key,
            "root.crt": ca_cert,
        }
        for name, source in files.items():
            target = data_dir / name
            shutil.copyfile(source, target)
            # PostgreSQL refuses a key readable by others, and must own what it reads.
            target.chmod(0o600)
            if not user.is_current:
                os.chown(target, user.uid, user.gid)
        (data_dir / "pg_hba.conf").write_text(_HBA)
        return (
            "ssl=on",
            "ssl_cert_file=server.crt",
            "ssl_key_file=server.key",
            "ssl_ca_file=root.crt",
        )

    if report is None:
        return start_postgres(timeout, configure=configure)
    return start_postgres(timeout, report, configure=configure)
