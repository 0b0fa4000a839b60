"""Step 2 of the data path: thin resolvers, the per-request Context and its dataloaders."""
