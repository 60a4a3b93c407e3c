"""RelayEvent, the one thing the relay sends to tills, and its Server-Sent Events wire form."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

PAYMENT = "payment"
REFUND = "refund"
KINDS = (PAYMENT, REFUND)


@dataclass(frozen=True)
class RelayEvent:
    """A notification the relay verified and stored; ``id`` only grows (the SSE event id).

    ``raw_xml`` is the body exactly as WeChat Pay posted it, so the till can verify it again
    with its own key (the relay is a transport, not an authority: ARCHITECTURE "Truth").
    ``fields`` are the parsed fields; for a refund, the decrypted ``req_info`` fields (§3.7)
    with the envelope's ``appid``/``mch_id``.
    """

    id: int
    kind: str  # "payment" | "refund"
    mch_id: str
    out_trade_no: str
    raw_xml: str = field(repr=False)
    fields: dict[str, str] = field(repr=False)

    def to_json(self) -> str:
        return json.dumps(
            {
                "id": self.id,
                "kind": self.kind,
                "mch_id": self.mch_id,
                "out_trade_no": self.out_trade_no,
                "raw_xml": self.raw_xml,
                "fields": self.fields,
            },
            ensure_ascii=False,
            separators=(",", ":"),
        )

    def to_sse(self) -> bytes:
        """One SSE frame: ``id``, ``event`` and a one-line JSON ``data`` (JSON escapes newlines)."""
        return f"id: {self.id}\nevent: {self.kind}\ndata: {self.to_json()}\n\n".encode()

    @classmethod
    def from_json(
        cls, text: str, *, event_id: int | None = None, kind: str | None = None
    ) -> RelayEvent:
        """Read ``data``; the SSE ``id``/``event`` lines win when given. ValueError if malformed."""
        try:
            data: Any = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ValueError("event data is not JSON") from exc
        if not isinstance(data, dict):
            raise ValueError("event data is not a JSON object")
        fields = data.get("fields")
        if not isinstance(fields, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in fields.items()
        ):
            raise ValueError("event fields must be a string map")
        raw_id = event_id if event_id is not None else data.get("id")
        if not isinstance(raw_id, int) or isinstance(raw_id, bool):
            raise ValueError("event id must be an integer")
        the_kind = kind if kind is not None else data.get("kind")
        if the_kind not in KINDS:
            raise ValueError(f"unknown event kind {the_kind!r}")
        strings = [data.get(name) for name in ("mch_id", "out_trade_no", "raw_xml")]
        if not all(isinstance(value, str) for value in strings):
            raise ValueError("mch_id, out_trade_no and raw_xml must be strings")
        return cls(
            id=raw_id,
            kind=str(the_kind),
            mch_id=str(strings[0]),
            out_trade_no=str(strings[1]),
            raw_xml=str(strings[2]),
            fields=dict(fields),
        )
