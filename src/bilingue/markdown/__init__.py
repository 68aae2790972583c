"""The one Markdown document model shared by the translator, the validator and the linters.

It agrees with how the SITE renders (Python-Markdown + the extensions listed in mkdocs.yml),
not with CommonMark. Public API:

``parse_document(text, *, path="<text>", terms=(), front_matter_keys=("title", "description",
"summary")) -> Document``
    Cut a Markdown file into blocks. ``terms``: glossary terms kept as written (protected).

``Document``
    ``.source`` (the text), ``.meta`` (front matter dict), ``.blocks`` (list of ``Block`` in
    reading order, containers before their content), ``.prose_blocks()``, ``.ancestors(block)``,
    ``.replace_texts({block_index: new_text}) -> str`` (the source with those blocks' prose
    replaced; every other byte kept).

``Block``
    ``.kind`` (``heading``, ``paragraph``, ``list_item``, ``blockquote``, ``admonition``, ``tab``,
    ``definition_term``, ``definition``, ``footnote``, ``abbreviation``, ``reference``, ``table``,
    ``table_cell``, ``html``, ``html_markdown``, ``code``, ``math``, ``comment``, ``rule``,
    ``front_matter``: constants in ``bilingue.markdown.model``), ``.line`` /
    ``.end_line`` (1-based file lines), ``.depth``, ``.parent`` (index of the container),
    ``.text`` (the translatable prose, container prefixes removed; "" for protected blocks),
    ``.translatable``, ``.raw`` (whole source slice), ``.meta`` (level, marker, label...),
    ``.key`` (sha256 of kind + content: a stable identity for a translation memory),
    ``.inline`` (an ``InlineText``), ``.line_of(offset_in_text)``.

``InlineText``
    ``.segments()`` yields prose runs (str) and protected ``Piece`` objects (``.kind``,
    ``.text``, ``.start``, ``.end``, ``.role`` single/open/close);
    ``.plain_text()`` (what a reader sees as words).

``mask(inline) -> Masked`` / ``unmask(masked, translated, titles) -> str``
    Prose <-> the tagged string a translation service sees (``<m1>…</m1>``, ``<m2/>``).

``repair(masked, translated) -> str``
    Undo known machine-translation damage to the tags (see ``bilingue.markdown.repair``).

``compare_documents(source_doc, target_doc) -> list[Difference]``
    Block-by-block validation (``Difference.describe(fr_path, en_path)`` gives file:line text;
    ``Difference.source_blocks`` lists the source block indexes involved).

``align_blocks(source_doc, target_doc) -> {source_index: target_index}``
    Which English block corresponds to which French block (structure-based, in order; parts
    whose structure differs are left out): how a translation memory reads a human-edited file.

``heading_ids(document) -> {block_index: id}``, ``slugify(text)``, ``with_heading_id(text, id)``
    Heading ids exactly as the site's toc computes them.

``english_typography(masked_text, source_text) -> str``
    French -> English typography on prose runs only.
"""

from bilingue.markdown import model as kinds  # the block kinds: kinds.HEADING, kinds.FOOTNOTE...
from bilingue.markdown.headings import explicit_id, heading_ids, heading_slug, slugify, with_heading_id
from bilingue.markdown.inline import FOOTNOTE_REF, InlineContext, InlineText, Piece, scan_inline
from bilingue.markdown.judge import (
    HtmlDifference,
    SiteRenderer,
    compare_structures,
    html_structure,
    judge,
    renderer_from_config,
    site_renderer,
)
from bilingue.markdown.mask import Masked, MaskError, join_runs, mask, split_runs, unmask
from bilingue.markdown.model import Block, Document
from bilingue.markdown.parse import DEFAULT_FRONT_MATTER_KEYS, parse_document
from bilingue.markdown.repair import escape_new_markup, escape_table_pipes, repair
from bilingue.markdown.typography import english_typography
from bilingue.markdown.validate import (
    ENGLISH_ONLY_KEYS,
    Difference,
    align_blocks,
    comparable_pieces,
    compare_documents,
)

__all__ = [
    "DEFAULT_FRONT_MATTER_KEYS",
    "ENGLISH_ONLY_KEYS",
    "FOOTNOTE_REF",
    "Block",
    "Difference",
    "Document",
    "HtmlDifference",
    "InlineContext",
    "InlineText",
    "MaskError",
    "Masked",
    "Piece",
    "SiteRenderer",
    "align_blocks",
    "comparable_pieces",
    "compare_documents",
    "compare_structures",
    "english_typography",
    "escape_new_markup",
    "escape_table_pipes",
    "explicit_id",
    "heading_ids",
    "heading_slug",
    "html_structure",
    "join_runs",
    "judge",
    "kinds",
    "mask",
    "parse_document",
    "renderer_from_config",
    "repair",
    "scan_inline",
    "site_renderer",
    "slugify",
    "split_runs",
    "unmask",
    "with_heading_id",
]
