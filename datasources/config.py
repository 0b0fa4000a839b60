"""Where the upstreams are and how their tables and payloads map onto our records.

Nothing about an upstream's shape is hard-coded in the datasources: every table, column,
endpoint and JSON field name comes from these models. Their defaults describe the demo
upstreams (`demo/upstreams`), so a deployment overrides only what differs. Timeouts, retries
and the circuit breaker are configured per source as well.

Worked example: a CRM whose contacts live in ``crm_contacts`` with columns ``contact_no``,
``full_name``, ``mail``, ``tel``, ``office``, ``vip`` (the rest keeps the demo's names), a
helpdesk that calls requesters ``customer_ref``, and a slow billing database::

    # upstreams.toml, loaded with UpstreamConfig.from_file(Path("upstreams.toml"))
    [crm]
    url = "postgresql+asyncpg://reader@crm-db/crm"
    [crm.customers]
    table = "crm_contacts"
    [crm.customers.columns]
    id = "contact_no"
    name = "full_name"
    email = "mail"
    phone = "tel"
    branch = "office"
    vip = "vip"

    [oms]
    url = "postgresql+asyncpg://reader@oms-db/oms"

    [billing]
    url = "postgresql+asyncpg://reader@erp-db/billing"
    [billing.resilience]
    timeout_seconds = 5.0

    [helpdesk]
    base_url = "https://helpdesk.example.com"
    [helpdesk.fields]
    customer_id = "customer_ref"

Nested JSON fields are dotted paths (``"buyer.externalRef"``). Status vocabularies map each
channel's statuses onto ours; a status missing from the map fails normalisation on purpose,
so a new upstream status is noticed rather than guessed.

Each order channel also carries its intake ``rules`` (required payload fields, accepted
currencies, total bounds, per-account overrides), so one channel's rules never reject
another channel's valid orders::

    [marketplace.rules]
    default_currency = "GBP"            # the feed omits the code on domestic orders
    [oms.web.rules.accounts.cust-00042]
    currencies = ["EUR"]                # a B2B account invoiced in euros

Secrets and TLS: an SQL source takes libpq's ``sslmode`` (``verify-full`` in production),
``ssl_root_cert``, ``ssl_cert``, ``ssl_key`` and a ``password_file``; a REST source
``header_files`` for headers whose value is a secret file's content (an API token)::

    [billing]
    url = "postgresql+asyncpg://reader@erp-db/billing"
    password_file = "/run/credentials/customer360-gateway.service/billing-password"
    sslmode = "verify-full"
    ssl_root_cert = "/etc/customer360/erp-ca.pem"
    [helpdesk.header_files]
    Authorization = "/run/credentials/customer360-gateway.service/helpdesk-token"
"""

from __future__ import annotations

import json
import tomllib
from decimal import Decimal
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from core.postgres_tls import PostgresTls, SslMode
from core.secrets import read_secret

# --- resilience ----------------------------------------------------------------------------


class _Model(BaseModel):
    # Typos in a deployment's mapping must fail loudly at startup, not silently fall back.
    model_config = ConfigDict(extra="forbid", frozen=True)


class ResilienceConfig(_Model):
    """Per-source timeout, read retries and circuit breaker."""

    timeout_seconds: float = Field(default=3.0, gt=0, description="Per attempt.")
    max_attempts: int = Field(default=3, ge=1, description="Reads only; 1 disables retries.")
    backoff_initial_seconds: float = Field(default=0.1, ge=0)
    backoff_max_seconds: float = Field(default=1.0, ge=0)
    retry_after_cap_seconds: float = Field(
        default=2.0, ge=0, description="Longest Retry-After the gateway is willing to wait."
    )
    breaker_failure_threshold: int = Field(
        default=5, ge=1, description="Consecutive failed attempts that open the breaker."
    )
    breaker_reset_seconds: float = Field(
        default=30.0, gt=0, description="Cool-down before an open breaker lets one probe through."
    )


