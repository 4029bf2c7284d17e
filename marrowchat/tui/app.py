"""The Textual app: themes, the command palette, and the chat screen. It reasons about nothing."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.command import DiscoveryHit, Hit, Hits, Provider

from marrowchat.core.conversation import COMMANDS
from marrowchat.core.engine import Engine, SessionState
from marrowchat.core.loading import Bundle
from marrowchat.tui.chat import ChatScreen

# palette entries: what is typed into the chat when chosen (arguments left for the user to complete)
PALETTE = {cmd.split(" ")[0]: help for cmd, help in COMMANDS.items()}
NEEDS_ARGUMENT = {"/explain", "/edit", "/export"}


class ChatCommands(Provider):
    """Every slash command in the command palette (ctrl+p)."""

    def _run(self, command: str) -> Callable[[], object]:
        app = self.app
        assert isinstance(app, MarrowChatApp)
        return partial(app.palette_command, command)

    async def discover(self) -> Hits:
        for command, help in PALETTE.items():
            yield DiscoveryHit(command, self._run(command), help=help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command, help in PALETTE.items():
            score = max(matcher.match(command), matcher.match(help))
            if score > 0:
                yield Hit(score, matcher.highlight(command), self._run(command), help=help)


class MarrowChatApp(App[None]):
    TITLE = "marrowchat"
    SUB_TITLE = "diffuse marrow FDG uptake · decision support"
    CSS_PATH = "chat.tcss"
    COMMANDS = App.COMMANDS | {ChatCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+t", "toggle_theme", "Theme"),
        Binding("ctrl+q", "quit", "Quit", priority=True),
    ]

    def __init__(self, bundle: Bundle, state: SessionState | None = None, *, persist: bool = True,
                 theme: str | None = None) -> None:
        super().__init__()
        self.bundle = bundle
        self.engine = Engine(bundle)
        self.start_state = state or self.engine.new_session()
        self.persist = persist
        if theme:
            self.theme = theme

    def on_mount(self) -> None:
        self.push_screen(ChatScreen(self.engine, self.start_state, persist=self.persist))

    @property
    def chat(self) -> ChatScreen:
        screen = self.screen
        assert isinstance(screen, ChatScreen)
        return screen

    # state of the current chat, for tests and for the CLI
    @property
    def state(self) -> SessionState:
        return self.chat.state

    def action_toggle_theme(self) -> None:
        self.theme = "textual-light" if self.theme != "textual-light" else "textual-dark"

    async def palette_command(self, command: str) -> None:
        chat = self.chat
        if command in NEEDS_ARGUMENT:
            field = chat.query_one("#answer")
            field.value = command + " "  # type: ignore[attr-defined]
            field.cursor_position = len(field.value)  # type: ignore[attr-defined]
            field.focus()
            return
        await chat.submit(command)
