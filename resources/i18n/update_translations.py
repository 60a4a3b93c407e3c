"""Refresh the window's translations: extract (lupdate), check zh_CN, compile (lrelease).

Run from the repository root with the project's virtualenv:
    python resources/i18n/update_translations.py
    python resources/i18n/update_translations.py --zh new-texts.tsv

The ``.ts`` files are the only source of the translations. English is the source language,
so pos_en.ts keeps its texts as they are (an empty translation falls back to the source);
zh_CN, the default, must cover every text: lupdate keeps what is translated, and the script
fails, listing them, when a text has no Chinese. Give it in Qt Linguist, in the ``.ts`` file
itself, or with ``--zh FILE``: lines of ``context<TAB>English<TAB>Chinese`` (the context is
the class whose ``tr()`` says the text); the file is merged into pos_zh_CN.ts before the check.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
LANGUAGES = ("zh_CN", "en")


def tool(name: str) -> str:
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found (install PySide6 in this environment)")
    return found


def read_tsv(path: Path) -> dict[tuple[str, str], str]:
    """``context<TAB>English<TAB>Chinese`` lines; ``\\n`` in a text stands for a line break."""
    texts: dict[tuple[str, str], str] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3:
            raise SystemExit(f"{path}:{number}: want context<TAB>English<TAB>Chinese")
        context, source, chinese = (part.replace("\\n", "\n") for part in parts)
        texts[(context, source)] = chinese
    return texts


def check_chinese(path: Path, given: dict[tuple[str, str], str]) -> list[str]:
    """Set the ``given`` texts, then list every text that still has no Chinese."""
    tree = ET.parse(path)  # noqa: S314 (our own file)
    missing: list[str] = []
    unused = dict(given)
    for context in tree.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            assert translation is not None
            text = unused.pop((name, source), None)
            if text is not None:
                _set_translation(message, translation, text)
            elif translation.get("type") in ("unfinished", "vanished", "obsolete") or not (
                translation.text or translation.findtext("numerusform")
            ):
                missing.append(f"{name}\t{source}")
    for context_name, source in unused:
        print(f"not in the window's texts (ignored): {context_name}: {source}", file=sys.stderr)
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return missing


def _set_translation(message: ET.Element, translation: ET.Element, text: str) -> None:
    translation.attrib.pop("type", None)
    if message.get("numerus") == "yes":
        for child in list(translation):
            translation.remove(child)
        form = ET.SubElement(translation, "numerusform")
        form.text = text
        translation.text = None
    else:
        translation.text = text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--zh", type=Path, help="context<TAB>English<TAB>Chinese lines to add")
    args = parser.parse_args(argv)
    given = read_tsv(args.zh) if args.zh else {}
    sources = sorted(str(path.relative_to(ROOT)) for path in (ROOT / "pos" / "ui").rglob("*.py"))
    ts_files = [HERE / f"pos_{language}.ts" for language in LANGUAGES]
    subprocess.run(  # noqa: S603 (our own tools, fixed arguments)
        [tool("pyside6-lupdate"), *sources, "-no-obsolete", "-ts", *map(str, ts_files)],
        cwd=ROOT,
        check=True,
    )
    missing = check_chinese(HERE / "pos_zh_CN.ts", given)
    if missing:
        print(
            "no Chinese for these texts (context<TAB>English); add them with --zh:",
            *missing,
            sep="\n  ",
            file=sys.stderr,
        )
        return 1
    for ts in ts_files:
        subprocess.run(  # noqa: S603 (our own tools, fixed arguments)
            [tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
