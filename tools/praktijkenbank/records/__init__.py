"""Records and their validation: vocabularies, loading, checks, the Dutch messages.

Pure functions, no MkDocs: load -> validate -> (site) model -> render.
"""
