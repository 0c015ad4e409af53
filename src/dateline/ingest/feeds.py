"""Saved news feeds -> one Article per item: RSS 2.0 (and 0.9x), Atom 1.0, RSS 1.0 / RDF.

Feeds are read from files only; nothing is fetched. A malformed or unsafe XML file is one InputError
for the file (with the parser's line and column); a bad item (no text, unreadable date) is one
InputError for that item, and the other items are still read. Item sources are "path#item-N".
"""
from __future__ import annotations

import copy
import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from urllib.parse import urljoin
from xml.etree.ElementTree import Element, tostring

from dateline.ingest.build import Given, Overrides, build_article
from dateline.ingest.dates import UnparseableDate, parse_field
from dateline.ingest.decode import binary_reason, decode_bytes
from dateline.ingest.errors import InputError
from dateline.ingest.layout import recognise
from dateline.ingest.textclean import clean_line, normalise_newlines
from dateline.ingest.xmlsafe import XMLProblem, parse_xml
from dateline.model import Article

ATOM = "{http://www.w3.org/2005/Atom}"
RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
RSS1_NAMESPACES = ("{http://purl.org/rss/1.0/}", "{http://my.netscape.com/rdf/simple/0.9/}")
CONTENT_ENCODED = "{http://purl.org/rss/1.0/modules/content/}encoded"
DC = "{http://purl.org/dc/elements/1.1/}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

TAG = re.compile(r"<[^>]*>")
# "jane@example.com (Jane Doe)": the RSS 2.0 <author> form; the name is what we want.
EMAIL_WITH_NAME = re.compile(r"^\S+@\S+\s*\((?P<name>[^()]+)\)$")
# The root element of a feed, after an optional BOM, XML declaration, comments and DOCTYPE.
FEED_START = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*|<\?[^>]*\?>\s*|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>\s*)*"
    rb"<(?:rss|feed|rdf:RDF)[\s>/]", re.DOTALL)
DECLARES_ENCODING = re.compile(rb"^(?:\xef\xbb\xbf)?\s*<\?xml[^>]*\bencoding\s*=", re.IGNORECASE)


@dataclass(slots=True)
class Channel:
    """What the feed says about every item: the outlet, its site, its language, its authors."""

    kind: str                 # rss | atom | rss1 (Article.meta["format"])
    title: str | None = None
    url: str | None = None
    language: str | None = None
    authors: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Item:
    """One item/entry, its fields still as the feed printed them."""

    title: str | None = None
    url: str | None = None
    body: str | None = None          # markup or plain text, see body_is_html
    body_is_html: bool = True
    body_from: str | None = None     # the element it came from: "content:encoded", "description", ...
    published: tuple[str, str] | None = None   # (element name, printed date)
    updated: tuple[str, str] | None = None
    authors: list[str] = field(default_factory=list)
    guid: str | None = None
    categories: list[str] = field(default_factory=list)
    language: str | None = None


def looks_like_feed(data: bytes) -> bool:
    """Cheap content sniff for inputs whose name does not say they are feeds (stdin, odd suffixes)."""
    return FEED_START.match(data[:4096]) is not None


def read_feed_bytes(data: bytes, label: str, overrides: Overrides) -> Iterator[Article | InputError]:
    """One Article (or item InputError) per item of the feed in ``data``. Raises InputError for the
    whole file: empty, binary, malformed or unsafe XML, not a feed, no items."""
    if not data.strip():
        raise InputError(label, "empty file (0 bytes)" if not data else "empty file (only whitespace)", kind="empty")
    reason = binary_reason(data)
    if reason:
        raise InputError(label, reason, kind="binary")
    try:
        root = parse_feed_xml(data, label)
    except XMLProblem as exc:
        prefix = "unsafe XML" if exc.kind == "unsafe_xml" else "malformed XML"
        raise InputError(label, f"{prefix} at line {exc.line}, column {exc.column}: {exc.message}",
                         kind=exc.kind) from None
    channel, items = read_structure(root, label)
    if not items:
        raise InputError(label, f"the {channel.kind.upper()} feed has no items", kind="empty")
    for n, item in enumerate(items, start=1):
        source = f"{label}#item-{n}"
        try:
            yield item_article(item, channel, source, overrides)
        except InputError as exc:
            yield exc


def parse_feed_xml(data: bytes, label: str) -> Element:
    """XML as declared; a feed that declares no encoding yet is not UTF-8 (old Windows-1252 exports)
    is decoded the way text files are and parsed again. The first parser error is the one reported."""
    try:
        return parse_xml(data)
    except XMLProblem as exc:
        if exc.kind != "bad_xml" or DECLARES_ENCODING.match(data) or is_utf8(data):
            raise
        first_problem = exc
    try:
        text, _ = decode_bytes(data, label)
        return parse_xml(text.encode("utf-8"))
    except (InputError, XMLProblem):
        raise first_problem from None


def is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


