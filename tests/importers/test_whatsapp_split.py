"""A big WhatsApp export read in parts by several processes
(`guardian.split_import`) stores exactly what one pass stores: the same
messages with the same identities (so either import of a file makes the
other add nothing), positions, skipped lines and chat details; and when a
guess made to read in parts fails, the file is read again in one pass."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from guardian import split_import
from guardian.importers import whatsapp, whatsapp_split
from guardian.importers.base import Cancelled, ParseContext
from guardian.importers.testing import source_from_bytes
from guardian.importers.whatsapp_header import DAY_FIRST, HEADER
from guardian.importers.whatsapp_survey import Survey
from guardian.importing import import_paths
from guardian.store.database import Store, Unlock

RIYADH = ZoneInfo("Asia/Riyadh")
RLM = "\u200f"
AR = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
NAMES = ["ريم", "سارة", "~ جود", "+966 50 123 4567"]


def _arabic_line(minute: int, sender: str, body: str) -> str:
    day, rest = divmod(minute, 24 * 60)
    hour, mins = divmod(rest, 60)
    date = f"{1 + day % 28}{RLM}/{1 + day // 28}{RLM}/2024".translate(AR)
    clock = f"{hour % 12 or 12}:{mins:02d}".translate(AR)
    return f"{date}، {clock} {'ص' if hour < 12 else 'م'} - {sender}: {body}"


def _chat(n: int, newline: str = "\n") -> str:
    """An Arabic-locale Android export with what one pass must get right:
    repeats in one minute, continuation lines, media, system lines, an
    impossible date, text before the first message."""
    lines = ["ملاحظة قبل أول رسالة",
             f"١{RLM}/١{RLM}/٢٠٢٤، ١٢:٠٠ ص - {RLM}الرسائل والمكالمات مشفرة تمامًا بين الطرفين."]
    minute = 1
    for i in range(n):
        minute += (0, 0, 1, 3)[i % 4]
        body = ["ok", "هههه", "وين الواجب؟", "<تم استبعاد الوسائط>", "ok"][i % 5]
        lines.append(_arabic_line(minute, NAMES[i % len(NAMES)], body))
        if i % 13 == 0:
            lines.append("سطر ثان من الرسالة")
        if i % 97 == 0:
            lines.append(_arabic_line(minute, "ريم", "ok"))          # a repeat in the same minute
        if i % 211 == 0:
            lines.append(f"٣٠{RLM}/٢{RLM}/٢٠٢٤، ١:٠٠ م - ريم: لا يوجد")   # 30 February
            lines.append("تابع")
    return newline.join(lines) + newline


@pytest.fixture
def in_parts(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[object]]:
    """Small files are split too, in three parts; yields what each
    `finish` returned (None: the parts were read again in one pass)."""
    monkeypatch.setattr(whatsapp_split, "MIN_SPLIT_BYTES", 0)
    monkeypatch.setattr(split_import, "processes", lambda: 3)
    finished: list[object] = []
    real = whatsapp_split.finish

    def spy(*args: object) -> object:
        finished.append(real(*args))           # type: ignore[arg-type]
        return finished[-1]

    monkeypatch.setattr(whatsapp_split, "finish", spy)
    yield finished


def _stored(store: Store) -> tuple[object, ...]:
    [conv] = store.conversations()
    messages = [(m.sender, m.timestamp, m.text, m.raw, m.position, m.attachment, m.attachment_name,
                 m.is_system) for m in store.messages(conv.id)]
    return (conv.title, conv.is_group, sorted(conv.participants), messages)


def _import(path: Path, folder: Path) -> tuple[tuple[object, ...], list[tuple[int, str]]]:
    with Store.open(folder / "g.sqlite3", Unlock(ephemeral=True)) as store:
        report = import_paths(store, [path], tz=RIYADH, tz_name="Asia/Riyadh")
        assert report.sources[0].messages == report.sources[0].added
        return _stored(store), report.sources[0].skipped


def _write(tmp_path: Path, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / "WhatsApp Chat with الصف الخامس.txt"
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_parts_store_what_one_pass_stores(newline: str, tmp_path: Path, in_parts: list[object],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path, _chat(3000, newline))
    (tmp_path / "split").mkdir()
    split, split_skipped = _import(path, tmp_path / "split")
    assert len(in_parts) == 1 and in_parts[0] is not None        # read in parts, not again
    monkeypatch.setattr(split_import, "processes", lambda: 1)
    (tmp_path / "once").mkdir()
    once, once_skipped = _import(path, tmp_path / "once")
    assert len(in_parts) == 1
    assert split == once
    assert split_skipped == once_skipped and len(once_skipped) >= 10


def test_a_chat_in_a_zip_is_read_in_parts_too(tmp_path: Path, in_parts: list[object],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    text = _chat(3000).replace("وين الواجب؟", "IMG-20240101-WA0001.jpg (file attached)")
    archive = tmp_path / "WhatsApp Chat - الصف الخامس.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("_chat.txt", text)
        z.writestr("IMG-20240101-WA0001.jpg", b"\xff\xd8\xff\xd9")
    (tmp_path / "split").mkdir()
    split = _import(archive, tmp_path / "split")
    assert in_parts[-1] is not None
    monkeypatch.setattr(split_import, "processes", lambda: 1)
    (tmp_path / "once").mkdir()
    assert split == _import(archive, tmp_path / "once")
    assert any(m[5] is not None for m in split[0][3])      # attachments named by the zip's files


def test_either_import_makes_the_other_add_nothing(tmp_path: Path, in_parts: list[object],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path, _chat(2000))
    with Store.open(tmp_path / "g.sqlite3", Unlock(ephemeral=True)) as store:
        first = import_paths(store, [path], tz=RIYADH, tz_name="Asia/Riyadh")
        assert in_parts[-1] is not None
        monkeypatch.setattr(split_import, "processes", lambda: 1)
        assert import_paths(store, [path], tz=RIYADH, tz_name="Asia/Riyadh").added == 0
        assert store.message_count() == first.added
    with Store.open(tmp_path / "h.sqlite3", Unlock(ephemeral=True)) as store:
        import_paths(store, [path], tz=RIYADH, tz_name="Asia/Riyadh")
        monkeypatch.setattr(split_import, "processes", lambda: 3)
        assert import_paths(store, [path], tz=RIYADH, tz_name="Asia/Riyadh").added == 0
        assert in_parts[-1] is not None


def test_invalid_utf8_in_two_parts_is_reported_once(tmp_path: Path, in_parts: list[object],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    bad = _chat(3000).encode().replace("وين الواجب؟".encode(), "وين".encode() + b"\xff" + " الواجب؟".encode())
    assert bad.count(b"\xff") > 100
    path = tmp_path / "WhatsApp Chat with الصف الخامس.txt"
    path.write_bytes(bad)
    (tmp_path / "split").mkdir()
    split, split_skipped = _import(path, tmp_path / "split")
    assert in_parts[-1] is not None
    monkeypatch.setattr(split_import, "processes", lambda: 1)
    (tmp_path / "once").mkdir()
    once, once_skipped = _import(path, tmp_path / "once")
    assert split == once and split_skipped == once_skipped
    assert sum("UTF-8" in reason for _line, reason in once_skipped) == 1


@pytest.mark.parametrize("case", ["times go back", "month first after all", "subject renames it"])
def test_a_failed_guess_reads_the_file_again_in_one_pass(case: str, tmp_path: Path,
                                                          in_parts: list[object],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    if case == "times go back":       # the last third repeats the first third's times
        lines = _chat(3000).split("\n")
        text = "\n".join(lines + lines[2:len(lines) // 3]) + "\n"
    elif case == "month first after all":
        text = "".join(f"0{1 + i % 9}/01/2023, 10:{i % 60:02d} - Sami: x {i}\n" for i in range(6000))
        text += "01/13/2023, 10:00 - Sami: the month comes first\n"
    else:
        renamed = _arabic_line(60 * 24 * 40, "ريم", "").replace("ريم: ", "ريم غيّرت اسم المجموعة إلى \"الصف\"")
        text = _chat(3000) + renamed + "\n"
    path = _write(tmp_path, text)
    (tmp_path / "split").mkdir()
    split, split_skipped = _import(path, tmp_path / "split")
    assert in_parts == [None]
    monkeypatch.setattr(split_import, "processes", lambda: 1)
    (tmp_path / "once").mkdir()
    assert (split, split_skipped) == _import(path, tmp_path / "once")


@pytest.mark.parametrize("worker", ["dies_at_once", "sends_nonsense"])
def test_a_worker_that_dies_or_misbehaves_leaves_the_file_to_one_pass(
        worker: str, tmp_path: Path, in_parts: list[object], monkeypatch: pytest.MonkeyPatch) -> None:
    import split_workers
    path = _write(tmp_path, _chat(3000))
    monkeypatch.setattr(split_import, "_work", getattr(split_workers, worker))
    (tmp_path / "split").mkdir()
    split = _import(path, tmp_path / "split")
    monkeypatch.setattr(split_import, "processes", lambda: 1)
    (tmp_path / "once").mkdir()
    assert split == _import(path, tmp_path / "once")


def test_a_file_without_a_place_to_cut_is_read_in_one_pass_and_its_workers_stop(
        tmp_path: Path, in_parts: list[object], monkeypatch: pytest.MonkeyPatch) -> None:
    # Every message in one minute: no header whose time differs from the one before.
    path = _write(tmp_path, "".join(f"01/02/2024, 10:00 - Sami: x {i}\n" for i in range(3000)))
    (tmp_path / "split").mkdir()
    split = _import(path, tmp_path / "split")
    assert in_parts == []                      # no plan: the parts were never read
    import multiprocessing
    assert multiprocessing.active_children() == []
    monkeypatch.setattr(split_import, "processes", lambda: 1)
    (tmp_path / "once").mkdir()
    assert split == _import(path, tmp_path / "once")


def test_cancelling_leaves_the_store_as_it_was_and_stops_the_workers(
        tmp_path: Path, in_parts: list[object]) -> None:
    path = _write(tmp_path, _chat(20_000))
    with Store.open(tmp_path / "g.sqlite3", Unlock(ephemeral=True)) as store:
        seen: list[int] = []
        with pytest.raises(Cancelled):
            import_paths(store, [path], tz=RIYADH, tz_name="Asia/Riyadh",
                         progress=lambda p: seen.append(p.messages), should_stop=lambda: bool(seen))
        assert store.message_count() == 0 and store.sources() == [] and store.conversations() == []
    import multiprocessing
    assert multiprocessing.active_children() == []


_DATES = st.tuples(st.integers(1, 31), st.integers(1, 31), st.sampled_from([2023, 2024, 1445]))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_DATES, st.sampled_from(["Ali", "ريم", "Sara"]),
                          st.sampled_from(["hi", "ok", "Ali changed the subject to \"x\"",
                                           "Sara changed the subject to \"y\""])),
                min_size=1, max_size=60),
       st.lists(st.integers(0, 60), max_size=3))
def test_surveys_of_parts_add_up_to_the_survey_of_the_whole(
        lines: list[tuple[tuple[int, int, int], str, str]], cuts: list[int]) -> None:
    text = "".join(f"{a}/{b}/{y}, 10:{i % 60:02d} - {who}: {body}\n"
                   for i, ((a, b, y), who, body) in enumerate(lines))
    pieces = text.splitlines(keepends=True)
    whole = _survey("".join(pieces))
    bounds = sorted({0, len(pieces), *(c for c in cuts if c <= len(pieces))})
    merged = Survey()
    for start, end in zip(bounds, bounds[1:]):
        merged.extend(_survey("".join(pieces[start:end]), pieces[start - 1] if start else None))
    for name in ("headers", "styles", "senders", "group_event", "subject", "system_authors",
                 "too_many_senders"):
        assert getattr(merged, name) == getattr(whole, name), name
    assert merged.votes == whole.votes and merged.votes.decide() == whole.votes.decide()


def _survey(text: str, line_before: str | None = None) -> Survey:
    """What a part's reader tallies (see `whatsapp_split.read_part`)."""
    last_date = HEADER.match(line_before).group(2, 3, 4) if line_before else None
    tally = Survey()
    source = source_from_bytes(text.encode(), name="WhatsApp Chat with x.txt", title_hint="x")
    reader = whatsapp._Reader(source, ParseContext(tz=RIYADH), tally, DAY_FIRST, whatsapp.named_by_file("x"),
                     None, False, tally=tally, last_date=last_date)
    for _rows in reader.rows():
        pass
    tally.headers = reader.headers
    return tally
