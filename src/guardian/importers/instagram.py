"""Instagram direct messages from "Download your information" (JSON).
The schema is shared with Messenger; see `meta_json` for the reading and
for how a thread is told apart from a Messenger one."""

from __future__ import annotations

from collections.abc import Iterator

from guardian.domain import Message
from guardian.importers import meta_json
from guardian.importers.base import ParseContext, Source

FORMAT = "instagram_json"
VERSION = "1"


def sniff(source: Source) -> bool:
    return meta_json.sniff_platform(source) == meta_json.INSTAGRAM


def parse(source: Source, ctx: ParseContext) -> Iterator[Message]:
    return meta_json.parse(source, ctx, meta_json.INSTAGRAM)
