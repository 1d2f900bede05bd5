"""Stage 1, read: find the sources, decode them (:mod:`.encoding`), normalize invisible
characters (:mod:`.characters`), load metadata YAML safely, field by field
(:mod:`.yaml_block`), split and validate editorial metadata (:mod:`.sources`).
"""
