"""The procurement clause builder (``clausules/`` on the site): clauses of the product groups at three
ambition levels, picked into a basket that lives in the page's address and downloaded as .docx, .odt and
.txt (see :mod:`.page` and docs/assets/clausules/)."""
