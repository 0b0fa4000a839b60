"""Development services: install and start PostgreSQL and OpenSearch as an unprivileged user on loopback, for tests and benchmarks."""
