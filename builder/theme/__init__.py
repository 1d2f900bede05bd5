"""Site stage: the fonts served from the site (:mod:`.fonts`) and small corrections to
Material's HTML (:mod:`.fixes`).
"""
