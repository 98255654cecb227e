"""The import reads a WhatsApp file once when the file name names the chat
(`whatsapp._read_once`) and again when a guess was wrong; either way the
store ends up with exactly what the two-pass parser reads."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from guardian.importers import whatsapp
from guardian.importers.base import ParseContext
from guardian.importers.testing import source_from_path
from guardian.importing import import_paths
from guardian.store.database import Store, Unlock

RIYADH = ZoneInfo("Asia/Riyadh")
RLM = "\u200f"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "whatsapp"


def _arabic(n: int, extra: str = "") -> str:
    lines = [f"١{RLM}/١{RLM}/٢٠٢٤، ١٢:٠٠ ص - {RLM}الرسائل والمكالمات مشفرة تمامًا بين الطرفين."]
    for i in range(n):
        day = 1 + i % 27
        lines.append(f"{day}{RLM}/{1 + i // 27}{RLM}/2024، {1 + i % 12}:{i % 60:02d} م - "
                     f"{['ريم', 'سارة', '~ جود'][i % 3]}: رسالة {i % 7}")
        if i % 11 == 0:
            lines.append("سطر ثان")
    return "\n".join(lines) + "\n" + extra


EXPORTS = {
    "guesses hold": _arabic(300),
    "guesses hold, two people": "\n".join(
        f"{13 + i % 10}/0{1 + i % 9}/2023, 10:{i % 60:02d} - {['Sami', 'Lina'][i % 2]}: hi {i}"
        for i in range(200)) + "\n",
    "impossible dates and text before the first line": "hello\n" + _arabic(40) +
        f"٣٠{RLM}/٢{RLM}/٢٠٢٤، ١:٠٠ م - ريم: لا يوجد\nتابع\n",
    "a subject set at the end renames the chat": _arabic(60) +
        f"٢٧{RLM}/٣{RLM}/٢٠٢٤، ١:٠٠ م - ريم غيّرت اسم المجموعة إلى \"الصف\"\n"
        "27/3/2024, 1:01 PM - Sara changed the subject from \"a\" to \"Class 5\"\n",
    "the day/month order flips late": "\n".join(
        [f"0{1 + i % 9}/01/2023, 10:{i % 60:02d} - Sami: x {i}" for i in range(20_000)]
        + ["01/13/2023, 10:00 - Sami: the month comes first"]) + "\n",
    "old-style headers": "\n".join(
        f"2016-06-{10 + i % 9}, 8:0{i % 10}:08 AM: Neil: Hi {i}" for i in range(30)) + "\n",
    "a many-block file": _arabic(20_000),
}


def _parsed(path: Path) -> tuple[list[tuple[object, ...]], list[tuple[int, str]], tuple[str, bool]]:
    ctx = ParseContext(tz=RIYADH)
    messages = list(whatsapp.parse(source_from_path(path), ctx))
    conv = messages[0].conversation
    return ([(m.sender, m.timestamp, m.text, m.raw, m.position, m.attachment, m.attachment_name,
              m.is_system) for m in messages], ctx.skipped, (conv.title, conv.is_group))


@pytest.mark.parametrize("name", sorted(EXPORTS))
def test_reading_once_stores_what_the_parser_reads(name: str, tmp_path: Path) -> None:
    path = tmp_path / "WhatsApp Chat with الصف الخامس.txt"
    path.write_text(EXPORTS[name], encoding="utf-8")
    expected, skipped, (title, is_group) = _parsed(path)
    with Store.open(tmp_path / "g.sqlite3", Unlock(ephemeral=True)) as store:
        report = import_paths(store, [path], tz=RIYADH, tz_name="Asia/Riyadh")
        [conv] = store.conversations()
        stored = [(m.sender, m.timestamp, m.text, m.raw, m.position, m.attachment, m.attachment_name,
                   m.is_system) for m in store.messages(conv.id)]
        assert sorted(stored, key=lambda m: m[4]) == expected
        assert report.sources[0].messages == report.sources[0].added == len(expected)
        assert report.sources[0].skipped == skipped
        assert (conv.title, conv.is_group) == (title, is_group)
        assert len(store.sources()) == 1
        # and again: nothing twice
        again = import_paths(store, [path], tz=RIYADH, tz_name="Asia/Riyadh")
        assert again.added == 0


def test_fixtures_import_as_parsed(tmp_path: Path) -> None:
    for path in sorted(FIXTURES.glob("*.txt")):
        expected, _skipped, (title, _is_group) = _parsed(path)
        with Store.open(tmp_path / f"{path.stem}.sqlite3", Unlock(ephemeral=True)) as store:
            import_paths(store, [path], tz=RIYADH, tz_name="Asia/Riyadh")
            [conv] = store.conversations()
            assert conv.title == title
            assert sorted(((m.sender, m.timestamp, m.text, m.raw, m.position, m.attachment,
                            m.attachment_name, m.is_system) for m in store.messages(conv.id)),
                          key=lambda m: m[4]) == expected


@pytest.mark.parametrize("names", [("guesses hold", "a many-block file"),
                                   ("a subject set at the end renames the chat", "guesses hold")])
def test_an_older_and_a_newer_export_picked_together_add_each_message_once(
        names: tuple[str, str], tmp_path: Path) -> None:
    # The newer export repeats the older one's messages (repeated lines
    # included) and adds its own; the later file is read once too, or
    # again when its guesses fail.
    older = EXPORTS[names[0]]
    newer = older + EXPORTS[names[1]].split("\n", 1)[1]
    paths = []
    for folder, text in (("old", older), ("new", newer)):
        (tmp_path / folder).mkdir()
        paths.append(tmp_path / folder / "WhatsApp Chat with الصف الخامس.txt")
        paths[-1].write_text(text, encoding="utf-8")
    expected, _skipped, _conv = _parsed(paths[1])
    with Store.open(tmp_path / "g.sqlite3", Unlock(ephemeral=True)) as store:
        report = import_paths(store, paths, tz=RIYADH, tz_name="Asia/Riyadh")
        [conv] = store.conversations()
        assert conv.messages == len(expected)
        assert report.sources[0].added + report.sources[1].added == len(expected)
