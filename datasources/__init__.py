"""Step 3 of the data path: read-only upstreams (CRM, orders, billing, helpdesk) behind async batch functions."""
