"""A paste that holds an escape byte arrives as one paste, never as keys."""

from __future__ import annotations

from textual import events

from reader.ui.paste import PasteFilter, PasteSafeParser, install


def parsed(*reads: str) -> list[str]:
    """What the parser makes of the reads, as "paste:<text>" and "key:<key>"."""
    parser = PasteSafeParser()
    found = []
    for data in reads:
        for event in parser.feed(data):
            if isinstance(event, events.Paste):
                found.append(f"paste:{event.text}")
            elif isinstance(event, events.Key):
                found.append(f"key:{event.key}")
    return found


def test_a_paste_with_an_escape_byte_is_one_paste_and_no_keys() -> None:
    # Textual's parser alone: the escape key, then "jjc" as keys, which tagged a claim.
    assert parsed("\x1b[200~some copied text\x1bjjc\x1b[201~") == [
        "paste:some copied text\u241bjjc"
    ]


def test_the_end_of_a_paste_cut_between_reads_still_ends_it() -> None:
    assert parsed("\x1b[200~hello\x1b[3", "1mred\x1b[2", "01~j") == [
        "paste:hello\u241b[31mred",
        "key:j",
    ]


def test_input_outside_pastes_is_unchanged_and_nothing_is_held() -> None:
    keep = PasteFilter()
    for data in ("jk", "\x1b", "\x1b[A", "\x1b[20", "x"):
        assert keep(data) == data  # an escape key is not held back waiting for more
    assert not keep.pasting


def test_the_app_installs_it_in_textual_s_terminal_driver() -> None:
    # If Textual renames what its driver reads input with, this fails: paste.py needs a look.
    from textual.drivers import linux_driver

    install()
    assert linux_driver.__dict__["XTermParser"] is PasteSafeParser


def test_a_read_of_only_a_cut_end_marker_does_not_end_the_input() -> None:
    # All of such a read is held: handed on as "", it told the parser the input had ended,
    # and the next read raised ParseError in the input thread (the app quit, the note lost).
    assert parsed("\x1b[200~abc", "\x1b", "[31mred\x1b[201~") == ["paste:abc\u241b[31mred"]
    assert parsed("\x1b[200~abc", "\x1b[20", "1~j") == ["paste:abc", "key:j"]


def test_a_start_marker_cut_at_the_end_of_a_long_read_still_starts_the_paste() -> None:
    # Keys held down before a paste: the 4,096-byte read ends inside ESC[200~.
    for cut in (1, 3):
        first = "k" * (4096 - cut) + "\x1b[200~"[:cut]
        found = parsed(first, "\x1b[200~"[cut:] + "copied text\x1bjjx\x1b[201~")
        assert found[-1] == "paste:copied text\u241bjjx"
        assert found[:-1] == ["key:k"] * (4096 - cut)
