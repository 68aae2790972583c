"""Theme templates compiled once per process: a second environment loads the compiled code."""

from __future__ import annotations

from jinja2 import DictLoader, Environment

from bilingue.templating import MemoryBytecodeCache


class CountingEnvironment(Environment):
    compiled = 0

    def compile(self, *arguments, **keywords):
        CountingEnvironment.compiled += 1
        return super().compile(*arguments, **keywords)


def test_a_template_is_compiled_once_for_every_environment_of_the_process():
    cache = MemoryBytecodeCache()
    sources = {"page.html": "Bonjour {{ name }}"}
    renders = []
    for _ in range(3):  # each MkDocs build (and each language) makes a new environment
        env = CountingEnvironment(loader=DictLoader(sources), bytecode_cache=cache)
        renders.append(env.get_template("page.html").render(name="Ada"))
    assert renders == ["Bonjour Ada"] * 3
    assert CountingEnvironment.compiled == 1


def test_an_edited_template_is_compiled_again():
    cache = MemoryBytecodeCache()
    sources = {"page.html": "Bonjour {{ name }}"}
    Environment(loader=DictLoader(sources), bytecode_cache=cache).get_template("page.html")
    sources["page.html"] = "Salut {{ name }}"
    env = Environment(loader=DictLoader(sources), bytecode_cache=cache)
    assert env.get_template("page.html").render(name="Ada") == "Salut Ada"
