"""The gateway's batch jobs, run by the CLI inside one `Runtime` (gateway/runtime.py).

One module per job: intake scan and redrive, customer sync, search reindex, the outbox
worker, search dead letters, the demo seed. Each is a plain async function taking the
runtime and, when it runs long, a `core.progress.Progress`; it returns a report and prints
nothing, so only the CLI knows how progress and results are drawn.
"""
