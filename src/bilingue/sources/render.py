"""A source as a footnote, in the reader's language, and the footnotes a page needs.

The build adds one footnote definition per ``src:`` label of a page before Python-Markdown runs,
so Material's footnote tooltips show the full reference (in the build, most definitions hold a
marker that ``bilingue.sources.footnotes`` replaces with the reference rendered once per pass).
Dates and language names come from Babel's locale data ("2 octobre 2024" / "October 2, 2024";
"en anglais" / "in French").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Container, Iterable, Mapping, Sequence

from babel import Locale
from babel.dates import format_date, format_skeleton

from bilingue.locales import ui_words
from bilingue.markdown import parse_document
from bilingue.safety import escape_markdown_text
from bilingue.sources.citations import Citation, find_citations, find_definitions
from bilingue.sources.registry import Registry
from bilingue.sources.schema import PartialDate, Source


def add_definitions(markdown: str, registry: Registry, language: str) -> str:
    """Give every cited, known ``src:`` label of ``markdown`` its footnote definition.

    A hand-written definition of the label keeps its text (the author's page or note) after the
    reference; other labels get a definition appended at the end. Unknown ids are left as they
    are: the checks report them.
    """
    if "[^" not in markdown:  # no footnote reference (a listing page): nothing to define
        return markdown
    document = parse_document(markdown)
    definitions = find_definitions(document)
    replaced: dict[int, str] = {}
    appended: list[Citation] = []
    for citation in _first_of_each_label(find_citations(document), registry):
        reference = render_reference(registry.sources[citation.source_id], language)
        own = definitions.get(citation.label)
        if own is None:
            appended.append(citation)
        elif own.block is not None:
            replaced[own.block] = f"{reference} {document.blocks[own.block].text}"
        # an empty hand-written definition (`[^src:x]:` alone) is left as written
    text = document.replace_texts(replaced) if replaced else markdown
    return _append_definitions(text, appended, registry, language)


def add_known_definitions(
    markdown: str,
    citations: Sequence[Citation],
    defined: Container[str],
    registry: Registry,
    language: str,
    markers: Mapping[str, str] | None = None,
) -> str:
    """``add_definitions`` for a page whose citations and hand-written definitions (``defined``
    labels) were found already, by the build's corpus: only a page that writes its own definition
    of a cited label is parsed again; the others just get their definitions appended, where
    ``markers`` (source id -> text) gives a definition's text instead of the reference (the build
    puts the rendered reference in its place: ``bilingue.sources.footnotes``)."""
    if any(citation.label in defined for citation in citations):
        return add_definitions(markdown, registry, language)
    cited = _first_of_each_label(citations, registry)
    return _append_definitions(markdown, cited, registry, language, markers)


def _first_of_each_label(citations: Iterable[Citation], registry: Registry) -> list[Citation]:
    """The first citation of each label whose source is known."""
    seen: dict[str, Citation] = {}
    for citation in citations:
        if citation.source_id in registry and citation.label not in seen:
            seen[citation.label] = citation
    return list(seen.values())


def _append_definitions(
    text: str,
    citations: Sequence[Citation],
    registry: Registry,
    language: str,
    markers: Mapping[str, str] | None = None,
) -> str:
    if not citations:
        return text
    markers = markers or {}
    definitions = [
        f"[^{citation.label}]: {markers.get(citation.source_id) or _reference(registry, citation, language)}"
        for citation in citations
    ]
    return text.rstrip("\n") + "\n\n" + "\n\n".join(definitions) + "\n"


def _reference(registry: Registry, citation: Citation, language: str) -> str:
    return render_reference(registry.sources[citation.source_id], language)


def render_reference(source: Source, language: str) -> str:
    """The full reference of ``source`` as one line of Markdown, in ``language`` ("fr" or "en")."""
    words = ui_words(language)
    parts = []
    who = ", ".join(source.author) if source.author else source.publisher
    parts.append(escape(who or ""))
    parts.append(f"[{words['quote'].format(escape(source.title))}]({link_target(source.url)})")
    if source.container_title:
        parts.append(f"*{escape(source.container_title)}*")
    if source.volume:
        parts.append(f"vol.\u00a0{escape(source.volume)}")
    if source.pages:
        parts.append(f"{words['pages']}\u00a0{escape(source.pages)}")
    if source.author and source.publisher and source.publisher != source.container_title:
        parts.append(escape(source.publisher))
    parts.append(format_partial_date(source.issued, language) if source.issued else words["no_date"])
    sentence = ", ".join(parts)
    if source.language != language:
        sentence += f" ({words['in_language'].format(language_name(source.language, language))})"
    if source.accessed:
        sentence += ", " + words["accessed"].format(format_date(source.accessed, "long", locale=language))
    sentences = [sentence if sentence.endswith(".") else sentence + "."]
    if source.doi:
        sentences.append(f"doi:[{escape(source.doi)}]({link_target('https://doi.org/' + source.doi)}).")
    if source.archive_url and source.archive_date:
        archived = format_date(source.archive_date, "long", locale=language)
        sentences.append(words["archive"].format(url=link_target(source.archive_url), date=archived) + ".")
    if source.notes:
        sentences.append(group_numbers(source.notes.get(language).strip(), language))
    return " ".join(sentences)


def format_partial_date(value: PartialDate, language: str) -> str:
    """'2 octobre 2024', 'octobre 2024' or '2024' (English: 'October 2, 2024'...)."""
    if value.day and value.month:
        return format_date(dt.date(value.year, value.month, value.day), "long", locale=language)
    if value.month:
        return format_skeleton("yMMMM", dt.date(value.year, value.month, 1), locale=language)
    return str(value.year)


def language_name(code: str, language: str) -> str:
    """The name of language ``code`` in ``language``: ('en', 'fr') -> 'anglais'."""
    base = code.split("-")[0]
    return Locale.parse(language).languages.get(base, code)


def escape(text: str) -> str:
    """A registry value as literal text inside a footnote: nothing in it is read as Markdown or
    HTML (``==x=={: onclick=...}``, ``<img ...>``), see ``bilingue.safety``."""
    return str(escape_markdown_text(text))


def group_numbers(text: str, language: str) -> str:
    """Numbers grouped as ``language`` writes them: "395 000" in an English note reads "395,000"
    (a note's author often quotes a French or SI-style figure). French text is left as written."""
    if language == "fr":
        return text
    return _SPACE_GROUPED.sub(lambda match: f"{int(_SPACES.sub('', match.group(0))):,}", text)


def link_target(url: str) -> str:
    """A URL as the target of a Markdown link."""
    # Parentheses in a URL (DOIs have them) would end a Markdown link early, and a quote or an
    # angle bracket could leave the attribute: percent-encode them (the registry refuses them
    # already; a DOI comes from the author as it is).
    return "".join(_URL_ENCODED.get(char, char) for char in url)


# ---------------------------------------------------------------------------------------------------
# Data

# 395 000 / 1 234 567 with a space, no-break or narrow no-break space between groups of three
_SPACE_GROUPED = re.compile(r"(?<![\d.,])\d{1,3}(?:[ \u00a0\u202f]\d{3})++(?![\d.,]?\d)")
_SPACES = re.compile(r"[ \u00a0\u202f]")
_URL_ENCODED = {char: f"%{ord(char):02X}" for char in "()\"'<>` {}|\\^"}
