"""What differs between POSIX and Windows: private file modes, folders and atomic replacement.

Everything the app writes (the databases, the logs, the settings, exports) is for the user
who runs it alone: files are created 0600 and folders 0700 whatever the process umask, and
a file is set to its mode with ``fchmod`` on the open descriptor, so it is never readable by
others, not even for a moment.

Windows has no such modes (``chmod`` only sets the read-only flag): there the files live in
the user's profile folders (``%LOCALAPPDATA%``, ``%APPDATA%``), whose ACLs already give
access to that user, the administrators and SYSTEM only, and new files inherit them. So on
Windows these helpers create the folders and files and leave their permissions alone.

This module imports nothing from ``pos`` and no Qt: every layer may use it.
"""

from __future__ import annotations

import os
import shutil
import stat
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO, Any

__all__ = [
    "IS_WINDOWS",
    "PRIVATE_DIR_MODE",
    "PRIVATE_FILE_MODE",
    "SQLITE_SIDE_FILES",
    "STDOUT_NAME",
    "create_private",
    "open_private",
    "output_file",
    "private_dir",
    "private_file",
    "replace_atomically",
    "restrict",
]

IS_WINDOWS = os.name == "nt"
PRIVATE_FILE_MODE = 0o600
PRIVATE_DIR_MODE = 0o700


def private_dir(path: Path) -> Path:
    """Create ``path`` and its missing parents, each one 0700; return ``path``.

    Only the folders made here are set to 0700: a folder that already exists (``/tmp``, the
    user's home, a folder given on the command line) keeps its mode.
    """
    path = Path(path)
    missing: list[Path] = []
    current = path
    while not current.is_dir():
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=PRIVATE_DIR_MODE)
        except FileExistsError:
            if not folder.is_dir():
                raise
            continue  # made meanwhile by another process: not ours to change
        if not IS_WINDOWS:
            # mkdir's mode passes through the umask; chmod does not.
            os.chmod(folder, PRIVATE_DIR_MODE)
    return path


def _flags(mode: str) -> int:
    kind = mode.replace("b", "").replace("t", "")
    flags = {
        "w": os.O_WRONLY | os.O_CREAT | os.O_TRUNC,
        "a": os.O_WRONLY | os.O_CREAT | os.O_APPEND,
        "x": os.O_WRONLY | os.O_CREAT | os.O_EXCL,
        "w+": os.O_RDWR | os.O_CREAT | os.O_TRUNC,
        "a+": os.O_RDWR | os.O_CREAT | os.O_APPEND,
        "x+": os.O_RDWR | os.O_CREAT | os.O_EXCL,
    }.get(kind)
    if flags is None:
        raise ValueError(f"open_private writes files: mode must be w, a or x, not {mode!r}")
    return flags | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)


def open_private(path: Path | str, mode: str = "w", **kwargs: Any) -> IO[Any]:
    """``open(path, mode, **kwargs)`` for writing, the file 0600 whatever the umask.

    A file that already existed with a wider mode is narrowed to 0600 as well.
    """
    descriptor = os.open(path, _flags(mode), PRIVATE_FILE_MODE)
    try:
        _fchmod(descriptor)
        return open(descriptor, mode, **kwargs)
    except BaseException:
        os.close(descriptor)
        raise


def create_private(path: Path | str) -> bool:
    """Create ``path`` as an empty 0600 file if it does not exist; whether it was created.

    For files another library opens itself (SQLite): made here first, they get our mode.
    """
    try:
        descriptor = os.open(
            path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600
        )
    except FileExistsError:
        return False
    try:
        _fchmod(descriptor)
    finally:
        os.close(descriptor)
    return True


#: The files SQLite keeps next to a database in WAL mode, named after it.
SQLITE_SIDE_FILES = ("-wal", "-shm", "-journal")


