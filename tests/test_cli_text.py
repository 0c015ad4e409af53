from dateline.commands.text import plural, shorten


def test_plural():
    assert plural(1, "event") == "1 event" and plural(0, "event") == "0 events" and plural(2, "event") == "2 events"
    assert plural(3, "entry", "entries") == "3 entries"


def test_shorten_cuts_at_a_word_with_an_ellipsis():
    s = "Russia's Andrey Rudenko held consultations with Pakistan's foreign secretary in Islamabad on Thursday."
    assert shorten(s, 200) == s
    short = shorten(s, 40)
    assert short == "Russia's Andrey Rudenko held…" and len(short) <= 40
    assert shorten("x" * 50, 10) == "x" * 9 + "…"


def test_the_extraction_footer_is_singular_for_one():
    import io

    from rich.console import Console

    import dateline
    from dateline.commands.render import print_extraction

    out = io.StringIO()
    ex = dateline.extract("Pakistan and Russia agreed on Thursday to expand trade.", published="2025-04-18",
                          min_confidence=0)
    print_extraction(ex, Console(file=out, width=200))
    assert "1 event, 0 facts, 2 actors" in out.getvalue()
