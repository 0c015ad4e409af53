"""Untrusted XML bytes -> an xml.etree Element, refusing what makes XML dangerous.

Feeds saved from the web are untrusted input. We drive expat ourselves (feeding xml.etree's
TreeBuilder) so that we can refuse every ENTITY declaration: that rules out "billion laughs" and
quadratic-blowup documents before any expansion, and external entities (local files) are never
resolved. A DOCTYPE without entity declarations (old RSS 0.91 files carry one) is fine; HTML named
entities such as &eacute; in such files are read as the characters they name.
"""
from __future__ import annotations

from html.entities import name2codepoint
from xml.etree.ElementTree import Element, TreeBuilder
from xml.parsers import expat


class XMLProblem(Exception):
    """Malformed (kind "bad_xml") or refused (kind "unsafe_xml") XML, with the parser's position."""

    def __init__(self, message: str, line: int, column: int, kind: str = "bad_xml") -> None:
        super().__init__(f"{message} (line {line}, column {column})")
        self.message = message
        self.line = line
        self.column = column   # 1-based, as editors count
        self.kind = kind


def clark(name: str) -> str:
    """expat's "uri}local" (namespace_separator="}") -> ElementTree's "{uri}local"."""
    return "{" + name if "}" in name else name


def parse_xml(data: bytes) -> Element:
    """The root element of ``data``. Raises XMLProblem; never expands declared entities."""
    builder = TreeBuilder()
    parser = expat.ParserCreate(namespace_separator="}")
    parser.buffer_text = True
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)  # never read an external DTD

    def refuse(what: str) -> None:
        raise XMLProblem(f"refused: {what} (entity declarations are not allowed in feeds; they can "
                         f"expand without bound or read local files)",
                         parser.CurrentLineNumber, parser.CurrentColumnNumber + 1, kind="unsafe_xml")

    def on_entity_decl(name, is_parameter, value, base, system_id, public_id, notation) -> None:
        refuse(f"the document declares the entity {'%' if is_parameter else '&'}{name};")

    def on_external_ref(context, base, system_id, public_id) -> int:
        refuse(f"the document refers to an external entity {system_id!r}")
        return 0

    def on_skipped_entity(name: str, is_parameter: bool) -> None:
        # Only reached for undeclared entities in documents with an (unread) external DTD.
        code = name2codepoint.get(name)
        builder.data(chr(code) if code is not None else f"&{name};")

    def on_start(tag: str, attrs: dict[str, str]) -> None:
        builder.start(clark(tag), {clark(k): v for k, v in attrs.items()})

    parser.StartElementHandler = on_start
    parser.EndElementHandler = lambda tag: builder.end(clark(tag))
    parser.CharacterDataHandler = builder.data
    parser.EntityDeclHandler = on_entity_decl
    parser.ExternalEntityRefHandler = on_external_ref
    parser.SkippedEntityHandler = on_skipped_entity
    try:
        parser.Parse(data, True)
    except expat.ExpatError as exc:
        raise XMLProblem(expat.ErrorString(exc.code), exc.lineno, exc.offset + 1) from None
    return builder.close()
