"""The demo's attachment files are what they claim to be: each passes the upload's checks."""

from __future__ import annotations

import zlib

import pytest

from demo.attachments import DemoFile, demo_files
from store.sniff import ContentCheck


@pytest.mark.parametrize("file", demo_files("cust-00001"), ids=lambda f: f.file_name)
def test_a_demo_file_passes_the_content_check_of_its_type(file: DemoFile) -> None:
    check = ContentCheck(file.content_type)
    check.feed(file.content)
    check.finish()


def test_the_demo_pdf_has_a_cross_reference_table_where_it_says() -> None:
    pdf = next(f for f in demo_files("cust-00001") if f.content_type == "application/pdf")
    offset = int(pdf.content.rsplit(b"startxref\n", 1)[1].split(b"\n", 1)[0])
    assert pdf.content[offset:].startswith(b"xref\n")
    assert b"Service contract - cust-00001" in pdf.content


def test_the_demo_png_decompresses_to_its_declared_size() -> None:
    png = next(f for f in demo_files("cust-00001") if f.content_type == "image/png")
    width = int.from_bytes(png.content[16:20], "big")
    start = png.content.index(b"IDAT") + 4
    length = int.from_bytes(png.content[start - 8 : start - 4], "big")
    pixels = zlib.decompress(png.content[start : start + length])
    assert len(pixels) == width * (1 + 3 * width)
