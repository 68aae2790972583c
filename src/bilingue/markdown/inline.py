"""Inside a block: prose text versus protected inline pieces.

:func:`scan_inline` cuts a block's text into runs of prose and :class:`Piece` objects that a
translator must never change: inline code, raw HTML tags, autolinks and bare URLs, link
destinations and titles' quotes, footnote references, attribute lists, emoji shortcodes, keys,
math, HTML entities, escapes, hard line breaks, glossary terms and abbreviations, and whole
inline HTML elements whose text the judge keeps verbatim (``<code>``, ``<dfn translate="no">``,
``<var class="notranslate">``...: the one rule of ``bilingue.markdown.verbatim``). Paired
markup (emphasis ``*``/``**``/``_``, ``==mark==``, link brackets) becomes an *open* and a
*close* piece, so the words between them stay prose and may move in translation.

The scan is one left-to-right pass of a single compiled regular expression, linear in the text
even when it is hostile (an essay comes from a stranger's pull request and must not stall a build):
no opener searches forward for its closer on its own. The closers of code spans, comments,
``\\(`` math, footnote references and link titles are searched for once and remembered for the
openers after (:class:`_Ahead`); where each ``[`` and each link destination ends is worked out once per
offset (:class:`_BalancedWalk`), like an attribute list's possible ends (no backtracking); an
emphasis closer finds its opener by its characters; a verbatim element's closing tag is searched
forward once, the scan going on after it. ``benchmarks/inline_hostile.py`` times the hostile
shapes. It follows Python-Markdown's inline rules (the SITE's renderer), not CommonMark's.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from typing import NamedTuple

from bilingue.markdown.html_prose import prose_attributes
from bilingue.markdown.verbatim import VOID_TAGS, opens_verbatim

SINGLE, OPEN, CLOSE = "single", "open", "close"

# Piece kinds
CODE = "code"
COMMENT = "comment"
NO_TRANSLATE = "no_translate"
AUTOLINK = "autolink"
HTML_TAG = "html_tag"
MATH = "math"
HARD_BREAK = "hard_break"
ESCAPE = "escape"
ENTITY = "entity"
KEYS = "keys"
FOOTNOTE_REF = "footnote_ref"
ATTR_LIST = "attr_list"
EMOJI = "emoji"
URL = "url"
EMAIL = "email"  # a bare e-mail address (not a link on the site, but never prose)
LINK = "link"  # open "[" / close "](url 'title')" or "][ref]"
IMAGE = "image"  # open "![" / close "](src)"
REF_LINK = "ref_link"  # a whole "[label]" / "[text][]" shortcut reference (label = text)
EMPHASIS = "emphasis"  # * ** *** _ __ ___
MARK = "mark"  # ==
TERM = "term"  # glossary term or defined abbreviation
BACKTICK = "backtick"  # an unmatched run of backticks


class Piece(NamedTuple):
    """A protected stretch of a block's text: ``text == block_text[start:end]``. (Immutable; a
    NamedTuple: a build makes one per emphasis mark, footnote reference... of every page, and a
    tuple is made in a third of the time of a frozen dataclass.)

    ``title`` is the (start, end) of a translatable link title inside ``text``, if any.
    """

    kind: str
    start: int
    end: int
    text: str
    role: str = SINGLE
    partner: int = -1  # index of the matching open/close piece in InlineText.pieces
    title: tuple[int, int] | None = None


@dataclass(frozen=True)
class InlineContext:
    """What the scanner must know beyond the text: terms to keep and defined reference labels."""

    terms: tuple[str, ...] = ()
    references: frozenset[str] = frozenset()

    @property
    def pattern(self) -> re.Pattern[str]:
        """The pattern of every protected inline piece (glossary terms included)."""
        return _compile(self.terms)

    def candidates(self, text: str) -> re.Pattern[str]:
        """Where a piece may start in ``text``: searched first, the full pattern is then tried
        there only. Built from what ``text`` can contain, so the common case is one character
        class (fast) instead of an alternation tried at every position."""
        present = tuple(term for term in self.terms if term in text) if self.terms else ()
        return _compile_candidates(present, "  \n" in text, "://" in text, "@" in text)


class InlineText(NamedTuple):
    """A block's prose with its protected pieces located (immutable)."""

    text: str
    pieces: tuple[Piece, ...]

    def segments(self) -> Iterator[str | Piece]:
        """Prose runs (str, possibly empty runs skipped) and pieces, in order."""
        position = 0
        for piece in self.pieces:
            if piece.start > position:
                yield self.text[position : piece.start]
            yield piece
            position = piece.end
        if position < len(self.text):
            yield self.text[position:]

    def plain_text(self) -> str:
        """What a reader sees as words: prose runs plus inline code contents, markup removed."""
        if not self.pieces:
            return self.text
        text = self.text
        out: list[str] = []
        in_image = 0  # image alt text is not part of the visible text (toc ignores it too)
        position = 0
        for segment in self.pieces:  # (segments(), inlined: prose runs are the gaps between pieces)
            if segment.start > position and not in_image:
                out.append(text[position : segment.start])
            position = segment.end
            if segment.kind == IMAGE:
                in_image += 1 if segment.role == OPEN else -1
            elif in_image:
                continue
            elif segment.kind == CODE:
                out.append(segment.text.strip("`").strip())
            elif segment.kind in (ESCAPE,):
                out.append(segment.text[1:])
            elif segment.kind in (ENTITY,):
                out.append(html.unescape(segment.text))
            elif segment.kind == AUTOLINK:
                out.append(segment.text[1:-1])
            elif segment.kind in (TERM, URL, EMAIL, NO_TRANSLATE, KEYS, REF_LINK, MATH):
                out.append(_strip_tags(segment.text).strip("[]"))
            elif segment.kind == HARD_BREAK:
                out.append(" ")
        if position < len(text) and not in_image:
            out.append(text[position:])
        return "".join(out)


