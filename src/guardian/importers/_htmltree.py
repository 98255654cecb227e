"""A small element tree on top of the standard library's `html.parser`,
enough to read Telegram's generated HTML without lxml or BeautifulSoup.

Every element remembers where it starts and ends in the source text, so an
importer can keep an element's exact outer HTML as evidence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID_TAGS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                       "meta", "param", "source", "track", "wbr"})


@dataclass(eq=False)
class Element:
    tag: str
    attrs: dict[str, str]
    start: int
    end: int = -1
    children: list[Element | str] = field(default_factory=list)
    parent: Element | None = None

    @property
    def classes(self) -> frozenset[str]:
        return frozenset(self.attrs.get("class", "").split())

    def has_class(self, *names: str) -> bool:
        return set(names) <= self.classes

    def elements(self) -> Iterator[Element]:
        return (c for c in self.children if isinstance(c, Element))

    def iter(self) -> Iterator[Element]:
        """All descendant elements in document order (not self)."""
        stack = list(reversed(list(self.elements())))
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(list(node.elements())))

    def find(self, tag: str, *classes: str) -> Element | None:
        return next((e for e in self.iter() if e.tag == tag and e.has_class(*classes)), None)

    def child(self, tag: str, *classes: str) -> Element | None:
        return next((e for e in self.elements() if e.tag == tag and e.has_class(*classes)), None)


class _TreeBuilder(HTMLParser):
    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self._text = text
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.root = Element("#document", {}, 0)
        self._stack = [self.root]

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self._offset()
        element = Element(tag, {k: v or "" for k, v in attrs}, start, parent=self._stack[-1])
        self._stack[-1].children.append(element)
        if tag in VOID_TAGS:
            element.end = start + len(self.get_starttag_text() or "")
        else:
            self._stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID_TAGS:  # "<div/>": treat as empty element
            element = self._stack.pop()
            element.end = element.start + len(self.get_starttag_text() or "")

    def handle_endtag(self, tag: str) -> None:
        start = self._offset()
        if not any(e.tag == tag for e in self._stack[1:]):
            return  # stray end tag: ignore, as browsers do
        close = self._text.find(">", start)
        end = close + 1 if close >= 0 else len(self._text)
        while True:
            element = self._stack.pop()
            # Elements left open inside this one end where it ends.
            element.end = end if element.tag == tag else start
            if element.tag == tag:
                return

    def handle_data(self, data: str) -> None:
        self._stack[-1].children.append(data)

    def parse_marked_section(self, i: int, report: int = 1) -> int:
        # The stdlib raises AssertionError on "<![junk[": read "<![" as text.
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            self.handle_data(self.rawdata[i:i + 3])
            return i + 3

    def finish(self) -> Element:
        self.close()
        for element in self._stack[1:]:
            element.end = len(self._text)
        self.root.end = len(self._text)
        return self.root


class HtmlError(ValueError):
    """The text could not be read as HTML at all."""


def parse_html(text: str) -> Element:
    builder = _TreeBuilder(text)
    try:
        builder.feed(text)
        return builder.finish()
    except AssertionError as exc:  # the stdlib parser's way of giving up
        raise HtmlError(str(exc)) from None


def text_content(element: Element, skip_classes: frozenset[str] = frozenset()) -> str:
    """Visible text the way a browser lays it out: source line breaks are
    plain white space, <br> is a line break, line ends are trimmed."""
    parts: list[str] = []
    _collect(element, parts, skip_classes)
    lines = "".join(parts).split("\n")
    return "\n".join(line.strip(" \t\r\f\v") for line in lines).strip()


def _collect(element: Element, parts: list[str], skip_classes: frozenset[str]) -> None:
    for child in element.children:
        if isinstance(child, str):
            parts.append(re.sub(r"[ \t\r\f\v]*\n[ \t\r\f\v\n]*", " ", child))
        elif child.tag == "br":
            parts.append("\n")
        elif not (child.classes & skip_classes) and child.tag not in ("script", "style"):
            _collect(child, parts, skip_classes)
