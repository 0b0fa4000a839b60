"""Step 0 of the data path: the process.

App assembly (create_app, lifespan), authentication, CLI; and the shared bottom of the
import graph (settings, errors, metrics).
"""
