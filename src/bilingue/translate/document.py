"""French Markdown file + provider -> English Markdown file, checked block by block.

For every prose block: mask it (``<m1>…</m1>`` tags for markup), send all blocks in one call
(identical strings once), restore, repair known damage, apply the typography pass, give the
heading its French id, and check that the block's protected pieces came back intact. A block
that fails is translated again piece by piece (the prose runs between tags, tags kept in their
source order); if that still fails it keeps its French text and is reported. Finally the whole
English document is parsed and compared with the French one; any block the comparison blames
goes back to French. The result never contains a broken block.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from bilingue.errors import BilingueError, SourceFileError
from bilingue.markdown import (
    Block,
    Difference,
    Document,
    HtmlDifference,
    Masked,
    MaskError,
    comparable_pieces,
    compare_documents,
    compare_structures,
    english_typography,
    escape_new_markup,
    escape_table_pipes,
    explicit_id,
    heading_ids,
    heading_slug,
    html_structure,
    join_runs,
    kinds,
    mask,
    parse_document,
    repair,
    scan_inline,
    slugify,
    split_runs,
    unmask,
)
from bilingue.markdown import with_heading_id as _with_id
from bilingue.providers import Provider, UntranslatedError
from bilingue.safety import new_markup
from bilingue.translate.options import TranslateOptions

#: what the markup check says of a service's answer whose tags cannot be restored
MARKUP_DAMAGED = "markup damaged"

#: what happened to a block that could not be translated whole
PIECEWISE = "translated piece by piece"
KEPT_SOURCE = "kept in French"


@dataclass(frozen=True)
class BlockIssue:
    """A block that needed a fallback; ``line`` is its line in the French file."""

    line: int
    kind: str
    action: str  # PIECEWISE or KEPT_SOURCE
    reason: str

    def describe(self, path: str = "") -> str:
        """``file:line: what happened`` for the command's report."""
        where = f"{path}:{self.line}" if path else f"line {self.line}"
        return f"{where}: {self.kind} {self.action} ({self.reason})"


@dataclass
class TranslationResult:
    """A translated document: the English file, and what happened to each block."""

    text: str  # the English Markdown file
    source: Document
    translations: dict[int, str]  # source block index -> English prose actually used
    issues: list[BlockIssue] = field(default_factory=list)
    requests: int = 0  # provider calls made
    characters: int = 0  # characters sent


def translate_document(
    text: str, provider: Provider, *, path: str = "<text>", options: TranslateOptions | None = None
) -> TranslationResult:
    """The English version of a French Markdown file (see the module docstring)."""
    options = options or TranslateOptions()
    document = parse_document(
        text, path=path, terms=options.glossary, front_matter_keys=options.front_matter_keys
    )
    result = TranslationResult(text, document, {})
    translations = translate_blocks(document, provider, options=options, result=result)
    result.text, result.translations = assemble(document, translations, options, result.issues)
    return result


def translate_blocks(
    document: Document,
    provider: Provider,
    indexes: Iterable[int] | None = None,
    *,
    options: TranslateOptions | None = None,
    result: TranslationResult | None = None,
) -> dict[int, str]:
    """English prose for the given prose blocks (all of them by default): index -> text.

    Blocks whose translation is identical to the source are left out. Fallbacks are recorded
    in ``result.issues`` when a result is given.
    """
    options = options or TranslateOptions()
    result = result or TranslationResult(document.source, document, {})
    if indexes is None:
        indexes = [i for i, block in enumerate(document.blocks) if block.translatable]
    jobs = [_Job(i, document.blocks[i]) for i in indexes if document.blocks[i].translatable]
    ids = heading_ids(document)
    check = _markup_check(jobs, options)
    answers = _call(provider, [unit for job in jobs for unit in job.units()], options, result, check)
    failed: list[_Job] = []
    out: dict[int, str] = {}
    for job in jobs:
        job.answers = [answers[unit] for unit in job.units()]
        english, reason = _finish(job, options, ids)
        if english is None:
            job.reason = reason
            failed.append(job)
        elif english != job.block.text:
            out[job.index] = english
    if failed:
        runs = [run for job in failed for run in job.piece_units()]
        answers = _call(provider, runs, options, result)
        for job in failed:
            english = _finish_piecewise(job, answers, options, ids)
            if english is None:
                result.issues.append(
                    BlockIssue(job.block.text_line(), job.block.kind, KEPT_SOURCE, job.reason)
                )
                continue
            result.issues.append(BlockIssue(job.block.text_line(), job.block.kind, PIECEWISE, job.reason))
            if english != job.block.text:
                out[job.index] = english
    return out


