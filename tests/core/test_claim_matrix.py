"""The claim x source matrix: cells agree with the matches, absent cells, differing details."""

from __future__ import annotations

from pathlib import Path

from reader.core.documents.loading import load_document
from reader.core.matching.counterparts import CounterpartIndex
from reader.core.matching.matcher import match_documents
from reader.core.provenance.claim_matrix import ABSENT, claim_matrix
from tests.support.matrix_case import constructed


def test_cells_show_strength_absence_and_a_differing_number(tmp_path: Path) -> None:
    documents = constructed(tmp_path)
    result = match_documents(documents)
    matrix = claim_matrix(documents, CounterpartIndex.build(result), 0)
    assert matrix.others == (1, 2)
    assert [row.passage for row in matrix.rows] == [p.index for p in documents[0].passages]
    killed = next(r for r in matrix.rows if "Six soldiers" in documents[0].passages[r.passage].text)
    same, different = killed.cells
    assert same.strength == "strong"
    assert same.conflicts == ()
    assert different.strength != ABSENT
    assert [c.describe() for c in different.conflicts] == ["number: 6 vs 9"]
    assert documents[2].passages[different.passage or 0].text.startswith("Nine soldiers")
    assert (killed.found, killed.conflicted) == (2, 1)
    football = next(r for r in matrix.rows if "football" in documents[0].passages[r.passage].text)
    assert [cell.strength for cell in football.cells] == [ABSENT, ABSENT]
    assert football.found == 0


def test_cells_agree_with_the_matches_on_an_ecb_topic(eval_dir: Path) -> None:
    folder = eval_dir / "ecbplus-dev" / "1"
    documents = [load_document(p) for p in sorted(folder.glob("1_1*ecb.txt"))[:6]]
    result = match_documents(documents)
    for base in range(len(documents)):
        matrix = claim_matrix(documents, CounterpartIndex.build(result), base)
        assert len(matrix.rows) == len(documents[base].passages)
        for row in matrix.rows:
            for other, cell in zip(matrix.others, row.cells, strict=True):
                found = [
                    m
                    for m in result.matches
                    if {(m.a.doc, m.a_passage), (m.b.doc, m.b_passage)} & {(base, row.passage)}
                    and {m.a.doc, m.b.doc} == {base, other}
                ]
                if not found:
                    assert cell.strength == ABSENT
                    continue
                strong = any(m.strength == "strong" for m in found)
                assert cell.strength == ("strong" if strong else "partial")
                assert cell.score == max(m.score for m in found)


def test_a_cell_counts_the_counterparts_behind_its_best_one(eval_dir: Path) -> None:
    folder = eval_dir / "ecbplus-dev" / "1"
    documents = [load_document(p) for p in sorted(folder.glob("1_1*ecb.txt"))[:4]]
    index = CounterpartIndex.build(match_documents(documents))
    matrix = claim_matrix(documents, index, 0)
    counted = 0
    for row in matrix.rows:
        for other, cell in zip(matrix.others, row.cells, strict=True):
            assert cell.count == len(index.counterparts(0, row.passage, other))
            counted += cell.count > 1
    assert counted  # some claim has more than one counterpart in a document
