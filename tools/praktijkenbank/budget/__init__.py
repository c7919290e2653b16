"""SDG budget scan: a multi-year plan or budget (CSV/.xlsx) summarised per SDG and per P.

``parse`` reads the file, ``summarise`` adds it up, ``cli`` is ``praktijkenbank begroting``,
``page`` makes the browser page and its downloads at build time. The browser twin
lives in docs/assets/begroting/ and is tested on the same fixtures.
"""
