"""A slip drawn as an image from the same layout the printer gets: the docs' receipt previews.

One pixel per printer dot (203 dpi; 384 dots on 58 mm, 576 on 80 mm), 12×24-dot cells of
font A (a Chinese character takes two), bold and double size as the printer does them, and the
barcode's bars from python-barcode's Code128, two dots per module as
:func:`pos.counter.printing.escpos_bytes` asks the printer. Needs a CJK font; it looks for
Noto Sans Mono CJK (Debian's ``fonts-noto-cjk``) unless given one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pos.counter.receipt import (
    BARCODE_MODULE_DOTS,
    DOTS,
    Barcode,
    Feed,
    Layout,
    Pair,
    Rule,
    Text,
    char_width,
    pair_lines,
    text_lines,
)

CELL_W, CELL_H = 12, 24
MARGIN = 16
BARCODE_HEIGHT = 80
_FONT_CANDIDATES = (
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", "Noto Sans Mono CJK SC"),
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc", "Noto Sans Mono CJK SC"),
    ("/System/Library/Fonts/PingFang.ttc", ""),
    ("C:/Windows/Fonts/msyh.ttc", ""),
)


def _font(path: Path | None, size: int) -> Any:
    from PIL import ImageFont

    if path is not None:
        return ImageFont.truetype(str(path), size)
    for candidate, family in _FONT_CANDIDATES:
        if not Path(candidate).exists():
            continue
        for index in range(12):
            try:
                font = ImageFont.truetype(candidate, size, index=index)
            except OSError:
                break
            if not family or font.getname()[0] == family:
                return font
    return ImageFont.load_default(size)


def _barcode_modules(data: str) -> str:
    import barcode  # python-barcode, installed with python-escpos

    return str(barcode.get_barcode_class("code128")(data).build()[0])


def render_png(layout: Layout, target: Path, *, font_path: Path | None = None) -> Path:
    """Draw ``layout`` as the printer would and save it as a PNG at ``target``."""
    image = render_image(layout, font_path=font_path)
    target.parent.mkdir(parents=True, exist_ok=True)
    image.save(target, "PNG", optimize=True)
    return target


def render_image(layout: Layout, *, font_path: Path | None = None) -> Any:
    """``layout`` drawn as the printer would: a greyscale Pillow image, one pixel a dot."""
    from PIL import Image, ImageDraw

    columns = layout.columns
    width = DOTS[layout.paper_mm]
    rows: list[tuple[str, Any]] = []  # ("line", (text, scale, bold)) or ("barcode", data)
    for block in layout.blocks:
        if isinstance(block, Text):
            for line in text_lines(block, columns):
                rows.append(("line", (line, 2 if block.big else 1, block.bold)))
        elif isinstance(block, Pair):
            for line in pair_lines(block.label, block.value, columns):
                rows.append(("line", (line, 1, block.bold)))
        elif isinstance(block, Rule):
            rows.append(("line", (block.char * columns, 1, False)))
        elif isinstance(block, Barcode):
            rows.append(("barcode", block.data))
        elif isinstance(block, Feed):
            rows.extend(("line", ("", 1, False)) for _ in range(block.lines))
    height = sum(
        BARCODE_HEIGHT + CELL_H if kind == "barcode" else CELL_H * value[1] for kind, value in rows
    )
    image = Image.new("L", (width + 2 * MARGIN, height + 2 * MARGIN), 255)
    draw = ImageDraw.Draw(image)
    fonts = {scale: _font(font_path, 20 * scale) for scale in (1, 2)}
    y = MARGIN
    for kind, value in rows:
        if kind == "barcode":
            modules = _barcode_modules(value)
            bar_width = len(modules) * BARCODE_MODULE_DOTS
            x = MARGIN + max(0, (width - bar_width) // 2)
            for index, module in enumerate(modules):
                if module == "1":
                    left = x + index * BARCODE_MODULE_DOTS
                    draw.rectangle(
                        (left, y, left + BARCODE_MODULE_DOTS - 1, y + BARCODE_HEIGHT - 1), fill=0
                    )
            y += BARCODE_HEIGHT + CELL_H
            continue
        text, scale, bold = value
        x = MARGIN
        for char in text:
            cells = char_width(char)
            if char != " ":
                draw.text(
                    (x, y + CELL_H * scale // 2),
                    char,
                    anchor="lm",
                    font=fonts[scale],
                    fill=0,
                    stroke_width=1 if bold else 0,
                    stroke_fill=0,
                )
            x += cells * CELL_W * scale
        y += CELL_H * scale
    return image
