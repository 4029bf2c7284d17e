"""Chat widgets: a transcript of bubbles and the answer input."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.widgets import Markdown, Static


class UserBubble(Static):
    """What the user typed, shown literally (no markup, no escapes)."""

    DEFAULT_CSS = """
    UserBubble {
        margin: 1 1 0 12;
        padding: 0 1;
        background: $primary-muted;
        color: $text;
        border-left: thick $primary;
        width: 1fr;
    }
    """

    def __init__(self, text: str) -> None:
        super().__init__(text, markup=False)


class BotBubble(Markdown):
    """What the assistant says (Markdown built by the core, with user text escaped)."""

    DEFAULT_CSS = """
    BotBubble {
        margin: 1 12 0 1;
        padding: 0 1;
        background: $boost;
        border-left: thick $accent;
    }
    BotBubble.report { margin: 1 1 0 1; border-left: thick $success; }
    BotBubble.alert { border-left: thick $error; }
    """


class Transcript(VerticalScroll):
    DEFAULT_CSS = """
    Transcript { height: 1fr; scrollbar-gutter: stable; }
    """

    def on_mount(self) -> None:
        self.anchor()

    async def say(self, markdown: str, *classes: str) -> BotBubble:
        bubble = BotBubble(markdown, classes=" ".join(classes))
        await self.mount(bubble)
        return bubble

    async def echo(self, text: str) -> UserBubble:
        bubble = UserBubble(text)
        await self.mount(bubble)
        return bubble
