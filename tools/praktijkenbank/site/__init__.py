"""Site generation: the model of the site, pages (Jinja), charts, open data, search index,
and the small helpers the MkDocs hook (build_scripts/hooks.py) calls.
"""
