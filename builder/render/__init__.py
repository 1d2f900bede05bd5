"""Stage 5, render: one Markdown page per brief and language (:mod:`.brief`, its cleaned
text and references in :mod:`.text`), with the escaping (:mod:`.markup`), interface wording
(:mod:`.labels`), bilingual names (:mod:`.names`) and front-matter writer
(:mod:`.front_yaml`) the later stages share. Links between pages are :mod:`builder.links`.
"""
