"""Praktijkenbank: practice records for the SDGs and local global policy.

Pure core, usable without MkDocs::

    from praktijkenbank import load_vocab, load_practices, validate

    vocab = load_vocab()
    practices, problems = load_practices(["practices"])
    problems += validate(practices, vocab)
"""

from .records.vocab import Vocab, load_vocab
from .records.load import Practice, load_practice, load_practices, discover
from .records.problems import Problem
from .records.validate import validate, validate_paths

__all__ = [
    "Practice",
    "Problem",
    "Vocab",
    "discover",
    "load_practice",
    "load_practices",
    "load_vocab",
    "validate",
    "validate_paths",
]
