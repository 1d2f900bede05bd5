"""Site stage: PDF briefs and collections with WeasyPrint (:mod:`.jobs` chooses what to
make, :mod:`.layout` makes the document, :mod:`.writer` renders and caches it).
"""
