"""Tests for the development-services harness (devservices/)."""