class SqlSource(_Model):
    url: str = Field(
        description="SQLAlchemy async URL, e.g. postgresql+asyncpg://… or sqlite+…", repr=False
    )
    password_file: Path | None = Field(
        default=None,
        description="File holding the database password (read once at startup; the URL then "
        "carries none).",
    )
    sslmode: SslMode | None = Field(
        default=None,
        description="libpq sslmode (disable, allow, prefer, require, verify-ca, verify-full); "
        "unset: the URL's sslmode parameter, else the driver's default.",
    )
    ssl_root_cert: Path | None = Field(default=None, description="CA bundle (PEM).")
    ssl_cert: Path | None = Field(default=None, description="Client certificate (PEM).")
    ssl_key: Path | None = Field(default=None, description="Client certificate's key (PEM).")
    resilience: ResilienceConfig = ResilienceConfig()
    pool_size: int = Field(
        default=20,
        ge=1,
        le=500,
        description="Connections kept open to this database (PostgreSQL); about the number of "
        "requests in flight. A smaller pool opens and closes a connection per burst.",
    )

    @property
    def tls(self) -> PostgresTls:
        """This database's TLS settings (the URL's libpq parameters fill in what is unset)."""
        return PostgresTls(self.sslmode, self.ssl_root_cert, self.ssl_cert, self.ssl_key)

    def password(self) -> str | None:
        """The password from `password_file`, or None (then the URL's, if any)."""
        return read_secret(self.password_file) if self.password_file else None


class _HttpSource(_Model):
    base_url: str
    headers: dict[str, str] = Field(
        default_factory=dict, description="E.g. an API token.", repr=False
    )
    header_files: dict[str, Path] = Field(
        default_factory=dict,
        description='Headers whose value is a file\'s content: {"Authorization": '
        '"/run/credentials/customer360/helpdesk-token"}; read once at startup.',
    )

    def all_headers(self) -> dict[str, str]:
        """`headers` plus each of `header_files` read (a trailing newline stripped)."""
        return {**self.headers, **{k: read_secret(p) for k, p in self.header_files.items()}}

    health_path: str = "/health"
    resilience: ResilienceConfig = ResilienceConfig()


# --- order intake rules (applied by datasources/orders/rules.py) -----------------------------


class AccountRules(_Model):
    """One account's exceptions to its channel's rules; unset fields inherit the channel's.

    Every channel rule can be overridden (a test checks the two lists agree), so an intake
    error that names an account can be fixed for that account alone.
    """

    required_fields: list[str] | None = None
    currencies: list[str] | None = Field(default=None, description="E.g. a B2B account's own.")
    default_currency: str | None = Field(
        default=None, description="E.g. the currency a foreign account's feed leaves out."
    )
    min_total: Decimal | None = None
    max_total: Decimal | None = None
    require_lines: bool | None = None


class ChannelRules(_Model):
    """What an order from one channel must satisfy; a violation is an intake failure."""

    required_fields: list[str] = Field(
        default_factory=list,
        description="Dotted paths of the raw payload that must hold a value (e.g. a phone).",
    )
    currencies: list[str] = Field(
        default_factory=lambda: ["GBP"], description="Accepted ISO codes; empty accepts any."
    )
    default_currency: str | None = Field(
        default=None, description="Assumed when a payload carries no currency at all."
    )
    min_total: Decimal | None = Decimal(0)
    max_total: Decimal | None = None
    require_lines: bool = True
    accounts: dict[str, AccountRules] = Field(
        default_factory=dict, description="Per-account overrides, by customer id."
    )


# --- CRM -------------------------------------------------------------------------------------


class CustomerColumns(_Model):
    """Column names of the CRM's customer table."""

    id: str = "customer_no"
    name: str = "display_name"
    email: str = "email"
    phone: str = "phone"
    branch: str = "branch_code"
    partner: str = "partner_code"
    owner_agent: str = "account_manager"
    vip: str = "vip_flag"
    created_at: str = "created_on"
    last_activity_at: str = "last_contact_at"
    referred_by: str = "referred_by"


class CustomerTable(_Model):
    """The CRM's customer table."""

    table: str = "crm_customers"
    columns: CustomerColumns = CustomerColumns()


class StaffColumns(_Model):
    """Column names of the staff table (the agent directory's source)."""

    id: str = "staff_no"
    name: str = "full_name"
    email: str = "work_email"
    role: str = "job_role"
    branch: str = "branch_code"
    active: str = "is_active"
    updated_at: str = "modified_at"


