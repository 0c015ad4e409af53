"""Special files and unreadable paths: a FIFO, a device, a socket or an unreadable folder is one
InputError line, never a hang, a 6 GB read or a silent skip; reads stop at the byte limit whatever
the file system says the size is."""
from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from dateline.ingest import InputError, read_inputs
from dateline.ingest.samples import sample_paths
from dateline.model import Article

SAMPLE = next(p for p in sample_paths() if p.name.startswith("indus-herald"))


def read_within(paths, seconds: float = 10.0, **kwargs) -> list:
    """read_inputs(paths) in a thread; a read that blocks (a FIFO opened with no writer) fails the
    test instead of hanging it: every FIFO in ``paths`` is then opened for writing to unblock it."""
    result: list = []
    worker = threading.Thread(target=lambda: result.extend(read_inputs([str(p) for p in paths], **kwargs)),
                              daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        for p in paths:
            for fifo in ([p] if not Path(p).is_dir() else [q for q in Path(p).rglob("*")]):
                if stat.S_ISFIFO(os.stat(fifo).st_mode):
                    fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
                    os.close(fd)
        worker.join(10)
        pytest.fail(f"reading {paths} blocked for {seconds:.0f} s (a FIFO was opened)")
    return result


def errors(items) -> list[InputError]:
    return [i for i in items if isinstance(i, InputError)]


def articles(items) -> list[Article]:
    return [i for i in items if isinstance(i, Article)]


def test_fifo_named_on_the_command_line_is_one_error_not_a_hang(tmp_path):
    fifo = tmp_path / "bad.txt"
    os.mkfifo(fifo)
    [err] = read_within([fifo])
    assert isinstance(err, InputError), err
    assert err.source == str(fifo) and err.kind == "special"
    assert "FIFO" in err.message and "\n" not in str(err)


def test_fifo_inside_a_folder_is_skipped_with_one_line_and_the_rest_is_read(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_bytes(SAMPLE.read_bytes())
    os.mkfifo(folder / "b.txt")
    (folder / "c.txt").write_bytes(SAMPLE.read_bytes())
    items = read_within([folder])
    assert [Path(a.source).name for a in articles(items)] == ["a.txt", "c.txt"]
    [err] = errors(items)
    assert err.source == str(folder / "b.txt") and err.kind == "special" and "FIFO" in err.message


def test_socket_inside_a_folder_is_skipped_with_one_line(tmp_path):
    folder = tmp_path / "s"
    folder.mkdir()
    (folder / "a.txt").write_bytes(SAMPLE.read_bytes())
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.bind(str(folder / "live.txt"))
    except OSError as exc:  # e.g. a path longer than AF_UNIX allows
        pytest.skip(f"cannot create a socket file here: {exc}")
    try:
        items = read_within([folder])
    finally:
        sock.close()
    assert len(articles(items)) == 1
    [err] = errors(items)
    assert err.source.endswith("live.txt") and err.kind == "special" and "socket" in err.message


@pytest.mark.skipif(not os.path.exists("/dev/null"), reason="needs /dev/null")
def test_character_device_is_not_read():
    [err] = read_within(["/dev/null"])
    assert isinstance(err, InputError) and err.kind == "special" and "character device" in err.message


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_dev_zero_is_one_error_not_a_runaway_read(tmp_path):
    # In a child with a 2 GB address-space cap, so a regression cannot eat this machine's memory.
    code = ("import resource; resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))\n"
            "from dateline.ingest import read_inputs\n"
            "for item in read_inputs(['/dev/zero', sys.argv[1]]):\n"
            "    print(type(item).__name__, getattr(item, 'kind', '-'), str(item)[:300])\n")
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")
    proc = subprocess.run([sys.executable, "-c", "import sys\n" + code, str(link)], capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr[-2000:]
    lines = proc.stdout.splitlines()
    assert len(lines) == 2, proc.stdout
    assert all(ln.startswith("InputError special ") and "character device" in ln
               for ln in lines), lines


@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="needs Linux /proc")
def test_read_stops_at_the_byte_limit_even_when_the_reported_size_is_zero():
    # /proc files are regular files that report st_size 0 whatever they hold.
    path = "/proc/self/status"
    assert os.stat(path).st_size == 0
    [err] = read_within([path], max_bytes=100)
    assert isinstance(err, InputError) and err.kind == "too_large", err
    assert "over the limit of 100 bytes" in err.message


def _deny_folder(monkeypatch, folder: Path) -> None:
    """chmod 000 on ``folder``; as root (which reads it anyway) listing it raises PermissionError."""
    if os.geteuid() != 0:
        folder.chmod(0)  # the test puts the mode back
        return
    real = os.scandir

    def scandir(path="."):
        if Path(os.fsdecode(path)) == folder:
            raise PermissionError(13, "Permission denied", os.fsdecode(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)


def test_unreadable_subfolder_is_one_error_and_the_rest_is_read(tmp_path, monkeypatch):
    top = tmp_path / "news"
    locked = top / "locked"
    locked.mkdir(parents=True)
    (locked / "x.txt").write_bytes(SAMPLE.read_bytes())
    (top / "a.txt").write_bytes(SAMPLE.read_bytes())
    _deny_folder(monkeypatch, locked)
    try:
        items = read_within([top])
    finally:
        locked.chmod(0o755)
    assert [Path(a.source).name for a in articles(items)] == ["a.txt"]
    [err] = errors(items)
    assert err.source == str(locked) and err.kind == "unreadable"
    assert "permission denied" in err.message and "\n" not in str(err)


def test_unreadable_folder_given_explicitly_says_so(tmp_path, monkeypatch):
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "x.txt").write_bytes(SAMPLE.read_bytes())
    _deny_folder(monkeypatch, locked)
    try:
        items = read_within([locked])
    finally:
        locked.chmod(0o755)
    [err] = items
    assert isinstance(err, InputError) and err.kind == "unreadable" and "permission denied" in err.message


def test_unreadable_file_is_one_error(tmp_path, monkeypatch):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(SAMPLE.read_bytes())
    if os.geteuid() != 0:
        bad.chmod(0)
    else:
        real_open = Path.open

        def deny(self, *args, **kwargs):
            if self == bad:
                raise PermissionError(13, "Permission denied", str(self))
            return real_open(self, *args, **kwargs)

        monkeypatch.setattr(Path, "open", deny)
    try:
        [err] = read_within([bad])
    finally:
        bad.chmod(0o644)
    assert isinstance(err, InputError) and err.kind == "unreadable" and "permission denied" in err.message
