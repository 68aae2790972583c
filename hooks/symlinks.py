"""No file outside the project is published: docs/ entries that are symbolic links leading out of
the project stop the build, each named (thin glue over ``bilingue.files.refuse_links_outside``).

MkDocs reads and copies what docs/ holds, links included: ``docs/essais/leak.md -> ~/.ssh/...``
or ``docs/assets/x.png -> /etc/passwd`` from a pull request would otherwise be published.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from bilingue.errors import BilingueError, SourceFileError, reported_as_build_errors
from bilingue.files import link_free_files, refuse_links_outside

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


# Before any other hook or plugin reads a file.
@event_priority(100)
@reported_as_build_errors()
def on_files(files: Files, config: MkDocsConfig) -> Files:
    docs = Path(config.docs_dir)
    link_free = link_free_files(docs)  # nothing to refuse there: the others are checked one by one
    problems = []
    for file in files:
        if file.abs_src_path in link_free:
            continue
        if file.abs_src_path and Path(file.abs_src_path).is_relative_to(docs):
            try:
                refuse_links_outside(file.abs_src_path)
            except SourceFileError as error:
                problems.append(error.describe(Path(docs.name) / file.src_uri))
    if problems:
        raise BilingueError("\n".join(problems))
    return files
