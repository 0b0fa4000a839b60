"""Tests of the upstream datasources, their loaders and their resilience."""
