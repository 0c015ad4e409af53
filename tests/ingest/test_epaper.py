"""E-paper layout: metadata recovered field by field, non-body parts dropped, offsets honest."""
from __future__ import annotations

from datetime import date, datetime

import pytest

from shared_data import REFERENCE_ARTICLE, needs_shared

CAPTION = ("Foreign Minister Ishaq Dar meets with Russia’s Deputy Foreign Minister Sergei Ryabkov "
           "in Islamabad, April 17, 2025. — PID")


@pytest.fixture(scope="module")
def reference():
    from dateline.ingest import InputError, read_inputs
    items = list(read_inputs([needs_shared(REFERENCE_ARTICLE)]))
    assert len(items) == 1 and not isinstance(items[0], InputError), items
    return items[0]


# -- the reference article -----------------------------------------------------------------------

def test_reference_metadata(reference):
    assert reference.outlet == "Dawn"
    assert reference.title == "Pakistan, Russia agree to advance partnership"
    assert reference.author == "Baqir Sajjad Syed"
    assert reference.published == date(2025, 4, 18)
    assert reference.published_at is None          # the byline gives no time for "Published"
    assert reference.updated_at == datetime(2025, 4, 18, 10, 21)
    assert reference.dateline == "Islamabad"
    assert reference.source == str(REFERENCE_ARTICLE)
    assert reference.meta["format"] == "epaper"
    assert reference.meta["published_from"] == "byline"
    assert reference.meta["outlet_from"] == "footer"


def test_reference_body_has_no_layout_parts(reference):
    text = reference.text
    for gone in ("E-Paper", "date 2025-04-18", "Published April 18", "Updated April 18", "Baqir Sajjad Syed",
                 "Published in Dawn", "Pakistan, Russia agree to advance partnership"):
        assert gone not in text, gone
    assert text.count(CAPTION) == 1
    assert text.startswith(CAPTION + "\n\nISLAMABAD: Pakistan and Russia on Thursday agreed")
    assert text.endswith("The arms trade between the two countries has further solidified security links.")
    assert "\r" not in text and "\n\n\n" not in text


def test_reference_dropped_parts_are_recorded_with_raw_offsets(reference):
    raw = REFERENCE_ARTICLE.read_text(encoding="utf-8")
    dropped = reference.meta["dropped"]
    assert [d["kind"] for d in dropped] == ["banner", "headline", "byline", "caption_duplicate", "footer"]
    for d in dropped:
        assert raw[d["raw_start"]:d["raw_start"] + len(d["text"])] == d["text"]
    duplicate = dropped[3]
    assert duplicate["text"] == CAPTION
    assert duplicate["raw_start"] == raw.index(CAPTION, raw.index(CAPTION) + 1)  # the SECOND copy


def test_reference_caption_and_dateline_spans(reference):
    text = reference.text
    [caption] = reference.captions
    assert text[caption.start:caption.end] == caption.text == CAPTION
    assert caption.credit is not None and caption.credit.text == "PID"
    assert text[caption.credit.start:caption.credit.end] == "PID"
    span = reference.dateline_span
    assert text[span.start:span.end] == span.text == "ISLAMABAD"
    assert text[reference.story_start:].startswith("Pakistan and Russia on Thursday")
    assert reference.agency is None
    # typed fields only: the layout facts are no longer copied into the loose meta dict
    assert not {"captions", "dateline_span", "story_start", "dateline_agency"} & set(reference.meta)


def test_reference_source_map_points_back_into_the_file(reference):
    raw = REFERENCE_ARTICLE.read_text(encoding="utf-8")
    for text_start, raw_start, length in reference.meta["source_map"]:
        assert reference.text[text_start:text_start + length] == raw[raw_start:raw_start + length]


# -- another outlet, other layout shapes ---------------------------------------------------------

TRIBUNE_STYLE = """\
Wednesday, 14 June 2023 | Print Edition

Russia, Pakistan sign accord on energy corridor

By Amina Qazi and Oleg Petrov
Published: 14 June 2023 | Last updated: 14 June 2023, 11:05 pm

Officials at the signing ceremony in Moscow on Tuesday. (Photo: Frontier Gazette)

MOSCOW, June 13 (Frontier Gazette) – Russia and Pakistan signed an accord on Tuesday to study an energy corridor.

The ministers met for two hours and agreed to meet again next month.

Officials at the signing ceremony in Moscow on Tuesday. (Photo: Frontier Gazette)

Printed in The Frontier Gazette, June 14th, 2023.
"""