def assemble(
    document: Document,
    translations: dict[int, str],
    options: TranslateOptions | None = None,
    issues: list[BlockIssue] | None = None,
) -> tuple[str, dict[int, str]]:
    """Put translations into the document; blocks the final checks blame go back to French.

    The checks: the English file parsed again must match the French block by block (the
    model), then render like it with the site's Markdown configuration (the judge). Returns
    (English file text, translations actually kept).
    """
    options = options or TranslateOptions()
    kept = dict(translations)
    judge = _Judge(document, options)
    while True:
        text = document.replace_texts(kept)
        if not kept:
            return text, kept
        differences = _model_differences(text, document, options)
        reasons: dict[int, str] = {}  # each blamed block kept: the first difference that names it
        for difference in differences:
            for index in difference.source_blocks:
                if index in kept:
                    reasons.setdefault(index, difference.message)
        blamed = set(reasons)
        if not differences:
            blamed, reason = judge.culprits(kept)
            if not blamed:
                return text, kept
            reasons = dict.fromkeys(blamed, reason)
        if not blamed:  # nothing attributable: never ship a broken file, keep it all French
            blamed = set(kept)
        for index in blamed:
            del kept[index]
            if issues is not None:
                block = document.blocks[index]
                reason = reasons.get(index, "the translated file did not match the source")
                issues.append(BlockIssue(block.text_line(), block.kind, KEPT_SOURCE, reason))


def _model_differences(text: str, document: Document, options: TranslateOptions) -> list[Difference]:
    try:
        translated = _reparse(text, document, options)
    except SourceFileError as error:  # e.g. a front-matter value that broke the YAML
        involved = tuple(i for i, b in enumerate(document.blocks) if b.kind == kinds.FRONT_MATTER)
        return [Difference(error.line, error.line, error.problem, involved)]
    return compare_documents(document, translated, translated_keys=options.front_matter_keys)


class _Judge:
    """The site's renderer on a French document and candidate translations of it: which
    translated block makes the page render differently. Found by halving: the shortest run of
    translated blocks, in file order, whose page differs ends with it (a few renders for a file
    with a bad block, not one per block); ``assemble`` asks again until the page is the same."""

    def __init__(self, document: Document, options: TranslateOptions):
        self.document = document
        self.options = options
        self._french: list | None = None

    def culprits(self, kept: dict[int, str]) -> tuple[set[int], str]:
        found = self._difference(kept)
        if found is None:
            return set(), ""
        order = sorted(kept)
        low, high = 0, len(order) - 1  # the blocks order[: high + 1] change the page
        while low < high:
            middle = (low + high) // 2
            difference = self._difference({i: kept[i] for i in order[: middle + 1]})
            if difference is None:
                low = middle + 1
            else:
                high, found = middle, difference
        return {order[high]}, found.describe()

    def _difference(self, translations: dict[int, str]) -> HtmlDifference | None:
        renderer = self.options.renderer()
        if self._french is None:
            self._french = html_structure(renderer.render(self.document.source))
        english = html_structure(renderer.render(self.document.replace_texts(translations)))
        return compare_structures(self._french, english)


# --- one block --------------------------------------------------------------------------------


