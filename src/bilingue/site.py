"""What the MkDocs hooks need to know about pages and languages.

Duck-typed over MkDocs' objects so that this package imports without MkDocs. Everything that
depends on mkdocs-static-i18n's behaviour is here, in one place, so that a later move (Zensical,
another i18n plugin) changes one module.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

from bilingue import SOURCE_LANGUAGE, TARGET_LANGUAGE
from bilingue.paths import ENGLISH_SUFFIX, english_path_for, french_path_for, language_of

# Keys the hooks set in ``page.meta`` for later hooks and the templates (``page.meta.<key>``).
#: True on a page built under /en/ from French text (no English file yet): main.html marks it
#: lang="fr" and noindex, and it is left out of hreflang and of the English search index
UNTRANSLATED = "untranslated"
#: an English page's freshness (machine / reviewed / outdated, synced on), for translation-notice.html
TRANSLATION_NOTICE = "translation_notice"
#: check mode under ``mkdocs serve``: what is wrong with the essay's translation (a list of
#: lines), shown on its pages by translation-problems.html instead of failing the rebuild
TRANSLATION_PROBLEMS = "translation_problems"
#: the registry's Source objects a page cites, in order (hooks/sources.py -> hooks/sharing.py)
CITED_SOURCES = "cited_sources"
#: the date (YYYY-MM-DD) of the last git commit of the page's file, or None (hooks/sitemap.py)
LAST_COMMIT = "last_commit"
#: the page's OpenGraph/Twitter/JSON-LD tags, ready for <head> (hooks/sharing.py -> main.html)
SHARING_TAGS = "sharing_tags"
#: the keys above: only hooks set them; a page's front matter may not (hooks/sanitize.py drops them)
HOOK_META_KEYS = (
    UNTRANSLATED,
    TRANSLATION_NOTICE,
    TRANSLATION_PROBLEMS,
    CITED_SOURCES,
    LAST_COMMIT,
    SHARING_TAGS,
)


def build_language(config: Any) -> str:
    """Language of the build in progress: i18n builds each language in turn and sets the theme's."""
    return str(config.theme["language"])


def is_source_pass(config: Any) -> bool:
    """True during the French pass: i18n builds French first, then English on the same config."""
    return build_language(config) == SOURCE_LANGUAGE


def is_target_pass(config: Any) -> bool:
    """True during the English pass (pages under /en/)."""
    return build_language(config) == TARGET_LANGUAGE


def is_untranslated(page: Any) -> bool:
    """Whether a hook marked ``page`` as French text built under /en/ (see ``UNTRANSLATED``)."""
    return bool(page.meta.get(UNTRANSLATED))


def file_language(src_uri: str) -> str:
    """``x.en.md`` is English, anything else is the French original (suffix structure)."""
    return language_of(src_uri)


def is_untranslated_fallback(page: Any, config: Any) -> bool:
    """True for a French file that i18n builds under /en/ because no ``.en.md`` exists."""
    return file_language(page.file.src_uri) != build_language(config)


def has_translation(page: Any) -> bool:
    """Whether a page's French file has an English counterpart on disk (a page the build
    generates, with no file, exists in both languages)."""
    if page.file.abs_src_path is None:
        return True
    source = Path(page.file.abs_src_path)
    return language_of(source) == TARGET_LANGUAGE or english_path_for(source).exists()


def french_source_of(page: Any) -> Path:
    """The French file a page comes from: ``x.en.md`` -> ``x.md`` (itself for a French page)."""
    return french_path_for(Path(page.file.abs_src_path))


class GeneratedLocations(NamedTuple):
    """Where a page the build generates goes in one language's build."""

    src_uri: str  # "page/2.md" in French, "page/2.en.md" in English (so file_language() is right)
    dest_uri: str  # "page/2/index.html", "en/page/2/index.html"
    urls: dict[str, str]  # language -> the page's URL in that language ("page/2/", "en/page/2/")


def french_name(src_uri: str) -> str:
    """``x.en.md`` -> ``x.md``: the name links use (i18n resolves it in each language)."""
    return src_uri.removesuffix(ENGLISH_SUFFIX) + ".md" if src_uri.endswith(ENGLISH_SUFFIX) else src_uri


def generated_file_locations(french_src: str, language: str, use_directory_urls: bool) -> GeneratedLocations:
    """i18n's suffix structure for a page that has no file: French at /, English under /en/."""
    stem = french_src.removesuffix(".md")
    if not use_directory_urls:
        french_dest = french_url = f"{stem}.html"
    elif stem == "index" or stem.endswith("/index"):
        french_url = stem.removesuffix("index")  # "archives/" (or "" for the home page)
        french_dest = f"{french_url}index.html"
    else:
        french_url = f"{stem}/"
        french_dest = f"{stem}/index.html"
    english_dest = f"{TARGET_LANGUAGE}/{french_dest}"
    urls = {SOURCE_LANGUAGE: french_url, TARGET_LANGUAGE: f"{TARGET_LANGUAGE}/{french_url}"}
    if language == SOURCE_LANGUAGE:
        return GeneratedLocations(french_src, french_dest, urls)
    return GeneratedLocations(stem + ENGLISH_SUFFIX, english_dest, urls)


def mark_as_i18n_file(file: Any, language: str, urls: dict[str, str]) -> None:
    """Give a generated file what i18n sets on the files it builds (its language switcher and
    hreflang links then point at the same page in the other language)."""
    file.locale = language
    file.locale_alternate_of = language
    file.localization = None if language == SOURCE_LANGUAGE else language
    file.norm_src_uri = french_name(file.src_uri)
    file.alternates = {lang: _Alternate(url) for lang, url in urls.items()}


class _Alternate(NamedTuple):
    url: str


def twin_location(page: Any, config: Any) -> tuple[str, str] | None:
    """(language, site-relative URL) of the same page in the other language, if it exists there.

    i18n's suffix structure: the French page at ``x/``, the English one at ``en/x/``.
    """
    if is_target_pass(config):
        if is_untranslated_fallback(page, config):
            return None
        return SOURCE_LANGUAGE, page.url.removeprefix(f"{TARGET_LANGUAGE}/")
    if not has_translation(page):
        return None
    return TARGET_LANGUAGE, f"{TARGET_LANGUAGE}/{page.url}"


def language_root(language: str) -> str:
    """Where a language's pages start, relative to the site: "" for French, "en/" for English."""
    return "" if language == SOURCE_LANGUAGE else f"{language}/"


def site_alternates(config: Any) -> list[dict]:
    """i18n's language selector entries for the whole site (each language's home page)."""
    return list(config.plugins["i18n"].extra_alternate)
