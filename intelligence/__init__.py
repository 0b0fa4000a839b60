"""Notes intelligence: the label vocabularies and the offline sentiment/urgency classifier.

Pure computation under the store (it imports only `core`): the store calls it when a note or
interaction is written, the `classify` job backfills with it, and `eval/` measures it. Nothing
here reads a policy or a row: callers decide who may see a label (it is part of its note).
"""
