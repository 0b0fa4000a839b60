"""Evaluation: labelled notes, duplicate pairs, a seeded generator and the baselines to beat."""
