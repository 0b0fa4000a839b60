"""Tests of the labelled evaluation files, the note generator and the baselines."""