class _Job:
    def __init__(self, index: int, block: Block):
        self.index = index
        self.block = block
        self.masked: Masked | None = None if block.is_plain_text else mask(block.inline)
        self.answers: list[str] = []
        self.reason = ""

    def units(self) -> list[str]:
        if self.masked is None:
            return _plain_units(self.block)
        return [self.masked.text, *self.masked.titles]

    def piece_units(self) -> list[str]:
        if self.masked is None:
            return _plain_units(self.block)
        return [run for run in split_runs(self.masked) if _worth_sending(run)] + list(self.masked.titles)


def _finish(job: _Job, options: TranslateOptions, ids: dict[int, str]) -> tuple[str | None, str]:
    """The checked English prose for a block from the service's answers, or (None, why not)."""
    block, masked = job.block, job.masked
    if masked is None:
        return _plain_text(block, job.answers, options)
    answer, titles = job.answers[0], job.answers[1:]
    if answer is None:
        return None, "every service damaged the markup"
    if answer == masked.text and titles == list(masked.titles):
        return block.text, ""  # nothing to translate (names, numbers) or an identity provider
    reason = "tags not returned"
    for candidate in (answer, repair(masked, answer)):
        english, reason = _restore(block, masked, candidate, titles, options)
        if english is not None:
            return _heading_id(job, english, ids), ""
    return None, reason


def _finish_piecewise(
    job: _Job, answers: dict[str, str], options: TranslateOptions, ids: dict[int, str]
) -> str | None:
    block, masked = job.block, job.masked
    if masked is None:
        return _plain_text(block, [answers[unit] for unit in _plain_units(block)], options)[0]
    runs = [
        _keep_outer_space(run, answers[run]) if _worth_sending(run) else run for run in split_runs(masked)
    ]
    titles = [answers[title] for title in masked.titles]
    english, _ = _restore(block, masked, join_runs(masked, runs), titles, options)
    return None if english is None else _heading_id(job, english, ids)


def _restore(
    block: Block, masked: Masked, candidate: str, titles: list[str], options: TranslateOptions
) -> tuple[str | None, str]:
    if options.typography:
        candidate = english_typography(candidate, block.text, masked)
        titles = [english_typography(title, block.text) for title in titles]
    if block.kind == kinds.TABLE_CELL:
        candidate = escape_table_pipes(candidate)
    for source_title, title in zip(masked.titles, titles, strict=True):
        if problem := _plain_problem(source_title, title):
            return None, f"link title: {problem}"
    try:
        english = unmask(masked, candidate, titles).strip()
    except MaskError as error:
        return None, str(error)
    english = _keep_line_break(block, english)
    problem = _check(block, english, options)
    if problem:
        escaped = escape_new_markup(masked, candidate)
        if escaped != candidate:
            english = _keep_line_break(block, unmask(masked, escaped, titles).strip())
            problem = _check(block, english, options)
    return (None, problem) if problem else (english, "")


def _check(block: Block, english: str, options: TranslateOptions) -> str:
    """Why ``english`` cannot replace the block's prose ("" when it can).

    Besides the model's checks, the block's prose alone is rendered with the site's Markdown
    (the judge, on one block): an answer that would change the page fails here, where the
    repair and piece-by-piece fallbacks can still save it, not only in the whole-file check.
    """
    if not english.strip():
        return "empty translation"
    found = scan_inline(english, block.context)
    if comparable_pieces(found.pieces) != comparable_pieces(block.inline.pieces):
        return "protected pieces changed"
    if block.kind in (kinds.PARAGRAPH, kinds.DEFINITION_TERM):
        # a line starting like a block (list marker, heading...) the source lines did not have
        allowed = {
            start.group(0).strip() for line in block.text.split("\n") if (start := _BLOCK_START.match(line))
        }
        for line in english.split("\n"):
            start = _BLOCK_START.match(line)
            if start and start.group(0).strip() not in allowed:
                return "a line would start a new Markdown block"
    if not _INLINE_SYNTAX.search("".join(part for part in found.segments() if isinstance(part, str))):
        return ""  # prose without a character Markdown could read as markup: it renders as the pieces do
    rendered = options.renderer().compare_fragments(block.text, english)
    return rendered.describe() if rendered is not None else ""


