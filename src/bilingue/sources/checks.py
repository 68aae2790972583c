"""Every check on sources and citations, as findings with a file and a line.

Used by the site build (``hooks/sources.py``: errors and warnings) and by
``python -m bilingue check`` (everything, including the numeric-claim lists).

- error: the registry is invalid (bad URL, bad date, access date in the future, unknown field...),
  or a page cites an unknown id (with the closest ids);
- warning: a source nobody cites;
- claim: a number in prose with no citation in the same sentence;
- figure: a sentence cites a source with figures and states a number that none of them matches
  within the tolerance.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from bilingue.errors import SourceFileError
from bilingue.markdown import Document, parse_document
from bilingue.paths import language_of
from bilingue.sources.citations import (
    Citation,
    find_citations,
    find_references,
    normalized_id,
    read_page,
)
from bilingue.sources.numbers import find_quantities, relative_difference
from bilingue.sources.prose import sentences
from bilingue.sources.registry import Registry, load_registry

ERROR, WARNING, CLAIM, FIGURE = "error", "warning", "claim", "figure"

#: how far (relative) an essay's number may be from the source's figure before `check` says so
DEFAULT_TOLERANCE = 0.02


@dataclass(frozen=True)
class Finding:
    """One thing a check found."""

    severity: str  # ERROR, WARNING, CLAIM or FIGURE
    path: Path
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        return f"{where}: {self.severity}: {self.message}"


def check_registry(path: Path) -> tuple[Registry, list[Finding]]:
    """Load the registry, keeping every problem as an error finding (valid entries still load)."""
    problems: list[SourceFileError] = []
    try:
        registry = load_registry(path, problems)
    except SourceFileError as error:  # no file at all, or not one that can be read
        return Registry(Path(path), {}), [finding_from_error(error)]
    return registry, [finding_from_error(problem) for problem in problems]


def registry_unusable(registry: Registry, findings: list[Finding]) -> bool:
    """No entry could be read at all (missing file, broken YAML). Checking pages against such a
    registry would call every citation unknown: one real error buried under dozens of others."""
    return bool(findings) and not len(registry) and not registry.broken


def check_citations(path: Path, text: str | Document, registry: Registry) -> list[Finding]:
    """Malformed citations and unknown source ids in ``text`` (the whole file), with the
    closest known ids."""
    document = text if isinstance(text, Document) else parse_document(text)
    found = find_references(document.prose_blocks())  # both lists from one reading
    return check_cited(path, found.citations, registry, found.malformed)


def check_cited(
    path: Path, citations: Iterable[Citation], registry: Registry, malformed: Iterable[Citation] = ()
) -> list[Finding]:
    """Malformed citations and unknown source ids among the citations of the file ``path``,
    found once (by the build's corpus, or by ``check_citations``)."""
    findings = _malformed_findings(path, malformed, registry)
    for citation in citations:
        if citation.source_id in registry or citation.source_id in registry.broken:
            continue
        closest = registry.closest_ids(citation.source_id)
        hint = (
            f"did you mean {', '.join(closest)}?"
            if closest
            else f"add it to {registry.path.name} or fix the id"
        )
        findings.append(
            Finding(
                ERROR,
                path,
                citation.line,
                f"unknown source id '{citation.source_id}' in [^{citation.label}] ({hint})",
            )
        )
    return findings


def _malformed_findings(path: Path, malformed: Iterable[Citation], registry: Registry) -> list[Finding]:
    findings = []
    for citation in malformed:
        guess = normalized_id(citation.source_id)
        closest = registry.closest_ids(guess) if guess else []
        suggestion = f"[^src:{closest[0]}]" if closest else f"[^src:{guess or 'an-id'}]"
        findings.append(
            Finding(
                ERROR,
                path,
                citation.line,
                f"malformed citation [^{citation.label}]: a source id is lower-case letters, digits "
                f"and '-' (did you mean {suggestion}?); as written it shows as plain text",
            )
        )
    return findings


def check_unused(registry: Registry, cited_ids: Iterable[str]) -> list[Finding]:
    """A warning for each source no page cites."""
    cited = set(cited_ids)
    return [
        Finding(
            WARNING,
            registry.path,
            registry.lines.get(source.id),
            f"source '{source.id}' is not cited by any page (cite it with [^src:{source.id}] or remove it)",
        )
        for source in registry
        if source.id not in cited
    ]


def check_numeric_claims(path: Path, text: str | Document, language: str) -> list[Finding]:
    """Numbers stated in prose with no ``[^src:...]`` citation in the same sentence."""
    findings = []
    for sentence in sentences(text, language):
        if sentence.citations:
            continue
        for quantity in find_quantities(sentence.text, language):
            if quantity.is_claim:
                findings.append(
                    Finding(
                        CLAIM,
                        path,
                        sentence.line_of(quantity.start),
                        f"'{quantity.text}' has no source in its sentence: \"{_excerpt(sentence.text)}\"",
                    )
                )
    return findings


def check_figures(
    path: Path, text: str | Document, language: str, registry: Registry, tolerance: float = DEFAULT_TOLERANCE
) -> list[Finding]:
    """Numbers that disagree with every figure of the sources their sentence cites."""
    findings = []
    for sentence in sentences(text, language):
        figures = [
            (source_id, name, figure)
            for source_id in dict.fromkeys(sentence.citations)
            if (source := registry.get(source_id)) is not None
            for name, figure in source.figures.items()
        ]
        if not figures:
            continue
        for quantity in find_quantities(sentence.text, language):
            if not quantity.is_claim:
                continue
            comparable = [f for f in figures if _same_unit(quantity.unit, f[2].unit)]
            if not comparable:
                continue
            source_id, name, figure = min(
                comparable, key=lambda f: relative_difference(quantity.value, f[2].value)
            )
            difference = relative_difference(quantity.value, figure.value)
            if difference > (figure.tolerance or tolerance):
                findings.append(
                    Finding(
                        FIGURE,
                        path,
                        sentence.line_of(quantity.start),
                        f"'{quantity.text}' differs by {difference:.1%} from the closest figure of "
                        f"the sources cited: {source_id}.{name} = {_figure_text(figure)}",
                    )
                )
    return findings


def cited_ids(texts: Iterable[str | Document]) -> set[str]:
    """Every source id cited in any of ``texts``."""
    return {citation.source_id for text in texts for citation in find_citations(text)}


def _same_unit(stated: str | None, figure_unit: str | None) -> bool:
    """Compare only like with like: a percentage is never checked against a sum of money."""
    if stated is None:
        return figure_unit != "%"
    if figure_unit is None:
        return stated != "%"
    return stated.upper() == figure_unit.upper()


def _figure_text(figure) -> str:
    value = f"{figure.value:,.0f}" if figure.value.is_integer() else f"{figure.value:,}"
    details = [
        part
        for part in (
            figure.unit,
            str(figure.year) if figure.year else None,
            figure.vintage and f"vintage {figure.vintage}",
        )
        if part
    ]
    return value + (f" ({', '.join(details)})" if details else "")


def _excerpt(text: str, limit: int = 90) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def finding_from_error(error: SourceFileError) -> Finding:
    """An error in a file the user wrote, as an error finding."""
    message = error.problem + (f" ({error.fix})" if error.fix else "")
    return Finding(ERROR, error.path, error.line, message)


@dataclass(frozen=True)
class ProjectCheck:
    """What ``check_all`` found, and whether the pages could be checked at all."""

    findings: list[Finding]
    #: False when the registry cannot be read: every citation would look unknown, so no page
    #: was checked (the findings are the registry's)
    pages_checked: bool
    #: the registry as read (what could be read of it), for further checks of the same pages
    registry: Registry


def check_all(registry_path: Path, docs: Path, tolerance: float = DEFAULT_TOLERANCE) -> ProjectCheck:
    """Every check over the registry and every page under ``docs`` (both languages)."""
    registry, findings = check_registry(registry_path)
    if registry_unusable(registry, findings):
        return ProjectCheck(findings, pages_checked=False, registry=registry)
    return ProjectCheck(
        findings + check_pages(registry, docs, tolerance), pages_checked=True, registry=registry
    )


def check_pages(registry: Registry, docs: Path, tolerance: float = DEFAULT_TOLERANCE) -> list[Finding]:
    """Every page under ``docs`` (both languages) against ``registry``, and the unused sources."""
    findings: list[Finding] = []
    documents = []
    for page in sorted(docs.rglob("*.md")):
        language = language_of(page.name)
        try:
            document = read_page(page)
        except SourceFileError as error:
            findings.append(finding_from_error(error))
            continue
        documents.append(document)
        findings += check_citations(page, document, registry)
        findings += check_figures(page, document, language, registry, tolerance)
        findings += check_numeric_claims(page, document, language)
    findings += check_unused(registry, cited_ids(documents))
    return findings
