"""Tools around the product, not part of it: extraction evaluation against gold files
(:mod:`.evaluate`, :mod:`.gold`), the build benchmark and its synthetic corpora
(:mod:`.bench`, :mod:`.synthetic`), the browser probe (:mod:`.probe`) and one-off
benchmarks (:mod:`.benchmarks`). The site builder never imports them."""
