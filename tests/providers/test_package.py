"""The providers package loads its names when first used: same objects, none of the services'
weight for a build that translates nothing."""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
from pathlib import Path

import pytest

import bilingue.providers as providers

REPO_ROOT = Path(__file__).resolve().parents[2]

#: what the services bring in; a check-mode build must not import any of it
SERVICES_ONLY = (
    "pydantic_settings",
    "sqlite3",
    "asyncio",
    "argparse",
    "dotenv",
    "concurrent.futures",
    "bilingue.providers.settings",
    "bilingue.providers.engine",
    "bilingue.providers.chain",
    "bilingue.providers.factory",
)


@pytest.mark.parametrize("name", providers.__all__)
def test_every_public_name_is_the_submodule_s_own_object(name):
    module = importlib.import_module(f"bilingue.providers.{providers._HOME[name]}")
    assert getattr(providers, name) is getattr(module, name)


def test_what_type_checkers_see_is_what_the_package_loads():
    # the TYPE_CHECKING imports (re-exported ``X as X``) name each public name's submodule
    tree = ast.parse(Path(providers.__file__).read_text(encoding="utf-8"))
    block = next(node for node in tree.body if isinstance(node, ast.If))
    seen = {
        alias.asname: node.module.rpartition(".")[2]
        for node in block.body
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
        if alias.asname == alias.name
    }
    assert seen == providers._HOME


def test_an_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no attribute 'nothing_here'"):
        _ = providers.nothing_here


def test_the_estimate_function_comes_from_its_module():
    from bilingue.providers.estimate import estimate

    assert callable(estimate) and estimate.__module__ == "bilingue.providers.estimate"


def test_what_a_build_imports_leaves_the_services_unloaded(tmp_path):
    # a fresh interpreter: this test process has long imported everything. Every hook is
    # imported as MkDocs imports them (by path, named as mkdocs.yml lists them), the repo root
    # on sys.path as for the build
    hooks = sorted(str(path) for path in (REPO_ROOT / "hooks").glob("*.py"))
    assert hooks
    code = (
        "import importlib.util, pathlib, sys\n"
        f"sys.path.insert(0, {str(REPO_ROOT)!r})\n"
        f"for path in map(pathlib.Path, {hooks!r}):\n"
        "    name = f'hooks/{path.name}'\n"
        "    spec = importlib.util.spec_from_file_location(name, path)\n"
        "    module = importlib.util.module_from_spec(spec)\n"
        "    sys.modules[name] = module\n"
        "    spec.loader.exec_module(module)\n"
        "import bilingue.build_state, bilingue.config, bilingue.sync, bilingue.translate\n"
        "from bilingue.config import load_config\n"
        "load_config('.').translate_options()\n"
        f"print(sorted(set({SERVICES_ONLY!r}) & set(sys.modules)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path
    )
    assert result.stdout.strip() == "[]"


def test_the_services_load_when_a_provider_is_asked_for(tmp_path, monkeypatch):
    monkeypatch.setenv("BILINGUE_CACHE_DIR", "off")
    code = (
        "import sys\n"
        "from bilingue.providers import get_provider\n"
        "get_provider('google')\n"
        "print('pydantic_settings' in sys.modules, 'bilingue.providers.engine' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path
    )
    assert result.stdout.split() == ["True", "True"]