class StaffTable(_Model):
    """The staff table `sync-agents` copies into the agent directory, incrementally by
    ``updated_at``; a row marked inactive, or gone, deactivates its agent."""

    table: str = "crm_staff"
    columns: StaffColumns = StaffColumns()
    roles: dict[str, str] = Field(
        default_factory=dict,
        description="The source's job roles → gateway roles; empty: taken as they are. With a "
        "map, a row whose role it does not name is a leaver (deactivated).",
    )


class CrmConfig(SqlSource):
    """The customer directory (SQL), and the staff table of the agent directory."""

    customers: CustomerTable = CustomerTable()
    staff: StaffTable | None = Field(
        default_factory=StaffTable, description="None: no staff directory in this database."
    )


# --- OMS: web shop and POS channels -----------------------------------------------------------

WEB_STATUSES = {
    "quote": "quote",
    "pending_payment": "placed",
    "paid": "paid",
    "shipped": "shipped",
    "delivered": "delivered",
    "installed": "installed",
    "cancelled": "cancelled",
    "refunded": "refunded",
}
POS_STATUSES = {"SALE": "completed", "LAYAWAY": "placed", "VOID": "cancelled", "RETURN": "refunded"}
MARKETPLACE_STATUSES = {
    "AWAITING_SHIPMENT": "paid",
    "SHIPPED": "shipped",
    "DELIVERED": "delivered",
    "CANCELED": "cancelled",
    "RETURNED": "refunded",
}


class WebOrderColumns(_Model):
    """Columns of the web shop's order header table."""

    number: str = "order_no"
    customer_id: str = "customer_no"
    status: str = "status"
    is_quote: str = "is_quote"
    placed_at: str = "ordered_at"
    subtotal: str = "subtotal"
    total: str = "grand_total"
    currency: str = "currency"


class WebItemColumns(_Model):
    """Columns of the web shop's order line table."""

    order_number: str = "order_no"
    sku: str = "sku"
    description: str = "name"
    quantity: str = "qty"
    unit_price: str = "unit_price"
    total: str = "line_total"


class WebFulfilmentColumns(_Model):
    """Columns of the web shop's deliveries-and-installations table."""

    order_number: str = "order_no"
    customer_id: str = Field(
        default="customer_no",
        description="The order's customer on each fulfilment row: a customer's timeline "
        "page of fulfilments is then one index range (customer, coalesce(done_at, "
        "scheduled_for), reference); empty: joined through the order headers.",
    )
    kind: str = "kind"
    reference: str = "reference"
    status: str = "status"
    scheduled_for: str = "scheduled_for"
    done_at: str = "done_at"
    provider: str = "provider"


class WebShopTables(_Model):
    """The web shop channel: header, lines and fulfilments in three tables."""

    orders: str = "web_orders"
    order_columns: WebOrderColumns = WebOrderColumns()
    items: str = "web_order_items"
    item_columns: WebItemColumns = WebItemColumns()
    fulfilments: str = "web_fulfilments"
    fulfilment_columns: WebFulfilmentColumns = WebFulfilmentColumns()
    delivery_kind: str = "delivery"
    installation_kind: str = "installation"
    statuses: dict[str, str] = Field(default_factory=lambda: dict(WEB_STATUSES))
    rules: ChannelRules = ChannelRules()


class PosColumns(_Model):
    """Columns of the point-of-sale receipts table (one row per receipt, lines as JSON)."""

    number: str = "receipt_no"
    customer_id: str = "customer_ref"
    store: str = "store_code"
    kind: str = "txn_type"
    sold_at_epoch: str = "sold_at_epoch"
    total_cents: str = "total_cents"
    currency: str = "currency"
    items_json: str = "items_json"


class PosTable(_Model):
    """The point-of-sale channel: epoch seconds, amounts in cents, lines as a JSON array."""

    table: str = "pos_receipts"
    columns: PosColumns = PosColumns()
    item_description: str = "desc"
    item_quantity: str = "qty"
    item_unit_cents: str = "unit_cents"
    item_sku: str = "ean"
    statuses: dict[str, str] = Field(default_factory=lambda: dict(POS_STATUSES))
    rules: ChannelRules = ChannelRules()