def read_structure(root: Element, label: str) -> tuple[Channel, list[Item]]:
    if root.tag == "rss":
        return read_rss(root)
    if root.tag == f"{ATOM}feed":
        return read_atom(root)
    if root.tag == f"{RDF}RDF":
        return read_rss1(root)
    raise InputError(label, f"not a news feed: the root element is <{display_name(root.tag)}> "
                            f"(expected RSS <rss>, Atom <feed> or RSS 1.0 <rdf:RDF>)", kind="not_a_feed")


def display_name(tag: str) -> str:
    return tag.rsplit("}", 1)[-1] if tag.startswith("{") else tag


# --- RSS 2.0 / 0.9x -------------------------------------------------------------------------------

def read_rss(root: Element) -> tuple[Channel, list[Item]]:
    chan = root.find("channel")
    scope = chan if chan is not None else root
    channel = Channel(kind="rss", title=plain_title(text_of(scope.find("title"))),
                      url=stripped(text_of(scope.find("link"))),
                      language=language_code(text_of(scope.find("language")) or text_of(scope.find(f"{DC}language"))))
    elements = scope.findall("item") + (root.findall("item") if chan is not None else [])
    return channel, [rss_item(e, "") for e in elements]


def rss_item(e: Element, ns: str) -> Item:
    """An RSS 2.0 item (``ns`` "") or an RSS 1.0 item (``ns`` its namespace): same shape, dc: dates."""
    item = Item(title=plain_title(text_of(e.find(f"{ns}title"))), url=stripped(text_of(e.find(f"{ns}link"))))
    for name, element in (("content:encoded", e.find(CONTENT_ENCODED)), ("description", e.find(f"{ns}description"))):
        body = text_of(element)
        if body and body.strip():
            item.body, item.body_from = body, name
            break
    pub = stripped(text_of(e.find("pubDate")))
    dc_date = stripped(text_of(e.find(f"{DC}date")))
    if pub:
        item.published = ("pubDate", pub)
    elif dc_date:
        item.published = ("dc:date", dc_date)
    item.authors = [name for name in (author_name(text_of(a)) for a in e.findall(f"{DC}creator")) if name]
    if not item.authors:
        item.authors = [name for name in (author_name(text_of(a)) for a in e.findall("author")) if name]
    guid = e.find("guid")
    if guid is not None:
        item.guid = stripped(text_of(guid))
        if not item.url and guid.get("isPermaLink", "true").lower() != "false" and is_web_url(item.guid):
            item.url = item.guid
    if item.guid is None and e.get(f"{RDF}about"):
        item.guid = e.get(f"{RDF}about")
    labels = e.findall("category") + e.findall(f"{DC}subject")
    item.categories = [c for c in (stripped(text_of(x)) for x in labels) if c]
    item.language = language_code(text_of(e.find(f"{DC}language")))
    return item


# --- RSS 1.0 / RDF --------------------------------------------------------------------------------

def read_rss1(root: Element) -> tuple[Channel, list[Item]]:
    ns = next((n for n in RSS1_NAMESPACES if root.find(f"{n}channel") is not None or root.find(f"{n}item") is not None),
              RSS1_NAMESPACES[0])
    chan = root.find(f"{ns}channel")
    channel = Channel(kind="rss1")
    if chan is not None:
        channel.title = plain_title(text_of(chan.find(f"{ns}title")))
        channel.url = stripped(text_of(chan.find(f"{ns}link")))
        channel.language = language_code(text_of(chan.find(f"{DC}language")))
    return channel, [rss_item(e, ns) for e in root.findall(f"{ns}item")]


# --- Atom 1.0 -------------------------------------------------------------------------------------

def read_atom(root: Element) -> tuple[Channel, list[Item]]:
    channel = Channel(kind="atom", title=atom_text(root.find(f"{ATOM}title"), title=True),
                      url=atom_link(root), language=language_code(root.get(XML_LANG)),
                      authors=atom_authors(root))
    return channel, [atom_entry(e, channel) for e in root.findall(f"{ATOM}entry")]


def atom_entry(e: Element, channel: Channel) -> Item:
    href = atom_link(e)
    item = Item(title=atom_text(e.find(f"{ATOM}title"), title=True),
                url=urljoin(channel.url, href) if href and channel.url else href,
                authors=atom_authors(e) or list(channel.authors), guid=stripped(text_of(e.find(f"{ATOM}id"))),
                language=language_code(e.get(XML_LANG)))
    for name in ("content", "summary"):
        element = e.find(f"{ATOM}{name}")
        if element is None or element.get("src"):   # out-of-line content lives elsewhere: not ours to fetch
            continue
        body, is_html = atom_body(element)
        if body and body.strip():
            item.body, item.body_is_html, item.body_from = body, is_html, name
            break
    published = stripped(text_of(e.find(f"{ATOM}published")))
    updated = stripped(text_of(e.find(f"{ATOM}updated")))
    if published:
        item.published = ("published", published)
    elif updated:
        item.published = ("updated", updated)
    if updated:
        item.updated = ("updated", updated)
    item.categories = [c.get("label") or c.get("term") for c in e.findall(f"{ATOM}category")
                       if c.get("label") or c.get("term")]
    return item


