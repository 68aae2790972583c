"""Which HTML elements hold words that are not prose: the one rule the translator and the judge share.

The text of a *verbatim* element (``code``, ``pre``, math, a pymdownx.keys key, anything marked
``translate="no"`` or ``class="notranslate"``...) must stay byte for byte: the judge
(``bilingue.markdown.judge``) compares it between the French and the English page, so the
translator (``bilingue.markdown.html_prose``) must never send it. Both ask :func:`is_verbatim`.

Raw HTML blocks leave a few more elements alone (:data:`LEFT_ALONE_IN_RAW_HTML`): their text is
prose to the judge (a translation of it would be accepted) but not worth the risk of sending.
"""

from __future__ import annotations

import html
import re

#: elements whose whole text is verbatim, whatever their attributes
VERBATIM_TAGS = frozenset({"code", "pre", "script", "style", "math", "samp"})

#: not translated inside raw HTML blocks either: key names, form content, drawings
LEFT_ALONE_IN_RAW_HTML = VERBATIM_TAGS | {"kbd", "textarea", "svg"}

#: elements without content (no closing tag): nothing inside them to keep or to translate
VOID_TAGS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)


def is_verbatim(tag: str, attributes: dict[str, str | None]) -> bool:
    """Whether the text inside the element ``tag`` (lower case) with these attributes (names in
    lower case, values unescaped, as ``html.parser`` gives them) is verbatim."""
    classes = attributes.get("class") or ""
    if tag in VERBATIM_TAGS or "arithmatex" in classes:
        return True
    if tag == "kbd" and "key-" in classes:  # pymdownx.keys: the key's name is the syntax
        return True
    return attributes.get("translate") == "no" or "notranslate" in classes


def opens_verbatim(tag: str, tag_text: str) -> bool:
    """:func:`is_verbatim` of an opening tag's source text (``<span class="notranslate">``);
    attributes are read only when the text holds a word the rule looks for."""
    if tag in VERBATIM_TAGS:
        return True
    return bool(_MAY_BE_VERBATIM.search(tag_text)) and is_verbatim(tag, tag_attributes(tag_text))


def tag_attributes(tag_text: str) -> dict[str, str | None]:
    """The attributes of an opening tag's source text (``<span class="x">``), read like
    ``html.parser`` reads them and the judge keeps them (``dict``): names in lower case, values
    unquoted and unescaped, the last of a repeated name wins."""
    found: dict[str, str | None] = {}
    name_end = _TAG_NAME.match(tag_text)
    for match in _ATTRIBUTE.finditer(tag_text, name_end.end() if name_end else 0):
        value = match.group("value")
        if value is not None:
            if value[:1] in "\"'" and value[-1:] == value[:1] and len(value) > 1:
                value = value[1:-1]
            value = html.unescape(value)
        found[match.group("name").lower()] = value
    return found


_TAG_NAME = re.compile(r"\s*</?[A-Za-z][A-Za-z0-9\-]*")
_ATTRIBUTE = re.compile(r"""(?P<name>[^\s/>"'=]+)(?:\s*=\s*(?P<value>"[^"]*"|'[^']*'|[^\s>]+))?""")
#: every attribute :func:`is_verbatim` reads holds one of these (names in any case, as HTML allows)
_MAY_BE_VERBATIM = re.compile(r"translate|arithmatex|key-", re.IGNORECASE)
