"""Site stage: PDF briefs and collections with WeasyPrint (:mod:`.layout` makes the
document, :mod:`.writer` renders and caches it).
"""
