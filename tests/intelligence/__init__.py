"""Tests of notes intelligence: the duplicate similarity score."""
