"""Stories: which documents tell the same story, found the same way in a pile of many, and
cancellable while documents are compared."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.evaluation import load_topics
from reader.core.documents.document import Document
from reader.core.documents.loading import load_document
from reader.core.matching import matcher as matching
from reader.core.matching import stories
from reader.core.matching._features import extract_features
from reader.core.matching.matcher import MatchCancelled, match_documents

FLOOD = [
    "Floodwater from the Danube swept through Passau on Sunday, forcing {n} families out.",
    "Mayor Jürgen Dupper said the old town of Passau was under two metres of water.",
    "Soldiers filled sandbags along the Inn and the Ilz rivers overnight.",
]
STRIKE = [
    "Lufthansa pilots walked out at Frankfurt airport on Tuesday, grounding {n} flights.",
    "The Vereinigung Cockpit union said the strike over pensions would last three days.",
    "Passengers queued at rebooking desks as the airline cancelled long-haul departures.",
]


def reports(tmp_path: Path, name: str, sentences: list[str], count: int) -> list[Document]:
    made = []
    for number in range(count):
        path = tmp_path / f"{name}{number}.txt"
        lines = [s.format(n=number + 10) for s in sentences[number % 3 :] + sentences[: number % 3]]
        path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
        made.append(load_document(path))
    return made


def test_two_stories_are_told_apart(tmp_path: Path) -> None:
    documents = reports(tmp_path, "flood", FLOOD, 5) + reports(tmp_path, "strike", STRIKE, 5)
    labels = stories.find_stories(extract_features(documents), len(documents))
    assert labels == [0] * 5 + [1] * 5


def test_fewer_than_five_documents_are_one_story(tmp_path: Path) -> None:
    documents = reports(tmp_path, "flood", FLOOD, 2) + reports(tmp_path, "strike", STRIKE, 2)
    assert stories.find_stories(extract_features(documents), len(documents)) == [0] * 4


def test_a_story_in_a_pile_matches_as_on_its_own(eval_dir: Path) -> None:
    topics = {t.name: t for t in load_topics(eval_dir / "ecbplus-dev")}
    alone = topics["3"].documents
    pile = [*alone, *topics["8"].documents, *topics["18"].documents]
    own = match_documents(alone)
    among = match_documents(pile)
    count = len(alone)
    assert list(among.stories[:count]) == list(own.stories)  # told apart as on its own...
    within = [(m.a, m.b, m.score) for m in among.matches if m.b.doc < count]
    assert within == [(m.a, m.b, m.score) for m in own.matches]  # ...and matched the same way
    assert max(m.score for m in among.matches) <= 100


def test_cancel_is_honoured_while_documents_are_compared(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    documents = reports(tmp_path, "flood", FLOOD, 6) + reports(tmp_path, "strike", STRIKE, 6)
    state = {"inside": False, "finished": False}
    real = matching.find_stories

    def watched(*args: object, **kwargs: object) -> list[int]:
        state["inside"] = True
        labels = real(*args, **kwargs)  # type: ignore[arg-type]
        state["finished"] = True
        return labels

    monkeypatch.setattr(matching, "find_stories", watched)
    with pytest.raises(MatchCancelled):
        match_documents(documents, cancelled=lambda: state["inside"])
    assert state["inside"]
    assert not state["finished"]


def test_words_in_many_documents_link_none_directly() -> None:
    from collections import Counter

    common = Counter({"police": 1, "said": 1})
    vocabularies = [
        common + Counter({f"name{i}": 1}) for i in range(stories.STORY_WORD_DOCUMENTS + 1)
    ]
    rows, _, _ = stories.document_similarity(vocabularies)
    assert len(rows) == 0


def test_names_keep_the_days_of_one_event_in_one_story(eval_dir: Path) -> None:
    # ECB+ topics 12 and 14 each hold two events of one kind; the reports of each event, told
    # over several days, split into two to five stories when names weighed as other words.
    topics = {t.name: t for t in load_topics(eval_dir / "ecbplus-dev")}
    for name in ("12", "14"):
        topic = topics[name]
        labels = stories.find_stories(extract_features(topic.documents), len(topic.files))
        events = ["plus" in file for file in topic.files]
        assert len(set(labels)) == 2, name
        # One story for each event: the labels are the events, renamed.
        assert len(set(zip(labels, events, strict=True))) == 2, name
