"""The command list: ``--help`` lists every command without importing any command's module."""

from __future__ import annotations

import argparse
import json
import pkgutil
import subprocess
import sys

import pytest

import bilingue.cli
from bilingue.cli import build_parser
from bilingue.cli._commands import COMMANDS, module_name
from tests.cli.conftest import translated_essay

#: what a command's module may import, that listing the commands must not
HEAVY = ("rich", "pydantic", "markdown", "mkdocs", "yaml", "babel", "nh3", "bilingue.config")


def test_every_command_module_is_listed_and_every_listed_command_has_its_module():
    modules = {
        info.name for info in pkgutil.iter_modules(bilingue.cli.__path__) if not info.name.startswith("_")
    }
    assert {module_name(command).rsplit(".", 1)[1] for command in COMMANDS} == modules


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_the_command_run_gets_its_module_its_help_and_its_handler(command: str):
    choices = _subparsers(build_parser(command)).choices
    assert set(choices) == set(COMMANDS)
    assert callable(choices[command].get_default("handler"))
    assert choices[command].description  # the module's own, longer text
    others = [name for name in COMMANDS if name != command]
    assert all(choices[name].get_default("handler") is None for name in others)


def test_help_lists_every_command_with_its_help_and_imports_no_command_module():
    listed = _run_python(
        "import contextlib, io, sys\n"
        "from bilingue.cli import main\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out), contextlib.suppress(SystemExit):\n"
        "    main(['--help'])\n"
        "print(json.dumps({'help': out.getvalue(), 'modules': sorted(sys.modules)}))\n"
    )
    help_text = " ".join(listed["help"].split())  # argparse wraps the lines
    for command, summary in COMMANDS.items():
        assert f"{command} {summary}" in help_text
    assert _imported(listed["modules"], HEAVY) == []
    assert _imported(listed["modules"], [module_name(command) for command in COMMANDS]) == []


def test_a_command_imports_its_own_module_only(tmp_path):
    ran = _run_python(
        "import contextlib, io, sys\n"
        "from bilingue.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    code = main(['settings', '--root', {str(tmp_path)!r}])\n"
        "print(json.dumps({'code': code, 'modules': sorted(sys.modules)}))\n"
    )
    assert ran["code"] == 0
    others = [module_name(command) for command in COMMANDS if command != "settings"]
    assert module_name("settings") in ran["modules"] and _imported(ran["modules"], others) == []


def test_status_and_check_of_an_up_to_date_essay_import_no_renderer_table_or_retry_library(tmp_path):
    essays, _ = translated_essay(tmp_path)
    ran = _run_python(
        "import contextlib, io, sys\n"
        "from bilingue.cli import main\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out):\n"
        f"    codes = [main(['status', {str(essays)!r}]), main(['translate', '--check', {str(essays)!r}])]\n"
        "print(json.dumps({'codes': codes, 'out': out.getvalue(), 'modules': sorted(sys.modules)}))\n"
    )
    assert ran["codes"] == [0, 0] and "1 essay(s); nothing to do: 1 up to date" in ran["out"]
    # rich's table (nothing to list), Python-Markdown (nothing to render), tenacity (nothing sent)
    assert _imported(ran["modules"], ["rich", "markdown", "mkdocs", "tenacity"]) == []


def _run_python(code: str) -> dict:
    """Run ``code`` in a fresh interpreter (this one has imported everything); its JSON line."""
    done = subprocess.run(
        [sys.executable, "-c", "import json\n" + code],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return json.loads(done.stdout.splitlines()[-1])


def _imported(modules: list[str], names) -> list[str]:
    return [
        module for module in modules if any(module == name or module.startswith(f"{name}.") for name in names)
    ]


def _subparsers(parser: argparse.ArgumentParser) -> argparse._SubParsersAction:
    return next(action for action in parser._actions if isinstance(action, argparse._SubParsersAction))