def atom_link(e: Element) -> str | None:
    """The alternate (human-readable) link: rel="alternate" or no rel at all."""
    for link in e.findall(f"{ATOM}link"):
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return link.get("href").strip()
    return None


def atom_authors(e: Element) -> list[str]:
    names = (stripped(text_of(a.find(f"{ATOM}name"))) for a in e.findall(f"{ATOM}author"))
    return [n for n in names if n]


def atom_body(e: Element) -> tuple[str | None, bool]:
    """(body, is_html) of an Atom text construct: type text, html, xhtml (or a MIME type)."""
    kind = (e.get("type") or "text").lower()
    if kind in ("xhtml", "application/xhtml+xml"):
        return xhtml_markup(e), True
    if kind in ("html", "text/html"):
        return text_of(e), True
    if kind == "text" or kind.startswith("text/"):
        return text_of(e), False
    return None, False   # base64 or other media: not article text


def atom_text(e: Element | None, *, title: bool = False) -> str | None:
    if e is None:
        return None
    body, is_html = atom_body(e)
    if body is None:
        return None
    return plain_title(body) if is_html else (clean_line(" ".join(body.split())) or None)


def xhtml_markup(e: Element) -> str:
    """The XHTML inside an Atom type="xhtml" element as an HTML string, namespaces dropped."""
    holder = copy.deepcopy(e)
    for node in holder.iter():
        if isinstance(node.tag, str):
            node.tag = display_name(node.tag)
        node.attrib = {display_name(k): v for k, v in node.attrib.items()}
    holder.tag = "div"
    holder.attrib = {}
    return tostring(holder, encoding="unicode", method="html")


# --- item -> Article ------------------------------------------------------------------------------

def item_article(item: Item, channel: Channel, source: str, overrides: Overrides) -> Article:
    if item.body is None:
        expected = "content or summary" if channel.kind == "atom" else "content:encoded or description"
        raise InputError(source, f"no text: the item has no {expected}", kind="no_text")
    text, extractor = body_text(item.body, item.body_is_html)
    given = Given(title=item.title, author=", ".join(item.authors) or None, outlet=channel.title,
                  url=item.url, language=item.language or channel.language,
                  meta={"text_from": item.body_from, "extractor": extractor})
    if item.published:
        given.published, given.published_at = item_date(item.published, source, "published")
        given.meta["published_field"] = item.published[0]
    if item.updated:
        given.updated_at = item_date(item.updated, source, "updated")[1]
    if item.guid:
        given.meta["guid"] = item.guid
    if item.categories:
        given.meta["categories"] = item.categories
    if channel.url:
        given.meta["feed_url"] = channel.url
    layout = recognise(normalise_newlines(text), guess_title=False, known_title=given.title)
    return build_article(layout, given, overrides, source=source, fmt=channel.kind)


def body_text(body: str, is_html: bool) -> tuple[str, str]:
    """(plain text, extractor): HTML goes through the same path as web pages (trafilatura, then the
    tag stripper, so scripts and styles never reach the text); markup-free HTML is just unescaped."""
    if not is_html:
        return body, "plain"
    if "<" not in body:
        return html.unescape(body), "plain"
    from dateline.ingest.webpage import html_to_text   # trafilatura is imported only when needed
    text, _, extractor = html_to_text(body)
    return text, extractor


def item_date(printed: tuple[str, str], source: str, label: str) -> tuple[date, datetime | None]:
    name, value = printed
    try:
        return parse_field(value)
    except (UnparseableDate, OverflowError, ValueError):
        raise InputError(source, f"unparseable {label} date in <{name}>: {value[:60]!r}", kind="bad_date") from None


# --- small text helpers ---------------------------------------------------------------------------

def text_of(e: Element | None) -> str | None:
    return None if e is None else "".join(e.itertext())


def stripped(value: str | None) -> str | None:
    return (value or "").strip() or None


def plain_title(value: str | None) -> str | None:
    """Titles and feed names: tags dropped, entities decoded (feeds often escape them twice)."""
    if not value:
        return None
    return clean_line(" ".join(html.unescape(TAG.sub(" ", value)).split())) or None


def author_name(value: str | None) -> str | None:
    value = stripped(value)
    if value is None:
        return None
    m = EMAIL_WITH_NAME.match(value)
    return m.group("name").strip() if m else value


def language_code(value: str | None) -> str | None:
    """"en-US" -> "en"."""
    value = stripped(value)
    return value.split("-")[0].split("_")[0].lower() if value else None


def is_web_url(value: str | None) -> bool:
    return bool(value) and value.startswith(("http://", "https://"))
