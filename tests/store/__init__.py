"""Tests of the native store: migrations, models and constraints."""
