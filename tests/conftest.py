"""Root test configuration: registers the fixture modules (services, database, app)."""

pytest_plugins = [
    "tests.fixtures.services",
    "tests.fixtures.templates",
    "tests.fixtures.database",
    "tests.fixtures.app",
    "tests.fixtures.seeded",
    "tests.fixtures.upstreams",
    "tests.fixtures.tls_services",
    "tests.fixtures.s3",
]
