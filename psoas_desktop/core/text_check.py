"""Text from a file must be text the app can store, show and speak: valid Unicode (no lone
surrogates, which SQLite cannot encode), no control characters, no bidirectional overrides
(they reorder what is shown) and no line or paragraph separators in one-line fields.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from typing import Any

# Bidirectional embeddings, overrides and isolates: they can make a name read backwards.
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
_SEPARATORS = frozenset("\u2028\u2029\u0085")
# Keys whose value is shown on one line (a heading, a list entry, a phase word).
ONE_LINE_KEYS = frozenset({"id", "name", "label", "kind", "$schema"})


def text_problem(text: str, one_line: bool = True) -> str | None:
    """What is wrong with `text`, or None. Several-line texts may hold newlines and tabs."""
    for offset, char in enumerate(text):
        code = ord(char)
        if 0xD800 <= code <= 0xDFFF:
            return f"a lone surrogate (U+{code:04X}) at character {offset + 1}: not valid Unicode"
        if char in _BIDI:
            return f"a bidirectional control (U+{code:04X}) at character {offset + 1}"
        if char in _SEPARATORS or (one_line and char in "\n\r\t"):
            return f"a line break (U+{code:04X}) at character {offset + 1} in one-line text"
        if char not in "\n\t" and unicodedata.category(char) == "Cc":
            return f"a control character (U+{code:04X}) at character {offset + 1}"
    return None


def _strings(value: Any, path: tuple[str | int, ...] = ()
             ) -> Iterator[tuple[tuple[str | int, ...], str, bool]]:
    if isinstance(value, str):
        key = next((p for p in reversed(path) if isinstance(p, str)), "")
        yield path, value, key in ONE_LINE_KEYS
    elif isinstance(value, dict):
        for key, item in value.items():  # keys: the schema allows only its own
            yield from _strings(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*path, index))


def document_text_problems(document: Any) -> list[tuple[tuple[str | int, ...], str]]:
    """Every string in a parsed document that breaks the rules, with its place."""
    found = []
    for path, text, one_line in _strings(document):
        problem = text_problem(text, one_line)
        if problem:
            found.append((path, problem))
    return found
