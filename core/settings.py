"""The one Settings object: environment variables with the ``C360_`` prefix and an optional file.

Only `create_app` and the CLI build it; every other module receives it (or a value from it).
``DATABASE_URL`` and ``OPENSEARCH_URL`` are also honoured unprefixed, because that is what
operators and the test harness set to point the gateway at an existing server.
"""

from __future__ import annotations

import json
import os
import ssl
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import AliasChoices, Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from core.crypto import KeyConfigError, LocalKeyring, keyring
from core.postgres_tls import PostgresTls, SslMode
from core.secrets import SECRET_FIELDS, mask_url_password, read_secret_files
from core.service_checks import opensearch_problems
from core.storage_checks import s3_problems

REPO_ROOT = Path(__file__).resolve().parent.parent
# Public in the repository: accepted outside production only, never as a fallback for a key.
DEVELOPMENT_JWT_SECRET = "dev-only-secret-change-me-in-production-0123456789"  # noqa: S105
MIN_JWT_SECRET_BYTES = 32
_LOOPBACK_HOSTS = {"127.0.0.1", "::1", "localhost"}


def _fetched_safely(url: str) -> bool:
    parsed = urlsplit(url)
    return parsed.scheme == "https" or (
        parsed.scheme == "http" and parsed.hostname in _LOOPBACK_HOSTS
    )


def _attachments_default(data_dir: Path) -> Path:
    """data_dir/attachments, unless data_dir lies inside the repository (the demo's var/):
    customers' files must never sit in a checkout, where `git clean` or `git add` reaches them."""
    resolved = data_dir.resolve()
    if resolved == REPO_ROOT or REPO_ROOT in resolved.parents:
        return Path.home() / ".local" / "share" / "customer360" / "attachments"
    return data_dir / "attachments"


class Environment(StrEnum):
    DEVELOPMENT = "development"
    TEST = "test"
    PRODUCTION = "production"


