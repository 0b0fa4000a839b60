"""Cleaning of text that agents type: one rule for markdown, one for plain text.

Markdown fields (a note's body, an interaction's detail, a follow-up's instructions and
outcome) keep markdown while any HTML in them goes through nh3's allow-list.

Every other text field is plain text (subjects, tags, risk-flag reasons, channels, reference
ids, choice labels): markup in it is neutralised — every tag is removed (its text kept, a
script's or style's content dropped), so no frontend, report key or CSV cell can ever render
it, whichever escaping it does. `a < b`, `<3` and `&&` stay as typed.

nh3 escapes `<`, `>` and `&` in text; the ones it escaped are put back only where they cannot
start markup again.
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


def plain_text(text: str) -> str:
    """A plain-text field as stored: controls and every tag removed (markup neutralised),
    whitespace collapsed, trimmed."""
    text = strip_controls(text)
    if _TAG_START.search(text):
        text = nh3.clean(text, tags=set())
        text = _ESCAPED_LT.sub("<", text).replace("&gt;", ">").replace("&amp;", "&")
    return _WHITESPACE.sub(" ", text).strip()


def sanitise_line(text: str) -> str:
    """A one-line plain text (subject, reason, channel): see `plain_text`."""
    return plain_text(text)


def normalise_tag(tag: str) -> str:
    """A tag as stored: plain text (markup neutralised), trimmed, lower-case."""
    return plain_text(tag).lower()
