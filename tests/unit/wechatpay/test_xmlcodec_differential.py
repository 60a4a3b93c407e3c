"""decode (xmltodict) and decode_fast (ElementTree's C parser) give the same answer to anything.

The documents are built from the pieces that matter to §5.1: roots, prologs, attributes,
namespaces, repeated and nested fields, CDATA, entity and character references, comments,
processing instructions, stray text, junk after the root, then cut or spliced at random.
The answer is the fields, or the kind of error.
"""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pos.errors import XmlError
from pos.wechatpay import xmlcodec

# Mostly what a real document holds, so that many documents parse and their values are
# compared too; the rest is what must be refused alike.
NAMES = st.sampled_from(
    [
        *["return_code", "total_fee", "coupon_fee_0", "_x", "a", "A", "b", "c", "d", "e", "f"],
        *["a:b", "a-b", "a.b", "é", "1a"],
    ]
)
REFERENCES = st.sampled_from(
    ["&amp;", "&lt;", "&gt;", "&quot;", "&#65;", "&#x4E2D;", "&#0;", "&undefined;", "&", "<"]
)
TEXT = st.one_of(
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=12),
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=12),
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=12),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12),
)  # anything UTF-8 can carry, control characters now and then


@st.composite
def values(draw: Any, depth: int = 0) -> str:
    kind = draw(
        st.sampled_from(["text"] * 4 + ["raw", "cdata", "cdata", "empty", "mixed", "nested", "ref"])
    )
    if kind == "text":
        return escape(draw(TEXT))
    if kind == "raw":
        return draw(TEXT)
    if kind == "cdata":
        return "<![CDATA[" + draw(TEXT) + "]]>"
    if kind == "empty":
        return ""
    if kind == "ref":
        return escape(draw(TEXT)) + draw(REFERENCES) + escape(draw(TEXT))
    if kind == "mixed":
        extra = draw(st.sampled_from(["<!-- c -->", "<?pi x?>", " ", "\n"]))
        return escape(draw(TEXT)) + extra + escape(draw(TEXT))
    if depth > 0:
        return "x"
    name = draw(NAMES)
    return f"<{name}>{draw(values(depth + 1))}</{name}>"


@st.composite
def fields(draw: Any) -> str:
    name = draw(NAMES)
    attributes = draw(st.sampled_from([""] * 9 + [' x="1"', ' xmlns="urn:x"', ' xmlns:a="urn:a"']))
    if draw(st.booleans()):
        element = f"<{name}{attributes}/>"
    else:
        element = f"<{name}{attributes}>{draw(values())}</{name}>"
    tail = draw(st.sampled_from([""] * 6 + ["\n  ", "\n", "junk", "<!-- c -->", "&amp;"]))
    return element + tail


@st.composite
def documents(draw: Any) -> bytes:
    root = draw(st.sampled_from(["xml"] * 6 + ["root", "XML", "a:xml"]))
    prolog = draw(
        st.sampled_from(
            [
                "",
                "",
                "",
                "",
                '<?xml version="1.0"?>',
                '<?xml version="1.0" encoding="UTF-8"?>',
                '<?xml version="1.0" encoding="GBK"?>',
                "\ufeff",
                "<!-- before -->",
                "<!DOCTYPE xml>",
                '<!ENTITY e "x">',
            ]
        )
    )
    attributes = draw(st.sampled_from([""] * 8 + [' version="1"', ' xmlns="urn:x"']))
    lead = draw(st.sampled_from([""] * 6 + ["\n", "junk", "<!-- c -->"]))
    body = "".join(draw(st.lists(fields(), max_size=5)))
    after = draw(st.sampled_from([""] * 6 + ["\n", "<!-- after -->", "<xml/>", "junk"]))
    document = f"{prolog}<{root}{attributes}>{lead}{body}</{root}>{after}".encode()
    cut = draw(st.sampled_from(["whole"] * 8 + ["truncate", "splice"]))
    if cut == "truncate" and document:
        document = document[: draw(st.integers(0, len(document) - 1))]
    elif cut == "splice":
        at = draw(st.integers(0, len(document)))
        document = document[:at] + draw(st.binary(max_size=4)) + document[at:]
    return document


def answer(decoder: Any, document: bytes, root: str) -> object:
    try:
        return decoder(document, root=root)
    except XmlError as exc:
        return type(exc)


@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents(), st.sampled_from(["xml", "root"]))
def test_both_decoders_agree_on_every_document(document: bytes, root: str) -> None:
    assert answer(xmlcodec.decode_fast, document, root) == answer(
        xmlcodec.decode, document, root
    ), document


@settings(max_examples=500, deadline=None)
@given(st.dictionaries(st.from_regex(r"[a-z_][a-z0-9_]{0,20}", fullmatch=True), TEXT, max_size=8))
def test_both_decoders_read_back_what_encode_wrote(fields: dict[str, str]) -> None:
    document = xmlcodec.encode(fields)
    assert answer(xmlcodec.decode_fast, document, "xml") == answer(xmlcodec.decode, document, "xml")