def scan_inline(text: str, context: InlineContext | None = None) -> InlineText:
    """Locate the protected pieces of ``text`` (a block's prose, container prefixes removed)."""
    context = context or _EMPTY
    candidates = context.candidates(text)
    first = candidates.search(text)
    if first is None:  # (most blocks: no piece can start anywhere; the loop below would find none)
        return InlineText(text, ())
    pattern = context.pattern
    pieces: list[Piece] = []
    delimiters: list[int] = []  # indexes of emphasis/mark candidates in pieces
    pending: dict[int, tuple[int, str, tuple[int, int] | None, int]] = {}  # "]" offset -> close
    ahead = _Ahead(text)
    position = 0
    length = len(text)
    while position < length:
        candidate = first if first is not None else candidates.search(text, position)
        first = None
        if candidate is None:
            break
        at = candidate.start()
        closed = _closed_opener(text, at, ahead) if text[at] in "`<\\[{" else None
        if closed is not None:
            pieces.append(Piece(closed.kind, closed.start, closed.end, text[closed.start : closed.end]))
            position = closed.end
            continue
        match = pattern.match(text, at)
        if match is None:
            position = at + 1
            continue
        group = match.lastgroup
        start, end = match.span()
        if group == "open":
            close = _find_link_close(text, start, context, ahead)
            if close is None:
                position = start + 1
                continue
            close_start, close_end, title, whole = close
            kind = IMAGE if text[start] == "!" else LINK
            if whole:  # a shortcut/collapsed reference: its text is its label, keep it all
                pieces.append(Piece(REF_LINK, start, close_end, text[start:close_end]))
                position = close_end
                continue
            pending[close_start] = (close_end, kind, title, len(pieces))
            pieces.append(Piece(kind, start, end, text[start:end], OPEN))
            position = end
            continue
        if group == "close":
            target = pending.pop(start, None)
            if target is None:
                position = end
                continue
            close_end, kind, title, open_index = target
            pieces[open_index] = _with_partner(pieces[open_index], len(pieces))
            pieces.append(Piece(kind, start, close_end, text[start:close_end], CLOSE, open_index, title))
            position = close_end
            continue
        if group == "delim":
            before = text[start - 1] if start else " "
            after = text[end] if end < length else " "
            can_open = not after.isspace()
            can_close = not before.isspace()
            if text[start] == "_" and before.isalnum() and after.isalnum():
                can_open = can_close = False  # intra-word underscores are literal (PM smart)
            if can_open or can_close:
                kind = MARK if text[start] == "=" else EMPHASIS
                delimiters.append(len(pieces))
                role = ("open" if can_open else "") + ("close" if can_close else "")
                pieces.append(Piece(kind, start, end, text[start:end], role))  # its role set once paired
            position = end
            continue
        kind = _GROUP_KIND[group]
        if kind == HTML_TAG and (element_end := _verbatim_element_end(text, start, end)) is not None:
            kind, end = NO_TRANSLATE, element_end  # its text is not prose: one protected piece
        title = _tag_title(text[start:end]) if kind == HTML_TAG else None
        pieces.append(Piece(kind, start, end, text[start:end], title=title))
        position = end
    if delimiters:
        pieces = _pair_delimiters(pieces, delimiters)
    return InlineText(text, tuple(pieces))


