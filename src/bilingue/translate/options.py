"""What a translation run may change: translated front-matter keys, glossary, typography."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from bilingue.errors import SourceFileError
from bilingue.files import read_yaml
from bilingue.markdown.parse import DEFAULT_FRONT_MATTER_KEYS

if TYPE_CHECKING:
    from bilingue.markdown.judge import SiteRenderer

DEFAULT_GLOSSARY = Path("glossary.yml")


@dataclass(frozen=True)
class TranslateOptions:
    #: front-matter keys whose string values are translated; every other value stays as written
    front_matter_keys: tuple[str, ...] = DEFAULT_FRONT_MATTER_KEYS
    #: terms kept exactly as written (names, places, products): from the glossary file
    glossary: tuple[str, ...] = ()
    #: French -> English typography on translated prose (guillemets, spaces before ; : ! ?)
    typography: bool = True
    source_language: str = "fr"
    target_language: str = "en"
    #: the site's mkdocs.yml: every translated file must render like its French with this
    #: Markdown configuration. Default: the current folder's, as `mkdocs build` reads it (a
    #: missing file, or None, means MkDocs' built-in extensions only)
    site_config: Path | None = Path("mkdocs.yml")
    #: English from the test providers (pseudo, identity) passes `translate --check` and the
    #: check-mode build: for test sites only (a real site must never publish it)
    allow_test_providers: bool = False

    def renderer(self) -> SiteRenderer:
        """The judge's renderer: Python-Markdown configured as the site builds pages."""
        from bilingue.markdown.judge import site_renderer

        return site_renderer(self.site_config)


def load_glossary(path: Path | str | None = None) -> tuple[str, ...]:
    """Terms from a glossary YAML file (``keep:`` list, or a bare list).

    ``path`` None means ``glossary.yml`` in the current folder if it exists (else no terms);
    an explicit path that does not exist is an error.
    """
    explicit = path is not None
    path = Path(path) if explicit else DEFAULT_GLOSSARY
    if not path.exists():
        if explicit:
            raise SourceFileError(
                path,
                None,
                "glossary file not found",
                "create it (see guide/translators.md: keeping words as written) or fix the --glossary path",
            )
        return ()
    data = read_yaml(path, "fix the glossary file")
    terms = data.get("keep") if isinstance(data, dict) else data
    if terms is None:
        return ()
    if not isinstance(terms, list) or not all(isinstance(t, str) and t.strip() for t in terms):
        raise SourceFileError(
            path,
            1,
            "the glossary must be a `keep:` list of terms",
            "write `keep:` then one `- Term` line per term",
        )
    return tuple(term.strip() for term in terms)
