"""The judge's renderers: one per mkdocs.yml version, handed over by a build or loaded, a bounded few kept."""

from __future__ import annotations

import gc
import weakref

from bilingue.markdown.judge import renderer_from_config, site_renderer


class BuildConfig(dict):
    """What a build's loaded MkDocs config offers ``renderer_from_config``."""

    def __init__(self, path, extensions=("toc",)):
        super().__init__(markdown_extensions=list(extensions), mdx_configs={})
        self.config_file_path = str(path)


def test_a_build_hands_its_renderer_to_the_judge_even_after_one_was_loaded(tmp_path):
    (tmp_path / "docs").mkdir()
    mkdocs_yml = tmp_path / "mkdocs.yml"
    mkdocs_yml.write_text("site_name: Essais\nmarkdown_extensions:\n  - tables\n", encoding="utf-8")
    loaded = site_renderer(mkdocs_yml)
    assert site_renderer(mkdocs_yml) is loaded  # loaded once per file version
    primed = renderer_from_config(BuildConfig(mkdocs_yml))
    assert primed is not loaded
    assert site_renderer(mkdocs_yml) is primed  # the build's own config, not the one loaded before


def test_the_renderers_kept_are_bounded(tmp_path):
    """``mkdocs serve`` hands over a renderer at every rebuild; an edited mkdocs.yml is a new
    version each time: the old ones must not pile up for the whole session."""
    alive = []
    for number in range(40):
        mkdocs_yml = tmp_path / f"site{number}" / "mkdocs.yml"
        mkdocs_yml.parent.mkdir()
        mkdocs_yml.write_text("site_name: Essais\n", encoding="utf-8")
        renderer = renderer_from_config(BuildConfig(mkdocs_yml))
        assert site_renderer(mkdocs_yml) is renderer  # each build's renderer is the judge's
        alive.append(weakref.ref(renderer))
        del renderer
    gc.collect()
    kept = [ref for ref in alive if ref() is not None]
    assert 0 < len(kept) <= 8  # the bound
    assert alive[-1]() is not None  # the newest is kept


def test_without_a_mkdocs_yml_the_defaults_are_kept_once(tmp_path):
    renderer = site_renderer(tmp_path / "absent.yml")
    assert renderer is site_renderer(None)
    assert renderer.origin == "MkDocs defaults"
