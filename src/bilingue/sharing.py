"""What a page tells the sites it is shared on: OpenGraph and Twitter card tags, and for an essay
a schema.org ``Article`` in JSON-LD (its language, its twin in the other language, its sources).

Every value comes from authors' files (titles, descriptions, names, sources.yml), so every value
is escaped for where it goes: attribute values with ``bilingue.safety.escape_text``, JSON-LD with
``json.dumps`` and ``<``, ``>``, ``&`` as ``\\u`` escapes (a title holding ``</script>`` cannot end
the script element).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

from markupsafe import Markup

from bilingue.safety import escape_text
from bilingue.sources import PartialDate, Source

#: OpenGraph locales of the site's languages
OG_LOCALES = {"fr": "fr_FR", "en": "en_US"}


@dataclass(frozen=True)
class Twin:
    """The same page in the other language."""

    language: str
    url: str


@dataclass(frozen=True)
class Person:
    """An essay's author as the tags name them."""

    name: str
    url: str | None = None  # their section of the authors page (absolute), or their own site
    same_as: str | None = None  # their own site, when ``url`` is the authors page


@dataclass(frozen=True)
class SharedPage:
    """What the tags say about one page (absolute URLs)."""

    title: str
    description: str
    url: str
    language: str
    site_name: str
    twin: Twin | None = None
    # essays only (``is_article``): the rest of the fields
    is_article: bool = False
    is_original: bool = True  # the French original; False for its translation
    published: dt.date | None = None
    modified: dt.date | None = None
    authors: list[Person] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    citations: list[Source] = field(default_factory=list)


def sharing_tags(page: SharedPage) -> Markup:
    """The ``<meta>`` tags (and for an essay the JSON-LD script) for the page's ``<head>``."""
    tags: list[tuple[str, str, str]] = [
        ("property", "og:type", "article" if page.is_article else "website"),
        ("property", "og:site_name", page.site_name),
        ("property", "og:title", page.title),
        ("property", "og:url", page.url),
        ("property", "og:locale", OG_LOCALES.get(page.language, page.language)),
    ]
    if page.description:
        tags.append(("property", "og:description", page.description))
    if page.twin:
        alternate = OG_LOCALES.get(page.twin.language, page.twin.language)
        tags.append(("property", "og:locale:alternate", alternate))
    if page.is_article:
        if page.published:
            tags.append(("property", "article:published_time", page.published.isoformat()))
        if page.modified:
            tags.append(("property", "article:modified_time", page.modified.isoformat()))
        tags += [("property", "article:author", person.url or person.name) for person in page.authors]
        tags += [("property", "article:tag", tag) for tag in page.tags]
    tags += [
        ("name", "twitter:card", "summary"),
        ("name", "twitter:title", page.title),
    ]
    if page.description:
        tags.append(("name", "twitter:description", page.description))
    # the kinds and keys are this module's own words ("og:title"): only the values need escaping
    lines = [f'<meta {kind}="{key}" content="{escape_text(value)}">' for kind, key, value in tags]
    if page.is_article:
        lines.append(f'<script type="application/ld+json">{json_for_script(article_json_ld(page))}</script>')
    return Markup("\n    ".join(lines))


def article_json_ld(page: SharedPage) -> dict:
    """A schema.org Article: the essay, its language, its translation or original, its sources."""
    article: dict = {
        "@context": "https://schema.org",
        "@type": "Article",
        "@id": page.url,
        "url": page.url,
        "headline": page.title,
        "description": page.description,
        "inLanguage": page.language,
        "isPartOf": {"@type": "WebSite", "name": page.site_name},
    }
    if page.published:
        article["datePublished"] = page.published.isoformat()
    if page.modified:
        article["dateModified"] = page.modified.isoformat()
    if page.authors:
        article["author"] = [_person(person) for person in page.authors]
    if page.tags:
        article["keywords"] = list(page.tags)
    if page.twin:
        twin = {
            "@type": "Article",
            "@id": page.twin.url,
            "url": page.twin.url,
            "inLanguage": page.twin.language,
        }
        article["workTranslation" if page.is_original else "translationOfWork"] = twin
    if page.citations:
        article["citation"] = [_creative_work(source) for source in page.citations]
    return article


def json_for_script(data: object) -> str:
    """JSON safe inside ``<script>``: no ``<``, ``>`` or ``&`` that HTML could read as markup."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _person(person: Person) -> dict:
    data: dict = {"@type": "Person", "name": person.name}
    if person.url:
        data["url"] = person.url
    if person.same_as:
        data["sameAs"] = person.same_as
    return data


def _creative_work(source: Source) -> dict:
    kind = _SCHEMA_TYPES.get(source.type, "CreativeWork")
    work: dict = {"@type": kind, "name": source.title, "url": source.url}
    if source.author:
        work["author"] = [{"@type": "Person", "name": name} for name in source.author]
    if source.publisher:
        work["publisher"] = {"@type": "Organization", "name": source.publisher}
    if source.issued:
        work["datePublished"] = _partial_date(source.issued)
    if source.doi:
        work["sameAs"] = f"https://doi.org/{source.doi}"
    if source.language:
        work["inLanguage"] = source.language
    return work


def _partial_date(value: PartialDate) -> str:
    """ISO 8601 with only the known parts: 2024, 2024-10 or 2024-10-02."""
    parts = [f"{value.year:04d}"]
    if value.month:
        parts.append(f"{value.month:02d}")
        if value.day:
            parts.append(f"{value.day:02d}")
    return "-".join(parts)


# ---------------------------------------------------------------------------------------------------
# Data

_SCHEMA_TYPES = {
    "webpage": "WebPage",
    "article-journal": "ScholarlyArticle",
    "report": "Report",
    "dataset": "Dataset",
    "article-newspaper": "NewsArticle",
    "post": "SocialMediaPosting",
}