# --- helpers -------------------------------------------------------------------------------------


class _Closed(NamedTuple):
    """A code span, comment, ``\\(`` math, footnote reference or attribute list: kind and span."""

    kind: str
    start: int
    end: int


def _closed_opener(text: str, start: int, ahead: _Ahead) -> _Closed | None:
    r"""The code span, comment, ``\(`` math, footnote reference or attribute list that opens at
    ``start`` and closes further on, or None: what ``(?<!\\)(?P<t>`+)(?!`)[\s\S]+?(?<!`)(?P=t)(?!`)``,
    ``<!--[\s\S]*?-->``, ``\\\([\s\S]+?\\\)``, ``\[\^[^\]\s]+\]`` and the attribute list's
    expression (the first of the pattern's alternatives to match at such a start) would match
    there, their closer looked up in ``ahead`` instead of searched for from every opener."""
    char = text[start]
    if char == "`":
        if start and text[start - 1] == "\\":  # (?<!\\): the regex's backtick run, not code
            return None
        run_end = _TICK_RUN.match(text, start).end()
        close = ahead.tick_run(run_end - start, start)
        return None if close is None else _Closed(CODE, start, close + run_end - start)
    if char == "<" and text.startswith("<!--", start):
        close = ahead.first(_COMMENT_END, start + 4)
        return None if close is None else _Closed(COMMENT, start, close + 3)
    if char == "\\" and text.startswith("\\(", start):
        close = ahead.first(_MATH_END, start + 3)  # at least one character of math
        return None if close is None else _Closed(MATH, start, close + 2)
    if char == "[" and text.startswith("[^", start):
        close = ahead.first(_FOOTNOTE_END, start + 2)
        if close is None or close == start + 2 or text[close] != "]":
            return None
        return _Closed(FOOTNOTE_REF, start, close + 1)
    if char == "{":
        end = _attribute_list_end(text, start, ahead)
        return None if end is None else _Closed(ATTR_LIST, start, end)
    return None


def _attribute_list_end(text: str, start: int, ahead: _Ahead) -> int | None:
    r"""Where the attribute list (``{: #id .class key="value" }``) opening at ``start`` ends, or
    None: the end of what ``\{:?[ ]*ATTR(?:[ ]+ATTR)*[ ]*\}`` would match there (ATTR: ``#id``,
    ``.class``, or ``key=`` and a quoted or bare value).

    A value like ``"a"`` reads both as quoted and as bare, so that expression tried exponentially
    many paths on a list never closed (``"{" + 'x="a" ' * 30``: hours). Here each offset's outcome
    is worked out once (:meth:`_Ahead.attributes_after`), trying the paths in the expression's
    order, so the answer is the one it gave.
    """
    index = start + 1
    if text.startswith(":", index):
        index += 1
    index = _SPACES.match(text, index).end()
    for end in _attribute_ends(text, index, ahead):
        found = ahead.attributes_after(end)
        if found is not None:
            return found
    return None


