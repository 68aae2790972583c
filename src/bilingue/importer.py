"""Turn a post pasted from LinkedIn into a clean French essay in Markdown.

A paste holds the post, LinkedIn's chrome ("Recommandé par LinkedIn", reaction counts) and the
readers' comments (a commenter's headline, then "3 mois" glued to the comment). The essay keeps
the author's words exactly: only whole lines are dropped, the first line becomes the title, and
short lines with no closing punctuation become section headings. Everything dropped is reported
so the author can check it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

import yaml

from bilingue.slugs import slug_for


@dataclass
class ImportedEssay:
    title: str
    markdown: str  # the whole file: front matter and body
    headings: list[str] = field(default_factory=list)
    dropped_chrome: list[str] = field(default_factory=list)
    dropped_comments: list[str] = field(default_factory=list)

    @property
    def slug(self) -> str:
        """A file name from the title, within ``SLUG``'s rules (empty when the title has no letter)."""
        return slug_for(self.title, MAX_SLUG)


def check_slug(slug: str) -> str:
    """``slug`` itself when it is a valid essay file name (without .md); a ValueError otherwise.

    The slug becomes a file in the essays folder and part of the page's URL: a slash or ``..``
    would write elsewhere, and capitals, spaces or accents make URLs that are hard to share.
    """
    if not SLUG.fullmatch(slug):
        raise ValueError(f"invalid slug {slug!r}: use only {SLUG_RULE}")
    if len(slug) > MAX_SLUG:
        raise ValueError(f"slug of {len(slug)} characters: use at most {MAX_SLUG} (file names and URLs)")
    if slug in RESERVED_SLUGS:
        raise ValueError(
            f"{slug!r} is a reserved name (a page of the site, or a file name Windows refuses): "
            "choose another"
        )
    return slug


def import_linkedin_post(paste: str, date: dt.date, tags: list[str] | None = None) -> ImportedEssay:
    """The essay in ``paste`` as Markdown with front matter (title, date, description, tags)."""
    lines = [line.rstrip() for line in paste.splitlines() if line.strip()]
    if not lines:
        raise ValueError("the paste is empty")
    lines, comments = _cut_comments(lines)
    chrome = [line for line in lines if _is_chrome(line)]
    lines = [line for line in lines if not _is_chrome(line)]
    title, body_lines = lines[0].rstrip(".").strip(), lines[1:]
    essay = ImportedEssay(title, "", dropped_chrome=chrome, dropped_comments=comments)
    blocks = [f"# {title}"]
    for line in body_lines:
        if _looks_like_heading(line):
            essay.headings.append(line)
            blocks.append(f"## {line}")
        else:
            blocks.append(line)
    front_matter = {
        "title": title,
        "date": date,
        "description": _first_sentence(body_lines),
        "tags": tags or [],
    }
    yaml_text = yaml.safe_dump(front_matter, allow_unicode=True, sort_keys=False, width=1000)
    essay.markdown = f"---\n{yaml_text}---\n\n" + "\n\n".join(blocks) + "\n"
    return essay


def _cut_comments(lines: list[str]) -> tuple[list[str], list[str]]:
    """Split at the first comment: its author's headline is the line before its age stamp."""
    for index, line in enumerate(lines):
        if index > 1 and _COMMENT_AGE.match(line):
            return lines[: index - 1], lines[index - 1 :]
    return lines, []


def _is_chrome(line: str) -> bool:
    return line.strip() in _CHROME_LINES or bool(_REACTION_COUNTS.fullmatch(line.strip()))


def _looks_like_heading(line: str) -> bool:
    words = line.split()
    return (
        len(words) <= _HEADING_MAX_WORDS
        and line[:1].isupper()
        and (line[-1].isalnum() or line[-1] in "\"'»”)")
    )


def _first_sentence(lines: list[str]) -> str:
    paragraph = next((line for line in lines if not _looks_like_heading(line)), "")
    match = re.match(r"(.+?[.!?])(\s|$)", paragraph)
    return match.group(1) if match else paragraph


# ---------------------------------------------------------------------------------------------------
# Data

#: an essay's file name, without .md
SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
#: longest slug: file systems cap names at 255 bytes, and a URL is read and shared
MAX_SLUG = 80
#: names an essay cannot take: the site's own pages, and device names Windows refuses as files
RESERVED_SLUGS = frozenset(
    {"index", "sources", "tags", "search", "404", "assets", "en", "fr"}
    | {"con", "prn", "aux", "nul"}
    | {f"{device}{number}" for device in ("com", "lpt") for number in range(1, 10)}
)
SLUG_RULE = "lowercase letters a-z, digits, and hyphens between them (e.g. mystique-du-metier)"
_HEADING_MAX_WORDS = 8
# "3 mois", "2 sem.", "5 j", "1 an", "4 h", "3 mo", "2 w", "1 yr" glued to the comment text
_COMMENT_AGE = re.compile(r"^\d+\s?(mois|sem\.?|semaines?|j|jours?|h|heures?|min|ans?|mo|w|d|yr)(?=\S|\s)")
_CHROME_LINES = {
    "Recommandé par LinkedIn",
    "Recommended by LinkedIn",
    "Voir la traduction",
    "See translation",
    "J’aime",
    "J'aime",
    "Commenter",
    "Republier",
    "Envoyer",
    "Like",
    "Comment",
    "Repost",
    "Send",
    "…voir plus",
    "…see more",
}
# "12 commentaires", "3 republications", "1 234 réactions": a count with its word (a line that
# is only a number may be the author's, e.g. "395 000", and is kept)
_REACTION_COUNTS = re.compile(
    r"\d[\d\s]*\s?(commentaires?|comments?|republications?|reposts?|réactions?|reactions?)"
    r"(\s*[·•]\s*\d[\d\s]*\s?\w+)*"
)
