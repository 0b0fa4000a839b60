"""Demo data and demo upstreams.

A deterministic generator of customers, agents, notes and interactions, used by the run
command and the tests.
"""
