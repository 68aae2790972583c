"""Footnoted data sources: a registry of dated sources, footnotes in each language, checks.

- ``model``: what a source is (pydantic schema); ``registry``: reading ``sources.yml`` with the
  line of every field; ``citations``: the ``[^src:ID]`` syntax and finding it in a page;
  ``render``: a source as a footnote in French or English (Babel dates);
  ``page``: the "Sources" page with backlinks; ``numbers``: locale-aware numbers in prose;
  ``checks``: every check, as findings with file and line.
The MkDocs glue is ``hooks/sources.py``; the command line is ``python -m bilingue check``.
"""
