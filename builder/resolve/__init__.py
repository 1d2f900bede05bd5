"""Stage 4, resolve: per-brief mentions merged into corpus-wide entities (:mod:`.corpus`)
with stable ids (:mod:`.ids`), related briefs (:mod:`.related`), and the brief record
(:mod:`.record`) every later stage reads.
"""