class OmsConfig(SqlSource):
    """The order management database holding the web shop and (optionally) POS channels."""

    web: WebShopTables = WebShopTables()
    pos: PosTable | None = PosTable()


# --- marketplace (REST) ------------------------------------------------------------------------


class MarketplaceFields(_Model):
    """Dotted JSON paths of a marketplace order payload."""

    number: str = "orderId"
    customer_id: str = "buyer.externalRef"
    status: str = "state"
    placed_at: str = "createdAt"
    total: str = "amount.value"
    currency: str = "amount.currencyCode"
    items: str = "items"
    item_sku: str = "sellerSku"
    item_description: str = "title"
    item_quantity: str = "qty"
    item_unit_price: str = "unitPrice"
    shipments: str = "shipments"
    shipment_reference: str = "trackingNo"
    shipment_carrier: str = "carrier"
    shipment_status: str = "status"
    shipment_promised_for: str = "promisedFor"
    shipment_delivered_at: str = "deliveredAt"


class MarketplaceConfig(_HttpSource):
    """A marketplace's REST order feed, queried by buyer references."""

    orders_path: str = "/v1/orders"
    buyer_param: str = "buyer"
    page_token_param: str = "page_token"  # noqa: S105 (a parameter name, not a secret)
    page_size_param: str = "page_size"
    page_size: int = Field(default=500, ge=1)
    results_field: str = "results"
    next_page_field: str = "nextPageToken"
    newest_path: str = Field(
        default="/v1/orders/newest",
        description="Buyers' orders newest first, one page per buyer (`orders` pages read "
        "these): `buyer_param` and `before_param` repeated in pairs (an order reference, or "
        "empty for the newest), `limit_param` orders each; answers `buyers_field`, a list "
        "in the same order of objects with `results_field` and, when set, `total_field`.",
    )
    shipments_path: str = Field(
        default="/v1/shipments/newest",
        description="Buyers' shipments newest first by their own time (delivered, else "
        "promised), one page per buyer (the timeline reads these): the same pairs of "
        "`buyer_param` and `before_param` (a shipment reference, or empty) and `limit_param`, "
        "answering like `newest_path` with shipments in `results_field`.",
    )
    before_param: str = "before"
    limit_param: str = "limit"
    buyers_field: str = "buyers"
    total_field: str | None = "total"
    fields: MarketplaceFields = MarketplaceFields()
    statuses: dict[str, str] = Field(default_factory=lambda: dict(MARKETPLACE_STATUSES))
    rules: ChannelRules = ChannelRules()


# --- billing ---------------------------------------------------------------------------------


class InvoiceColumns(_Model):
    """Columns of billing's invoice table."""

    number: str = "invoice_no"
    customer_id: str = "account_no"
    issued_at: str = "issued_on"
    due_at: str = "due_on"
    total: str = "amount"
    currency: str = "currency"
    status: str = "status"
    order_number: str = "order_ref"


class PaymentColumns(_Model):
    """Columns of billing's payment ledger."""

    reference: str = "payment_ref"
    customer_id: str = "account_no"
    received_at: str = "received_at"
    amount: str = "amount"
    currency: str = "currency"
    method: str = "method"
    invoice_number: str = "invoice_no"


class AccountColumns(_Model):
    """Columns of billing's account (balance) table."""

    customer_id: str = "account_no"
    currency: str = "currency"
    outstanding: str = "balance"
    overdue: str = "overdue"
    credit_limit: str = "credit_limit"
    as_of: str = "updated_at"


class BillingConfig(SqlSource):
    """Invoices, the payment ledger and account balances (SQL)."""

    invoices: str = "invoices"
    invoice_columns: InvoiceColumns = InvoiceColumns()
    payments: str = "payments"
    payment_columns: PaymentColumns = PaymentColumns()
    accounts: str = "accounts"
    account_columns: AccountColumns = AccountColumns()


# --- helpdesk (REST) ---------------------------------------------------------------------------


class TicketFields(_Model):
    """Dotted JSON paths of a helpdesk ticket."""

    id: str = "id"
    customer_id: str = "requester_id"
    subject: str = "subject"
    status: str = "status"
    priority: str = "priority"
    created_at: str = "created_at"
    updated_at: str = "updated_at"
    tags: str = "tags"


