"""The hardened XML codec: every hostile or malformed input fails fast with XmlError (§5.1)."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from helpers.hostile_xml import billion_laughs

from pos.errors import NotUtf8Error, XmlError
from pos.wechatpay import xmlcodec

from .vectors import ORDERQUERY_PAID_RESPONSE, UNIFIEDORDER_REQUEST

BILLION_LAUGHS = billion_laughs()

XXE_FILE = b"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<xml><return_code>&xxe;</return_code></xml>"""

XXE_HTTP = b"""<!DOCTYPE foo [<!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd"> %remote;]>
<xml><a>1</a></xml>"""

HOSTILE = {
    "billion laughs": BILLION_LAUGHS,
    "external file entity": XXE_FILE,
    "external parameter entity": XXE_HTTP,
    "bare doctype": b'<!DOCTYPE xml SYSTEM "http://127.0.0.1:9/x.dtd"><xml><a>1</a></xml>',
    "lowercase doctype with spaces": b"<! doctype xml><xml><a>1</a></xml>",
    "entity declaration without doctype": b'<!ENTITY x "y"><xml><a>1</a></xml>',
    "undeclared entity reference": b"<xml><a>&undeclared;</a></xml>",
    "nested element": b"<xml><a><b>1</b></a></xml>",
    "repeated field": b"<xml><a>1</a><a>2</a></xml>",
    "attribute on a field": b'<xml><a x="1">1</a></xml>',
    "attribute on the root": b'<xml version="1"><a>1</a></xml>',
    "wrong root": b"<root><a>1</a></root>",
    "html": b"<html><body>502 Bad Gateway</body></html>",
    "two roots": b"<xml><a>1</a></xml><xml><a>2</a></xml>",
    "text under root": b"<xml>junk</xml>",
    "mixed content": b"<xml>junk<a>1</a></xml>",
    "half a document": b"<xml><return_code><![CDATA[SUCCESS]]></return_code><return_",
    "unclosed cdata": b"<xml><a><![CDATA[x</a></xml>",
    "not xml at all": b"return_code=SUCCESS",
    "json": b'{"return_code": "SUCCESS"}',
    "empty": b"",
    "whitespace only": b"  \n\t ",
    "processing instruction only": b'<?xml version="1.0"?>',
    "prefixed field name": b"<xml><a:b>1</a:b></xml>",
    "declared namespace": b'<xml xmlns:a="urn:x"><a:b>1</a:b></xml>',
    "default namespace": b'<xml xmlns="urn:x"><a>1</a></xml>',
    "dash in a field name": b"<xml><a-b>1</a-b></xml>",
    "text after a field": b"<xml><a>1</a>junk</xml>",
}


Decoder = Callable[..., dict[str, str]]


@pytest.fixture(params=[xmlcodec.decode, xmlcodec.decode_fast], ids=["xmltodict", "fast"])
def decoder(request: pytest.FixtureRequest) -> Decoder:
    """Both decoders must pass every test of the contract."""
    return request.param  # type: ignore[no-any-return]


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_or_malformed_input_raises_xml_error(name: str, decoder: Decoder) -> None:
    started = time.perf_counter()
    with pytest.raises(XmlError):
        decoder(HOSTILE[name])
    assert time.perf_counter() - started < 0.5, "must fail fast"


def test_entity_bomb_is_refused_before_parsing_even_as_str(decoder: Decoder) -> None:
    with pytest.raises(XmlError, match="DOCTYPE"):
        decoder(BILLION_LAUGHS.decode())


def test_eight_mib_body_fails_fast_on_size(decoder: Decoder) -> None:
    body = b"<xml><a>" + b"A" * (8 * 1024 * 1024) + b"</a></xml>"
    started = time.perf_counter()
    with pytest.raises(XmlError, match="limit"):
        decoder(body)
    assert time.perf_counter() - started < 0.5


def test_size_limit_is_exact_and_adjustable(decoder: Decoder) -> None:
    body = b"<xml><a>1</a></xml>"
    assert decoder(body, max_bytes=len(body)) == {"a": "1"}
    with pytest.raises(XmlError):
        decoder(body, max_bytes=len(body) - 1)


@pytest.mark.parametrize(
    "body",
    [
        b"<xml><a>\xff\xfe</a></xml>",
        "<xml><a>示例</a></xml>".encode("gbk"),
        b"<xml><a>\xc3</a></xml>",
        b"\xed\xa0\x80<xml></xml>",  # an encoded surrogate is not UTF-8
    ],
)
def test_non_utf8_raises_not_utf8(body: bytes, decoder: Decoder) -> None:
    with pytest.raises(NotUtf8Error):
        decoder(body)


def test_declared_foreign_encoding_is_still_read_as_utf8_or_refused(decoder: Decoder) -> None:
    body = '<?xml version="1.0" encoding="GBK"?><xml><a>示例</a></xml>'
    with pytest.raises(XmlError):
        decoder(body.encode("gbk"))
    # §1.2: the protocol is UTF-8; a declaration does not change how the bytes are read.
    assert decoder(body.encode("utf-8")) == {"a": "示例"}


def test_decodes_cdata_plain_escaped_and_empty_values(decoder: Decoder) -> None:
    fields = decoder(UNIFIEDORDER_REQUEST)
    assert fields["attach"] == "till=01&shift=A"
    assert fields["body"] == "示例超市-收银台01-商品消费"
    assert fields["total_fee"] == "2550"
    assert decoder(b"<xml><a/><b></b><c><![CDATA[]]></c></xml>") == {
        "a": "",
        "b": "",
        "c": "",
    }
    assert decoder(b"<xml></xml>") == {}


def test_surrounding_whitespace_is_trimmed_like_the_official_sdk(decoder: Decoder) -> None:
    # §2.1: the official Java SDK trims values; pretty-printed documents (§3) need it too.
    assert decoder(b"<xml>\n  <a><![CDATA[ x ]]></a>\n</xml>") == {"a": "x"}


def test_root_can_be_chosen_for_refund_plaintext(decoder: Decoder) -> None:
    assert decoder(b"<root><a>1</a></root>", root="root") == {"a": "1"}
    with pytest.raises(XmlError):
        decoder(b"<xml><a>1</a></xml>", root="root")


def test_encode_round_trips_strings_ints_and_cdata_terminators(decoder: Decoder) -> None:
    fields = {"a": "x]]>y", "b": 2550, "c": "<&>\"'", "d": None, "e": "示例"}
    encoded = xmlcodec.encode(fields)
    assert b"<b>2550</b>" in encoded
    assert b"<d>" not in encoded
    assert decoder(encoded) == {"a": "x]]>y", "b": "2550", "c": "<&>\"'", "e": "示例"}


def test_encode_refuses_bools() -> None:
    with pytest.raises(TypeError):
        xmlcodec.encode({"a": True})


def test_recorded_response_decodes(decoder: Decoder) -> None:
    fields = decoder(ORDERQUERY_PAID_RESPONSE)
    assert fields["trade_state"] == "SUCCESS"
    assert fields["transaction_id"] == "4200001234202406011234567890"
    assert len(fields) == 22
