"""Legacy .doc/.wps: converted by LibreOffice when soffice is on PATH, refused saying so when not."""
from __future__ import annotations

import os
import shutil
import stat
import subprocess
import time

import pytest
import readers_samples as R

from xuncha_parse.readers import ReaderError, legacy, read
from xuncha_parse.readers.sniff import OLE_MAGIC

OLE = OLE_MAGIC + bytes(504)


def _fake_soffice(folder, body: str) -> None:
    """An executable named soffice on a PATH of its own, running the shell ``body``."""
    script = folder / "soffice"
    script.write_text("#!/bin/sh\n" + body)
    script.chmod(script.stat().st_mode | stat.S_IEXEC)


def _path_first(folder) -> str:
    """A PATH where the fake soffice comes first and the shell's tools are still found."""
    return f"{folder}{os.pathsep}/usr/bin{os.pathsep}/bin"


def _gone(pid: int) -> bool:
    """The process has ended (gone, or a zombie waiting for its reaper)."""
    try:
        with open(f"/proc/{pid}/stat") as stat_file:
            return stat_file.read().rsplit(")", 1)[1].split()[0] == "Z"
    except FileNotFoundError:
        return True


@pytest.mark.parametrize("name,what", [("old.doc", "legacy Word .doc"), ("old.wps", "WPS .wps"), (None, ".doc/.wps")])
def test_refused_without_libreoffice(monkeypatch, tmp_path, name, what):
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(ReaderError) as err:
        read(OLE, name)
    message = str(err.value)
    assert what in message and "LibreOffice" in message and "install" in message and "\n" not in message


def test_conversion_command(monkeypatch, tmp_path):
    """soffice is called headless, with a private profile, converting to docx into a private folder;
    what it writes there is read as a .docx."""
    docx = tmp_path / "made.docx"
    docx.write_bytes(R.docx_bytes(["关于巡察整改进展情况的通报", "特此通报。"]))
    args = tmp_path / "args"
    _fake_soffice(tmp_path, f'echo "$@" > {args}\nfor last; do :; done\n'
                            f'cp {docx} "$(dirname "$last")/notice.docx"\n')
    monkeypatch.setenv("PATH", _path_first(tmp_path))
    got = read(OLE, "old.wps")
    assert (got.format, got.text) == ("docx", "关于巡察整改进展情况的通报\n特此通报。\n")
    used = args.read_text().split()
    assert used[0].startswith("-env:UserInstallation=file:///") and "/xuncha-soffice-" in used[0]
    assert used[1:5] == ["--headless", "--norestore", "--convert-to", "docx"] and used[-1].endswith("notice.wps")


def test_conversion_that_writes_nothing_is_one_line(monkeypatch, tmp_path):
    _fake_soffice(tmp_path, "exit 1\n")
    monkeypatch.setenv("PATH", _path_first(tmp_path))
    with pytest.raises(ReaderError, match="LibreOffice could not convert old.doc"):
        read(OLE, "old.doc")


def test_conversion_timeout_ends_every_process(monkeypatch, tmp_path):
    """A LibreOffice that hangs is stopped, with the processes it started."""
    pid_file = tmp_path / "child.pid"
    _fake_soffice(tmp_path, f"sh -c 'echo $$ > {pid_file}; exec sleep 60' &\nsleep 60\n")
    monkeypatch.setenv("PATH", _path_first(tmp_path))
    monkeypatch.setattr(legacy, "CONVERT_SECONDS", 1)
    with pytest.raises(ReaderError, match="did not convert the file within 1 s"):
        read(OLE, "old.doc")
    child = int(pid_file.read_text())
    deadline = time.monotonic() + 5
    while not _gone(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _gone(child)


@pytest.mark.skipif(shutil.which("soffice") is None and shutil.which("libreoffice") is None,
                    reason="LibreOffice (soffice) is not installed: the real conversion is not tested here")
def test_real_libreoffice_round_trip(tmp_path):
    """A .doc made by LibreOffice from a sample's .docx reads back with every line."""
    lines = [line.strip() for line in R.sample_lines(R.sample_text(R.SAMPLE_NAMES[0]))]
    source = tmp_path / "n.docx"
    source.write_bytes(R.docx_bytes(lines))
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'p').as_uri()}", "--headless",
                    "--convert-to", "doc", "--outdir", str(tmp_path), str(source)], check=True, timeout=300)
    assert read((tmp_path / "n.doc").read_bytes(), "n.doc").text.splitlines() == lines
