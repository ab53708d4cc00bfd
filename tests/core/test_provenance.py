"""Attribution, independence and conflicts in detail, on the seed articles and constructed pairs."""

from __future__ import annotations

import pytest

from reader.core.documents.loading import load_document
from reader.core.matching.matcher import match_documents
from reader.core.provenance.attribution import attribute
from reader.core.provenance.comparison import compare, paragraph_attribution
from reader.core.provenance.conflicts import Conflict
from tests.support.paths import NEWSWEEK, STRIPES


def passage(path: object, starts_with: str) -> str:
    document = load_document(str(path))
    return next(p.text for p in document.passages if p.text.startswith(starts_with))


def test_the_desertion_claim_is_attributed_to_suspilne_in_both_articles() -> None:
    newsweek = attribute(passage(NEWSWEEK, "Eighteen North Korean soldiers"))
    stripes = attribute(passage(STRIPES, "Around 18 North Koreans"))
    assert newsweek.describe() == "Suspilne"
    assert stripes.describe() == "Suspilne ← unnamed intelligence officials"
    assert [s.role for s in stripes.sources] == ["relay", "cited"]
    assert stripes.sources[1].vague


def test_peskov_sentence_is_attributed_to_the_kremlin_spokesman_via_tass() -> None:
    sources = attribute(passage(STRIPES, "Reports of North Korean troops")).sources
    assert [s.text for s in sources] == [
        "Russia news agency Tass",
        "Kremlin spokesman Dmitry Peskov",
    ]
    assert sources[1].name == "Dmitry Peskov"
    assert sources[1].role == "speaker"


@pytest.mark.parametrize(
    ("text", "chain"),
    [
        (
            "Russia's military is searching for them, South Korean newspaper Chosun Ilbo "
            "reported, citing an unnamed Ukrainian official.",
            "Chosun Ilbo ← an unnamed Ukrainian official",
        ),
        (
            "The North has sent 10,000 soldiers, an unidentified Western diplomat told the "
            "Kyiv Independent for a report Monday.",
            "Kyiv Independent ← an unidentified Western diplomat",
        ),
        (
            "Intelligence sources cited by the broadcaster reveal it.",
            "the broadcaster ← Intelligence sources",
        ),
        ("The ministry said in a statement that the strike failed.", "The ministry"),
        ("“This is no longer about weapons,” Zelenskyy said Sunday.", "Zelenskyy"),
        ("The soldiers abandoned their posts near the border.", ""),
        ("Reports of fake news were widely shared.", ""),
    ],
)
def test_attribution_rules(text: str, chain: str) -> None:
    assert attribute(text).describe() == chain


def test_the_desertion_pair_rests_on_one_source() -> None:
    result = compare(
        passage(NEWSWEEK, "Eighteen North Korean soldiers"),
        passage(STRIPES, "Around 18 North Koreans"),
    )
    assert result.same_source
    assert result.independence() == "same source: Suspilne"
    assert result.conflicts == ()  # "Eighteen" and "18" agree
    assert result.suggestion is None


def test_a_sentence_without_a_source_takes_its_paragraphs() -> None:
    document = load_document(NEWSWEEK)
    index = next(p.index for p in document.passages if p.text.startswith("The soldiers were"))
    context = paragraph_attribution(document, index)
    assert "suspilne" in context.names
    result = compare(
        document.passages[index].text,
        passage(STRIPES, "Around 18 North Koreans"),
        context_a=context,
    )
    assert result.independence() == "same source: Suspilne"


def test_oct_3_and_october_3_agree_and_six_is_6() -> None:
    result = compare(
        "Six North Korean officers were killed during a strike on October 3.",
        "6 North Korean officers were killed by a missile strike near Donetsk on Oct. 3.",
    )
    assert result.conflicts == ()


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [
        (
            "Six officers were killed in the strike.",
            "Nine officers were killed in the strike.",
            "number",
        ),
        (
            "Thousands of troops were sent to Russia.",
            "10,000 troops were sent to Russia.",
            "quantity",
        ),
        ("The strike came on Tuesday, officials said.", "The strike came on Wednesday.", "date"),
        ("The strike came on Oct. 3.", "The strike came on October 5.", "date"),
        (
            "The treaty was signed by Vladimir Putin in Moscow.",
            "The treaty was signed by Vladimir Zelensky in Moscow.",
            "name",
        ),
        (
            "The ministry confirmed the strike on the depot.",
            "The ministry denied the strike on the depot.",
            "negation",
        ),
        (
            "Troops were deployed to the front.",
            "Troops were not deployed to the front.",
            "negation",
        ),
    ],
)
def test_each_kind_of_conflict_is_flagged_and_suggests_contested(a: str, b: str, kind: str) -> None:
    result = compare(a, b)
    assert [c.kind for c in result.conflicts] == [kind]
    assert result.suggestion == "contested"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # Refusing to say is not contradicting: the ECB+ Tara Reid reports.
        (
            "Ketsoyan would not say what the star was being treated for.",
            "Her publicist refused to disclose the real reason why Reid checked into rehab.",
        ),
        ("No specific reason was given for her treatment.", "She checked into rehab on Friday."),
        ("He would not say whether troops were deployed.", "He declined to say where they went."),
    ],
)
def test_negative_wording_is_not_a_contradiction(a: str, b: str) -> None:
    assert compare(a, b).conflicts == ()


def test_a_negated_word_is_named_in_the_conflict() -> None:
    [conflict] = compare("Troops were deployed.", "Troops have not yet been deployed.").conflicts
    assert conflict == Conflict("negation", "", "not deployed")


def test_wire_copy_counts_as_one_source() -> None:
    wire = (
        "The company said on Monday that it would close three plants in the region and cut "
        "about 2,000 jobs by the end of next year."
    )
    result = compare(wire, "In a statement, " + wire[0].lower() + wire[1:])
    assert result.verbatim_words >= 12
    assert result.same_source
    assert "verbatim" in result.independence()


def test_wire_copy_with_other_apostrophes_is_still_copy() -> None:
    wire = "The company's board said on Monday that it would close the region's three plants."
    curly = wire.replace("'", "’")
    assert compare(wire, curly).verbatim_words == len(wire.split())


def test_independent_sources_are_reported_as_different() -> None:
    result = compare(
        "The bridge collapsed after the flood, police said.",
        "The bridge collapsed after the flood, the mayor told Reuters.",
    )
    assert not result.same_source
    assert result.independence() == "different sources"


def test_seed_matches_have_no_conflict_on_their_strong_pairs_numbers() -> None:
    documents = [load_document(NEWSWEEK), load_document(STRIPES)]
    for match in match_documents(documents).matches:
        if match.strength != "strong":
            continue
        a = documents[0].passages[match.a_passage].text
        b = documents[1].passages[match.b_passage].text
        assert not [c for c in compare(a, b).conflicts if c.kind in ("number", "date")]


def test_only_a_strong_counterpart_that_differs_suggests_contested() -> None:
    from reader.core.provenance.claim_view import CounterpartText, view_claim

    claim = "The navy took 23 pirates into custody on Saturday."
    other = "The pirates came in three boats, the navy said."  # another claim of the event
    retold = "The navy said it took 25 pirates into custody on Saturday."
    partial = view_claim(claim, None, [CounterpartText(other, None, "partial")])
    assert partial.counterparts[0].conflicts  # shown with the counterpart
    assert partial.first_conflict is None  # and no suggestion
    strong = view_claim(
        claim,
        None,
        [CounterpartText(other, None, "partial"), CounterpartText(retold, None, "strong")],
    )
    assert strong.first_conflict == (1, Conflict("number", "23", "25"))