def private_file(path: Path, side_files: tuple[str, ...] = ()) -> None:
    """Make ``path`` a private file before another library (SQLite) opens it.

    Its folder is made (0700) if missing and the file created empty, 0600; a file that
    exists is narrowed to 0600, with ``path + suffix`` for each of ``side_files`` that
    exists, unless it is not ours to change (another user's file, opened to read). SQLite
    gives the -wal and -shm files it creates the database file's mode, so they follow.
    """
    private_dir(path.parent if str(path.parent) else Path("."))
    if create_private(path):
        return
    for name in (str(path), *(f"{path}{suffix}" for suffix in side_files)):
        with suppress(FileNotFoundError, PermissionError):
            restrict(name)


def restrict(path: Path | str) -> None:
    """Set an existing file to 0600 (an install from before files were private)."""
    if IS_WINDOWS:
        return
    if stat.S_IMODE(os.stat(path).st_mode) != PRIVATE_FILE_MODE:
        os.chmod(path, PRIVATE_FILE_MODE)


def _fchmod(descriptor: int) -> None:
    if not IS_WINDOWS:
        os.fchmod(descriptor, PRIVATE_FILE_MODE)


@contextmanager
def replace_atomically(path: Path, *, suffix: str = ".part") -> Iterator[Path]:
    """A new 0600 file next to ``path``, written by the block, then renamed over ``path``.

    The data is on disk (``fsync``) before the rename, so ``path`` holds either the old
    contents or all of the new ones, even after a crash. If the block fails, ``path`` is
    untouched and the temporary file is removed. Only for regular files: a rename would put
    a file where a symlink, a FIFO or a device was.
    """
    folder = path.parent if str(path.parent) else Path(".")
    descriptor, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=suffix, dir=folder)
    temporary = Path(name)
    try:
        _fchmod(descriptor)  # mkstemp makes it 0600 already; say so whatever it does
        os.close(descriptor)
        descriptor = -1
        yield temporary
        with open(temporary, "rb+") as written:
            os.fsync(written.fileno())
        os.replace(temporary, path)
    finally:
        if descriptor >= 0:
            os.close(descriptor)
        temporary.unlink(missing_ok=True)


#: The output name that means standard output, as in most Unix tools.
STDOUT_NAME = "-"


@contextmanager
def output_file(output: Path, *, stdout: IO[bytes] | None = None) -> Iterator[Path]:
    """A path for the block to write a whole file to; when it succeeds, that is ``output``.

    * ``-`` is standard output (``stdout``, else ``sys.stdout.buffer``);
    * a regular file, or a name that does not exist yet, is replaced atomically by a new
      0600 file (:func:`replace_atomically`); through a symlink, the file it points to is
      replaced and the link stays;
    * anything else (a FIFO, a device such as ``/dev/full``, a terminal) is written into,
      never replaced, and a write error is raised (``OSError``), not lost at close.

    In the last two cases the block writes to a private temporary file first, copied out
    when complete, so a failed export sends nothing half-made.
    """
    target: Path | None = None
    if str(output) != STDOUT_NAME:
        target = output
        try:
            is_regular = stat.S_ISREG(os.stat(output).st_mode)  # through symlinks
        except FileNotFoundError:
            is_regular = True  # a new file (or a symlink to one still to be made)
        if is_regular:
            with replace_atomically(Path(os.path.realpath(output))) as temporary:
                yield temporary
            return
    with tempfile.TemporaryDirectory(prefix="pos-output-") as folder:  # mkdtemp: 0700
        temporary = Path(folder) / (output.name or "output")
        yield temporary
        with open(temporary, "rb") as source:
            if target is None:
                sink = stdout if stdout is not None else sys.stdout.buffer
                sys.stdout.flush()
                shutil.copyfileobj(source, sink)
                sink.flush()
                return
            # O_WRONLY without O_CREAT or O_TRUNC: what is there is written into, as is.
            descriptor = os.open(target, os.O_WRONLY | getattr(os, "O_BINARY", 0))
            with open(descriptor, "wb") as sink_file:
                shutil.copyfileobj(source, sink_file)
