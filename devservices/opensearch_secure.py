"""A throwaway OpenSearch with its security plugin: https, basic auth and client certificates.

The plugin (``org.opensearch.plugin:opensearch-security``, the zip Maven Central publishes
for each release) is installed once into a copy of the cached distribution, beside it in the
cache. Each node gets its certificates from the caller (made at run time, see
`devservices.tls`), TLS on the transport and HTTP layers, client certificates optional on
HTTP, and a security configuration of its own: one internal user (basic auth) and one
certificate user (its CN), both mapped to ``all_access``. The security index is initialised
from those files at the first start (``allow_default_init_securityindex``): no admin tool runs.
"""

from __future__ import annotations

import os
import shutil
import ssl
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from devservices.opensearch import (
    OPENSEARCH_VERSION,
    READY_TIMEOUT,
    OpenSearchServer,
    _mvn_copy,
    _prepare_run_dir,
    cache_root,
    ensure_opensearch_installed,
    java_home,
)
from devservices.ports import free_port
from devservices.tls import Issued
from devservices.users import ServiceStartError, chown_tree, make_run_dir, service_user

SECURITY_ARTIFACT = f"org.opensearch.plugin:opensearch-security:{OPENSEARCH_VERSION}.0:zip"
_PLUGIN = Path("plugins") / "opensearch-security"
_ADMIN_DN = "CN=c360-security-admin"


@dataclass(frozen=True)
class SecuredNode:
    """Who may call the node: a basic-auth user and a client-certificate user (by CN)."""

    username: str
    password: str
    cert_user: str


def _silent(message: str) -> None:
    """Default progress reporter: say nothing."""


def _java_env() -> dict[str, str]:
    java = str(java_home())
    return {**os.environ, "JAVA_HOME": java, "OPENSEARCH_JAVA_HOME": java}


def ensure_security_installed(report: Callable[[str], None] = _silent) -> Path:
    """A copy of the cached distribution with the security plugin installed (made once)."""
    home = cache_root() / f"opensearch-{OPENSEARCH_VERSION}-security"
    if (home / _PLUGIN / "plugin-descriptor.properties").is_file():
        return home
    base = ensure_opensearch_installed(report)
    staging = Path(tempfile.mkdtemp(dir=home.parent, prefix=f".{home.name}-"))
    try:
        report(f"fetching {SECURITY_ARTIFACT} with Maven")
        _mvn_copy(SECURITY_ARTIFACT, staging)
        archive = next(staging.glob("opensearch-security-*.zip"))
        copy = staging / home.name
        shutil.copytree(base, copy, symlinks=True)
        result = subprocess.run(
            [str(copy / "bin" / "opensearch-plugin"), "install", "--batch", archive.as_uri()],
            capture_output=True,
            text=True,
            check=False,
            env=_java_env(),
        )
        if result.returncode != 0:
            raise ServiceStartError(f"installing the security plugin failed:\n{result.stderr}")
        for path in [copy, *copy.rglob("*")]:
            path.chmod(path.stat().st_mode | (0o555 if path.is_dir() else 0o444))
        try:
            copy.rename(home)
        except OSError:
            if not (home / _PLUGIN / "plugin-descriptor.properties").is_file():
                raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return home


def _bcrypt(home: Path, password: str) -> str:
    tool = home / _PLUGIN / "tools" / "hash.sh"
    result = subprocess.run(
        ["bash", str(tool), "-p", password],
        capture_output=True,
        text=True,
        check=False,
        env=_java_env(),
    )
    lines = result.stdout.strip().splitlines()
    if result.returncode != 0 or not lines or not lines[-1].startswith("$2"):
        raise ServiceStartError(f"hashing the test password failed:\n{result.stderr}")
    return lines[-1]


def _security_files(node: SecuredNode, password_hash: str) -> dict[str, str]:
    return {
        "config.yml": """\
_meta: {type: config, config_version: 2}
config:
  dynamic:
    http: {anonymous_auth_enabled: false}
    authc:
      clientcert_auth_domain:
        http_enabled: true
        transport_enabled: false
        order: 0
        http_authenticator:
          type: clientcert
          config: {username_attribute: cn}
          challenge: false
        authentication_backend: {type: noop}
      basic_internal_auth_domain:
        http_enabled: true
        transport_enabled: true
        order: 1
        http_authenticator: {type: basic, challenge: true}
        authentication_backend: {type: intern}
""",
        "internal_users.yml": f"""\
_meta: {{type: internalusers, config_version: 2}}
{node.username}:
  hash: "{password_hash}"
  reserved: false
  description: "The gateway's basic-auth user (tests)"
""",
        "roles_mapping.yml": f"""\
_meta: {{type: rolesmapping, config_version: 2}}
all_access:
  reserved: false
  users: ["{node.username}", "{node.cert_user}"]
""",
    }


def start_secured_opensearch(
    node: SecuredNode,
    *,
    server_cert: Issued,
    ca_cert: Path,
    timeout: float = READY_TIMEOUT,
    report: Callable[[str], None] = _silent,
) -> OpenSearchServer:
    """Start a secured single node on free loopback ports and wait until it answers `node`."""
    home = ensure_security_installed(report)
    user = service_user()
    run_dir = make_run_dir("c360-opensearch-secure-", user)
    try:
        _prepare_run_dir(home, run_dir, user)
        config = run_dir / "config"
        for name, source in {"node.crt": server_cert.cert, "node.key": server_cert.key}.items():
            shutil.copyfile(source, config / name)
        shutil.copyfile(ca_cert, config / "root-ca.pem")
        for name, text in _security_files(node, _bcrypt(home, node.password)).items():
            (config / "opensearch-security" / name).write_text(text)
        with (config / "opensearch.yml").open("a") as yml:
            yml.write(f"\nplugins.security.authcz.admin_dn: ['{_ADMIN_DN}']\n")
        chown_tree(run_dir, user)
        for key in (config / "node.key",):
            key.chmod(0o600)
        tls = {
            f"plugins.security.ssl.{layer}.{kind}_filepath": name
            for layer in ("transport", "http")
            for kind, name in (
                ("pemcert", "node.crt"),
                ("pemkey", "node.key"),
                ("pemtrustedcas", "root-ca.pem"),
            )
        }
        server = OpenSearchServer(
            home=home,
            user=user,
            run_dir=run_dir,
            http_port=free_port(),
            transport_port=free_port(),
            overrides={
                "plugins.security.disabled": "false",
                **tls,
                "plugins.security.ssl.transport.enforce_hostname_verification": "false",
                "plugins.security.ssl.http.enabled": "true",
                "plugins.security.ssl.http.clientauth_mode": "OPTIONAL",
                "plugins.security.allow_default_init_securityindex": "true",
                "plugins.security.nodes_dn": f"CN={server_cert.cert.stem}",
            },
            probe={
                "verify": ssl.create_default_context(cafile=str(ca_cert)),
                "auth": (node.username, node.password),
            },
        )
    except BaseException:
        shutil.rmtree(run_dir, ignore_errors=True)
        raise
    try:
        server.start(timeout)
    except BaseException:
        server.close()
        raise
    return server
