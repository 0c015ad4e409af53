"""News feeds (RSS 2.0, Atom 1.0, RSS 1.0/RDF) and gzip-compressed inputs, read offline from files."""
from __future__ import annotations

import gzip
import socket
import time
from datetime import date, datetime
from pathlib import Path

import pytest

from dateline.ingest import InputError
from dateline.model import Article

STORY_1 = "ISLAMABAD: Pakistan and Russia on Thursday agreed to expand trade and energy cooperation."
STORY_2 = "Foreign Minister Ishaq Dar met Deputy Foreign Minister Sergei Ryabkov at the ministry."

RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>The Indus Herald &amp; Review</title>
  <link>https://herald.example/</link>
  <language>en-GB</language>
  <item>
    <title>Pakistan, Russia agree to advance partnership</title>
    <link>https://herald.example/news/1</link>
    <guid isPermaLink="false">herald-1</guid>
    <pubDate>Fri, 18 Apr 2025 10:21:00 +0500</pubDate>
    <dc:creator>Baqir Sajjad Syed</dc:creator>
    <category>Diplomacy</category>
    <description>A short teaser that must not be used when full content exists.</description>
    <content:encoded><![CDATA[<p>{STORY_1}</p><script>var tracker = "SCRIPT-TEXT";</script><p>{STORY_2}</p>]]></content:encoded>
  </item>
  <item>
    <title>Gas deal &amp;amp; more</title>
    <description>&lt;p&gt;MOSCOW: Russia and Turkey signed a gas deal on Monday.&lt;/p&gt;&lt;script&gt;alert("ESCAPED-SCRIPT")&lt;/script&gt;&lt;p&gt;The deal runs for ten years.&lt;/p&gt;</description>
    <pubDate>sometime next week</pubDate>
  </item>
  <item>
    <title>Talks in Ankara</title>
    <guid>https://herald.example/news/3</guid>
    <author>desk@herald.example (Amina Khan)</author>
    <description>Turkey and Russia held talks in Ankara on Tuesday about trade.</description>
  </item>
  <item><title>A headline with no story</title><pubDate>Sat, 19 Apr 2025 08:00:00 GMT</pubDate></item>
</channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-US">
  <title type="text">World Wire</title>
  <link rel="self" href="https://wire.example/feed.atom"/>
  <link href="https://wire.example/"/>
  <author><name>Wire Desk</name></author>
  <entry>
    <title type="html">India &amp;amp; China &lt;em&gt;talk&lt;/em&gt;</title>
    <link rel="alternate" type="text/html" href="/story/7"/>
    <id>tag:wire.example,2025:7</id>
    <published>2025-04-18T10:21:00+05:00</published>
    <updated>2025-04-19T08:00:00Z</updated>
    <summary>India and China held border talks (summary).</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>NEW DELHI: India and China held border talks on Friday.</p><script>XHTML-SCRIPT</script><p>Both sides agreed to meet again in Beijing.</p></div></content>
  </entry>
  <entry>
    <title>Energy talks</title>
    <id>tag:wire.example,2025:8</id>
    <updated>2025-04-20T09:00:00Z</updated>
    <author><name>A. Writer</name></author>
    <author><name>B. Writer</name></author>
    <content type="html">&lt;p&gt;Russia and Pakistan discussed energy projects in Karachi.&lt;/p&gt;&lt;script&gt;HTML-SCRIPT&lt;/script&gt;</content>
  </entry>
  <entry>
    <title>Plain summary</title>
    <published>2025-04-21</published>
    <content src="https://wire.example/remote-body"/>
    <summary type="text">China and Russia agreed on &lt;new&gt; grain quotas in Moscow.</summary>
  </entry>
