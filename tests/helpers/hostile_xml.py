"""XML an attacker would send: the tests of every XML reader share these."""

from __future__ import annotations

#: Nine levels of ten: a billion "lol"s from a few hundred bytes, if entities were expanded.
_LAUGHS = "".join(f'<!ENTITY lol{level} "{f"&lol{level - 1};" * 10}">' for level in range(2, 10))


def billion_laughs(body: str = "<return_code>&lol9;</return_code>") -> bytes:
    """An ``<xml>`` document holding ``body``, whose DTD makes ``&lol9;`` 10⁹ words long."""
    return (
        f'<?xml version="1.0"?>\n<!DOCTYPE xml [<!ENTITY lol1 "lol">{_LAUGHS}]>\n<xml>{body}</xml>'
    ).encode()
