"""Block-by-block comparison of a French document and its translation.

Two documents agree when they have the same blocks (kinds, nesting, heading levels, list and
admonition markers, table shape, footnote/reference/abbreviation labels), the same protected
blocks byte for byte (code, math, raw HTML, comments), in every prose block the same protected
pieces in the same order (inline code, link and image targets, footnote references, tags, keys,
emoji, terms...), the same heading ids, and the same front matter apart from translated values.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from bilingue.markdown import model as m
from bilingue.markdown.headings import explicit_id, heading_ids, without_added_id
from bilingue.markdown.inline import ATTR_LIST, ESCAPE, Piece

#: front-matter keys only a translation may have (a translator's note on where it came from)
ENGLISH_ONLY_KEYS: tuple[str, ...] = ("translation",)


@dataclass(frozen=True)
class Difference:
    """One disagreement; lines are 1-based file lines (None when the block is absent)."""

    source_line: int | None
    target_line: int | None
    message: str
    source_blocks: tuple[int, ...] = ()  # indexes in the source document's blocks involved

    def describe(self, source_path: str = "FR", target_path: str = "EN") -> str:
        """``FR:line / EN:line: what differs``, naming the two files."""
        where = []
        if self.source_line is not None:
            where.append(f"{source_path}:{self.source_line}")
        if self.target_line is not None:
            where.append(f"{target_path}:{self.target_line}")
        return f"{' / '.join(where) or target_path}: {self.message}"


def compare_documents(
    source: m.Document,
    target: m.Document,
    translated_keys: tuple[str, ...] | None = None,
    ignored_keys: tuple[str, ...] = ENGLISH_ONLY_KEYS,
) -> list[Difference]:
    """Every difference between ``source`` and its translation ``target`` (empty: they agree).

    ``translated_keys``: front-matter keys whose values may differ (default: those the source
    document exposed as blocks); ``ignored_keys`` may exist only in the translation.
    """
    differences = _compare_front_matter(source, target, translated_keys, ignored_keys)
    source_blocks = [b for b in source.blocks if b.kind != m.FRONT_MATTER]
    target_blocks = [b for b in target.blocks if b.kind != m.FRONT_MATTER]
    source_index = {id(block): index for index, block in enumerate(source.blocks)}
    source_ids = heading_ids(source)
    target_ids = heading_ids(target)
    target_index = {id(block): index for index, block in enumerate(target.blocks)}
    signatures_a = [_signature(source, b) for b in source_blocks]
    signatures_b = [_signature(target, b) for b in target_blocks]
    for tag, a1, a2, b1, b2 in _opcodes(signatures_a, signatures_b):
        if tag == "equal":
            for a, b in zip(source_blocks[a1:a2], target_blocks[b1:b2], strict=True):
                differences.extend(
                    _compare_pair(
                        a,
                        b,
                        source_index[id(a)],
                        source_ids.get(source_index[id(a)]),
                        target_ids.get(target_index[id(b)]),
                    )
                )
            continue
        difference = _structure_difference(tag, source_blocks[a1:a2], target_blocks[b1:b2], source_index)
        if difference.source_line is None and a1 > 0:  # an insertion: say what it follows
            difference = Difference(
                None,
                difference.target_line,
                difference.message + f" (after source line {source_blocks[a1 - 1].end_line})",
                difference.source_blocks,
            )
        differences.append(difference)
    return differences


def align_blocks(source: m.Document, target: m.Document) -> dict[int, int]:
    """Source block index -> target block index, for blocks whose structure corresponds.

    Front-matter blocks pair by key; other blocks by their structural signature (kind, depth,
    level, markers, labels...), in order, as the validator pairs them. Blocks in a part of the
    file whose structure differs are left out. Lets a translation memory find, in an English
    file a human may have edited, the English text of each French block.
    """
    pairs: dict[int, int] = {}
    target_keys = {b.meta.get("key"): i for i, b in enumerate(target.blocks) if b.kind == m.FRONT_MATTER}
    for index, block in enumerate(source.blocks):
        if block.kind == m.FRONT_MATTER and block.meta.get("key") in target_keys:
            pairs[index] = target_keys[block.meta.get("key")]
    source_body = [i for i, b in enumerate(source.blocks) if b.kind != m.FRONT_MATTER]
    target_body = [i for i, b in enumerate(target.blocks) if b.kind != m.FRONT_MATTER]
    signatures_a = [_signature(source, source.blocks[i]) for i in source_body]
    signatures_b = [_signature(target, target.blocks[i]) for i in target_body]
    for tag, a1, a2, b1, b2 in _opcodes(signatures_a, signatures_b):
        if tag == "equal":
            pairs.update(zip(source_body[a1:a2], target_body[b1:b2], strict=True))
    return pairs


def _opcodes(signatures_a: list[tuple], signatures_b: list[tuple]) -> list[tuple]:
    if signatures_a == signatures_b:  # the usual case, and linear: no alignment needed
        return [("equal", 0, len(signatures_a), 0, len(signatures_b))]
    return difflib.SequenceMatcher(None, signatures_a, signatures_b, autojunk=False).get_opcodes()


def _signature(document: m.Document, block: m.Block) -> tuple:
    """What must be identical for two blocks to correspond."""
    meta = block.meta
    parts: list[object] = [block.depth, block.kind]
    if block.kind == m.HEADING:
        parts.append(meta.get("level"))
    elif block.kind == m.LIST_ITEM:
        marker = str(meta.get("marker", ""))
        parts += ["ordered" if marker[:1].isdigit() else "bullet", meta.get("task")]
    elif block.kind in (m.ADMONITION, m.TAB):
        parts += [meta.get("marker"), meta.get("type")]
    elif block.kind == m.TABLE_CELL:
        parts += [meta.get("row"), meta.get("column")]
    elif block.kind in (m.FOOTNOTE, m.REFERENCE):
        parts += [meta.get("label"), meta.get("url")]
    elif block.kind == m.ABBREVIATION:
        parts.append(meta.get("term"))
    elif block.kind in _PROTECTED_BLOCKS:  # byte for byte, apart from the prose inside (titles...)
        parts.append(_normalized_raw(str(meta.get("skeleton", block.raw))))
    elif block.kind == m.ATTRIBUTE:
        parts.append(meta.get("name"))
    elif block.kind == m.HTML_MARKDOWN:
        parts.append(meta.get("tag"))
    return tuple(parts)


def _compare_pair(
    source: m.Block, target: m.Block, index: int, source_id: str | None, target_id: str | None
) -> list[Difference]:
    out: list[Difference] = []
    if source.kind in m.PROSE_KINDS and not source.is_plain_text:
        expected = comparable_pieces(source.inline.pieces, False)
        found = comparable_pieces(
            target.inline.pieces, source.kind == m.HEADING and explicit_id(source.inline) is None
        )
        if expected != found:
            out.append(
                Difference(
                    source.text_line(),
                    target.text_line(),
                    f"{source.kind}: {_describe_pieces(expected, found)}",
                    (index,),
                )
            )
    if source.kind in m.PROSE_KINDS and bool(source.text.strip()) != bool(target.text.strip()):
        out.append(
            Difference(
                source.text_line(),
                target.text_line(),
                f"{source.kind}: text is empty on one side only",
                (index,),
            )
        )
    if source.verbatim and source.has_prose and source.text != target.text:
        out.append(
            Difference(
                source.text_line(),
                target.text_line(),
                f"{source.kind}: inside a do-not-translate element, the text must stay as written",
                (index,),
            )
        )
    if source.kind == m.HEADING and source_id != target_id:
        out.append(
            Difference(
                source.line,
                target.line,
                f"heading id differs: #{source_id} vs #{target_id} (add "
                f"{{ #{source_id} }} at the end of the English heading)",
                (index,),
            )
        )
    if source.kind == m.HTML_MARKDOWN and _normalized_raw(_first_line(source.raw)) != _normalized_raw(
        _first_line(target.raw)
    ):
        out.append(Difference(source.line, target.line, "HTML tag line differs", (index,)))
    return out


def comparable_pieces(pieces: tuple[Piece, ...], drop_added_id: bool = False) -> list[str]:
    """Piece texts a translation must keep, in order.

    Link titles and prose attributes of tags are blanked (they are translated), backslash
    escapes skipped (a literal character, never structure), and with ``drop_added_id`` the
    ``#id`` the translator adds to a heading's attribute list is removed (heading ids are
    compared on their own).
    """
    out: list[str] = []
    for piece in pieces:
        if piece.kind == ESCAPE:
            continue  # renders one literal character: never structure (translators add some)
        text = piece.text
        if piece.title:
            text = text[: piece.title[0]] + "…" + text[piece.title[1] :]
        out.append(text)
    if drop_added_id and pieces and pieces[-1].kind == ATTR_LIST:
        # the translator's own { #french-id }: checked through the heading ids instead
        out[-1] = without_added_id(out[-1])
        if not out[-1]:
            out.pop()
    return out


def _describe_pieces(expected: list[str], found: list[str]) -> str:
    problems: list[str] = []
    matcher = difflib.SequenceMatcher(None, expected, found, autojunk=False)
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag in ("delete", "replace"):
            problems.append("missing " + ", ".join(f"`{p}`" for p in expected[a1:a2]))
        if tag in ("insert", "replace"):
            problems.append("unexpected " + ", ".join(f"`{p}`" for p in found[b1:b2]))
    if not problems or sorted(expected) == sorted(found):
        return "protected pieces are in a different order"
    return "protected pieces differ: " + "; ".join(problems)


def _structure_difference(
    tag: str, source: list[m.Block], target: list[m.Block], index: dict[int, int]
) -> Difference:
    def names(blocks: list[m.Block]) -> str:
        shown = ", ".join(f"{b.kind} (line {b.line})" for b in blocks[:3])
        return shown + (f" and {len(blocks) - 3} more" if len(blocks) > 3 else "")

    source_line = source[0].line if source else None
    target_line = target[0].line if target else None
    involved = tuple(index[id(block)] for block in source)
    if tag == "delete":
        message = f"missing in the translation: {names(source)}"
    elif tag == "insert":
        message = f"not in the source: {names(target)}"
    elif len(source) == len(target) == 1 and source[0].kind == target[0].kind:
        changed = [
            f"{key} `{source[0].meta.get(key)}` became `{target[0].meta.get(key)}`"
            for key in sorted(set(source[0].meta) | set(target[0].meta))
            if key != "text_line" and source[0].meta.get(key) != target[0].meta.get(key)
        ]
        if source[0].depth != target[0].depth:
            changed.append(f"nesting depth {source[0].depth} became {target[0].depth}")
        message = f"{source[0].kind}: " + ("; ".join(changed) or "protected content differs")
    else:
        message = f"structure differs: source has {names(source)}, translation has {names(target)}"
    return Difference(source_line, target_line, message, involved)


def _compare_front_matter(
    source: m.Document,
    target: m.Document,
    translated_keys: tuple[str, ...] | None,
    ignored_keys: tuple[str, ...],
) -> list[Difference]:
    if translated_keys is None:
        translated_keys = tuple(str(b.meta["key"]) for b in source.blocks if b.kind == m.FRONT_MATTER)
    # any front-matter difference involves the translated values (the only ones that change)
    involved = tuple(i for i, b in enumerate(source.blocks) if b.kind == m.FRONT_MATTER)
    out: list[Difference] = []
    for key, value in source.meta.items():
        if key not in target.meta:
            out.append(Difference(1, 1, f"front matter: key `{key}` is missing", involved))
        elif key not in translated_keys and target.meta[key] != value:
            out.append(
                Difference(
                    1,
                    1,
                    f"front matter: `{key}` must stay as in the source "
                    f"({value!r}, found {target.meta[key]!r})",
                    involved,
                )
            )
    for key in target.meta:
        if key not in source.meta and key not in ignored_keys:
            out.append(Difference(None, 1, f"front matter: key `{key}` is not in the source", involved))
    return out


def _normalized_raw(raw: str) -> str:
    """Protected block text without container prefixes (indentation, ``>``) for comparison."""
    return "\n".join(_PREFIX.sub("", line) for line in raw.split("\n"))


def _first_line(raw: str) -> str:
    return raw.split("\n", 1)[0]


_PREFIX = re.compile(r"^[ \t>]*")
_PROTECTED_BLOCKS = frozenset({m.CODE, m.MATH, m.HTML, m.COMMENT, m.TOC})
