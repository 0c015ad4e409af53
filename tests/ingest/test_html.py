"""HTML pages: main text and metadata from the page, scripts and navigation left out."""
from __future__ import annotations

from datetime import date

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Ryabkov visits Islamabad | Frontier Gazette</title>
<meta name="author" content="Amina Qazi">
<meta property="og:site_name" content="Frontier Gazette">
<meta property="article:published_time" content="2025-04-18T08:00:00+05:00">
<link rel="canonical" href="https://gazette.example/ryabkov-islamabad">
<script>var secret = "SCRIPT TEXT MUST NOT APPEAR";</script>
<style>body { font-family: serif; }</style>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World news</a></nav>
<article><h1>Ryabkov visits Islamabad</h1>
<p>ISLAMABAD: Russian Deputy Foreign Minister Sergei Ryabkov met Foreign Minister Ishaq Dar on Thursday in Islamabad.</p>
<script>document.write("INLINE SCRIPT MUST NOT APPEAR");</script>
<p>The two sides agreed to pursue a long-term partnership in trade, energy and security, the Foreign Office said.</p>
<p>Ryabkov led Russia's delegation at the fifteenth round of consultations on strategic stability.</p>
</article>
<footer>© 2025 Frontier Gazette</footer></body></html>"""


def test_html_page(files):
    article = files.read_one(files.write("page.html", PAGE))
    assert article.title == "Ryabkov visits Islamabad"
    assert article.author == "Amina Qazi"
    assert article.outlet == "Frontier Gazette"
    assert article.published == date(2025, 4, 18)
    assert article.url == "https://gazette.example/ryabkov-islamabad"
    assert article.dateline == "Islamabad"
    assert article.meta["format"] == "html"
    assert article.text.startswith("ISLAMABAD: Russian Deputy Foreign Minister Sergei Ryabkov met")
    assert "consultations on strategic stability." in article.text
    assert "MUST NOT APPEAR" not in article.text
    assert "World news" not in article.text and "font-family" not in article.text
    assert "Ryabkov visits Islamabad" not in article.text        # the headline is the title, not body
    assert article.text.count("\n\n") == 2                        # three paragraphs


def test_tiny_page_falls_back_to_the_tag_stripper(files):
    page = ("<html><head><title>Short note</title><script>var x = 'HIDDEN';</script></head>"
            "<body><p>Pakistan and Russia held talks.</p></body></html>")
    article = files.read_one(files.write("tiny.htm", page))
    assert "Pakistan and Russia held talks." in article.text
    assert "HIDDEN" not in article.text
    assert article.title == "Short note"


def test_html_saved_as_txt_is_read_as_html(files):
    article = files.read_one(files.write("saved.txt", PAGE))
    assert article.meta["format"] == "html"
    assert "MUST NOT APPEAR" not in article.text


def test_legacy_charset_declared_in_meta(files):
    page = ('<html><head><meta charset="windows-1252"><title>Caf\u00e9 talks</title></head><body>'
            '<p>The ministers met at a caf\u00e9 in Ankara and called the talks \u201cuseful\u201d on Monday.</p>'
            '<p>They will meet again next month in Moscow to sign the agreement.</p></body></html>')
    article = files.read_one(files.write("legacy.html", page.encode("cp1252")))
    assert "caf\u00e9 in Ankara" in article.text and "\u201cuseful\u201d" in article.text


def test_page_with_no_text(files):
    error = files.read_error(files.write("empty.html", "<html><head><script>x=1</script></head><body> </body></html>"))
    assert error.kind == "no_text"