def _keep_line_break(block: Block, english: str) -> str:
    """A paragraph of several lines right above ``---`` must keep a line break: on one line,
    ``text\n---`` would be a heading. The last space of the prose (never inside a piece) becomes
    the break; the page reads the same."""
    if not block.meta.get("keep_line_break") or "\n" in english:
        return english
    position = 0
    last_space = -1
    for segment in scan_inline(english, block.context).segments():
        if isinstance(segment, str):
            space = segment.rfind(" ")
            if space >= 0:
                last_space = position + space
            position += len(segment)
        else:
            position = segment.end
    if last_space <= 0:
        return english
    return english[:last_space] + "\n" + english[last_space + 1 :]


def _plain_units(block: Block) -> list[str]:
    """What a plain-text block sends: its text, or each line of a YAML block scalar (``|``/``>``)
    so that its line and paragraph breaks survive translation."""
    if block.meta.get("style") in ("|", ">"):
        return [line for line in block.text.split("\n") if line.strip()]
    return [block.text]


def _plain_text(block: Block, answers: list[str | None], options: TranslateOptions) -> tuple[str | None, str]:
    """A plain-text block's English from the answers to its units, or (None, why not)."""
    units = _plain_units(block)
    if answers == units:
        return block.text, ""
    for unit, answer in zip(units, answers, strict=True):
        if problem := _plain_problem(unit, answer):
            return None, problem
    if block.meta.get("style") not in ("|", ">"):
        english = _plain(str(answers[0]), block, options)
        return (english, "") if english is not None else (None, "empty translation")
    remaining = iter(answers)
    lines = [
        _plain(str(next(remaining)), block, options) if line.strip() else line
        for line in block.text.split("\n")
    ]
    if any(line is None for line in lines):
        return None, "empty translation"
    return "\n".join(lines), ""  # type: ignore[arg-type]


def _plain_problem(source: str, answer: str | None) -> str:
    """Why a service's answer for plain text (a front-matter value, a link title, a code-free
    block) cannot be used: none, or markup the French did not have ("" when it is fine)."""
    if answer is None:
        return "every service added markup"
    return new_markup(source, answer) or ""


def _plain(answer: str, block: Block, options: TranslateOptions) -> str | None:
    english = " ".join(answer.split())
    if options.typography:
        english = english_typography(english, block.text)
    if block.kind == kinds.REFERENCE:  # a link title inside quotes
        english = english.replace('"', "&quot;")
    if block.kind == kinds.ATTRIBUTE:  # an attribute value inside its quotes
        quote = str(block.meta.get("quote", '"'))
        english = english.replace(quote, "&quot;" if quote == '"' else "&#39;")
    return english or None


def _heading_id(job: _Job, english: str, ids: dict[int, str]) -> str:
    """Give a translated heading its French id when its own slug would differ."""
    block = job.block
    if block.kind != kinds.HEADING or explicit_id(block.inline) is not None:
        return english
    if slugify(scan_inline(english, block.context).plain_text().strip()) == heading_slug(block):
        return english
    return _with_id(english, ids[job.index])


# --- provider calls -----------------------------------------------------------------------------


def _call(
    provider: Provider,
    units: list[str],
    options: TranslateOptions,
    result: TranslationResult,
    check: Callable[[str, str], str | None] | None = None,
) -> dict[str, str | None]:
    """Translate unique strings in one call; strings without letters are not sent.

    An answer is None when every service damaged the markup of that string (the caller then
    translates the block piece by piece).
    """
    unique = list(dict.fromkeys(unit for unit in units if _worth_sending(unit)))
    answers: dict[str, str | None] = {unit: unit for unit in units}
    if not unique:
        return answers
    translated = _ask(provider, unique, options, check)
    name = getattr(provider, "name", "?")
    if len(translated) != len(unique):
        raise BilingueError(
            f"provider {name} returned {len(translated)} translations for {len(unique)} texts"
        )
    result.requests += 1
    result.characters += sum(len(unit) for unit in unique)
    answers.update(zip(unique, translated, strict=True))
    return answers


