"""Development services: PostgreSQL and OpenSearch on loopback.

Installed when missing and started as an unprivileged user, for tests and benchmarks.
"""