def _attribute_ends(text: str, index: int, ahead: _Ahead) -> tuple[int, ...]:
    """Where one attribute starting at ``index`` may end, in the order the expression tries them.
    A greedy run's shorter ends are left out: an attribute must be followed by a space or ``}``.
    A bare value's end is looked up (``{a={a={a=...``: every ``{`` would read to the end)."""
    word = _ATTR_WORD.match(text, index)
    if word is not None:
        return (word.end(),)
    key = _ATTR_KEY.match(text, index)
    if key is None:
        return ()
    value = key.end()
    quoted = _ATTR_QUOTED.match(text, value)
    bare = ahead.first(_BARE_VALUE_END, value)
    bare = len(text) if bare is None else bare
    return tuple(
        end for end in (quoted.end() if quoted else None, bare if bare > value else None) if end is not None
    )


class _Ahead:
    """What a scan looks up ahead of its openers, for one text.

    A closer is searched forward from an opener once, and the answer kept for the openers after
    it up to that closer (or to the end of the text when there was none): thousands of openers
    never closed (hostile text) no longer each search to the end. Openers asked out of order
    (nested links' titles) get all the closer's matches found in one pass, then binary searches.
    Link brackets and destinations, whose ends depend on nesting, are :class:`_BalancedWalk` s.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._searched: dict[re.Pattern[str], tuple[int, int | None]] = {}  # last search: from, found
        self._starts: dict[re.Pattern[str], list[int]] = {}
        self._attributes_after: dict[int, int | None] = {}
        self._visible: list[int] | None = None
        self._tick_runs: dict[int, list[int]] | None = None  # length -> starts of runs of backticks
        self._brackets: _BalancedWalk | None = None
        self._destinations: _BalancedWalk | None = None

    @property
    def brackets(self) -> _BalancedWalk:
        """Where the walk from an offset inside link text ends: at its ``]`` (or the text's end)."""
        if self._brackets is None:
            self._brackets = _BalancedWalk(self.text, "[", "]", stops="", code_spans=True)
        return self._brackets

    @property
    def destinations(self) -> _BalancedWalk:
        """Where a link destination from an offset ends: at its ``)``, a space or the text's end."""
        if self._destinations is None:
            self._destinations = _BalancedWalk(self.text, "(", ")", stops=" \t\n", code_spans=False)
        return self._destinations

    def first(self, closer: re.Pattern[str], offset: int) -> int | None:
        """Where the first match of ``closer`` at or after ``offset`` starts (None: there is none).
        ``closer`` never overlaps itself, so its matches found left to right are all of them."""
        starts = self._starts.get(closer)
        if starts is None:
            searched = self._searched.get(closer)
            if searched is None or offset >= searched[0]:
                if searched is not None and (searched[1] is None or offset <= searched[1]):
                    return searched[1]  # what the last search found is also the first from here
                found = closer.search(self.text, offset)
                self._searched[closer] = (offset, None if found is None else found.start())
                return self._searched[closer][1]
            starts = self._starts[closer] = [found.start() for found in closer.finditer(self.text)]
        index = bisect_left(starts, offset)
        return starts[index] if index < len(starts) else None

    def tick_run(self, length: int, after: int) -> int | None:
        """Where the first run of exactly ``length`` backticks (no backtick just before or after
        it) starting after ``after`` is, or None: the closer of a code span. Runs are found once."""
        if self._tick_runs is None:
            self._tick_runs = {}
            for run in _TICK_RUN.finditer(self.text):
                self._tick_runs.setdefault(run.end() - run.start(), []).append(run.start())
        starts = self._tick_runs.get(length, ())
        index = bisect_right(starts, after)
        return starts[index] if index < len(starts) else None

    def visible_length(self, start: int, end: int) -> int:
        """How many characters of ``text[start:end]`` are not whitespace: a reference label
        (whitespace collapsed, lowercased, which never shortens it) is at least that long."""
        if self._visible is None:
            self._visible = [0, *accumulate(not char.isspace() for char in self.text)]
        return self._visible[end] - self._visible[start]

    def attributes_after(self, offset: int) -> int | None:
        r"""Where ``(?:[ ]+ATTR)*[ ]*\}`` matched at ``offset`` ends, or None, as the expression's
        backtracking finds it: one more attribute first (each of its ends in order), else the
        closing brace. Remembered per offset, so no offset is worked out twice."""
        text, known = self.text, self._attributes_after
        todo = [offset]
        while todo:
            at = todo[-1]
            if at in known:
                todo.pop()
                continue
            spaces = _SPACES.match(text, at).end()
            following = _attribute_ends(text, spaces, self) if spaces > at else ()
            unknown = [end for end in following if end not in known]
            if unknown:
                todo.extend(unknown)
                continue
            found = next((known[end] for end in following if known[end] is not None), None)
            if found is None and text.startswith("}", spaces):
                found = spaces + 1
            known[at] = found
            todo.pop()
        return known[offset]


class _BalancedWalk:
    """Where a walk through ``text`` from an offset ends, nested ``opener``/``closer`` pairs counted
    and backslash escapes (and code spans, if asked) skipped: at the ``closer`` that balances its
    start, at one of the ``stops`` characters (at any depth) or at the end of the text.

    Every offset a walk passes at its own depth ends where the walk ends, and is remembered: the
    walks of all the ``[`` of a text read it once together (one walk per ``[``, each to its end,
    took 10 s on ``"[a " * 8000``). A stack of the offsets passed at each open depth replaces
    recursion, so deep nesting is fine.
    """

    def __init__(self, text: str, opener: str, closer: str, stops: str, code_spans: bool) -> None:
        self.text = text
        self.opener = opener
        self.closer = closer
        special = "\\" + opener + closer + stops + ("`" if code_spans else "")
        self._special = re.compile("[" + re.escape(special) + "]")
        self._ends: dict[int, int] = {}

    def end(self, start: int) -> int:
        """The offset of the balancing closer or of the stop, or ``len(text)``."""
        text, ends, length = self.text, self._ends, len(self.text)
        passed: list[list[int]] = [[]]  # offsets passed at each open depth, innermost last
        index = start
        while True:
            found = self._special.search(text, index)
            index = found.start() if found else length
            if index in ends:
                end = ends[index]
            elif index >= length:
                end = length
            else:
                char = text[index]
                passed[-1].append(index)
                if char == "\\":
                    index += 2
                    continue
                if char == "`":
                    index = _past_code_span(text, index)
                    continue
                if char == self.opener:
                    passed.append([])
                    index += 1
                    continue
                end = index  # the closer or a stop
            if end < length and text[end] == self.closer:  # the innermost depth is balanced
                for offset in passed.pop():
                    ends[offset] = end
                if not passed:
                    return end
                index = end + 1
                continue
            for depth in passed:  # a stop or the end of the text ends every depth
                for offset in depth:
                    ends[offset] = end
            return end


def _with_partner(piece: Piece, partner: int) -> Piece:
    return Piece(piece.kind, piece.start, piece.end, piece.text, piece.role, partner, piece.title)


def _pair_delimiters(pieces: list[Piece], delimiters: list[int]) -> list[Piece]:
    """Match emphasis/mark delimiters like Python-Markdown does for well-formed text (a
    delimiter's role, until then what it can do: "open", "close" or "openclose", becomes its
    role in a pair, or single).

    A delimiter that can close pairs with the nearest open one of the same characters; the
    rest stay protected as single pieces so a translation cannot move or drop them unseen.
    The open ones' depths are also kept by characters, so a closer finds its opener without
    searching the stack (thousands of openers never closed made that quadratic).
    """
    stack: list[int] = []
    depths: dict[str, list[int]] = {}  # characters -> depths in stack of open ones, innermost last
    partners: dict[int, int] = {}
    for index in delimiters:
        piece = pieces[index]
        same = depths.get(piece.text)
        if "close" in piece.role and same:
            depth = same[-1]
            opener = stack[depth]
            for above in stack[depth:]:  # closed or left unpaired inside this pair
                depths[pieces[above].text].pop()
            del stack[depth:]
            partners[opener] = index
            partners[index] = opener
        elif "open" in piece.role:
            depths.setdefault(piece.text, []).append(len(stack))
            stack.append(index)
    for index in delimiters:  # (in place: pieces is the scan's own list)
        piece = pieces[index]
        partner = partners.get(index, -1)
        role = SINGLE if partner < 0 else OPEN if partner > index else CLOSE
        pieces[index] = Piece(piece.kind, piece.start, piece.end, piece.text, role, partner)
    return pieces


def syntax_characters(text: str, start: int = 0) -> Iterator[tuple[int, str]]:
    """``(offset, character)`` of ``text`` from ``start``, skipping backslash escapes and inline
    code spans, so that scanners never take an escaped or quoted ``]`` or ``|`` for syntax."""
    index, length = start, len(text)
    while index < length:
        char = text[index]
        if char == "\\":
            index += 2
        elif char == "`":
            index = _past_code_span(text, index)
        else:
            yield index, char
            index += 1


def _past_code_span(text: str, index: int) -> int:
    """For a backtick run at ``index``: the offset just past its code span (or past the run when
    nothing closes it)."""
    run = _TICK_RUN.match(text, index).end()
    ticks = text[index:run]
    found = text.find(ticks, run)
    return found + len(ticks) if found >= 0 else run


def _find_link_close(text: str, start: int, context: InlineContext, ahead: _Ahead):
    """For a ``[`` or ``![`` at ``start``: where its link syntax closes, or None if not a link.

    Returns (offset of "]", end of the close piece, title span inside the close piece or None,
    whether the whole thing is a reference label to keep as one piece).
    """
    opening = start + (2 if text[start] == "!" else 1)
    bracket = _closing_bracket(text, opening, ahead)
    if bracket is None:
        return None
    following = text[bracket + 1 : bracket + 2]
    if following == "(":
        parsed = _parse_destination(text, bracket + 2, ahead)
        if parsed is None:
            return None
        close_end, title = parsed
        if title is not None:
            title = (title[0] - bracket, title[1] - bracket)
        return bracket, close_end, title, False
    if following == "[":
        label_end = text.find("]", bracket + 2)
        if label_end < 0 or "\n" in text[bracket + 2 : label_end]:
            return None
        whole = label_end == bracket + 2  # "[text][]": the text is the label
        return bracket, label_end + 1, None, whole
    if not context.references or ahead.visible_length(opening, bracket) > _longest(context.references):
        return None  # (nested brackets' labels, each re-read by its "[", would be quadratic)
    label = " ".join(text[opening:bracket].split()).lower()
    if label in context.references:
        return bracket, bracket + 1, None, True
    return None


@lru_cache(maxsize=64)
def _longest(labels: frozenset[str]) -> int:
    return max(map(len, labels))


def _closing_bracket(text: str, opening: int, ahead: _Ahead) -> int | None:
    """The ``]`` that closes the ``[`` just before ``opening`` (nested pairs count, and the walk
    is :func:`syntax_characters`'s: escapes and code spans skipped), or None."""
    end = ahead.brackets.end(opening)
    return end if end < len(text) else None


def _parse_destination(text: str, index: int, ahead: _Ahead) -> tuple[int, tuple[int, int] | None] | None:
    """Parse ``url "title")`` from ``index`` (just after "(") the way Python-Markdown does: the
    url ends at a space or at the ``)`` that balances the ``(`` (escapes skipped), the title at
    the first quote like its opening one followed by ``)`` (spaces between allowed)."""
    length = len(text)
    while index < length and text[index] in " \t\n":
        index += 1
    if index < length and text[index] == "<":
        end = ahead.first(_ANGLE_END, index)
        if end is None:
            return None
        index = end + 1
    else:
        index = ahead.destinations.end(index)
    while index < length and text[index] in " \t\n":
        index += 1
    title = None
    if index < length and text[index] in "\"'":
        end = ahead.first(_TITLE_END[text[index]], index + 1)
        if end is None:
            return None
        title = (index + 1, end)
        index = end + 1
        while index < length and text[index] in " \t\n":
            index += 1
    if index < length and text[index] == ")":
        return index + 1, title
    return None


def _verbatim_element_end(text: str, start: int, end: int) -> int | None:
    """When the tag ``text[start:end]`` opens an element whose text the judge keeps verbatim
    (``<code>``, ``<dfn translate="no">``...: :func:`~bilingue.markdown.verbatim.is_verbatim`),
    the end of that element: after its closing tag (nested elements of its name counted), or
    the end of ``text`` when nothing closes it (the rendered block ends it there). Else None.

    One forward search from ``end``; the scan goes on after the element, so a block's text is
    read once whatever its tags.
    """
    tag = text[start:end]
    name = _TAG_NAME.match(tag)
    if name is None or tag.endswith("/>"):  # a closing tag, or an element without content
        return None
    lowered = name.group(1).lower()
    if lowered in VOID_TAGS or not opens_verbatim(lowered, tag):
        return None
    depth = 1
    for found in _same_name_tags(lowered).finditer(text, end):
        depth += -1 if found.group("closing") else 1
        if not depth:
            return found.end()
    return len(text)


@lru_cache(maxsize=64)
def _same_name_tags(name: str) -> re.Pattern[str]:
    """Opening and closing tags named ``name`` (any case); only their start is read, so a ``<``
    without its ``>`` costs nothing."""
    escaped = re.escape(name)
    return re.compile(rf"(?P<closing></{escaped}\s*>)|<{escaped}(?=[\s/>])", re.IGNORECASE)


def _tag_title(tag: str) -> tuple[int, int] | None:
    """The first prose attribute value of an HTML tag (``<abbr title="...">``): translated."""
    found = prose_attributes(tag)
    return (found[0][2], found[0][3]) if found else None


def _strip_tags(text: str) -> str:
    return re.sub(r"<[^>]*>", "", text)


@lru_cache(maxsize=64)
def _compile(terms: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = list(_ALTERNATIVES)
    terms = sorted({term for term in terms if term.strip()}, key=len, reverse=True)
    if terms:
        joined = "|".join(re.escape(term) for term in terms)
        # after code/HTML/URLs (leftmost wins anyway), before emphasis and plain brackets
        alternatives.insert(_TERM_SLOT, ("term", _TERM_BEFORE + f"(?:{joined})" + _TERM_AFTER))
    return re.compile("|".join(f"(?P<{name}>{regex})" for name, regex in alternatives))


@lru_cache(maxsize=64)
def _compile_candidates(terms: tuple[str, ...], hard_break: bool, url: bool, email: bool) -> re.Pattern[str]:
    starts = r"[`<\\$&+\[\]{:!*_=]"
    if hard_break:
        starts += r"| {2,}\n"
    if url:
        starts += r"|\b(?:https?|ftp)://"
    if email:
        starts += r"|(?<![\w.+\-])[\w.+\-]+@"
    terms = sorted({term for term in terms if term.strip()}, key=len, reverse=True)
    if terms:
        starts += "|" + _TERM_BEFORE + "(?:" + "|".join(re.escape(term) for term in terms) + ")"
    return re.compile(starts)


# A term stands alone: no letter, digit or hyphen next to it; an emphasis underscore may touch it
# (Python-Markdown finds abbreviations in the text *inside* `_l'ONU_`), an intra-word one not.
_TERM_BEFORE = r"(?<![^\W_])(?<!-)(?<!\w_)"
_TERM_AFTER = r"(?![^\W_]|-|_\w)"
# Closers looked up by _Ahead (none of them can overlap itself)
_COMMENT_END = re.compile("-->")
_MATH_END = re.compile(r"\\\)")
_FOOTNOTE_END = re.compile(r"[\]\s]")  # a footnote label runs to "]", without spaces
_ANGLE_END = re.compile(">")
_TITLE_END = {quote: re.compile(quote + r"[ \t\n]*\)") for quote in "\"'"}
_TICK_RUN = re.compile("`+")
# One attribute of an attribute list, in parts (_attribute_ends)
_SPACES = re.compile("[ ]*")
_ATTR_WORD = re.compile(r"[#.][\w-]+")
_ATTR_KEY = re.compile(r"[\w-]+=")
_ATTR_QUOTED = re.compile(r""""[^"\n]*"|'[^'\n]*'""")
_BARE_VALUE_END = re.compile(r"[\s}]")  # a bare value is "[^\s}]+"
_TAG_NAME = re.compile(r"<([A-Za-z][A-Za-z0-9\-]*)")
_KEY = r"""(?:[\w\-]+|"(?:\\.|[^"\\\n])+")"""
_ALTERNATIVES: list[tuple[str, str]] = [
    ("backtick", r"`+"),
    # code spans, comments, "\\(" math, footnote references, attribute lists: _closed_opener
    ("autolink", r"<(?:[A-Za-z][A-Za-z0-9+.\-]{1,31}:[^<>\s]*|[^<>\s@]+@[^<>\s@]+\.[^<>\s@]+)>"),
    (
        "tag",
        r"</?[A-Za-z][A-Za-z0-9\-]*(?:\s+[A-Za-z_:][\w:.\-]*"
        r"(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?)*\s*/?>",
    ),
    ("math", r"(?<!\\)\$(?!\s)(?:\\.|[^\\$])+?(?<!\s)\$"),
    ("hardbreak", r"[ ]{2,}\n"),
    ("escape", r"\\[\s\S]"),
    # Python-Markdown's ENTITY_RE: `&T;` in `AT&T;` is an entity to it, so it is one here
    ("entity", r"&(?:#[0-9]+|#x[0-9a-fA-F]+|[a-zA-Z0-9]+);"),
    ("keys", rf"\+\+{_KEY}(?:\+{_KEY})*\+\+"),
    ("emoji", r"(?<![\w:]):[+\-\w]+:(?![\w:])"),
    (
        "url",
        r"\b(?:https?|ftp)://(?:[^\s<>\[\]()]|\([^\s<>\[\]()]*\))*"
        r"(?:[^\s<>\[\]().,;:!?'\"»*_]|\([^\s<>\[\]()]*\))",
    ),
    ("email", r"(?<![\w.+\-])[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+(?<![.\-])"),
    ("open", r"!?\["),
    ("close", r"\]"),
    ("delim", r"\*+|_+|=="),
]
_TERM_SLOT = len(_ALTERNATIVES) - 3
_GROUP_KIND = {
    "backtick": BACKTICK,
    "autolink": AUTOLINK,
    "tag": HTML_TAG,
    "math": MATH,
    "hardbreak": HARD_BREAK,
    "escape": ESCAPE,
    "entity": ENTITY,
    "keys": KEYS,
    "emoji": EMOJI,
    "url": URL,
    "email": EMAIL,
    "term": TERM,
}
_EMPTY = InlineContext()
