"""Source lines as Python-Markdown sees them, each remembering where it sits in the file.

Python-Markdown normalizes a page before reading it: ``\\r\\n`` and ``\\r`` become ``\\n`` and tabs
become spaces up to the next multiple of 4 columns (``str.expandtabs(4)``). The segmenter reads
the same normalized text (so that ``\\t- deux`` is a nested list item and ``\\tcode`` is indented
code, as on the site), while every prose span it finds must still point into the original
file: a :class:`Line` keeps both views and converts between them.
"""

from __future__ import annotations

from typing import NamedTuple

TAB_LENGTH = 4  # Python-Markdown's tab_length (mkdocs.yml does not change it)


class Line(NamedTuple):
    """One line of a container's content: its text with the container prefix removed.
    (Immutable; a NamedTuple because a page makes one per line and more per container, and a
    tuple is made in a third of the time of a frozen dataclass.)

    ``text`` is the normalized view (tabs expanded, no ``\\r``); ``tabs`` lists the
    ``(start, end)`` stretch of ``text`` each tab of the file became. ``offset`` is the file
    offset of ``text[0]``; :meth:`at` gives the file offset of any position of ``text``.
    """

    text: str
    number: int  # 1-based line in the file
    offset: int
    tabs: tuple[tuple[int, int], ...] = ()

    @property
    def blank(self) -> bool:
        """True for a line with nothing but whitespace."""
        return not self.text.strip()

    @property
    def indent(self) -> int:
        """Columns of leading spaces (tabs count as the columns they fill)."""
        return len(self.text) - len(self.text.lstrip(" "))

    @property
    def end(self) -> int:
        """File offset just after the line's last character (its ``\\r`` excluded)."""
        return self.at(len(self.text)) if self.tabs else self.offset + len(self.text)

    def at(self, index: int) -> int:
        """File offset of ``text[index]`` (a position inside an expanded tab is the tab)."""
        shift = 0
        for start, end in self.tabs:
            if end <= index:
                shift += end - start - 1
            elif start < index:
                return self.offset + start - shift
            else:
                break
        return self.offset + index - shift

    def span(self, start: int, end: int) -> tuple[int, int]:
        """File span of ``text[start:end]``."""
        if not self.tabs:  # (most lines: a position is its offset from the line's start)
            return self.offset + start, self.offset + end
        return self.at(start), self.at(end)

    def cut(self, index: int) -> Line:
        """The line from ``text[index]`` on (a container prefix or indentation removed).

        Cutting inside an expanded tab keeps the rest of that tab as leading columns, as
        Python-Markdown does when it removes 4 spaces from an expanded tab.
        """
        if index <= 0:
            return self
        tabs = []
        for start, end in self.tabs:
            if end <= index:
                continue
            tabs.append((max(start - index, 0), end - index))
        return Line(self.text[index:], self.number, self.at(index), tuple(tabs))

    def dedent(self, columns: int) -> Line:
        """The line without up to ``columns`` columns of indentation."""
        return self.cut(min(columns, self.indent))

    def emptied(self) -> Line:
        """A blank line at the same place (a blank line inside a container)."""
        return Line("", self.number, self.offset)


def source_lines(text: str, offset: int, first_line: int) -> list[Line]:
    """The lines of ``text[offset:]``, numbered from ``first_line``, normalized as the site reads them."""
    out: list[Line] = []
    body = text[offset:]
    # Without tabs or "\r" (most pages) a line is its raw text: what _normalized gives, unasked.
    normalize = _normalized if "\t" in body or "\r" in body else Line
    for number, raw in enumerate(body.split("\n"), first_line):
        out.append(normalize(raw, number, offset))
        offset += len(raw) + 1
    if out and out[-1].text == "":
        out.pop()  # the empty string after a final newline is not a line
    return out


def _normalized(raw: str, number: int, offset: int) -> Line:
    # a Windows line end's "\r" is not part of the line (it stays in the file untouched)
    if raw.endswith("\r"):
        raw = raw[:-1]
    if "\t" not in raw:
        return Line(raw, number, offset)
    parts: list[str] = []
    tabs: list[tuple[int, int]] = []
    column = 0
    for char in raw:
        if char == "\t":
            width = TAB_LENGTH - column % TAB_LENGTH
            tabs.append((column, column + width))
            parts.append(" " * width)
            column += width
        else:
            parts.append(char)
            column += 1
    return Line("".join(parts), number, offset, tuple(tabs))
