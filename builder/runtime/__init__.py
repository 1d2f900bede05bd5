"""What makes builds fast: parallel, cached extraction (:mod:`.analyse`), process pools
(:mod:`.processes`), the memory of a long-lived process between builds
(:mod:`.incremental`) and background work under ``serve`` (:mod:`.background`).
"""