</feed>
"""

RDF = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
  <channel rdf:about="https://old.example/rss">
    <title>Old Paper</title><link>https://old.example/</link>
    <items><rdf:Seq><rdf:li rdf:resource="https://old.example/a1"/></rdf:Seq></items>
  </channel>
  <item rdf:about="https://old.example/a1">
    <title>Turkey and Russia</title>
    <link>https://old.example/a1</link>
    <description>Teaser.</description>
    <content:encoded>&lt;p&gt;ANKARA: Turkey and Russia agreed to build a nuclear plant.&lt;/p&gt;</content:encoded>
    <dc:date>2016-12-01T09:30:00+03:00</dc:date>
    <dc:creator>Ali Veli</dc:creator>
    <dc:creator>Ayse Kaya</dc:creator>
  </item>
  <item rdf:about="https://old.example/a2">
    <title>Undated</title>
    <description>Russia and Turkey opened a trade office in Izmir.</description>
  </item>
</rdf:RDF>
"""

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE rss [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>Bomb</title>
<item><title>x</title><description>&lol9;</description></item></channel></rss>
"""


def articles(items) -> list[Article]:
    return [i for i in items if isinstance(i, Article)]


def by_source(items) -> dict[str, Article | InputError]:
    return {i.source.rsplit("#", 1)[-1]: i for i in items}


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """Feeds are read offline: any attempt to open a connection fails the test."""
    def refuse(*args, **kwargs):
        raise AssertionError("a feed reader tried to use the network")
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


# --- RSS 2.0 --------------------------------------------------------------------------------------

def test_rss_item_with_full_content(files):
    path = files.write("herald.xml", RSS)
    items = by_source(files.read_all(path))
    assert sorted(items) == ["item-1", "item-2", "item-3", "item-4"]
    a = items["item-1"]
    assert isinstance(a, Article), a
    assert a.source == f"{path}#item-1"
    assert a.text == f"{STORY_1}\n\n{STORY_2}"          # content:encoded wins over the teaser
    assert "SCRIPT-TEXT" not in a.text and "tracker" not in a.text
    assert a.title == "Pakistan, Russia agree to advance partnership"
    assert a.outlet == "The Indus Herald & Review"
    assert a.author == "Baqir Sajjad Syed"
    assert a.url == "https://herald.example/news/1"
    assert a.published == date(2025, 4, 18)
    assert a.published_at == datetime(2025, 4, 18, 10, 21)   # wall clock as printed, zone dropped
    assert a.dateline == "Islamabad"
    assert a.language == "en"
    assert a.meta["format"] == "rss"
    assert a.meta["text_from"] == "content:encoded"
    assert a.meta["published_field"] == "pubDate"
    assert a.meta["guid"] == "herald-1" and a.meta["categories"] == ["Diplomacy"]
    assert a.meta["outlet_from"] == "container"


def test_rss_bad_items_are_errors_for_that_item_only(files):
    items = by_source(files.read_all(files.write("herald.rss", RSS)))
    bad_date, no_text = items["item-2"], items["item-4"]
    assert isinstance(bad_date, InputError) and bad_date.kind == "bad_date"
    assert "sometime next week" in bad_date.message and "pubDate" in bad_date.message
    assert isinstance(no_text, InputError) and no_text.kind == "no_text"
    assert no_text.source.endswith("herald.rss#item-4")
    third = items["item-3"]
    assert isinstance(third, Article)
    assert third.text == "Turkey and Russia held talks in Ankara on Tuesday about trade."
    assert third.author == "Amina Khan"                   # "email (Name)" -> the name
    assert third.url == "https://herald.example/news/3"   # permalink guid stands in for <link>
    assert third.published is None and third.meta["extractor"] == "plain"


def test_rss_escaped_html_description_loses_scripts(files):
    feed = RSS.replace("<pubDate>sometime next week</pubDate>", "<pubDate>Mon, 14 Apr 2025 09:00:00 GMT</pubDate>")
    second = by_source(files.read_all(files.write("herald.xml", feed)))["item-2"]
    assert isinstance(second, Article), second
    assert "ESCAPED-SCRIPT" not in second.text and "alert" not in second.text
    assert second.text.startswith("MOSCOW: Russia and Turkey signed a gas deal on Monday.")
    assert "ten years" in second.text
    assert second.title == "Gas deal & more"             # twice-escaped title read once
    assert second.meta["text_from"] == "description"
    assert second.meta["extractor"] in ("trafilatura", "tag_stripper")
    assert (second.published, second.published_at) == (date(2025, 4, 14), datetime(2025, 4, 14, 9, 0))


def test_overrides_apply_to_feed_items(files):
    items = articles(files.read_all(files.write("herald.xml", RSS), outlet="Dawn", published=date(2025, 4, 20)))
    assert items and all(a.outlet == "Dawn" and a.published == date(2025, 4, 20) for a in items)
    assert all(a.meta["published_from"] == "user" for a in items)


# --- Atom 1.0 -------------------------------------------------------------------------------------

def test_atom_entries(files):
    items = by_source(files.read_all(files.write("wire.atom", ATOM)))
    first, second, third = items["item-1"], items["item-2"], items["item-3"]
    assert all(isinstance(i, Article) for i in (first, second, third)), items
    assert first.text == "NEW DELHI: India and China held border talks on Friday.\n\nBoth sides agreed to meet again in Beijing."
    assert "XHTML-SCRIPT" not in first.text
    assert first.title == "India & China talk"
    assert first.url == "https://wire.example/story/7"       # relative link resolved against the feed's
    assert first.outlet == "World Wire" and first.author == "Wire Desk"   # feed-level author
    assert (first.published_at, first.updated_at) == (datetime(2025, 4, 18, 10, 21), datetime(2025, 4, 19, 8, 0))
    assert first.dateline == "New Delhi" and first.language == "en"
    assert first.meta["format"] == "atom" and first.meta["text_from"] == "content"
    assert first.meta["guid"] == "tag:wire.example,2025:7"

    assert second.text == "Russia and Pakistan discussed energy projects in Karachi."
    assert "HTML-SCRIPT" not in second.text
    assert second.author == "A. Writer, B. Writer"
    assert second.published == date(2025, 4, 20)              # only <updated>: it dates the entry
    assert second.meta["published_field"] == "updated"

    # content with src= is out of line (never fetched): the summary is used; type="text" is not HTML.
    assert third.text == "China and Russia agreed on <new> grain quotas in Moscow."
    assert third.meta["text_from"] == "summary" and third.published == date(2025, 4, 21)
    assert third.published_at is None


# --- RSS 1.0 / RDF --------------------------------------------------------------------------------

def test_rss1_rdf_items(files):
    items = by_source(files.read_all(files.write("old.xml", RDF)))
    first, second = items["item-1"], items["item-2"]
    assert isinstance(first, Article) and isinstance(second, Article), items
    assert first.text == "ANKARA: Turkey and Russia agreed to build a nuclear plant."
    assert first.outlet == "Old Paper" and first.author == "Ali Veli, Ayse Kaya"
    assert first.url == "https://old.example/a1" and first.dateline == "Ankara"
    assert (first.published, first.published_at) == (date(2016, 12, 1), datetime(2016, 12, 1, 9, 30))
    assert first.meta["format"] == "rss1" and first.meta["published_field"] == "dc:date"
    assert second.text == "Russia and Turkey opened a trade office in Izmir." and second.published is None


# --- whole-file problems --------------------------------------------------------------------------

def test_malformed_xml_is_one_error_with_position(files):
    broken = RSS.replace("</title>\n  <link>https://herald.example/</link>", "</titel>\n  <link>https://herald.example/</link>")
    error = files.read_error(files.write("broken.xml", broken))
    assert error.kind == "bad_xml"
    assert error.message.startswith("malformed XML at line 5, column ")
    assert "mismatched tag" in error.message


def test_entity_bomb_is_refused_quickly(files):
    started = time.perf_counter()
    error = files.read_error(files.write("bomb.xml", BILLION_LAUGHS))
    assert time.perf_counter() - started < 1.0
    assert error.kind == "unsafe_xml"
    assert "&lol;" in error.message and "line 3" in error.message


def test_external_entity_is_refused(files):
    secret = files.write("secret.txt", "SECRET-CONTENT")
    feed = (f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">]>'
            '<rss><channel><title>t</title><item><description>&xxe; Russia and Pakistan met.</description>'
            '</item></channel></rss>')
    error = files.read_error(files.write("xxe.rss", feed))
    assert error.kind == "unsafe_xml" and "SECRET-CONTENT" not in str(error)


def test_doctype_without_entities_is_read(files):
    feed = ('<?xml version="1.0" encoding="ISO-8859-1"?>\n'
            '<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" '
            '"http://my.netscape.com/publish/formats/rss-0.91.dtd">\n'
            '<rss version="0.91"><channel><title>Le Monde diplomatique</title>'
            '<item><title>Caf&eacute; talks</title>'
            '<description>PARIS: France and Russia met at a caf\xe9 on Monday.</description></item>'
            '</channel></rss>')
    article = files.read_one(files.write("old.rss", feed.encode("latin-1")))
    assert article.text == "PARIS: France and Russia met at a café on Monday."
    assert article.title == "Café talks"


def test_windows_1252_feed(files):
    feed = ('<?xml version="1.0" encoding="windows-1252"?><rss><channel><title>Wire</title><item>'
            '<description>\u201cRussia and India\u201d agreed \u2014 officials said.</description>'
            '</item></channel></rss>')
    article = files.read_one(files.write("cp.xml", feed.encode("cp1252")))
    assert article.text == "\u201cRussia and India\u201d agreed \u2014 officials said."


def test_undeclared_legacy_encoding_is_guessed(files):
    # No encoding in the XML declaration, yet the bytes are Windows-1252: decoded like a text file.
    feed = ('<?xml version="1.0"?><rss><channel><title>Caf\u00e9 Wire</title><item>'
            '<description>\u201cRussia and India\u201d agreed on tariffs \u2014 officials said.</description>'
            '</item></channel></rss>')
    article = files.read_one(files.write("legacy.xml", feed.encode("cp1252")))
    assert article.text == "\u201cRussia and India\u201d agreed on tariffs \u2014 officials said."
    assert article.outlet == "Caf\u00e9 Wire"


@pytest.mark.parametrize("content, kind, words", [
    ('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>', "not_a_feed", "<urlset>"),
    ('<rss version="2.0"><channel><title>Quiet</title></channel></rss>', "empty", "no items"),
    ("", "empty", "empty file"),
    ("%PDF-1.4 not a feed", "binary", "PDF"),
])
def test_file_level_errors(files, content, kind, words):
    error = files.read_error(files.write("f.xml", content))
    assert error.kind == kind and words in error.message


def test_feed_detected_by_content_whatever_the_name(files):
    article_items = articles(files.read_all(files.write("saved-feed.download", ATOM)))
    assert [a.title for a in article_items] == ["India & China talk", "Energy talks", "Plain summary"]
    assert article_items[0].source.endswith("saved-feed.download#item-1")


# --- gzip -----------------------------------------------------------------------------------------

def test_gzip_feed_and_text(files):
    feed = files.write("herald.xml.gz", gzip.compress(RSS.encode()))
    items = files.read_all(feed)
    assert [type(i).__name__ for i in items] == ["Article", "InputError", "Article", "InputError"]
    assert items[0].source == f"{feed}#item-1" and items[0].text.startswith(STORY_1)
    story = files.read_one(files.write("story.txt.gz", gzip.compress(STORY_1.encode())))
    assert story.text == STORY_1 and story.dateline == "Islamabad"


def test_gzip_bytes_under_a_plain_name(files):
    # A feed saved by a downloader that did not decompress it: still read.
    article_items = articles(files.read_all(files.write("wire.xml", gzip.compress(ATOM.encode()))))
    assert len(article_items) == 3 and article_items[0].outlet == "World Wire"


def test_gzip_jsonl_and_csv_are_streamed_per_record(files):
    lines = ('{"text": "Pakistan and Russia agreed on Thursday to expand trade.", "published": "2025-04-18"}\n'
             '{"text": "broken\n'
             '{"text": "Russia and Turkey met in Sochi on Monday.", "outlet": "Wire"}\n')
    items = files.read_all(files.write("corpus.jsonl.gz", gzip.compress(lines.encode())))
    assert [i.source.rsplit(":", 1)[-1] for i in items] == ["1", "2", "3"]
    assert isinstance(items[1], InputError) and items[1].kind == "bad_record"
    assert items[0].published == date(2025, 4, 18) and items[2].outlet == "Wire"
    rows = files.read_all(files.write("rows.csv.gz", gzip.compress(b"title,text\nMeet,Russia and India met in Delhi.\n")))
    assert len(rows) == 1 and rows[0].text == "Russia and India met in Delhi." and rows[0].source.endswith(":2")


def test_truncated_gzip(files):
    body = gzip.compress(("".join(f'{{"text": "Record {i} says Russia and India met."}}\n' for i in range(2000))).encode())
    error = files.read_error(files.write("cut.xml.gz", gzip.compress(RSS.encode())[:-40]))
    assert error.kind == "bad_compression" and "gzip" in error.message
    items = files.read_all(files.write("cut.jsonl.gz", body[: len(body) // 2]))
    assert isinstance(items[0], Article)                   # records before the cut are kept
    assert isinstance(items[-1], InputError) and items[-1].kind == "bad_compression"


def test_gzip_bomb_stops_at_the_size_limit(files):
    bomb = gzip.compress(b"Russia and India met. " * 500_000)   # about 11 MB from about 20 kB
    error = files.read_error(files.write("bomb.txt.gz", bomb), max_bytes=1_000_000)
    assert error.kind == "too_large" and "decompressed" in error.message


def test_gz_name_without_compression_is_read_by_inner_suffix(files):
    article = files.read_one(files.write("plain.txt.gz", STORY_1))
    assert article.text == STORY_1


def test_folder_with_feeds_and_compressed_files(files):
    files.write("feeds/a.xml", RSS)
    files.write("feeds/b.atom.gz", gzip.compress(ATOM.encode()))
    files.write("feeds/c.rdf.xml", RDF)
    files.write("feeds/d.jsonl.gz", gzip.compress(b'{"text": "Russia and Turkey met in Sochi on Monday."}\n'))
    files.write("feeds/notes.gz", gzip.compress(b"not an article"))   # no known inner suffix: skipped
    items = files.read_all(files.root / "feeds")
    names = sorted({Path(i.source.split("#")[0].split(":")[0]).name for i in items})
    assert names == ["a.xml", "b.atom.gz", "c.rdf.xml", "d.jsonl.gz"]
    assert len(articles(items)) == 2 + 3 + 2 + 1


def test_folder_message_mentions_feeds_and_gzip(files):
    files.write("notes.md", "nothing")
    error = files.read_error(files.root)
    assert error.kind == "no_inputs" and ".xml" in error.message and ".gz" in error.message
