"""Step 3 of the data path: read-only upstreams.

CRM, orders, billing and helpdesk behind async batch functions.
"""
