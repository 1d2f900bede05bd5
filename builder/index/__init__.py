"""Stage 6, index: the cross-reference pages (:mod:`.lists` makes them all): lists of briefs
by date, topic and outlet (:mod:`.briefs`), the timeline (:mod:`.timeline`), quotes
(:mod:`.quotes`), terms (:mod:`.terms`), entity pages (:mod:`.entities`), the entries and
pagination every list shares (:mod:`.entries`, :mod:`.pagination`) and the home page's
generated sections (:mod:`.home`).
"""
