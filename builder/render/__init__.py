"""Stage 5, render: one Markdown page per brief and language (:mod:`.brief`), with the
escaping (:mod:`.markup`), interface wording (:mod:`.labels`) and front-matter writer
(:mod:`.front_yaml`) the later stages share.
"""
