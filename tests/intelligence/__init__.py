"""Tests of the notes classifier: labels of clear cases, bad input, determinism, threads."""