def test_other_outlet_epaper(files):
    article = files.read_one(files.write("gazette.txt", TRIBUNE_STYLE))
    assert article.outlet == "The Frontier Gazette"
    assert article.title == "Russia, Pakistan sign accord on energy corridor"
    assert article.author == "Amina Qazi and Oleg Petrov"
    assert article.published == date(2023, 6, 14)
    assert article.updated_at == datetime(2023, 6, 14, 23, 5)
    assert article.dateline == "Moscow"
    assert article.meta["dateline_date"] == "June 13"
    assert article.agency == "Frontier Gazette"
    caption = "Officials at the signing ceremony in Moscow on Tuesday. (Photo: Frontier Gazette)"
    [found] = article.captions
    assert found.text == caption and found.credit is not None
    assert article.text[found.credit.start:found.credit.end] == found.credit.text == "Frontier Gazette"
    assert article.text.count(caption) == 1
    assert article.text.startswith(caption + "\n\nMOSCOW, June 13 (Frontier Gazette) – Russia and Pakistan")
    assert article.text.endswith("agreed to meet again next month.")
    kinds = [d["kind"] for d in article.meta["dropped"]]
    assert kinds == ["banner", "headline", "byline", "byline", "caption_duplicate", "footer"]


def test_overrides_win_over_the_file(files):
    article = files.read_one(files.write("gazette.txt", TRIBUNE_STYLE), published=date(2023, 6, 15), outlet="Mine")
    assert article.published == date(2023, 6, 15)
    assert article.outlet == "Mine"
    assert article.meta["published_from"] == "user" and article.meta["outlet_from"] == "user"


def test_plain_text_title_then_body(files):
    article = files.read_one(files.write("plain.txt", "Talks end in Beijing\n\nBEIJING (AP) - China and India ended talks.\n\nMore later today."))
    assert article.title == "Talks end in Beijing"
    assert article.text == "BEIJING (AP) - China and India ended talks.\n\nMore later today."
    assert article.dateline == "Beijing"
    assert article.outlet == "AP"                 # the wire agency when nothing else names an outlet
    assert article.published is None              # a missing date is not an error here
    assert article.meta["format"] == "text"


@pytest.mark.parametrize("first", ["Pakistan and Russia agreed to expand trade.",
                                   "“We agreed to expand trade,” the minister said.”",
                                   "The minister said: “We agreed.”"])
def test_a_first_paragraph_is_not_mistaken_for_a_headline(files, first):
    article = files.read_one(files.write("p.txt", first + "\n\nThe talks lasted two days."))
    assert article.title is None
    assert article.text.startswith(first)


def test_hard_wrapped_paragraphs_are_joined_lists_are_not(files):
    wrapped = ("ISLAMABAD: Pakistan and Russia agreed on Thursday to expand\n"
               "cooperation in energy and trade, officials said after talks\n"
               "that lasted two days.\n\n"
               "- first item\n- second item\n")
    article = files.read_one(files.write("w.txt", wrapped))
    assert article.text.startswith("ISLAMABAD: Pakistan and Russia agreed on Thursday to expand cooperation in "
                                   "energy and trade, officials said after talks that lasted two days.\n\n")
    assert article.text.endswith("- first item\n\n- second item")


def test_copyright_footer_is_dropped_and_names_the_outlet(files):
    article = files.read_one(files.write("c.txt", "KARACHI: Ships arrived on Sunday with oil.\n\n© 2025 The Indus Herald. All rights reserved."))
    assert article.text == "KARACHI: Ships arrived on Sunday with oil."
    assert article.outlet == "The Indus Herald"


def test_a_sentence_mentioning_publication_is_not_a_footer(files):
    text = "The report said the claim was false.\n\nPublished in Dawn, which broke the story, it drew wide notice."
    article = files.read_one(files.write("s.txt", text))
    assert article.text == text and article.outlet is None


def test_crawler_date_stamp_before_the_headline(files):
    text = (" date 2023-06-11 Pakistan: First Russian crude cargo arrives in Karachi\n\n"
            "By Reuters Published: Sun 11 Jun 2023, 8:49 PM Last updated: Sun 11 Jun 2023, 9:02 PM\n\n"
            "Pakistan's Prime Minister Shehbaz Sharif on Sunday said the first cargo had arrived.\n")
    path = files.write("stamp.txt", text)
    article = files.read_one(path)
    assert article.title == "Pakistan: First Russian crude cargo arrives in Karachi"
    assert article.author == "Reuters"
    assert article.published == date(2023, 6, 11)
    assert article.published_at == datetime(2023, 6, 11, 20, 49)
    assert article.updated_at == datetime(2023, 6, 11, 21, 2)
    assert article.text == "Pakistan's Prime Minister Shehbaz Sharif on Sunday said the first cargo had arrived."
    assert article.dateline is None            # "Pakistan:" is a headline here, not the story's dateline
    for d in article.meta["dropped"]:
        assert text[d["raw_start"]:d["raw_start"] + len(d["text"])] == d["text"]


@pytest.mark.parametrize("caption, credit", [
    ("Troops at Cherat. — Photo courtesy of O'Brien Media", "O'Brien Media"),
    ("Leaders meet in Astana. — Photo: Indus Herald", "Indus Herald"),
    ("Talks held in Moscow (Photo by Capital Courier)", "Capital Courier"),
    ("Soldiers on parade - Image: Pak-Russia Desk", "Pak-Russia Desk"),
])
def test_caption_credit_forms(caption, credit):
    from dateline.ingest.layout import CAPTION_CREDIT

    assert CAPTION_CREDIT.search(caption)["credit"] == credit
