"""pos.platform: private folders and files whatever the umask, atomic replacement, outputs."""

from __future__ import annotations

import io
import os
import stat
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from pos import platform


def mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


@pytest.fixture(params=[0o022, 0o000, 0o277])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    """The usual umask, none at all, and one that even takes the owner's write bit."""
    previous = os.umask(request.param)
    try:
        yield request.param
    finally:
        os.umask(previous)


def test_private_dir_makes_every_missing_folder_0700_and_leaves_existing_ones(
    umask: int, tmp_path: Path
) -> None:
    tmp_path.chmod(0o755)
    made = platform.private_dir(tmp_path / "a" / "b" / "c")
    assert made == tmp_path / "a" / "b" / "c"
    for folder in (tmp_path / "a", tmp_path / "a" / "b", tmp_path / "a" / "b" / "c"):
        assert mode(folder) == 0o700
    assert mode(tmp_path) == 0o755
    platform.private_dir(made)  # again: nothing to do, no error
    assert mode(made) == 0o700


def test_private_dir_refuses_a_file_in_the_way(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(FileExistsError):
        platform.private_dir(tmp_path / "file" / "sub")


def test_open_private_creates_0600_and_narrows_a_wider_file(umask: int, tmp_path: Path) -> None:
    new = tmp_path / "new.log"
    with platform.open_private(new, "a", encoding="utf-8") as handle:
        handle.write("one\n")
    assert mode(new) == 0o600
    with platform.open_private(new, "a", encoding="utf-8") as handle:
        handle.write("two\n")
    assert new.read_text() == "one\ntwo\n"

    old = tmp_path / "old.bin"
    old.write_bytes(b"old")
    old.chmod(0o644)
    with platform.open_private(old, "wb") as binary:
        binary.write(b"new")
    assert (mode(old), old.read_bytes()) == (0o600, b"new")


def test_open_private_only_writes(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="mode must be"):
        platform.open_private(tmp_path / "x", "r")


def test_create_private_makes_an_empty_0600_file_once(umask: int, tmp_path: Path) -> None:
    path = tmp_path / "pos.sqlite3"
    assert platform.create_private(path) is True
    assert (mode(path), path.read_bytes()) == (0o600, b"")
    path.write_bytes(b"data")
    assert platform.create_private(path) is False
    assert path.read_bytes() == b"data"


def test_private_file_narrows_an_old_database_and_its_side_files(
    umask: int, tmp_path: Path
) -> None:
    path = tmp_path / "pos.sqlite3"
    for name in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        name.write_bytes(b"x")
        name.chmod(0o644)
    other = tmp_path / "other"
    other.write_bytes(b"x")
    other.chmod(0o644)
    platform.private_file(path, platform.SQLITE_SIDE_FILES)
    assert [mode(p) for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm"))] == [0o600] * 3
    assert mode(other) == 0o644
    fresh = tmp_path / "new" / "relay.sqlite3"
    platform.private_file(fresh, platform.SQLITE_SIDE_FILES)
    assert (mode(fresh.parent), mode(fresh)) == (0o700, 0o600)


def test_replace_atomically_keeps_0600_and_the_old_file_on_failure(
    umask: int, tmp_path: Path
) -> None:
    path = tmp_path / "settings.toml"
    path.write_text("old")
    path.chmod(0o644)
    with pytest.raises(RuntimeError), platform.replace_atomically(path) as temporary:
        temporary.write_text("half")
        raise RuntimeError("failed midway")
    assert (path.read_text(), mode(path)) == ("old", 0o644)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["settings.toml"]

    with platform.replace_atomically(path) as temporary:
        assert mode(temporary) == 0o600
        temporary.write_text("new")
    assert (path.read_text(), mode(path)) == ("new", 0o600)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["settings.toml"]


def test_output_file_replaces_a_regular_file_through_its_symlink(
    umask: int, tmp_path: Path
) -> None:
    real = tmp_path / "real.csv"
    real.write_text("old")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    with platform.output_file(link) as temporary:
        temporary.write_text("new")
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert (real.read_text(), mode(real)) == ("new", 0o600)
    new = tmp_path / "fresh.csv"
    with platform.output_file(new) as temporary:
        temporary.write_text("fresh")
    assert (new.read_text(), mode(new)) == ("fresh", 0o600)


def test_output_file_writes_into_a_fifo_without_replacing_it(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    with platform.output_file(fifo) as temporary:
        temporary.write_bytes(b"a,b\n1,2\n")
    reader.join(timeout=30)
    assert received == [b"a,b\n1,2\n"]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_output_file_dash_is_standard_output_and_makes_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    sink = io.BytesIO()
    with platform.output_file(Path("-"), stdout=sink) as temporary:
        temporary.write_bytes(b"data")
    assert sink.getvalue() == b"data"
    assert list(tmp_path.iterdir()) == []


def test_output_file_sends_nothing_when_the_block_fails(tmp_path: Path) -> None:
    sink = io.BytesIO()
    with pytest.raises(RuntimeError), platform.output_file(Path("-"), stdout=sink) as temporary:
        temporary.write_bytes(b"half")
        raise RuntimeError("failed midway")
    assert sink.getvalue() == b""


def test_output_file_raises_a_device_write_error(tmp_path: Path) -> None:
    device = full_device(tmp_path)
    with pytest.raises(OSError) as raised, platform.output_file(device) as temporary:
        temporary.write_bytes(b"x" * 100_000)
    assert raised.value.errno == 28  # ENOSPC
    assert stat.S_ISCHR(os.lstat(device).st_mode)


def full_device(tmp_path: Path) -> Path:
    """A /dev/full to write to. As root, a node of our own (major 1, minor 7), so a bug that
    replaced it would not replace the machine's /dev/full; otherwise /dev/full itself, which
    an ordinary user cannot replace."""
    if os.geteuid() == 0:
        node = tmp_path / "full"
        os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 7))
        return node
    return Path("/dev/full")


def test_output_file_writes_through_a_symlink_to_a_fifo(tmp_path: Path) -> None:
    """As /dev/stdout is a symlink to the process's pipe: the pipe gets the data."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    link = tmp_path / "stdout"
    link.symlink_to(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    with platform.output_file(link) as temporary:
        temporary.write_bytes(b"through the link")
    reader.join(timeout=30)
    assert received == [b"through the link"]
    assert link.is_symlink() and stat.S_ISFIFO(os.lstat(fifo).st_mode)
