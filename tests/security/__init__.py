"""Security suite: canary leak sweeps over the whole schema and schema-driven fuzzing."""