def request_units(block: Block) -> list[str]:
    """The strings translating ``block`` sends to a service (masked prose, then link titles);
    what ``--dry-run`` counts."""
    return [unit for unit in _Job(-1, block).units() if _worth_sending(unit)]


def _ask(
    provider: Provider, texts: list[str], options: TranslateOptions, check: Callable | None
) -> list[str | None]:
    """The provider's answers. A fallback chain also checks each answer's markup, so that damaged
    output goes to the next service (and is never cached); a text every service damaged comes
    back None. Any other failure (network, quota...) is raised: the file is left as it was."""
    languages = (options.source_language, options.target_language)
    if check is None or not hasattr(provider, "translate_outcomes"):
        answers = provider.translate_texts(texts, *languages)
        if not all(isinstance(text, str) for text in answers):
            raise BilingueError(
                f"provider {getattr(provider, 'name', '?')} returned something other than text"
            )
        return answers
    outcomes = provider.translate_outcomes(texts, *languages, check=check)
    failed = [outcome for outcome in outcomes if outcome.translation is None]
    if any(not _only_markup_damage(outcome.error or "") for outcome in failed):
        raise UntranslatedError(outcomes)
    return [outcome.translation for outcome in outcomes]


def _markup_check(jobs: list[_Job], options: TranslateOptions) -> Callable[[str, str], str | None]:
    """For a service's answer to a masked block: None when its tags restore (repaired if need
    be) into a valid block, else why not."""
    by_text = {job.masked.text.strip(): job for job in jobs if job.masked is not None}

    def check(source: str, output: str) -> str | None:
        job = by_text.get(source.strip())
        if job is None or job.masked is None:  # a front-matter value, a title or a piece: plain text
            problem = new_markup(source, output)
            return f"{MARKUP_DAMAGED}: {problem}" if problem else None
        reason = "tags not returned"
        for candidate in (output, repair(job.masked, output)):
            english, reason = _restore(job.block, job.masked, candidate, list(job.masked.titles), options)
            if english is not None:
                return None
        return f"{MARKUP_DAMAGED}: {reason}"

    return check


def _only_markup_damage(error: str) -> bool:
    return all(MARKUP_DAMAGED in reason for reason in error.split("; "))


def _worth_sending(text: str) -> bool:
    """Only strings with letters outside the tags are worth a request."""
    return bool(_LETTER.search(_TAGS.sub("", text)))


def _keep_outer_space(source: str, translated: str) -> str:
    lead = source[: len(source) - len(source.lstrip())]
    trail = source[len(source.rstrip()) :]
    return lead + translated.strip() + trail


def _reparse(text: str, document: Document, options: TranslateOptions) -> Document:
    return parse_document(
        text, path=document.path, terms=options.glossary, front_matter_keys=options.front_matter_keys
    )


_LETTER = re.compile(r"[^\W\d_]")
# what may start inline markup in Python-Markdown and the site's extensions (code, emphasis, links,
# HTML, entities, escapes, mark, keys, math, emoji, attribute lists, tables, URLs, e-mails)
_INLINE_SYNTAX = re.compile(r"[`*_\[\]<>&\\=+~^${}|]|:[+\-\w]+:|\w@\w|://|  \n")
_TAGS = re.compile(r"</?m\d+/?>")
_BLOCK_START = re.compile(
    r"[ ]{0,3}(?:#{1,6}(?:[ \t]|$)|>|[*+\-][ ]|\d+\.[ ]|:[ ]{1,3}(?=\S)|!!!|\?\?\?|===|```"
    r"|~~~|\[\^[^\]]+\]:|\[[^\]]+\]:|\*\[[^\]]+\]:|(?:-[ ]*){3,}$|(?:\*[ ]*){3,}$"
    r"|(?:_[ ]*){3,}$)|[ ]{4,}(?=\S)"
)
