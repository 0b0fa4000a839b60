"""Step 0 of the data path: the process.

App assembly (create_app, lifespan), authentication and the CLI: the top of the import graph.
"""
