"""Flat ``<xml>`` documents to dicts and back, on xmltodict, with the XXE lessons of 2018 applied.

Every way a document can be unsafe or unexpected ends in one error type,
:class:`~pos.errors.XmlError` (or its subclass ``NotUtf8Error``): no DOCTYPE, no
entity declaration, a bounded size, a required root, no nesting, no attributes,
no repeated fields (reference §5.1).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any
from xml.parsers.expat import ExpatError

import xmltodict

from pos.errors import NotUtf8Error, XmlError

#: Requests, replies and notifications are a few KiB; 64 KiB leaves a wide margin (§5.1).
MAX_XML_BYTES = 64 * 1024

_FORBIDDEN = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_CDATA_END = "]]>"


def decode(
    body: bytes | str, *, root: str = "xml", max_bytes: int = MAX_XML_BYTES
) -> dict[str, str]:
    """Parse a flat protocol document into ``{field: text}``; empty elements become ``""``."""
    raw = body.encode("utf-8") if isinstance(body, str) else bytes(body)
    if len(raw) > max_bytes:
        raise XmlError(f"document of {len(raw)} bytes is over the {max_bytes}-byte limit")
    if not raw.strip():
        raise XmlError("empty document")
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise NotUtf8Error("document is not valid UTF-8") from exc
    if _FORBIDDEN.search(raw):
        raise XmlError("DOCTYPE and entity declarations are refused")
    try:
        parsed = xmltodict.parse(raw, disable_entities=True, encoding="utf-8")
    except (ExpatError, ValueError, TypeError) as exc:
        raise XmlError(f"malformed document: {exc}") from exc
    if not isinstance(parsed, dict) or list(parsed) != [root]:
        raise XmlError(f"the root element must be <{root}>")
    content = parsed[root]
    if content is None:
        return {}
    if not isinstance(content, dict):
        # Text directly under the root, e.g. <xml>junk</xml>.
        raise XmlError(f"<{root}> must hold elements, not text")
    fields: dict[str, str] = {}
    for key, value in content.items():
        if key.startswith("@") or key == "#text":
            raise XmlError("attributes and mixed content are refused")
        if value is None:
            fields[key] = ""
        elif isinstance(value, str):
            fields[key] = value
        else:
            raise XmlError(f"field {key!r} is nested or repeated")
    return fields


def _cdata(value: str) -> str:
    return "<![CDATA[" + value.replace(_CDATA_END, "]]]]><![CDATA[>") + "]]>"


def encode(fields: Mapping[str, Any], *, root: str = "xml") -> bytes:
    """A compact document: strings in CDATA, integers bare, ``None`` left out (as WeChat does)."""
    parts = [f"<{root}>"]
    for key, value in fields.items():
        if value is None:
            continue
        if isinstance(value, bool):
            raise TypeError(f"field {key!r} is a bool")
        if isinstance(value, int):
            parts.append(f"<{key}>{value}</{key}>")
        else:
            parts.append(f"<{key}>{_cdata(str(value))}</{key}>")
    parts.append(f"</{root}>")
    return "".join(parts).encode("utf-8")
