"""Undo the damage translation services are known to do to masked prose.

Each function fixes one documented pattern and is safe to apply to an intact string (it then
changes nothing). :func:`repair` chains them; the caller still validates the result, so a repair
can never hide a broken block: it only turns some failures into successes.

Patterns (see the anchors' research: rival tools' trackers):
- spaces, case or width changes inside tags: ``< m1 >``, ``</ M1>``, ``＜m1＞``, ``&lt;m1&gt;``;
- a standalone tag written as a pair or an open tag (``<m2></m2>``, ``<m2>``);
- duplicated tags (the service repeats a tag);
- eaten tags at the start or end of the string (a footnote reference after the last word);
- spaces moved inside emphasis (``** bold**``): ``<m1> bold</m1>`` -> `` <m1>bold</m1>``;
- a raw ``|`` written into a table cell (it would split the cell): escaped as ``\\|``;
- newly introduced Markdown characters in prose (``*``, ``_``, backticks...): escaped.
"""

from __future__ import annotations

import re

from bilingue.markdown.mask import TOKEN, Masked


def repair(masked: Masked, translated: str) -> str:
    """Apply every tag repair to ``translated`` (a service's answer for ``masked.text``)."""
    text = normalize_tags(translated)
    text = fix_tag_roles(masked, text)
    text = drop_duplicate_tags(masked, text)
    text = restore_edge_tags(masked, text)
    return move_spaces_out_of_pairs(masked, text)


def normalize_tags(text: str) -> str:
    """``< M1 / >``, ``&lt;m1&gt;``, ``＜m1＞`` and friends back to the canonical spelling."""
    return _LOOSE_TAG.sub(_canonical, text)


def fix_tag_roles(masked: Masked, text: str) -> str:
    """A standalone tag sent as ``<m2/>`` and returned as ``<m2>``, ``</m2>`` or ``<m2></m2>``."""
    singles = {token[2:-2] for token in masked.order if token.endswith("/>")}
    if not singles:
        return text
    text = re.sub(
        r"<m(\d+)></m\1>", lambda m: f"<m{m.group(1)}/>" if m.group(1) in singles else m.group(0), text
    )

    def fix(match: re.Match[str]) -> str:
        return f"<m{match.group(2)}/>" if match.group(2) in singles else match.group(0)

    return TOKEN.sub(fix, text)


def drop_duplicate_tags(masked: Masked, text: str) -> str:
    """Keep the first occurrence of each expected tag; a pair repeated with its words goes once."""
    text = _REPEATED_PAIR.sub(r"\1", text)
    seen: set[str] = set()

    def keep(match: re.Match[str]) -> str:
        token = match.group(0)
        if token in seen and token in masked.tokens:
            return ""
        seen.add(token)
        return token

    return TOKEN.sub(keep, text)


def restore_edge_tags(masked: Masked, text: str) -> str:
    """Put back standalone tags the service dropped from the very start or end of the string.

    Only where the source had them at that edge (give or take spaces and final punctuation), e.g.
    a footnote reference after the last word: ``mot.<m3/>`` translated as ``word.``.
    """
    present = {match.group(0) for match in TOKEN.finditer(text)}
    missing = [token for token in masked.order if token not in present]
    if not missing:
        return text
    source = masked.text
    for token in missing:
        if not token.endswith("/>"):
            continue
        before, _, after = source.partition(token)
        if not TOKEN.sub("", after).strip(_EDGE):
            trailing = TOKEN.sub("", after)
            stripped = text.rstrip()
            if trailing.strip() and stripped.endswith(trailing.strip()):
                cut = len(stripped) - len(trailing.strip())
                text = stripped[:cut] + token + stripped[cut:] + text[len(stripped) :]
            else:
                text = stripped + token + text[len(stripped) :]
        elif not TOKEN.sub("", before).strip(_EDGE):
            leading = len(text) - len(text.lstrip())
            text = text[:leading] + token + text[leading:]
    return text


def move_spaces_out_of_pairs(masked: Masked, text: str) -> str:
    """``<m1> gras </m1>`` -> `` <m1>gras</m1> `` (``** bold**`` renders as literal stars).

    A space moved out of a closing tag is dropped before punctuation (``bold ,`` would read badly).
    """

    def opening(match: re.Match[str]) -> str:
        before = match.string[match.start() - 1 : match.start()]
        return (" " if before and not before.isspace() else "") + match.group(1)

    def closing(match: re.Match[str]) -> str:
        after = match.string[match.end() : match.end() + 1]
        return match.group(1) + (" " if after and (after.isalnum() or after in "(<‘“[") else "")

    text = re.sub(r"(<m\d+>)[ \u00a0]+", opening, text)
    return re.sub(r"[ \u00a0]+(</m\d+>)", closing, text)


def escape_table_pipes(text: str) -> str:
    """A ``|`` in a translated table cell would start a new cell: escape it (tags untouched)."""
    return _map_runs(text, lambda run: re.sub(r"(?<!\\)\|", r"\\|", run))


def escape_new_markup(masked: Masked, text: str) -> str:
    """Escape Markdown characters the service added to the prose (they would become markup).

    Only characters that appear in the translation's prose runs more often than in the
    source's are escaped, so literal characters the author wrote are left alone.
    """
    source_runs = "".join(TOKEN.split(masked.text)[::4])
    target_runs = "".join(TOKEN.split(text)[::4])
    risky = [char for char in "*_`[]=$+<:&\\" if target_runs.count(char) > source_runs.count(char)]
    if not risky:
        return text

    def escape(run: str) -> str:
        for char in risky:
            if char == "\\":
                continue
            if char in "<&":
                run = run.replace(char, {"<": "&lt;", "&": "&amp;"}[char])
            elif char == ":":
                run = re.sub(r":(?=[+\-\w]+:)", r"&#58;", run)
            else:
                run = run.replace(char, "\\" + char)
        return run

    return _map_runs(text, escape)


def _map_runs(text: str, change) -> str:
    parts = TOKEN.split(text)
    out: list[str] = []
    for number in range(0, len(parts), 4):
        out.append(change(parts[number]))
        if number + 3 < len(parts):
            out.append("<" + parts[number + 1] + "m" + parts[number + 2] + parts[number + 3] + ">")
    return "".join(out)


def _canonical(match: re.Match[str]) -> str:
    return f"<{'/' if match.group(1) else ''}m{match.group(2)}{'/' if match.group(3) else ''}>"


_REPEATED_PAIR = re.compile(r"(<m(\d+)>[^<]*</m\2>)(?:\s*\1)+")
_EDGE = " \t\u00a0.,;:!?…)»”\"'’"
_LOOSE_TAG = re.compile(r"(?:<|＜|&lt;|‹)\s*(/)?\s*[mMｍＭ]\s*(\d+)\s*(/)?\s*(?:>|＞|&gt;|›)")
