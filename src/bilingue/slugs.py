"""File names (and so URLs) made from titles: lowercase ASCII letters, digits and hyphens.

French titles fold to plain letters: accents go (``été`` -> ``ete``), ligatures are spelt out
(``cœur`` -> ``coeur``), apostrophes go (``d’été`` -> ``dete``, as Markdown's heading ids do) and
other punctuation becomes hyphens. Unicode's decomposition (``unicodedata``, NFKD) drops the
accents; it does not split ``œ``, ``æ`` or ``ß``, hence the small table below.
"""

from __future__ import annotations

import re
import unicodedata


def slug_for(title: str, max_length: int = 80) -> str:
    """The slug of ``title`` (empty when it has no letter or digit), cut at a hyphen if long."""
    spelt = title.translate(LIGATURES).replace("'", "").replace("’", "")
    ascii_text = unicodedata.normalize("NFKD", spelt).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0] if "-" in slug[:max_length] else slug[:max_length]
    return slug


# ---------------------------------------------------------------------------------------------------
# Data

LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss"})
