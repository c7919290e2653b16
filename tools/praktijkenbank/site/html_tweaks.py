"""Small changes to the HTML of every built page (called from the hook's ``on_page_content``)."""

from __future__ import annotations

import re

# The toc extension gives every heading a permalink ('¶'). On the page title it is only an
# extra Tab stop before the content (the page's own address is the link): dropped on h1 only.
_H1_PERMALINK = re.compile(r'(<h1\b[^>]*>(?:(?!</h1>).)*?)<a class="headerlink"[^>]*>[^<]*</a>(\s*</h1>)', re.S)


def drop_h1_permalink(html: str) -> str:
    return _H1_PERMALINK.sub(r"\1\2", html, count=1)
