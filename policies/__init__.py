"""Step 4 of the data path: authorization.

Casbin enforcer over policies/*.csv, compiled once per request into a PolicyView.
"""
