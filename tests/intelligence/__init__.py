"""Tests of notes intelligence: the classifier and the duplicate similarity score."""
