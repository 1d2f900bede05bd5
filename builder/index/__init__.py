"""Stage 6, index: the cross-reference pages: lists by date, topic, outlet, timeline,
quotes and terms (:mod:`.lists`), entity pages (:mod:`.entities`), pagination
(:mod:`.pagination`) and the home page's generated sections (:mod:`.home`).
"""
