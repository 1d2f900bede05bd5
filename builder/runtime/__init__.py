"""What makes builds fast: parallel, cached extraction (:mod:`.analyse`), process pools
(:mod:`.processes`), the memory of a long-lived process between builds
(:mod:`.incremental`), background work under ``serve`` (:mod:`.background`), and the state
each project keeps in a process across plugin instances (:mod:`.projects`).
"""
