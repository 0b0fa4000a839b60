"""Step 1 of the data path: the GraphQL schema — strawberry types, inputs and root fields per domain, assembled once with its extensions."""
