"""Demo upstream systems: the CRM, OMS and billing databases and the helpdesk and marketplace
REST services that the embedded default and the tests read through the production code path.

`serve.start_demo_upstreams` builds the databases (SQLite files, or PostgreSQL databases),
starts both HTTP services on loopback and returns the `UpstreamConfig` that points at them.
"""
