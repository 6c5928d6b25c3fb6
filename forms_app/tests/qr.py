"""Reading back a QR code that a page embeds as inline SVG, as a phone's camera would."""

import re

import zxingcpp
from PIL import Image, ImageDraw

SVG = re.compile(r'<svg viewBox="0 0 (\d+) (\d+)"[^>]*>.*?<path[^>]* d="([^"]+)"', re.S)
COMMAND = re.compile(r"([Mmh])(-?[\d.]+)(?: (-?[\d.]+))?")


def svgs(html: str) -> list[str]:
    return re.findall(r"<svg\b.*?</svg>", html, re.S)


def decode_svg(svg: str, *, scale: int = 6) -> list[str]:
    """The texts of the QR codes in one of segno's path-drawn SVGs.

    The path is redrawn module by module as a black-on-white picture and given to zxing, so
    what is checked is the picture the page shows, not the text it was made from.
    """
    width, height, path = SVG.search(svg).groups()
    image = Image.new("L", (int(width) * scale, int(height) * scale), 255)
    draw = ImageDraw.Draw(image)
    x = y = 0.0
    for command, first, second in COMMAND.findall(path):
        if command == "M":
            x, y = float(first), float(second)
        elif command == "m":
            x, y = x + float(first), y + float(second)
        else:
            length = float(first)
            row = int(y)
            draw.rectangle(
                (x * scale, row * scale, (x + length) * scale - 1, (row + 1) * scale - 1), fill=0
            )
            x += length
    return [result.text for result in zxingcpp.read_barcodes(image)]
