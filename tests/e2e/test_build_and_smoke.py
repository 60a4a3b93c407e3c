"""tools/build_and_smoke.sh ends every process it starts.

A real PyInstaller build takes minutes, so the script runs here on a copy of the repository
with a stand-in PyInstaller: it makes ``dist/pos/pos`` a wrapper that runs this checkout's
``pos`` (the same commands, sandbox, relay with its worker process, and cashier window) and
notes each start. Everything else is the real script, run by bash, starting real processes.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BUNDLED = (
    "resources/style.qss",
    "resources/sounds/paid.wav",
    "resources/i18n/pos_zh_CN.qm",
    "resources/i18n/pos_en.qm",
    "PySide6/QtCharts.abi3.so",
    "PySide6/QtMultimedia.abi3.so",
)


def fake_pyinstaller(repo: Path, started: Path) -> Path:
    """A stand-in for PyInstaller: dist/pos/pos runs ``python -m pos`` and notes its start."""
    internal = " ".join(f"dist/pos/_internal/{name}" for name in BUNDLED)
    script = repo / "fake-pyinstaller"
    script.write_text(
        f"""#!/bin/sh
set -e
mkdir -p dist/pos/_internal
for file in {internal}; do mkdir -p "$(dirname "$file")"; : >"$file"; done
cat >dist/pos/pos <<'EOF'
#!/bin/sh
echo "$$ $HOME" >>{started}
exec {sys.executable} -m pos "$@"
EOF
chmod +x dist/pos/pos
""",
        encoding="utf-8",
    )
    script.chmod(0o755)
    return script


def processes_with_home(homes: set[str]) -> list[int]:
    """The live processes (not zombies) whose environment has HOME set to one of ``homes``."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            environ = (entry / "environ").read_bytes().split(b"\0")
            status = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue  # ended meanwhile, or not ours to read
        if status != "Z" and any(f"HOME={home}".encode() in environ for home in homes):
            found.append(int(entry.name))
    return found


def test_the_smoke_script_leaves_no_process_running(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    (repo / "tools").mkdir(parents=True)
    (repo / "pos").mkdir()
    shutil.copy2(ROOT / "tools" / "build_and_smoke.sh", repo / "tools")
    shutil.copy2(ROOT / "pos" / "__init__.py", repo / "pos")
    started = tmp_path / "started.txt"
    pyinstaller = fake_pyinstaller(repo, started)
    homes: set[str] = set()
    try:
        done = subprocess.run(
            ["bash", "tools/build_and_smoke.sh", str(pyinstaller)],
            cwd=repo,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        assert done.returncode == 0, done.stdout + done.stderr
        assert "build_and_smoke: all checks passed" in done.stdout
        runs = [line.split(" ", 1) for line in started.read_text().splitlines()]
        homes = {home for _, home in runs}
        # --version, the --help of each command, a bad date, sandbox, relay and cashier.
        assert len(runs) >= 10 and len(homes) == 1
        left = {
            pid: (Path("/proc") / str(pid) / "cmdline").read_bytes().replace(b"\0", b" ")
            for pid in processes_with_home(homes)
        }
        assert left == {}, f"still running after the script ended: {left}"
    finally:
        for pid in processes_with_home(homes):
            os.kill(pid, signal.SIGKILL)
