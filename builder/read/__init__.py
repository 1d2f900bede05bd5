"""Stage 1, read: find the sources, decode them (:mod:`.encoding`), normalize invisible
characters (:mod:`.characters`), split and validate editorial metadata (:mod:`.sources`).
"""