class Settings(BaseSettings):
    """Gateway configuration; every field has a documented default (see README)."""

    model_config = SettingsConfigDict(
        env_prefix="C360_",
        env_file=None,
        extra="ignore",
        frozen=True,
        # A validation error must not echo the input: it may hold a secret.
        hide_input_in_errors=True,
    )

    environment: Environment = Field(
        default=Environment.PRODUCTION,
        description="Production unless development (or test) is asked for explicitly.",
    )
    host: str = "127.0.0.1"
    port: int = 8000
    # Before the fields whose defaults live under it (their default factories read it).
    data_dir: Path = Field(
        default=REPO_ROOT / "var",
        description="Where the gateway writes: the SQLite store, the embedded search file, "
        "the demo upstreams; set it outside the repository for an installed gateway.",
    )

    database_url: str = Field(
        default_factory=lambda data: f"sqlite+aiosqlite:///{data['data_dir'] / 'customer360.db'}",
        validation_alias=AliasChoices("C360_DATABASE_URL", "DATABASE_URL"),
        description="Native store. SQLite by default; postgresql+asyncpg://… in production.",
    )
    database_pool_size: int = Field(
        default=20,
        ge=1,
        le=500,
        description="PostgreSQL connections the gateway keeps open (about the requests in "
        "flight); up to half as many again are opened for bursts.",
    )
    opensearch_url: str | None = Field(
        default=None,
        validation_alias=AliasChoices("C360_OPENSEARCH_URL", "OPENSEARCH_URL"),
        description="OpenSearch for note search; unset selects the embedded backend.",
    )
    opensearch_index_prefix: str = "c360"
    search_embedded_path: Path | None = Field(
        default=None,
        description="Embedded search index file; default: beside a SQLite store, or var/.",
    )
    search_indexer: bool = Field(
        default=True,
        description="Drain the search outbox in the gateway process (off when a worker runs).",
    )
    search_poll_seconds: float = Field(default=0.2, gt=0, description="Idle outbox polling.")
    search_batch_size: int = Field(default=200, ge=1, le=5000)
    search_max_attempts: int = Field(default=8, ge=1, description="Then dead-lettered.")
    search_outbox_retention_hours: float = Field(
        default=24,
        ge=0,
        description="Outbox rows the indexer settled are deleted after this long (0 keeps them).",
    )
    customer_gate_per_customer: int = Field(
        default=1,
        ge=1,
        description="Requests doing upstream work for one customer at a time (the others "
        "wait their turn; other customers never wait).",
    )
    customer_gate_wait_seconds: float = Field(
        default=2.0,
        gt=0,
        description="The longest a request waits for its turn at a customer before it goes "
        "ahead anyway.",
    )
    customer_gate_share: float = Field(
        default=0.5,
        gt=0,
        le=1,
        description="The share of the time one contested customer's requests work: a turn "
        "that others wait for is handed on after a rest of its length x (1/share - 1), at "
        "most a quarter of the wait (1 = no rest).",
    )
    order_summary_max_age_hours: float = Field(
        default=24,
        ge=0,
        description="`summarise-orders` recomputes a customer's order figures once their "
        "summary is older than this (0: every customer on every run).",
    )

    # At-risk scoring (`score-risk`) and outreach: weights are whole points per signal.
    risk_window_days: int = Field(
        default=30, ge=1, le=365, description="Notes and interactions this recent count."
    )
    risk_weight_negative_note: int = Field(
        default=10, ge=0, description="Points per negative note in the window (per scope)."
    )
    risk_cap_negative_notes: int = Field(
        default=40, ge=0, description="At most this many points from one scope's notes."
    )
    risk_weight_sentiment_falling: int = Field(
        default=10,
        ge=0,
        description="Points when a scope's mean note sentiment in the window fell by at least "
        "`risk_sentiment_drop` against the window before.",
    )
    risk_sentiment_drop: float = Field(default=0.3, gt=0, le=2, description="See above.")
    risk_weight_negative_interaction: int = Field(
        default=8,
        ge=0,
        description="Points per interaction in the window that is negative, or has a "
        "negative mood or outcome.",
    )
    risk_cap_negative_interactions: int = Field(
        default=32, ge=0, description="At most this many points from interactions."
    )
    risk_negative_moods: list[str] = Field(
        default=["frustrated", "angry"], description="Interaction moods that count as negative."
    )
    risk_negative_outcomes: list[str] = Field(
        default=["not_interested"], description="Interaction outcomes that count as negative."
    )
    risk_weight_risk_flag: int = Field(default=20, ge=0, description="Points per open risk flag.")
    risk_cap_risk_flags: int = Field(default=40, ge=0, description="At most this many.")
    risk_weight_overdue_invoice: int = Field(
        default=25, ge=0, description="Points per unpaid invoice past its due date."
    )
    risk_cap_overdue_invoices: int = Field(default=40, ge=0, description="At most this many.")
    risk_weight_open_ticket: int = Field(
        default=10, ge=0, description="Points per open high or urgent helpdesk ticket."
    )
    risk_cap_open_tickets: int = Field(default=30, ge=0, description="At most this many.")
    risk_weight_lapsed_purchase: int = Field(
        default=15,
        ge=0,
        description="Points when the days since the last order exceed "
        "`risk_lapsed_factor` times the usual interval.",
    )
    risk_lapsed_factor: float = Field(default=1.5, gt=0, description="See the weight above.")
    outreach_threshold: int = Field(
        default=60,
        ge=1,
        description="A customer whose system-wide score reaches this opens an outreach "
        "episode (one follow-up for the owner agent, one webhook call).",
    )
    outreach_hysteresis: int = Field(
        default=15,
        ge=0,
        description="An episode closes once the score falls below the threshold minus this; "
        "only then can a new one open.",
    )
    outreach_follow_up_due_days: int = Field(
        default=2, ge=0, le=365, description="The outreach follow-up is due this many days on."
    )
    outreach_webhook_url: str | None = Field(
        default=None, description="The campaign tool's endpoint; unset: no webhook calls."
    )
    outreach_webhook_secret: SecretStr | None = Field(
        default=None, description="HMAC-SHA256 key signing every webhook body."
    )
    outreach_webhook_max_attempts: int = Field(
        default=5, ge=1, le=50, description="Failed calls before a delivery is dead-lettered."
    )
    outreach_webhook_backoff_seconds: float = Field(
        default=30, ge=0, description="First retry delay; doubled after every failure."
    )
    outreach_webhook_timeout_seconds: float = Field(
        default=10, gt=0, description="Per webhook call."
    )

    # Secured backing services (docs/deploy.md): TLS, credentials and secrets read from files.
    # Every secret is a SecretStr and may come from `<name>_file` instead (read once, here).
    database_password: SecretStr | None = Field(
        default=None,
        description="The store's password, given to the driver (never put into the URL).",
    )
    database_password_file: Path | None = None
    database_sslmode: SslMode | None = Field(
        default=None,
        description="libpq sslmode for the store (disable … verify-full); unset: the URL's "
        "sslmode query parameter, else the driver's default (prefer).",
    )
    database_ssl_root_cert: Path | None = Field(default=None, description="CA bundle (PEM).")
    database_ssl_cert: Path | None = Field(default=None, description="Client certificate.")
    database_ssl_key: Path | None = Field(default=None, description="Client certificate's key.")
    opensearch_username: str | None = Field(default=None, description="HTTP basic auth user.")
    opensearch_password: SecretStr | None = None
    opensearch_password_file: Path | None = None
    opensearch_ca_file: Path | None = Field(
        default=None, description="CA bundle (PEM) for an https OpenSearch; unset: system CAs."
    )
    opensearch_verify_certs: bool = Field(
        default=True,
        description="Verify the cluster's certificate and host name; off only when asked for "
        "(logged as a warning at startup).",
    )
    opensearch_client_cert: Path | None = Field(default=None, description="Client cert (PEM).")
    opensearch_client_key: Path | None = Field(default=None, description="Its key (PEM).")
    opensearch_aws_region: str | None = Field(
        default=None,
        description="Sign requests with AWS SigV4 for this region (Amazon OpenSearch Service); "
        "credentials come from the standard AWS chain.",
    )
    opensearch_aws_service: Literal["es", "aoss"] = Field(
        default="es", description="es: OpenSearch Service domains; aoss: Serverless."
    )
    opensearch_pool_size: int | None = Field(
        default=None,
        ge=1,
        le=500,
        description="OpenSearch connections kept per gateway process; default: "
        "C360_DATABASE_POOL_SIZE (both are about the requests in flight).",
    )
    jwt_secret_file: Path | None = None

    @model_validator(mode="before")
    @classmethod
    def _read_secret_files(cls, data: Any) -> Any:
        return read_secret_files(data, SECRET_FIELDS)

    @model_validator(mode="after")
    def _check_attachment_storage(self) -> Settings:
        if self.attachments_backend == "s3":
            problems = s3_problems(
                bucket=self.attachments_s3_bucket,
                endpoint_url=self.attachments_s3_endpoint_url,
                has_access_key=self.attachments_s3_access_key_id is not None,
                has_secret_key=self.attachments_s3_secret_access_key is not None,
                key_prefix=self.attachments_s3_key_prefix,
                max_bytes=self.attachments_max_bytes,
            )
            if problems:
                raise ValueError("; ".join(problems))
        return self

    @field_validator("otlp_endpoint")
    @classmethod
    def _check_otlp_endpoint(cls, value: str | None) -> str | None:
        if value:
            parsed = urlsplit(value)
            if parsed.scheme not in {"http", "https"} or not parsed.hostname:
                raise ValueError("C360_OTLP_ENDPOINT must be an http(s) URL (…/v1/traces)")
        return value or None

    @model_validator(mode="after")
    def _check_otlp_headers(self) -> Settings:
        # The headers usually carry the collector's API key: never in clear off the host.
        headers = self.otlp_headers is not None and self.otlp_endpoint
        if headers and not _fetched_safely(str(self.otlp_endpoint)):
            raise ValueError("C360_OTLP_HEADERS need an https C360_OTLP_ENDPOINT")
        return self

    @model_validator(mode="after")
    def _check_backing_services(self) -> Settings:
        problems = []
        if self.opensearch_url:
            problems = opensearch_problems(
                url=self.opensearch_url,
                username=self.opensearch_username,
                has_password=self.opensearch_password is not None,
                ca_file=self.opensearch_ca_file,
                client_cert=self.opensearch_client_cert,
                client_key=self.opensearch_client_key,
                aws_region=self.opensearch_aws_region,
            )
        try:
            self.database_tls.asyncpg_ssl()
        except (ValueError, OSError, ssl.SSLError) as exc:
            problems.append(
                "store TLS (C360_DATABASE_SSLMODE, C360_DATABASE_SSL_ROOT_CERT, "
                f"C360_DATABASE_SSL_CERT, C360_DATABASE_SSL_KEY): {exc}"
            )
        if problems:
            raise ValueError("; ".join(problems))
        return self

    @property
    def database_tls(self) -> PostgresTls:
        """The store's TLS settings (the URL's libpq parameters fill in what is unset)."""
        return PostgresTls(
            mode=self.database_sslmode,
            root_cert=self.database_ssl_root_cert,
            cert=self.database_ssl_cert,
            key=self.database_ssl_key,
        )

    def __repr_args__(self) -> Any:
        # URLs may carry user:password@; the repr (tracebacks, debug logs) never shows them.
        for name, value in super().__repr_args__():
            yield name, mask_url_password(value) if isinstance(value, str) else value

    jwt_secret: SecretStr = Field(
        default=SecretStr(DEVELOPMENT_JWT_SECRET),
        description="HS256 secret. Unset: HS256 is off when a public key or JWKS URL is set, "
        "else the development secret (refused in production).",
    )
    jwt_public_key: str | None = Field(
        default=None, description="PEM RS256 public key; when set, RS256 tokens are accepted."
    )
    jwt_jwks_url: str | None = Field(
        default=None,
        description="The identity provider's JWKS URL; when set, RS256/ES256 tokens are "
        "verified with the key their `kid` names (HS256 only if a secret is also set).",
    )
    jwt_jwks_cache_seconds: float = Field(
        default=300, gt=0, le=86_400, description="How long a fetched key set is trusted."
    )
    jwt_jwks_refresh_seconds: float = Field(
        default=30,
        ge=0,
        le=3600,
        description="At most one key-set fetch this often for unknown key ids (rotation), so "
        "made-up ids cannot flood the identity provider.",
    )
    jwt_jwks_timeout_seconds: float = Field(default=5, gt=0, le=60)
    jwt_issuer: str = "customer360-dev"
    jwt_issuers: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="Accepted issuers (comma-separated or JSON); unset: `jwt_issuer` only.",
    )
    jwt_audience: str = "customer360-gateway"
    jwt_roles_claim: str = Field(
        default="roles",
        description="Dotted path to the roles list, e.g. realm_access.roles (Keycloak).",
    )
    jwt_groups_claim: str | None = Field(
        default=None, description="Dotted path to a groups list (e.g. groups); needs a role map."
    )
    jwt_role_map: dict[str, str] = Field(
        default_factory=dict,
        description='JSON {"IdP role or group": "gateway role"}; when set, only mapped names '
        "count.",
    )
    jwt_branches_claim: str = "branches"
    jwt_partner_claim: str = "partner"
    jwt_customer_claim: str = "customer"
    jwt_name_claim: str = Field(
        default="name", description="Dotted path to the display name (agent provisioning)."
    )
    jwt_email_claim: str = Field(
        default="email", description="Dotted path to the e-mail address (agent provisioning)."
    )
    agents_jit: bool | None = Field(
        default=None,
        description="Provision an unknown staff agent from its token's claims (name, e-mail, "
        "branch) on its first write; default: on in development only.",
    )
    jwt_leeway_seconds: int = Field(default=30, ge=0, le=300)
    jwt_max_lifetime_seconds: int = Field(
        default=86_400, ge=60, description="Tokens living longer (exp - iat) are refused."
    )
    jwt_max_token_bytes: int = Field(
        default=8_192, ge=512, description="Longer bearer tokens are refused before decoding."
    )
    demo: bool = Field(
        default=False,
        description="Serve the demo's token endpoint (mints tokens for any role); never in "
        "production.",
    )
    development_allow_remote: bool = Field(
        default=False,
        description="Let development (GraphiQL, demo, unmasked errors) bind a non-loopback host.",
    )
    publish_schema: bool | None = Field(
        default=None,
        description="Serve /schema.graphql without a token; default: outside production only.",
    )

    upstreams_file: Path | None = Field(
        default=None,
        description="TOML/JSON mapping of the upstream systems; unset runs the demo upstreams.",
    )
    demo_upstreams_dir: Path = Field(
        default_factory=lambda data: data["data_dir"] / "upstreams",
        description="Where the demo upstreams keep their databases; default: data_dir/upstreams.",
    )

    casbin_model_path: Path = REPO_ROOT / "casbin_model.conf"
    policy_dir: Path = REPO_ROOT / "policies"
    policy_reload_seconds: float = Field(
        default=5.0, description="How often policy files are checked for changes; 0 disables."
    )

    cors_origins: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="Origins (scheme://host[:port]) whose pages may call the API and load the "
        "widget from the browser, comma-separated; empty: same-origin only.",
    )

    max_body_bytes: int = 1_000_000

    # Encryption at rest (README "Encryption at rest").
    encrypted_scopes: Annotated[list[str], NoDecode] = Field(
        default=["restricted"],
        description="Note scopes whose subject, body and history are stored encrypted "
        "(comma-separated; empty: none).",
    )
    encryption_keys: SecretStr | None = Field(
        default=None,
        description="Key-encryption keys, `kid:<base64 of 32 bytes>` separated by commas.",
    )
    encryption_key_file: Path | None = Field(
        default=None, description="A file of `kid:<base64>` lines instead of the setting."
    )
    encryption_active_key: str | None = Field(
        default=None, description="The key id new values are sealed with (one key: that one)."
    )

    # Attachments (README "Attachments"): files uploaded against a customer or one of its notes.
    attachments_dir: Path = Field(
        default_factory=lambda data: _attachments_default(data["data_dir"]),
        description="Where the filesystem attachment store keeps the bytes (files 0600, "
        "directories 0700): data_dir/attachments, or ~/.local/share/customer360/attachments "
        "while data_dir is the repository's var/ (attachments never land in the repository).",
    )
    attachments_max_bytes: int = Field(
        default=20_000_000, ge=1, description="Largest upload; a larger one gets 413."
    )
    attachments_content_types: Annotated[list[str], NoDecode] = Field(
        default_factory=lambda: ["application/pdf", "image/png", "image/jpeg", "text/plain"],
        description="Media types an upload may declare, comma-separated; the bytes must match "
        "the type (pdf, png, jpeg, gif, webp, text/plain and text/csv are checked).",
    )
    # Where the bytes live (README "S3-compatible storage"); the metadata stays in the store.
    attachments_backend: Literal["filesystem", "s3"] = Field(
        default="filesystem",
        description="filesystem: files under C360_ATTACHMENTS_DIR; s3: objects in an "
        "S3-compatible bucket (needs the `s3` extra and C360_ATTACHMENTS_S3_BUCKET).",
    )
    attachments_s3_bucket: str | None = Field(
        default=None, description="The bucket; it must exist (checked at startup)."
    )
    attachments_s3_endpoint_url: str | None = Field(
        default=None,
        description="The S3 API's base URL (MinIO, Ceph, any S3-compatible server); unset: "
        "Amazon S3 in C360_ATTACHMENTS_S3_REGION.",
    )
    attachments_s3_region: str = Field(default="us-east-1", description="Region to sign for.")
    attachments_s3_access_key_id: SecretStr | None = Field(
        default=None,
        description="Access key id; unset (with the secret): the standard AWS credential chain.",
    )
    attachments_s3_secret_access_key: SecretStr | None = None
    attachments_s3_secret_access_key_file: Path | None = None
    attachments_s3_path_style: bool = Field(
        default=False,
        description="Address the bucket in the path (endpoint/bucket/key), as MinIO and most "
        "self-hosted servers need; off: virtual-hosted (bucket.endpoint/key).",
    )
    attachments_s3_key_prefix: str = Field(
        default="attachments/",
        description="Prepended to every object key (letters, digits, . _ - /); the rest of the "
        "key is random, never a file name.",
    )
    max_query_depth: int = 12
    max_aliases: int = 30
    max_tokens: int = 5_000
    graphiql: bool | None = Field(default=None, description="Default: on in development only.")
    introspection: bool | None = Field(
        default=None, description="Default: off in production, on elsewhere."
    )
    mask_errors: bool | None = Field(
        default=None, description="Default: on everywhere but development."
    )

    log_level: str = "INFO"
    # Tracing (README "Tracing"): off unless an OTLP/HTTP traces URL is set.
    otlp_endpoint: str | None = Field(
        default=None,
        description="OTLP/HTTP traces URL of a collector (…/v1/traces); unset: tracing off.",
    )
    otlp_headers: SecretStr | None = Field(
        default=None, description="Headers for the collector, `k1=v1,k2=v2` (e.g. an API key)."
    )
    otlp_headers_file: Path | None = None
    otlp_service_name: str = Field(default="customer360-gateway", min_length=1)
    trace_sample_ratio: float = Field(
        default=1.0,
        ge=0.0,
        le=1.0,
        description="Share of new traces kept (an incoming traceparent's decision wins).",
    )
    log_json: bool | None = Field(
        default=None,
        description="JSON lines; default: readable lines when stderr is a terminal, else JSON.",
    )

    # Cost and isolation: what one request, and one principal, may take (README "Limits").
    max_query_cost: int = Field(
        default=50_000,
        ge=1,
        description="Estimated objects an operation may resolve (list sizes times nested "
        "selections); costlier operations get QUERY_TOO_COSTLY before they run.",
    )
    query_cost_list_size: int = Field(
        default=10, ge=0, description="Items assumed for a list field without first/last."
    )
    query_cost_weights: dict[str, float] = Field(
        default_factory=dict,
        description='Cost per object of chosen fields, JSON: {"Customer360.timeline": 2}.',
    )
    query_cost_list_sizes: dict[str, int] = Field(
        default_factory=dict,
        description='Assumed size of chosen unpaged lists, JSON: {"Order.lines": 20}.',
    )
    request_deadline_seconds: float = Field(
        default=15.0,
        gt=0,
        description="A GraphQL request still running after this long is answered "
        "DEADLINE_EXCEEDED and its work cancelled.",
    )
    max_response_bytes: int = Field(
        default=16_000_000, ge=1024, description="Larger answers become RESPONSE_TOO_LARGE."
    )
    max_requests_per_principal: int = Field(
        default=16,
        ge=1,
        description="GraphQL requests one subject may have in flight (per gateway process); "
        "more get 429 with Retry-After.",
    )
    persisted_queries: bool = Field(
        default=True,
        description="Automatic persisted queries: a client may send only a document's SHA-256 "
        "once it has sent the document with it.",
    )
    safelist_roles: list[str] = Field(
        default_factory=list,
        description="Roles that may run only operations loaded with `persist`, JSON: "
        '["partner", "executive"]; a principal holding any of them is restricted.',
    )
    rate_limit_enabled: bool = Field(
        default=True,
        description="Budget every principal (and partner) a query cost per window; over it, "
        "429 with Retry-After and RATE_LIMITED.",
    )
    rate_limit_window_seconds: int = Field(default=60, ge=1, le=86_400)
    rate_limit_cost: int = Field(
        default=1_000_000,
        ge=1,
        description="Estimated query cost (the QUERY_TOO_COSTLY estimate, at least 1 per "
        "operation) one principal may spend per window.",
    )
    rate_limit_partner_cost: int = Field(
        default=3_000_000,
        ge=1,
        description="What all the principals of one partner may spend together per window.",
    )
    rate_limit_role_cost: dict[str, int] = Field(
        default_factory=dict,
        description='Per-role budgets instead of rate_limit_cost, JSON: {"executive": 50000}; '
        "a principal with several roles gets the largest.",
    )
    rate_limit_backend: Literal["auto", "memory", "database"] = Field(
        default="auto",
        description="Where the windows are counted: the store's database (shared by every "
        "gateway on it; auto on PostgreSQL) or this process (auto on SQLite).",
    )
    rate_limit_tarpit_seconds: float = Field(
        default=1.0,
        ge=0,
        le=30,
        description="A caller already refused for its spent budget waits this long (at most "
        "to the window's end) for its next 429: a client ignoring Retry-After slows itself.",
    )
    max_inflight_per_principal: int = Field(
        default=8,
        ge=1,
        description="GraphQL requests admitted at once per credential (bearer token), checked "
        "before authentication; the next ones wait for a slot (per gateway process).",
    )
    max_inflight_per_partner: int = Field(
        default=16,
        ge=1,
        description="GraphQL requests admitted at once for all the principals of one partner "
        "(per gateway process); the next ones wait for a slot like a token's.",
    )
    inflight_wait_seconds: float = Field(
        default=1.0,
        ge=0,
        le=30,
        description="How long a request over max_inflight_per_principal waits for a slot "
        "before it is answered 429 TOO_MANY_REQUESTS with Retry-After.",
    )
    max_parked_requests: int = Field(
        default=256,
        ge=0,
        description="Requests held at once (waiting for a slot, or refused after a pause); "
        "beyond it they are answered at once, so held connections stay bounded.",
    )
    max_header_bytes: int = Field(
        default=32_768, ge=1024, description="Total header bytes; more get 431."
    )
    max_url_bytes: int = Field(
        default=65_536, ge=256, description="Path and query string bytes; more get 414."
    )

    # The automatic sales → support handoff (`python -m gateway auto-handoff`): a customer with
    # a sales note from the last N days and a helpdesk ticket opened in the last M days.
    auto_handoff_sales_note_days: int = Field(
        default=30,
        ge=1,
        le=3650,
        description="A customer qualifies with a live sales note written within this many days.",
    )
    auto_handoff_ticket_days: int = Field(
        default=7,
        ge=1,
        le=365,
        description="…and a helpdesk ticket opened within this many days (the new ticket).",
    )

    # Access audit (README "Access audit"): reads of restricted notes, financials, lifetime
    # value, risk flags and the audit log, aggregated per reader, customer, group and hour.
    access_audit_enabled: bool = Field(
        default=True, description="Record reads of sensitive data (`accessLog`)."
    )
    access_audit_retention_days: int = Field(
        default=400,
        ge=1,
        le=36_500,
        description="`prune-access-audit` deletes access records older than this many days.",
    )

    # Duplicate detection on createNote / logInteraction (store/duplicates.py).
    duplicate_check: bool = Field(
        default=True,
        description="Refuse a near-copy of a recent note or interaction of the same customer "
        "with DUPLICATE_SUSPECTED unless the caller confirms (allowDuplicate).",
    )
    duplicate_window_hours: float = Field(
        default=72,
        gt=0,
        le=24 * 366,
        description="How far back a new note or interaction is compared.",
    )
    duplicate_threshold: float = Field(
        default=0.85,  # intelligence.duplicates.DEFAULT_THRESHOLD (core imports nothing of ours)
        gt=0,
        le=1,
        description="Similarity (0-1) at or above which a recent one counts as a near-copy.",
    )
    duplicate_max_compared: int = Field(
        default=200,
        ge=1,
        le=2000,
        description="At most this many of the customer's most recent ones are compared.",
    )

    # Deployment: processes, shutdown and the reverse proxy (docs/deploy.md).
    workers: int = Field(
        default=1, ge=1, le=64, description="Gateway processes `serve` runs on one port."
    )
    shutdown_grace_seconds: float = Field(
        default=30.0,
        ge=0,
        description="On SIGTERM, how long requests in flight may finish before they are cut.",
    )
    forwarded_allow_ips: str = Field(
        default="127.0.0.1",
        description="Proxies (comma-separated addresses or networks, or *) whose "
        "X-Forwarded-For/-Proto headers are trusted for the client address and scheme.",
    )

    @field_validator("jwt_jwks_url")
    @classmethod
    def _check_jwks_url(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith(("https://", "http://")):
            raise ValueError(f"{value[:80]!r} is not an http(s) URL of a JWK set")
        return value

    @field_validator("jwt_role_map")
    @classmethod
    def _check_role_map(cls, value: dict[str, str]) -> dict[str, str]:
        if any(not name or not role for name, role in value.items()):
            raise ValueError('map each provider role or group to a role: {"CS-Agents": "support"}')
        return value

    @field_validator("jwt_issuers", mode="before")
    @classmethod
    def _split_issuers(cls, value: Any) -> Any:
        if isinstance(value, str):
            text = value.strip()
            if text.startswith("["):
                return json.loads(text)
            return [part.strip() for part in text.split(",") if part.strip()]
        return value

    @property
    def jwt_accepted_issuers(self) -> list[str]:
        """The issuers a token may name: `jwt_issuers` when set, else `jwt_issuer`."""
        return list(self.jwt_issuers) or [self.jwt_issuer]

    @field_validator("attachments_content_types", mode="before")
    @classmethod
    def _split_content_types(cls, value: Any) -> Any:
        if isinstance(value, str):
            value = value.split(",")
        if isinstance(value, list):
            value = [str(part).strip().lower() for part in value if str(part).strip()]
        return value

    @field_validator("encrypted_scopes", mode="before")
    @classmethod
    def _split_scopes(cls, value: Any) -> Any:
        if isinstance(value, str):
            value = value.split(",")
        if isinstance(value, list):
            value = [str(part).strip().lower() for part in value if str(part).strip()]
        return value

    def encryption_keyring(self) -> LocalKeyring | None:
        """The key ring for the encrypted scopes (None when none is encrypted); raises
        KeyConfigError naming the setting. Outside production, with no key configured, a
        development key ring is generated (0600) in the data directory."""
        if not self.encrypted_scopes:
            return None
        keys = self.encryption_keys.get_secret_value() if self.encryption_keys else None
        dev = None
        if self.environment is not Environment.PRODUCTION:
            dev = self.data_dir / "encryption-dev.keys"
        return keyring(keys, self.encryption_key_file, self.encryption_active_key, dev_file=dev)

    @field_validator("cors_origins", mode="before")
    @classmethod
    def _split_origins(cls, value: Any) -> Any:
        if isinstance(value, str):
            value = [part.strip() for part in value.split(",") if part.strip()]
        if isinstance(value, list):
            for origin in value:
                if origin == "*" or not isinstance(origin, str):
                    raise ValueError("list each origin; '*' is not allowed with bearer tokens")
                if not origin.startswith(("http://", "https://")) or origin.endswith("/"):
                    raise ValueError(f"{origin!r} is not an origin like https://crm.example.com")
        return value

    @property
    def jwt_hs256_secret(self) -> str | None:
        """The HS256 secret, or None when HS256 is off (a public key alone means RS256 only)."""
        if "jwt_secret" in self.model_fields_set:
            return self.jwt_secret.get_secret_value()
        if (
            self.jwt_public_key is None
            and self.jwt_jwks_url is None
            and self.environment is not Environment.PRODUCTION
        ):
            return DEVELOPMENT_JWT_SECRET
        return None

    def startup_problems(self) -> list[str]:
        """Why this configuration must not serve (empty when it may); each names its setting."""
        problems: list[str] = []
        if self.environment is Environment.PRODUCTION:
            secret = self.jwt_hs256_secret
            if secret is None and self.jwt_public_key is None and self.jwt_jwks_url is None:
                problems.append(
                    "production needs a key source: C360_JWT_JWKS_URL, or C360_JWT_PUBLIC_KEY or "
                    "C360_JWT_SECRET"
                )
            elif secret == DEVELOPMENT_JWT_SECRET:
                problems.append(
                    "C360_JWT_SECRET is the development secret, which is public; set your own"
                    " (or only C360_JWT_JWKS_URL / C360_JWT_PUBLIC_KEY)"
                )
            elif secret is not None and len(secret.encode()) < MIN_JWT_SECRET_BYTES:
                problems.append(f"C360_JWT_SECRET must be at least {MIN_JWT_SECRET_BYTES} bytes")
            if self.jwt_jwks_url is not None and not _fetched_safely(self.jwt_jwks_url):
                problems.append(
                    "C360_JWT_JWKS_URL must be https:// (plain http only on loopback): whoever "
                    "can change the key set in transit can sign any token"
                )
            if self.demo:
                problems.append("C360_DEMO mints tokens for any role and is refused in production")
            if self.encrypted_scopes:
                try:
                    self.encryption_keyring()
                except KeyConfigError as exc:
                    problems.append(str(exc))
        return problems

    def check_serving(self, host: str) -> None:
        """Raise ValueError naming the setting when this configuration must not serve on `host`.

        Development (GraphiQL, demo tokens, unmasked errors) binds loopback only.
        """
        problems = self.startup_problems()
        if (
            self.environment is Environment.DEVELOPMENT
            and host not in _LOOPBACK_HOSTS
            and not self.development_allow_remote
        ):
            problems.append(
                f"development mode binds loopback only, not {host!r}: set C360_ENVIRONMENT="
                "production (or C360_DEVELOPMENT_ALLOW_REMOTE=true if you really mean it)"
            )
        if problems:
            raise ValueError("refusing to start: " + "; ".join(problems))

    @property
    def demo_enabled(self) -> bool:
        """The demo token endpoint: asked for explicitly, and never in production."""
        return self.demo and self.environment is not Environment.PRODUCTION

    @property
    def schema_published(self) -> bool:
        """/schema.graphql without a token; by default outside production only."""
        if self.publish_schema is not None:
            return self.publish_schema
        return self.environment is not Environment.PRODUCTION

    @property
    def suggestions_enabled(self) -> bool:
        """GraphQL "Did you mean" hints name schema fields; development only."""
        return self.environment is Environment.DEVELOPMENT

    @property
    def graphiql_enabled(self) -> bool:
        """GraphiQL is served unless switched off; off by default in production."""
        if self.graphiql is not None:
            return self.graphiql
        return self.environment is Environment.DEVELOPMENT

    @property
    def introspection_enabled(self) -> bool:
        """Schema introspection; off by default in production."""
        if self.introspection is not None:
            return self.introspection
        return self.environment is not Environment.PRODUCTION

    @property
    def mask_errors_enabled(self) -> bool:
        """Unexpected errors are masked everywhere but development."""
        if self.mask_errors is not None:
            return self.mask_errors
        return self.environment is not Environment.DEVELOPMENT

    @property
    def agents_jit_enabled(self) -> bool:
        """Just-in-time agents from token claims; off by default outside development."""
        if self.agents_jit is not None:
            return self.agents_jit
        return self.environment is Environment.DEVELOPMENT

    @property
    def is_sqlite(self) -> bool:
        """True when the native store is the embedded SQLite database."""
        return self.database_url.startswith("sqlite")


def load_settings(env_file: Path | None = None, **overrides: Any) -> Settings:
    """Build Settings from the environment, an optional env file, and explicit overrides."""
    if env_file is not None:
        return Settings(_env_file=env_file, **overrides)
    return Settings(**overrides)


# `serve --workers N` names its --env-file here, so each worker process loads the same file.
ENV_FILE_VARIABLE = "C360_ENV_FILE"


def load_worker_settings() -> Settings:
    """Settings in a `serve --workers` process: the environment and the parent's --env-file."""
    env_file = os.environ.get(ENV_FILE_VARIABLE)
    return load_settings(Path(env_file) if env_file else None)
