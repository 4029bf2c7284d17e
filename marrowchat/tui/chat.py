"""The chat screen: shows the core's questions and replies, forwards answers and commands."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Static

from marrowchat.core import conversation as talk
from marrowchat.core import models as m
from marrowchat.core.engine import YES_NO_NUMBERS, Engine, SessionState, Snapshot
from marrowchat.core.sessions import save
from marrowchat.tui.widgets import AnswerInput, DifferentialPanel, QuickReplies, ReportView, Transcript

NARROW = 110  # below this width the side panel folds away


class ChatScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        # function keys and ctrl keys the input does not use (it keeps ctrl+w, ctrl+d, ctrl+k ... for editing)
        Binding("f1", "why", "Why?"),
        Binding("ctrl+b", "back", "Back"),
        Binding("ctrl+s", "skip", "Skip"),
        Binding("f3", "findings", "Findings"),
        Binding("f4", "ddx", "Differential"),
        Binding("f2", "toggle_panel", "Panel"),
    ]

    def __init__(self, engine: Engine, state: SessionState, *, persist: bool = True) -> None:
        super().__init__()
        self.engine = engine
        self.bundle = engine.bundle
        self.state = state
        self.persist = persist
        self.snap: Snapshot = engine.replay(state)
        self.concluded = False
        self.panel_wanted = True

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="progress", markup=False)
        with Horizontal(id="body"):
            with Vertical(id="main"):
                yield Transcript(id="transcript")
                yield QuickReplies(id="quick")
                yield AnswerInput(placeholder="Type an answer, or /help", id="answer")
            yield DifferentialPanel(id="side")
        yield Footer()

    async def on_mount(self) -> None:
        transcript = self.query_one(Transcript)
        await transcript.say(f"**marrowchat** — diffuse increased bone-marrow FDG uptake.\n\n*{self.bundle.meta.disclaimer}*\n\n"
                             "Answer the questions, or type what you know in your own words. `/help` lists commands.")
        if self.state.turns:
            version = ""
            if self.state.knowledge_version and self.state.knowledge_version != self.bundle.meta.version:
                version = (f"It was started with knowledge base {talk.mdx(self.state.knowledge_version)}; your answers "
                           f"are now read with {talk.mdx(self.bundle.meta.version)}, so the differential may differ.\n\n")
            await transcript.say(f"Resumed session `{self.state.id}` with {len(self.state.turns)} answers.\n\n"
                                 + version + talk.findings_list(self.bundle, self.snap))
        self._fold(self.app.size.width)
        await self.advance()
        self.query_one(AnswerInput).focus()

    # ------------------------------------------------------------------ layout

    def _fold(self, width: int) -> None:
        self.query_one("#side").display = self.panel_wanted and width >= NARROW

    def on_resize(self, event: Resize) -> None:
        self._fold(event.size.width)

    def action_toggle_panel(self) -> None:
        self.panel_wanted = not self.panel_wanted
        self._fold(self.app.size.width)

    # ------------------------------------------------------------------ state display

    def _save(self) -> None:
        if self.persist:
            try:
                save(self.state)
            except OSError as exc:
                self.notify(f"Could not save the session: {exc}", severity="error")

    def _progress(self) -> None:
        node = self.snap.current
        current = node.section if node is not None else None
        marks = [f"● {talk.SECTION_TITLES[s].upper()}" if s == current else talk.SECTION_TITLES[s]
                 for s in ("uptake", "symptoms", "labs", "imaging", "history")]
        left = self.engine.remaining(self.snap)
        tail = f"  ·  about {left} question{'s' if left != 1 else ''} left" if node is not None else "  ·  complete"
        self.query_one("#progress", Static).update(" ▸ ".join(marks) + tail)

    def _panel(self) -> None:
        ddx = self.engine.differential(self.snap)
        flags = [(f.flag.label, f.flag.urgency) for f in ddx.red_flags]
        rows = [(r.condition.label, r.probability) for r in ddx.top(6)]
        self.query_one(DifferentialPanel).update_view(flags, rows, ddx.balance.malignant, len(self.snap.facts))

    def _choices(self) -> list[str]:
        node = self.snap.current
        if isinstance(node, m.ChoiceNode):
            return [o.label for o in node.options]
        if isinstance(node, m.YesNoNode):
            return list(YES_NO_NUMBERS.values())
        if self.snap.pending is not None:
            return [self.bundle.findings[c].label for c in self.snap.pending.candidates[:3]] + ["neither"]
        return []

    async def advance(self) -> None:
        transcript = self.query_one(Transcript)
        self._progress()
        self._panel()
        choices = self._choices()
        await self.query_one(QuickReplies).show(choices)
        node = self.snap.current
        multi = isinstance(node, m.ChoiceNode) and node.kind == "multi_choice" and self.snap.pending is None
        self.query_one(AnswerInput).quick_count = 0 if multi else min(9, len(choices))
        if self.snap.pending is not None:
            return
        if self.snap.current is not None:
            self.concluded = False
            await transcript.say(talk.question(self.engine, self.snap))
        elif not self.concluded:
            self.concluded = True
            ddx = self.engine.differential(self.snap)
            unmatched = [u for o in self.snap.outcomes for u in o.unmatched]
            from marrowchat.core.report import render_parts  # jinja2 is loaded when the first report is due

            head, parts, tail = render_parts(self.bundle, self.snap.facts, ddx, unmatched=unmatched, references=False)
            report = ReportView(head, parts, tail)
            await transcript.mount(report)
            await transcript.say("That is the differential above: open any condition for the findings for and "
                                 "against, what would change it and the next steps. `/export html` writes it with "
                                 "references; `/back` changes the last answer; more text adds findings.")
            # show the report from its top: stop following the bottom until the user answers again
            transcript.release_anchor()
            self.call_after_refresh(transcript.scroll_to_widget, report, top=True, animate=False)

    # ------------------------------------------------------------------ input

    @on(QuickReplies.Picked)
    async def picked(self, event: QuickReplies.Picked) -> None:
        choices = self._choices()
        index = int(event.text) - 1
        if self.snap.pending is not None or isinstance(self.snap.current, m.YesNoNode):
            await self.submit(choices[index] if index < len(choices) else event.text)
        else:
            await self.submit(event.text)
        self.query_one(AnswerInput).focus()

    @on(AnswerInput.QuickPick)
    async def quick_key(self, event: AnswerInput.QuickPick) -> None:
        await self.picked(QuickReplies.Picked(event.number))

    @on(Input.Submitted, "#answer")
    async def submitted(self, event: Input.Submitted) -> None:
        await self.submit(event.value)

    async def submit(self, text: str) -> None:
        transcript = self.query_one(Transcript)
        field = self.query_one(AnswerInput)
        if not text.strip():
            await transcript.say("Type an answer, `unknown`, or `/help`.")
            return
        field.remember(text)
        transcript.anchor()
        await transcript.echo(text)
        if text.lstrip().startswith("/"):
            await self.command(text.strip())
            return
        refusal = talk.too_long(self.bundle, text)
        if refusal:
            await transcript.say(refusal)
            return
        before = self.snap
        self.state, self.snap = self.engine.answer(self.state, text)
        self._save()
        out = self.snap.last
        if out is not None:
            note = talk.derived_note(self.bundle, before, self.snap)
            await transcript.say(talk.acknowledge(self.bundle, out) + (f"\n\n{note}" if note else ""))
        if self.concluded and self.snap.current is None:
            self.concluded = False  # a note after the report: show the updated report
        await self.advance()

    # ------------------------------------------------------------------ commands

    async def command(self, text: str) -> None:
        transcript = self.query_one(Transcript)
        name, _, arg = text.partition(" ")
        name, arg = name.lower(), arg.strip()
        simple = {"/why": self.action_why, "/back": self.action_back, "/skip": self.action_skip,
                  "/findings": self.action_findings, "/ddx": self.action_ddx, "/restart": self.action_restart,
                  "/save": self.action_save}
        if name in simple:
            await simple[name]()
        elif name == "/help":
            await transcript.say(talk.help_text())
        elif name == "/explain":
            await transcript.say(talk.explain(self.bundle, arg) if arg else "Which condition? e.g. `/explain HLH`")
        elif name == "/edit":
            await self.edit(arg)
        elif name == "/export":
            await self.export(arg)
        else:
            await transcript.say(f"Unknown command “{talk.mdx(name[:30])}”.\n\n" + talk.help_text())

    async def action_back(self) -> None:
        transcript = self.query_one(Transcript)
        if not self.state.turns:
            await transcript.say("Nothing to undo.")
            return
        undone = self.state.turns[-1]
        self.state, self.snap = self.engine.back(self.state)
        self._save()
        self.concluded = False
        await transcript.say(f"Undone: “{talk.mdx(undone.text[:60]) or 'skip'}”.")
        await self.advance()

    async def action_skip(self) -> None:
        if self.snap.current is None:
            await self.query_one(Transcript).say("There is no open question.")
            return
        self.state, self.snap = self.engine.skip(self.state)
        self._save()
        await self.query_one(Transcript).say("Skipped.")
        await self.advance()

    async def action_why(self) -> None:
        await self.query_one(Transcript).say(talk.why(self.engine, self.snap))

    async def action_ddx(self) -> None:
        await self.query_one(Transcript).say(talk.ddx_summary(self.engine, self.snap))

    async def action_findings(self) -> None:
        await self.query_one(Transcript).say(talk.findings_list(self.bundle, self.snap))

    async def action_restart(self) -> None:
        self.state = self.engine.new_session()
        self.snap = self.engine.replay(self.state)
        self.concluded = False
        await self.query_one(Transcript).say(f"New session `{self.state.id}` started.")
        await self.advance()

    async def action_save(self) -> None:
        if not self.persist:
            await self.query_one(Transcript).say("This session is not being saved (started with saving off).")
            return
        path = save(self.state)
        await self.query_one(Transcript).say(f"Saved as `{self.state.id}` ({talk.mdx(str(path))}). "
                                             "Every answer is saved as you go; `marrowchat --resume` continues.")

    async def edit(self, query: str) -> None:
        transcript = self.query_one(Transcript)
        node = talk.find_answered_node(self.engine, self.snap, query)
        if node is None:
            await transcript.say("Which answer? `/edit fever`, `/edit hb` — any words of the question you answered.")
            return
        self.state, self.snap = self.engine.edit(self.state, node.id)
        self._save()
        self.concluded = False
        await transcript.say(f"Your answer to “{talk.mdx(node.prompt)}” is cleared; answer it again.")
        await self.advance()

    async def export(self, arg: str) -> None:
        transcript = self.query_one(Transcript)
        fmt, _, target = arg.partition(" ")
        fmt = fmt.lower() or "md"
        if fmt not in {"md", "html"}:
            await transcript.say("Usage: `/export md|html [path]`")
            return
        from marrowchat.core.report import render

        path = Path(target.strip() or f"marrowchat-{self.state.id}.{fmt}").expanduser()
        ddx = self.engine.differential(self.snap)
        unmatched = [u for o in self.snap.outcomes for u in o.unmatched]
        try:
            path.write_text(render(self.bundle, self.snap.facts, ddx, fmt, unmatched=unmatched), encoding="utf-8")  # type: ignore[arg-type]
        except OSError as exc:
            await transcript.say(f"Could not write {talk.mdx(str(path))}: {talk.mdx(exc.strerror or str(exc))}")
            return
        await transcript.say(f"Report written to {talk.mdx(str(path.resolve()))}.")
