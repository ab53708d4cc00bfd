"""Pronouns and descriptions resolved from the sentences before, on written cases and the seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.documents.document import Document
from reader.core.documents.loading import load_document
from reader.core.provenance.attribution import attribute
from reader.core.provenance.comparison import compare, passage_sources, shared_sources
from reader.core.provenance.conflicts import find_conflicts
from tests.support.paths import NEWSWEEK, STRIPES


@pytest.mark.parametrize(
    ("context", "text", "referent"),
    [
        (
            ["Sheriff Tom Dale said the suspect fled on foot."],
            "He said deputies were searching.",
            "Tom Dale",
        ),
        (
            ["Mary Jones, a nurse at the clinic, said the wait was long."],
            "“We tried,” she said.",
            "Mary Jones",
        ),
        (["Police said two men were arrested."], "They said a third was being sought.", "Police"),
        (["Acme Corp said profits fell."], "It said it would cut costs.", "Acme Corp"),
        (
            ["The suspect, John Smith, was arrested Friday."],
            "He told police he acted alone.",
            "John Smith",
        ),
        (
            ["Ana Ruiz spoke to the crowd.", "Then the rain started."],
            "She said the rally would go on.",
            "Ana Ruiz",
        ),
        (
            ["Chief Ken Ito said the road was shut.", "He added that it would reopen."],
            "He said crews were out.",
            "Ken Ito",
        ),
    ],
)
def test_a_pronoun_speaker_names_the_nearest_earlier_source_that_agrees(
    context: list[str], text: str, referent: str
) -> None:
    [source] = attribute(text, context).sources
    assert source.pronoun
    assert source.resolved == referent
    assert attribute(text, context).describe() == f"{source.text} ({referent})"


@pytest.mark.parametrize(
    ("context", "text"),
    [
        # Number, gender and kind must agree; a lone capital opening a sentence may be no name.
        (["The actress's spokeswoman, Jane Roe, confirmed the news."], "He said it was over."),
        (["Officials said the bridge was safe."], "He said it had been inspected."),
        (["The weather was bad all week."], "He said the rally would go on."),
        ([], "He said the rally would go on."),
    ],
)
def test_a_pronoun_with_no_agreeing_name_before_stays_a_pronoun(
    context: list[str], text: str
) -> None:
    [source] = attribute(text, context).sources
    assert source.resolved is None
    assert source.label == source.text


def test_an_anaphoric_description_takes_the_outlet_or_body_named_before() -> None:
    context = [
        "The tabloid Daily Sun said so.",
        "Public broadcaster RTV reported the speech was cut.",
    ]
    [source] = attribute("The broadcaster said the mayor was angry.", context).sources
    assert source.resolved == "RTV"  # the nearest outlet named before
    [firm] = attribute(
        "The firm said it would appeal.", ["Globex Ltd said it lost the case."]
    ).sources
    assert firm.resolved == "Globex Ltd"
    # A body named with "'s" or an institution of its own is no pointer back.
    [own] = attribute("The government said it would appeal.", ["Globex Ltd said it lost."]).sources
    assert own.resolved is None


def test_unresolved_pronouns_and_descriptions_share_no_source_across_documents() -> None:
    a = attribute("The company said the plant would close.")
    b = attribute("The company said the plant would stay open.")
    assert shared_sources(a, b) == ()
    assert shared_sources(attribute("Police said so."), attribute("Police said it again.")) == (
        "Police",
    )


def passage_index(path: Path, starts_with: str) -> tuple[Document, int]:
    document = load_document(str(path))
    return document, next(p.index for p in document.passages if p.text.startswith(starts_with))


def test_seeds_both_reports_of_the_desertion_rest_on_suspilne() -> None:
    newsweek, a = passage_index(NEWSWEEK, "Eighteen North Korean soldiers")
    stripes, b = passage_index(STRIPES, "Around 18 North Koreans")
    sources_a = passage_sources(newsweek, a)
    sources_b = passage_sources(stripes, b)
    assert sources_a.own.sources[0].name == "Suspilne"
    assert sources_b.own.sources[0].name == "Suspilne"
    text_a = newsweek.passages[a].text
    text_b = stripes.passages[b].text
    assert compare(text_a, text_b, sources_a, sources_b).independence() == "same source: Suspilne"


def test_seeds_the_broadcaster_is_suspilne_not_a_second_link() -> None:
    newsweek, index = passage_index(NEWSWEEK, "Intelligence sources cited by the broadcaster")
    own = passage_sources(newsweek, index).own
    assert own.describe() == "the broadcaster (Suspilne) ← Intelligence sources"
    _, middle = passage_index(NEWSWEEK, "The soldiers were stationed")
    context = passage_sources(newsweek, middle)
    assert context.from_paragraph
    assert context.paragraph.describe() == "Suspilne ← Intelligence sources"


def test_seeds_he_is_the_minister_named_before() -> None:
    newsweek, index = passage_index(NEWSWEEK, "He also confirmed reports")
    own = passage_sources(newsweek, index).own
    assert own.describe() == "He (Kim Yong-hyun)"
    assert own.resolved_pronoun == "Kim Yong-hyun"


def test_calling_a_report_fake_news_is_not_a_negation_of_the_claim() -> None:
    # The headline states the claim; the other passage calls reports of it "fake news".
    headline = "Soldiers Desert Their Posts on the Front, Radio Reports Say"
    rebuttal = "Reports of soldiers deserting were just “a piece of fake news,” a spokesman said."
    found = find_conflicts(headline, rebuttal, attribute(headline), attribute(rebuttal))
    assert [c for c in found if c.kind == "negation"] == []
    # Said of the claim itself, "false" still denies it.
    plain = "Soldiers deserted their posts on the front."
    denial = "The ministry said reports that soldiers deserted their posts were false."
    [conflict] = find_conflicts(plain, denial, attribute(plain), attribute(denial))
    assert (conflict.kind, conflict.b) == ("negation", "false")


def test_her_rep_is_the_rep_of_the_woman_named_before(tmp_path: Path) -> None:
    # Two outlets quote one publicist: "Reid's rep" and, after a sentence on Tara Reid, "her
    # rep". Corroboration by the same source is no corroboration.
    one = tmp_path / "one.txt"
    one.write_text("Tara Reid checked into Promises, Reid's rep told People.\n", "utf-8")
    two = tmp_path / "two.txt"
    two.write_text(
        "Tara Reid has gone to rehab.\n\nThe actress checked into Promises, her rep told Us Weekly.\n",
        "utf-8",
    )
    first, second = load_document(str(one)), load_document(str(two))
    sources_a, sources_b = passage_sources(first, 0), passage_sources(second, 1)
    assert sources_b.own.describe() == "Us Weekly ← her rep (Tara Reid's rep)"
    text_a, text_b = first.passages[0].text, second.passages[1].text
    verdict = compare(text_a, text_b, sources_a, sources_b).independence()
    assert verdict == "same source: Reid's rep"
    # Without the sentence before, "her rep" could be anyone's: it matches nothing.
    assert shared_sources(attribute(text_a), attribute(text_b)) == ()


def test_her_rep_belongs_to_the_woman_named_not_to_a_description() -> None:
    context = ["Tara Reid has gone to rehab.", "The American Pie star entered Promises."]
    found = attribute("She is doing well, her rep told Us Weekly.", context)
    assert found.describe() == "Us Weekly ← her rep (Tara Reid's rep)"
