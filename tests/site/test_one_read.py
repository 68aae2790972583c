"""One read of the corpus per build: a real build counts how often each essay file is opened.

The build runs in a child Python with an audit hook (``sys.addaudithook``) that counts every
``open`` of a Markdown file for reading (``open()`` and ``os.open``). Mode ``off``: the
translation check before the build (modes auto and check) reads the files once more on purpose,
to compare them with their locks.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import copy_project

pytestmark = pytest.mark.build

COUNTING_BUILD = """
import collections, json, os, sys
opened = collections.Counter()

def count(event, args):
    # open() gives its mode; os.open (bilingue.files.read_text) gives None and its flags
    if event == "open" and isinstance(args[0], str) and args[0].endswith(".md"):
        mode, flags = args[1], args[2]
        if isinstance(mode, str):
            reading = "r" in mode and "+" not in mode
        else:
            reading = not flags & (os.O_WRONLY | os.O_RDWR)
        if reading:
            opened[args[0]] += 1

sys.addaudithook(count)
from mkdocs.__main__ import cli
try:
    cli(["build", "--strict", "-q", "-d", sys.argv[1]], standalone_mode=False)
finally:
    print(json.dumps(opened))
"""

ESSAY = """---
title: Essai {n}
date: 2024-0{month}-1{n}
description: Un essai de plus.
tags: [innovation]
---

# Essai {n}

Un paragraphe qui cite une source[^src:openai-2024].
"""


def test_each_essay_file_is_read_once_per_build(tmp_path):
    project = copy_project(tmp_path / "project")
    essays = project / "docs" / "essais"
    for n in range(3):  # French only: built in both passes (the English one shows the French)
        (essays / f"essai-{n}.md").write_text(ESSAY.format(n=n, month=n + 1), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-c", COUNTING_BUILD, str(tmp_path / "site")],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "BILINGUE_MODE": "off"},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    opened = {
        Path(path).relative_to(project / "docs").as_posix(): n
        for path, n in json.loads(result.stdout.splitlines()[-1]).items()
    }
    # The corpus reads each file once for the whole build: MkDocs, the listings, the Sources page,
    # the checks, the English pages' translation notice and the reader's library (tags, authors,
    # feeds, sharing) all use that text. Before the corpus, an essay was read 6 times or more.
    assert opened["essais/mystique.md"] == 1  # French pass; its English plan reuses it
    assert opened["essais/mystique.en.md"] == 1  # English pass
    for n in range(3):  # built by both passes from the one text read
        assert opened[f"essais/essai-{n}.md"] == 1
    assert opened["index.md"] == opened["sources.md"] == 1  # pages that are not essays: the corpus
    assert (tmp_path / "site" / "en" / "essais" / "essai-0" / "index.html").exists()
