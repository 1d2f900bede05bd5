"""Stage 7, write: the only stage that touches disk: generated pages (:mod:`.pages`), the
site's feeds and JSON exports (:mod:`.exports`), and the staged swap of the built site
(:mod:`.staging`).
"""
