"""The rehearsal screen: the trainee asks, the chart answers; then a committed differential is scored."""

from __future__ import annotations

from typing import ClassVar, Literal

from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Static

from marrowchat.core import models as m
from marrowchat.core import progress
from marrowchat.core.rehearsal import Rehearsal, RehearsalState, score_markdown
from marrowchat.core.text import md_escape as mdx
from marrowchat.tui.widgets import AnswerInput, Transcript

Stage = Literal["asking", "differential", "confirm", "steps", "done"]

HELP = """**Rehearsal commands**
- ask in your own words: “ferritin?”, “any fever?”, “was she on G-CSF?” — each answer costs a little
- `/questions` — the dialog's questions, numbered; `q 12` asks number 12
- `/asked` — what you have asked and learnt so far
- `/commit` — give your ranked differential and next steps, and be scored
- `/help` — this list"""


class RehearseScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("f5", "commit", "Commit"), Binding("f6", "asked", "Asked")]

    def __init__(self, rehearsal: Rehearsal, case: m.Case, *, record: bool = True) -> None:
        super().__init__()
        self.reh = rehearsal
        self.case = case
        self.chart = rehearsal.chart(case)
        self.state = RehearsalState(case=case.id)
        self.stage: Stage = "asking"
        self.pending: list[str] = []
        self.unknown: list[str] = []
        self.record = record

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="progress", markup=False)
        yield Transcript(id="transcript")
        yield AnswerInput(placeholder="Ask about the case, or /commit when ready", id="answer", max_length=2000)
        yield Footer()

    async def on_mount(self) -> None:
        number = [c.id for c in self.reh.numbered()].index(self.case.id) + 1
        await self.query_one(Transcript).say(
            f"**Rehearsal — case {number}** ({self.case.difficulty})\n\n{self.chart.opening}\n\n"
            "*Decision support training: the scoring compares you with a knowledge base, not with a clinician.*\n\n"
            "`/help` lists commands.")
        self._status()
        self.query_one(AnswerInput).focus()

    def _status(self) -> None:
        cost = sum(a.cost for a in self.state.asked)
        self.query_one("#progress", Static).update(
            f"Rehearsal  ·  {len(self.state.asked)} questions  ·  cost {cost}  ·  stage: {self.stage}")

    @on(Input.Submitted, "#answer")
    async def submitted(self, event: Input.Submitted) -> None:
        await self.submit(event.value)

    async def submit(self, text: str) -> None:
        transcript = self.query_one(Transcript)
        field = self.query_one(AnswerInput)
        if not text.strip() and self.stage != "confirm":
            await transcript.say("Type a question, or `/commit`.")
            return
        field.remember(text)
        await transcript.echo(text)
        command = text.strip().lower()
        if self.stage == "asking":
            if command == "/help":
                await transcript.say(HELP)
            elif command == "/questions":
                await transcript.say(self._questions())
            elif command in {"/asked", "/findings"}:
                await self.action_asked()
            elif command == "/commit":
                await self.action_commit()
            elif command.startswith("/"):
                await transcript.say(f"Unknown command “{mdx(command[:30])}”.\n\n" + HELP)
            else:
                self.state, asked = self.reh.ask(self.chart, self.state, text)
                cost = f" *(cost {asked.cost})*" if asked.cost else ""
                await transcript.say(mdx(asked.answer) + cost)
        elif self.stage == "differential":
            self.pending, self.unknown = self.reh.read_differential(text)
            if not self.pending:
                await transcript.say("I recognised no condition in that. Try names like “HLH, DLBCL, sepsis”.")
                return
            read = "\n".join(f"{i}. {mdx(self.reh.bundle.conditions[c].label)}" for i, c in enumerate(self.pending, 1))
            extra = f"\n\nNot recognised: {', '.join(f'“{mdx(u)}”' for u in self.unknown)}" if self.unknown else ""
            await transcript.say(f"I read your differential as:\n\n{read}{extra}\n\n"
                                 "Press Enter to accept, or type it again.")
            self.stage = "confirm"
        elif self.stage == "confirm":
            if text.strip():
                self.stage = "differential"
                await self.submit(text)
                return
            self.stage = "steps"
            await transcript.say("And your **next steps** (tests, referrals, urgency)?")
        elif self.stage == "steps":
            self.state = self.reh.commit(self.state, self.pending, text)
            score = self.reh.score(self.chart, self.state, self.unknown)
            self.stage = "done"
            if self.record:
                try:
                    progress.record(score.to_json(), self.case.category)
                except OSError as exc:
                    self.notify(f"Could not save your progress: {exc}", severity="error")
            await transcript.say(score_markdown(self.reh.bundle, score), "report")
            if self.case.teaching:
                await transcript.say(f"**Teaching point:** {mdx(self.case.teaching)}\n\n*Source: {mdx(self.case.source)}*")
        else:
            await transcript.say("This rehearsal is finished. `marrowchat rehearse --random` starts another.")
        self._status()

    def _questions(self) -> str:
        lines = ["**Dialog questions** (ask with `q N`)"]
        for i, node in enumerate(self.reh.engine.tree.nodes, 1):
            lines.append(f"{i}. *{node.section}* — {mdx(node.prompt)}")
        return "\n".join(lines)

    async def action_asked(self) -> None:
        if not self.state.asked:
            await self.query_one(Transcript).say("Nothing asked yet.")
            return
        lines = ["**What you have learnt**"] + [f"- {mdx(a.text)} → {mdx(a.answer)}" for a in self.state.asked]
        await self.query_one(Transcript).say("\n".join(lines))

    async def action_commit(self) -> None:
        if self.stage != "asking":
            return
        self.stage = "differential"
        await self.query_one(Transcript).say("Your **ranked differential**, best first (e.g. “1. HLH 2. DLBCL 3. sepsis”)?")
        self._status()


class RehearseApp(App[None]):
    TITLE = "marrowchat — rehearsal"
    CSS_PATH = "chat.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("ctrl+q", "quit", "Quit", priority=True)]

    def __init__(self, rehearsal: Rehearsal, case: m.Case, *, record: bool = True) -> None:
        super().__init__()
        self.reh, self.case, self.record = rehearsal, case, record

    def on_mount(self) -> None:
        self.push_screen(RehearseScreen(self.reh, self.case, record=self.record))
