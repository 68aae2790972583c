"""Packs split back exactly, or not at all; long texts cut within limits and rejoined."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bilingue.providers.packing import (
    join_pack,
    make_packs,
    measure_chars,
    measure_utf8,
    split_long,
    split_pack,
)

prose = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="[]"), min_size=1, max_size=80
).filter(lambda text: text.strip())


@given(st.lists(prose, min_size=1, max_size=12))
def test_join_then_split_gives_the_texts_back(texts):
    assert split_pack(join_pack(texts), len(texts)) == [text.strip() for text in texts]


def test_split_accepts_respaced_separators():
    translated = "One\n[[ § 1 ]]\nTwo [[§ 2]] Three"
    assert split_pack(translated, 3) == ["One", "Two", "Three"]


def test_damaged_separators_are_a_mismatch():
    good = join_pack(["a", "b", "c"])
    assert split_pack(good.replace("[[§2]]", "[[§3]]"), 3) is None  # wrong number
    assert split_pack(good.replace("[[§1]]", ""), 3) is None  # lost
    assert split_pack(good.replace("[[§1]]", "[[§2]]").replace("c", "[[§1]] c"), 3) is None
    assert split_pack(good.replace("b", ""), 3) is None  # empty piece
    assert split_pack(good + "\n\n[[§3]]\n\nextra", 3) is None  # invented one


@given(st.lists(st.integers(1, 60), min_size=1, max_size=40), st.integers(60, 200))
def test_packs_keep_order_and_stay_within_the_limit(lengths, limit):
    texts = ["x" * n for n in lengths]
    packs = make_packs(texts, limit, 1000, measure_chars, joined=True)
    assert [i for pack in packs for i in pack] == list(range(len(texts)))
    for pack in packs:
        assert len(join_pack([texts[i] for i in pack])) <= limit


def test_native_batches_respect_the_item_count():
    packs = make_packs(["a"] * 120, 10_000, 50, measure_chars, joined=False)
    assert [len(pack) for pack in packs] == [50, 50, 20]


sentences = st.lists(
    st.text(alphabet="abcdéèàç ,'", min_size=1, max_size=70).map(lambda s: s.strip() + "."),
    min_size=1,
    max_size=20,
)


@given(sentences, st.sampled_from([" ", "  ", "\n"]), st.integers(20, 120))
def test_long_text_is_cut_within_the_limit_and_rejoins_exactly(parts, space, limit):
    text = space.join(parts)
    pieces, joins = split_long(text, limit, measure_utf8)
    assert all(measure_utf8(piece) <= limit for piece in pieces)
    assert pieces[0] + "".join(j + p for j, p in zip(joins, pieces[1:], strict=True)) == text


def test_cut_prefers_sentence_boundaries():
    text = "Première phrase assez longue. Deuxième phrase assez longue. Troisième phrase."
    pieces, joins = split_long(text, 40, measure_chars)
    assert pieces == ["Première phrase assez longue.", "Deuxième phrase assez longue.", "Troisième phrase."]
    assert joins == [" ", " "]


def test_short_text_is_not_cut():
    assert split_long("Court.", 100, measure_chars) == (["Court."], [])