class HelpdeskConfig(_HttpSource):
    """A helpdesk REST API with a batch lookup by requester and cursor pagination.

    ``GET {tickets_path}?{requester_param}=a,b&{limit_param}=N&{cursor_param}=…`` answers
    ``{"<results_field>": [ticket…], "<next_cursor_field>": "…" | null}`` in a stable order
    (the whole lists, for the timeline and reference checks). The ``tickets`` connection
    pages with ``{order_param}={newest_first}``: the API then answers each requester's newest
    ``limit`` tickets (created, then id, both descending) after the ``cursor`` (given with one
    requester only), each requester's count in ``<totals_field>`` and next cursor in
    ``<next_cursors_field>`` (both objects keyed by requester id). The gateway asks the first
    pages of a request in one call, reads on only until a page is full, and keeps the API's
    cursor of the page a ticket came from (at most 200 characters) in the connection cursor."""

    tickets_path: str = "/api/tickets"
    requester_param: str = "requester_ids"
    cursor_param: str = "cursor"
    limit_param: str = "limit"
    page_size: int = Field(default=500, ge=1)
    results_field: str = "tickets"
    next_cursor_field: str = "next_cursor"
    order_param: str = "order"
    newest_first: str = "newest"
    totals_field: str = "totals"
    next_cursors_field: str = "next_cursors"
    fields: TicketFields = TicketFields()


# --- staff directory over HTTP (an HR system) ------------------------------------------------


class StaffFields(StaffColumns):
    """Field names of one staff object in the HTTP directory's JSON (the same keys as
    `StaffColumns`, so one reader serves both)."""

    id: str = "id"
    name: str = "name"
    email: str = "email"
    role: str = "role"
    branch: str = "branch"
    active: str = "active"
    updated_at: str = "updated_at"


class StaffApiConfig(_HttpSource):
    """A staff directory served over HTTP; when set, `sync-agents` reads it instead of the CRM's
    staff table. ``GET {staff_path}?{since_param}=<ISO instant>&{limit_param}=N&{cursor_param}=…``
    answers ``{"<results_field>": [staff…], "<next_cursor_field>": "…" | null}`` in a stable
    order; without ``since_param`` it lists everyone (leavers that were deleted are found so)."""

    staff_path: str = "/api/staff"
    since_param: str = "updated_since"
    cursor_param: str = "cursor"
    limit_param: str = "limit"
    page_size: int = Field(default=200, ge=1)
    results_field: str = "staff"
    next_cursor_field: str = "next_cursor"
    fields: StaffFields = StaffFields()
    roles: dict[str, str] = Field(
        default_factory=dict,
        description="The directory's job roles → gateway roles, as for `[crm.staff.roles]`.",
    )


# --- all of them -------------------------------------------------------------------------------


class UpstreamConfig(_Model):
    """Every upstream the gateway reads; ``marketplace`` is optional."""

    crm: CrmConfig
    oms: OmsConfig
    billing: BillingConfig
    helpdesk: HelpdeskConfig
    marketplace: MarketplaceConfig | None = None
    staff_api: StaffApiConfig | None = Field(
        default=None,
        description="The staff directory over HTTP; unset: the CRM's staff table ([crm.staff]).",
    )

    @classmethod
    def from_file(cls, path: Path) -> UpstreamConfig:
        """Load a ``.toml`` or ``.json`` upstream configuration file."""
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text) if path.suffix == ".toml" else json.loads(text)
        return cls.model_validate(data)

    def with_resilience(self, resilience: ResilienceConfig) -> UpstreamConfig:
        """The same upstreams with one resilience policy for all (tests use short ones)."""
        update = {"resilience": resilience}
        return self.model_copy(
            update={
                "crm": self.crm.model_copy(update=update),
                "oms": self.oms.model_copy(update=update),
                "billing": self.billing.model_copy(update=update),
                "helpdesk": self.helpdesk.model_copy(update=update),
                "marketplace": (
                    self.marketplace.model_copy(update=update) if self.marketplace else None
                ),
            }
        )
