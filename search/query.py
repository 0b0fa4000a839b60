"""The note search syntax: words, "quoted phrases", AND/OR/NOT (or -word), prefix*, (groups).

`parse` turns the user's string into a small backend-neutral tree that each backend compiles
into its own structured clauses. User text never reaches a backend's query parser: words are
cut at every character that is not a letter or digit, so reserved characters, regular
expressions and scripts are inert, and the limits below keep every query cheap.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from core.errors import Invalid

MAX_QUERY_LENGTH = 500
MAX_CLAUSES = 24
MAX_DEPTH = 8
MAX_WORD_LENGTH = 64
MIN_PREFIX_LENGTH = 2
OPERATORS = frozenset({"AND", "OR", "NOT"})

# Letters, digits and underscores in any script; everything else separates words, as the
# standard tokenizer (OpenSearch) and unicode61 with tokenchars '_' (FTS5) do.
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Term:
    """One word, lower-cased; `prefix` for ``word*``."""

    text: str
    prefix: bool = False


@dataclass(frozen=True, slots=True)
class Phrase:
    """Words that must appear together in this order."""

    words: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AllOf:
    """Every part must match."""

    parts: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class AnyOf:
    """At least one part must match."""

    parts: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Not:
    """The part must not match."""

    part: Node


Node = Term | Phrase | AllOf | AnyOf | Not
Leaf = Term | Phrase


def _invalid(message: str) -> Invalid:
    return Invalid(message, field="query")


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str  # "word", "phrase", "op", "(" or ")"
    text: str


def _tokens(text: str) -> Iterator[_Token]:
    position = 0
    while position < len(text):
        char = text[position]
        if char.isspace():
            position += 1
        elif char == '"':
            end = text.find('"', position + 1)
            if end < 0:
                raise _invalid('unbalanced quotes: close the phrase with "')
            yield _Token("phrase", text[position + 1 : end])
            position = end + 1
        elif char in "()":
            yield _Token(char, char)
            position += 1
        else:
            end = position
            while end < len(text) and not (text[end].isspace() or text[end] in '"()'):
                end += 1
            word = text[position:end]
            position = end
            if word in OPERATORS:
                yield _Token("op", word)
            elif word.startswith("-") and len(word) > 1:
                yield _Token("op", "NOT")
                yield _Token("word", word[1:])
            else:
                yield _Token("word", word)


def _words(text: str) -> list[str]:
    words = [word.lower() for word in _WORD.findall(text)]
    for word in words:
        if len(word) > MAX_WORD_LENGTH:
            raise _invalid(f"words are at most {MAX_WORD_LENGTH} characters long")
    return words


def _leaf(token: _Token) -> Node | None:
    """The clause a word or phrase token stands for; None for pure punctuation."""
    if token.kind == "phrase":
        words = _words(token.text)
        if not words:
            return None
        return Term(words[0]) if len(words) == 1 else Phrase(tuple(words))
    prefix = token.text.endswith("*")
    words = _words(token.text.rstrip("*"))
    if not words:
        return None
    if prefix and len(words[-1]) < MIN_PREFIX_LENGTH:
        raise _invalid(f"a prefix search needs at least {MIN_PREFIX_LENGTH} characters before *")
    last = Term(words[-1], prefix=prefix)
    if len(words) == 1:
        return last
    # "e-mail" or "foo:bar" is one phrase once the separators are gone, as the analyser sees it.
    if not prefix:
        return Phrase(tuple(words))
    head = words[:-1]
    return AllOf((Term(head[0]) if len(head) == 1 else Phrase(tuple(head)), last))


class _Parser:
    def __init__(self, tokens: list[_Token]) -> None:
        self.tokens = tokens
        self.index = 0

    def peek(self) -> _Token | None:
        return self.tokens[self.index] if self.index < len(self.tokens) else None

    def take(self) -> _Token:
        token = self.tokens[self.index]
        self.index += 1
        return token

    def expression(self, depth: int) -> Node | None:
        parts = [self.conjunction(depth)]
        while (token := self.peek()) is not None and token == _Token("op", "OR"):
            self.take()
            parts.append(self.conjunction(depth))
        kept = [part for part in parts if part is not None]
        if len(parts) > 1 and len(kept) < len(parts):
            raise _invalid("OR needs a search term on both sides")
        return _join(AnyOf, kept)

    def conjunction(self, depth: int) -> Node | None:
        parts: list[Node] = []
        while (token := self.peek()) is not None and token.kind != ")":
            if token == _Token("op", "OR"):
                break
            if token == _Token("op", "AND"):
                self.take()
                following = self.peek()
                if (
                    not parts
                    or following is None
                    or (following.kind in (")", "op") and following.text != "NOT")
                ):
                    raise _invalid("AND needs a search term on both sides")
                continue
            part = self.unary(depth)
            if part is not None:
                parts.append(part)
        return _join(AllOf, parts)

    def unary(self, depth: int) -> Node | None:
        token = self.take()
        if token == _Token("op", "NOT"):
            if self.peek() is None or self.peek() in (_Token("op", "AND"), _Token("op", "OR")):
                raise _invalid("NOT needs a search term after it")
            part = self.unary(depth)
            return None if part is None else Not(part)
        if token.kind == "(":
            if depth >= MAX_DEPTH:
                raise _invalid(f"parentheses nest at most {MAX_DEPTH} deep")
            inner = self.expression(depth + 1)
            closing = self.peek()
            if closing is None or closing.kind != ")":
                raise _invalid("unbalanced parentheses: a ( is never closed")
            self.take()
            return inner
        if token.kind == ")":  # pragma: no cover - conjunction stops before ")"
            raise _invalid("unbalanced parentheses: ) without (")
        if token.kind == "op":
            raise _invalid(f"{token.text} needs a search term on both sides")
        return _leaf(token)


def _join(kind: type[AllOf] | type[AnyOf], parts: list[Node]) -> Node | None:
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else kind(tuple(parts))


def leaves(node: Node) -> Iterator[Leaf]:
    """Every word and phrase of the tree."""
    if isinstance(node, Term | Phrase):
        yield node
    elif isinstance(node, Not):
        yield from leaves(node.part)
    else:
        for part in node.parts:
            yield from leaves(part)


def positive_leaves(node: Node, negated: bool = False) -> Iterator[Leaf]:
    """The words and phrases a hit matches (not those under NOT): for ranking and highlights."""
    if isinstance(node, Term | Phrase):
        if not negated:
            yield node
    elif isinstance(node, Not):
        yield from positive_leaves(node.part, not negated)
    else:
        for part in node.parts:
            yield from positive_leaves(part, negated)


def parse(text: str | None) -> Node | None:
    """The query tree for `text`; None for an empty query; `Invalid` with a reason otherwise."""
    if text is None or not text.strip():
        return None
    if len(text) > MAX_QUERY_LENGTH:
        raise _invalid(f"the query is longer than {MAX_QUERY_LENGTH} characters")
    parser = _Parser(list(_tokens(text)))
    node = parser.expression(0)
    if parser.peek() is not None:
        raise _invalid("unbalanced parentheses: ) without (")
    if node is None:
        raise _invalid("the query has no words to search for (only punctuation)")
    clauses = sum(len(leaf.words) if isinstance(leaf, Phrase) else 1 for leaf in leaves(node))
    if clauses > MAX_CLAUSES:
        raise _invalid(f"the query has more than {MAX_CLAUSES} words")
    return node
