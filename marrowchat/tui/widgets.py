"""Chat widgets: bubbles, the transcript, the answer input with history, quick replies, the live differential
panel and the folded final report. They display what the core produced; none of them reasons."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Button, Collapsible, Input, Markdown, Static

from marrowchat.core.text import clean


class UserBubble(Static):
    """What the user typed, shown literally: no markup, no escape sequences, no control characters."""

    def __init__(self, text: str) -> None:
        super().__init__(Text(clean(text)), markup=False, classes="user")


class BotBubble(Markdown):
    """What the assistant says (Markdown built by the core, with user text escaped)."""


class ReportView(Vertical):
    """The final report: the head, every condition folded (the first open), the tail."""

    def __init__(self, head: str, parts: list[tuple[str, str]], tail: str) -> None:
        super().__init__(classes="report")
        self._head, self._parts, self._tail = head, parts, tail

    def compose(self):  # type: ignore[no-untyped-def]
        yield Markdown(self._head)
        for i, (title, body) in enumerate(self._parts):
            yield Collapsible(Markdown(body), title=title, collapsed=i > 0)
        yield Markdown(self._tail)


class Transcript(VerticalScroll):
    def on_mount(self) -> None:
        self.anchor()

    async def say(self, markdown: str, *classes: str) -> BotBubble:
        bubble = BotBubble(markdown, classes=" ".join(("bot", *classes)))
        await self.mount(bubble)
        return bubble

    async def echo(self, text: str) -> UserBubble:
        bubble = UserBubble(text)
        await self.mount(bubble)
        return bubble


class AnswerInput(Input):
    """The input: keeps its own history (up/down), like a shell."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "history(-1)", "Previous", show=False),
        Binding("down", "history(1)", "Next", show=False),
    ]

    @dataclass
    class QuickPick(Message):
        number: str

    def __init__(self, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(**kwargs)
        self.history: list[str] = []
        self._pos = 0
        self.quick_count = 0  # how many options a bare digit picks (0: digits are typed)
        self._pick: Timer | None = None  # a bare digit's pick, waiting to see whether more is typed

    # a bare digit picks its option after this pause, unless more is typed: "27F, fever ..." typed into an empty
    # field is a note, not option 2 followed by "7F, fever ..."
    QUICK_PICK_DELAY = 0.35

    async def _on_key(self, event: events.Key) -> None:
        char = event.character
        pick = bool(char and char.isdigit() and char != "0" and not self.value and int(char) <= self.quick_count)
        self._cancel_pick()
        await super()._on_key(event)  # a digit is shown as typed while its pick waits
        if pick and char:
            self._pick = self.set_timer(self.QUICK_PICK_DELAY, lambda: self._quick_pick(char))

    def _cancel_pick(self) -> None:
        if self._pick is not None:
            self._pick.stop()
            self._pick = None

    def _quick_pick(self, char: str) -> None:
        self._pick = None
        if self.value == char:
            self.value = ""
            self.post_message(self.QuickPick(char))

    # a pasted report keeps its lines: the one-line field shows each line break as this mark, and sends it as a
    # line break (Textual's Input would keep only the first line of a paste)
    LINE_BREAK = "↵"

    def _on_paste(self, event: events.Paste) -> None:
        if event.text:
            text = event.text.replace("\r\n", "\n").replace("\r", "\n").strip("\n").replace("\n", self.LINE_BREAK)
            if self.selection.is_empty:
                self.insert_text_at_cursor(text)
            else:
                self.replace(text, *self.selection)
        event.stop()
        event.prevent_default()  # (Input's own handler, which keeps only the first line, is not run)

    async def action_submit(self) -> None:
        """Send the answer and empty the field at once, so that text typed while the chat is busy is kept."""
        self._cancel_pick()
        value = self.value.replace(self.LINE_BREAK, "\n")
        self.value = ""
        self.post_message(self.Submitted(self, value, None))

    def remember(self, text: str) -> None:
        if text and (not self.history or self.history[-1] != text):
            self.history.append(text)
        self._pos = len(self.history)

    def action_history(self, step: int) -> None:
        if not self.history:
            return
        self._pos = max(0, min(len(self.history), self._pos + step))
        self.value = self.history[self._pos].replace("\n", self.LINE_BREAK) if self._pos < len(self.history) else ""
        self.cursor_position = len(self.value)


class QuickReplies(Horizontal):
    """The current question's choices as numbered buttons (keys 1-9 pick them when the input is empty)."""

    @dataclass
    class Picked(Message):
        text: str

    async def show(self, labels: list[str]) -> None:
        await self.remove_children()
        self.set_class(not labels, "-empty")
        buttons = []
        for i, label in enumerate(labels[:9], 1):
            short = label if len(label) <= 28 else label[:27] + "…"
            buttons.append(Button(Text(f"{i} {short}"), name=str(i), compact=True))
        await self.mount_all(buttons)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.name:
            self.post_message(self.Picked(event.button.name))


class DifferentialPanel(VerticalScroll):
    """The live differential: red flags on top, then the leading conditions with probability bars."""

    def compose(self):  # type: ignore[no-untyped-def]
        yield Static(id="flags", markup=False)
        yield Static(id="ddx", markup=False)
        yield Static(id="balance", markup=False)

    def update_view(self, flags: Sequence[tuple[str, str]], rows: Sequence[tuple[str, float]], malignant: float,
                    known: int) -> None:
        banner = Text()
        for label, urgency in flags:
            banner.append(f"⚠ {label}", style="bold")
            banner.append(f"  ({urgency})\n")
        flag_widget = self.query_one("#flags", Static)
        flag_widget.update(banner)
        flag_widget.display = bool(flags)
        body = Text()
        body.append("Differential now", style="bold")
        body.append(f"  ·  {known} findings\n\n")
        width = 14
        for label, p in rows:
            full = round(p * width)
            body.append(f"{p:>4.0%} ", style="bold")
            body.append("█" * full, style="$accent" if False else "")
            body.append("░" * (width - full))
            body.append(f"\n{label}\n\n")
        self.query_one("#ddx", Static).update(body)
        self.query_one("#balance", Static).update(
            Text(f"malignant infiltration {malignant:.0%}\nreactive / benign {1 - malignant:.0%}"))
