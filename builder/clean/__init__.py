"""Stage 2, clean: page furniture out of a scraped article (:mod:`.furniture`), the
reference list and footnote markers (:mod:`.footnotes`).
"""
