"""Cleaning of text that agents type: HTML in markdown, control characters, tags.

Bodies are markdown, so the sanitiser must keep `>` quotes, `a < b` and `&&` intact while any
HTML in them goes through nh3's allow-list. nh3 escapes those characters in text; the ones it
escaped are put back only where they cannot start markup again.
"""

from __future__ import annotations

import re

import nh3

# C0 controls except tab, newline and carriage return; DEL and C1; lone UTF-16 surrogates
# (valid JSON escapes that PostgreSQL cannot store).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_WHITESPACE = re.compile(r"\s+")
# `&lt;` may only turn back into `<` when what follows cannot open a tag or comment.
_ESCAPED_LT = re.compile(r"&lt;(?![A-Za-z/!?])")
# Markdown links and link definitions whose destination runs script.
_MD_LINK = re.compile(r"(\]\(\s*<?\s*)(?:javascript|vbscript|data)\s*:", re.IGNORECASE)
_MD_DEFINITION = re.compile(
    r"^(\s{0,3}\[[^\]]+\]:\s*<?\s*)(?:javascript|vbscript|data)\s*:", re.IGNORECASE | re.MULTILINE
)
_TAG_START = re.compile(r"<[A-Za-z/!?]")

ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}


def strip_controls(text: str) -> str:
    """The text without control characters (tab, newline and carriage return stay)."""
    return _CONTROL.sub("", text)


def sanitise_markdown(text: str) -> str:
    """Markdown kept; HTML reduced to nh3's allow-list; script URLs and controls removed."""
    text = strip_controls(text)
    text = _MD_LINK.sub(r"\1#", text)
    text = _MD_DEFINITION.sub(r"\1#", text)
    if not _TAG_START.search(text):
        # No markup to clean; nh3 would only escape characters markdown needs.
        return text
    cleaned = nh3.clean(text, url_schemes=ALLOWED_URL_SCHEMES)
    cleaned = _ESCAPED_LT.sub("<", cleaned)
    return cleaned.replace("&gt;", ">").replace("&amp;", "&")


def sanitise_line(text: str) -> str:
    """A one-line text (subject, reason): sanitised, whitespace collapsed, trimmed."""
    return _WHITESPACE.sub(" ", sanitise_markdown(text)).strip()


def normalise_tag(tag: str) -> str:
    """A tag as stored: no controls, trimmed, lower-case, inner whitespace collapsed."""
    return _WHITESPACE.sub(" ", strip_controls(tag)).strip().lower()
