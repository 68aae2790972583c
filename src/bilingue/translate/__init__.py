"""The document translator: a French Markdown file and a provider in, English Markdown out.

Public API:

``translate_document(text, provider, *, path="<text>", options=TranslateOptions()) -> TranslationResult``
    ``.text`` (the English file), ``.translations`` ({source block index: English prose}),
    ``.issues`` (``BlockIssue``: line, kind, action "translated piece by piece" / "kept in French",
    reason), ``.requests``, ``.characters``, ``.source`` (the parsed French ``Document``).

``translate_blocks(document, provider, indexes=None, *, options) -> {index: English prose}``
    Translate only some prose blocks (a translation memory supplies the rest), then
``assemble(document, translations, options, issues) -> (English text, kept translations)``
    put them in place, re-validate the whole file and send any blamed block back to French.

``TranslateOptions(front_matter_keys=("title", "description", "summary"), glossary=(),
typography=True)`` and ``load_glossary(path=None)`` (``glossary.yml`` by default).


``request_units(block) -> [str]``: what translating a block sends (for dry-run estimates).
"""

from bilingue.translate.document import (
    KEPT_SOURCE,
    PIECEWISE,
    BlockIssue,
    TranslationResult,
    assemble,
    request_units,
    translate_blocks,
    translate_document,
)
from bilingue.translate.options import TranslateOptions, load_glossary

__all__ = [
    "KEPT_SOURCE",
    "PIECEWISE",
    "BlockIssue",
    "TranslateOptions",
    "TranslationResult",
    "assemble",
    "load_glossary",
    "request_units",
    "translate_blocks",
    "translate_document",
]
