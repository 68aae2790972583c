"""A new French essay to start from: front matter, a first paragraph to replace, and an example of
a sourced sentence, in a file named after the title that never replaces an existing one."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import yaml

from bilingue.errors import BilingueError
from bilingue.files import create_text_file
from bilingue.slugs import slug_for


@dataclass(frozen=True)
class NewEssay:
    path: Path
    slug: str
    text: str


def essay_text(title: str, date: dt.date, tags: list[str]) -> str:
    """The Markdown of a new essay: valid front matter (YAML-quoted as needed) and a body whose
    citation example sits in an HTML comment, so the new file passes ``check`` as it is."""
    meta = {"title": title, "date": date, "description": DESCRIPTION, "tags": tags}
    front_matter = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{front_matter}---\n\n# {title}\n\n{BODY}"


def create_essay(folder: Path, title: str, date: dt.date, tags: list[str]) -> NewEssay:
    """Write the new essay as ``folder/<slug>.md``, or ``<slug>-2.md``... when the name is taken.

    The file appears whole or not at all (written aside, then linked into place), and a file that
    exists — even one created by someone else at the same moment — is never replaced."""
    base = slug_for(title)
    if not base:
        raise BilingueError(f"cannot make a file name from the title {title!r}: give a title with letters")
    text = essay_text(title, date, tags)
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(1, MAX_SAME_TITLE + 1):
        slug = base if number == 1 else f"{base}-{number}"
        path = folder / f"{slug}.md"
        if _taken(folder, slug):
            continue
        if create_text_file(path, text):
            return NewEssay(path, slug, text)
    raise BilingueError(f"{folder}: {MAX_SAME_TITLE} essays are named {base!r} already; choose another title")


def _taken(folder: Path, slug: str) -> bool:
    """An essay, its English version or its lock uses that name (a lock may outlive a deleted essay)."""
    return any((folder / f"{slug}{suffix}").exists() for suffix in (".md", ".en.md", ".lock.json"))


# ---------------------------------------------------------------------------------------------------
# Data

#: how many essays may share one title's slug (-2, -3...) before `new` asks for another title
MAX_SAME_TITLE = 99

DESCRIPTION = (
    "À écrire : une phrase qui donne envie de lire l'essai (elle s'affiche dans la liste et sur les réseaux)."
)

BODY = """\
Premier paragraphe : remplacez ce texte par le vôtre.

## Une section

Chaque chiffre a sa source, citée dans la même phrase par une note `[^src:IDENTIFIANT]`, où
IDENTIFIANT est une entrée de `sources.yml` (ajoutez-y la vôtre : titre, éditeur, adresse, date).

<!-- Exemple, à recopier hors de ce commentaire avec une source de sources.yml :
La ronde de financement atteint 6,6 milliards de dollars.[^src:openai-2024]
-->
"""
