"""SDG report builder: an SDG chapter or a VLR-light from a municipality's own figures.

The twin of ``docs/assets/rapport/`` (browser): :mod:`invoer` reads the CSV files (values,
budget-scan export, project-scan export), :mod:`model` turns the inputs into the report and
its blocks (headings, paragraphs, tables), :mod:`uitvoer` writes Markdown and .docx, :mod:`page`
makes the site page, :mod:`cli` is ``praktijkenbank rapport``. Both sides pass the shared
fixtures in tests/fixtures/rapport/.
"""
