"""The `marrowchat` command. Headless commands never import Textual; the chat imports it lazily.

Exit codes: 0 ok; 1 validation problems or failed expectations; 2 bad usage or unreadable input.
"""

from __future__ import annotations

import gc
import json
import os
import sys
from pathlib import Path
from typing import Any, NoReturn

import click

from marrowchat import __version__

DATA_DIR_HELP = "folder holding dialogs/ and knowledge/ (default: $MARROWCHAT_DATA_DIR, the checkout, or the installed data)"


class UsageFailure(Exception):
    """A one-line message for stderr and exit code 2."""


def _fail(message: str) -> NoReturn:
    raise UsageFailure(message)


def _bundle(data_dir: str | None) -> Any:
    from marrowchat.core.cache import load_bundle_cached
    from marrowchat.core.engine import build_indexes
    from marrowchat.core.problems import BundleError
    from marrowchat.core.resources import DataDirError

    try:
        bundle = load_bundle_cached(data_dir)
        # the knowledge base and its indexes live as long as the process: keep their many objects out of the
        # garbage collector's full passes (without this, a large knowledge base costs 100+ ms pauses mid-chat)
        build_indexes(bundle)
        gc.freeze()
        return bundle
    except DataDirError as exc:
        _fail(str(exc))
    except BundleError as exc:
        _fail(f"the data has problems: {exc}")


def _data_dir(ctx: click.Context, value: str | None) -> str | None:
    if value:
        return value
    parent = ctx.find_object(dict)
    return parent.get("data_dir") if parent else None


data_dir_option = click.option("--data-dir", type=click.Path(file_okay=False), default=None, help=DATA_DIR_HELP)


def _dump(obj: Any) -> None:
    click.echo(json.dumps(obj, indent=2, ensure_ascii=False))


def _read_text_arg(text: str | None) -> str:
    if text is None or text == "-":
        if text is None and sys.stdin.isatty():
            _fail("give the text as an argument, or pipe it in (use - to read standard input)")
        try:
            data = sys.stdin.buffer.read(5_000_001)
        except OSError as exc:
            _fail(f"cannot read standard input: {exc}")
        if len(data) > 5_000_000:
            _fail("standard input is larger than 5 MB; give the relevant part of the report")
        return data.decode("utf-8", errors="replace")
    return text


resume_option = click.option(
    "--resume", "resume", is_flag=False, flag_value="latest", default=None, metavar="[ID]",
    help="continue a saved session (the most recent without an ID; see `marrowchat sessions`)")
theme_option = click.option("--theme", type=click.Choice(["dark", "light"]), default=None, help="colour theme")


def _session(ident: str) -> Any:
    from marrowchat.core.sessions import SessionError, list_sessions, load, sessions_dir

    if ident == "latest":
        found = list_sessions()
        if not found:
            _fail(f"no saved sessions in {sessions_dir()}")
        return found[0][0]
    try:
        return load(ident)
    except SessionError as exc:
        _fail(str(exc))


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="marrowchat")
@data_dir_option
@resume_option
@theme_option
@click.pass_context
def cli(ctx: click.Context, data_dir: str | None, resume: str | None, theme: str | None) -> None:
    """marrowchat — triage of diffuse increased bone-marrow FDG uptake on PET/CT.

    Decision support only: it does not replace clinical judgement. Without a command, starts the chat.
    """
    ctx.ensure_object(dict)
    ctx.obj["data_dir"] = data_dir
    if ctx.invoked_subcommand is None:
        ctx.invoke(chat, data_dir=data_dir, resume=resume, theme=theme)


@cli.command()
@data_dir_option
@resume_option
@theme_option
@click.pass_context
def chat(ctx: click.Context, data_dir: str | None, resume: str | None, theme: str | None) -> None:
    """Start the chat in the terminal (every answer is saved as it is given)."""
    state = _session(resume) if resume else None
    bundle = _bundle(_data_dir(ctx, data_dir))
    if state is not None and state.dialog not in bundle.dialogs:
        _fail(f"session {state.id} uses dialog {state.dialog!r}, which the data does not have")
    from marrowchat.tui.app import MarrowChatApp

    MarrowChatApp(bundle, state, theme={"dark": "textual-dark", "light": "textual-light"}.get(theme or "")).run()


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="print the list as JSON")
@data_dir_option
@click.pass_context
def sessions(ctx: click.Context, as_json: bool, data_dir: str | None) -> None:
    """List saved sessions, most recent first."""
    from marrowchat.core.sessions import list_sessions, sessions_dir

    found = list_sessions()
    rows = []
    for state, path in found:
        last = state.turns[-1].at if state.turns and state.turns[-1].at else state.created
        first = next((t.text for t in state.turns if t.text), "")
        rows.append({"id": state.id, "created": state.created, "updated": last, "answers": len(state.turns),
                     "knowledge_version": state.knowledge_version, "first_answer": first[:60], "path": str(path)})
    if as_json:
        _dump(rows)
        return
    if not rows:
        click.echo(f"no saved sessions in {sessions_dir()}")
        return
    click.echo(f"{'id':<14} {'updated':<26} {'answers':>7}  first answer")
    for r in rows:
        click.echo(f"{r['id']:<14} {r['updated']:<26} {r['answers']:>7}  {r['first_answer']}")


@cli.command()
@click.argument("session")
@click.option("--format", "fmt", type=click.Choice(["md", "html", "txt"]), default="md", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None,
              help="write to FILE (default: standard output)")
@data_dir_option
@click.pass_context
def export(ctx: click.Context, session: str, fmt: str, output: str | None, data_dir: str | None) -> None:
    """Render a saved SESSION (an id, or `latest`) as the same report the chat shows."""
    state = _session(session)
    bundle = _bundle(_data_dir(ctx, data_dir))
    from marrowchat.core.engine import Engine
    from marrowchat.core.report import render

    engine = Engine(bundle, state.dialog if state.dialog in bundle.dialogs else None)
    snap = engine.replay(state)
    unmatched = [u for o in snap.outcomes for u in o.unmatched]
    text = render(bundle, snap.facts, engine.differential(snap), fmt, unmatched=unmatched,  # type: ignore[arg-type]
                  title=f"Diffuse increased bone-marrow FDG uptake — session {state.id}")
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        Path(output).write_text(text, encoding="utf-8")
    except OSError as exc:
        _fail(f"cannot write {output}: {exc.strerror or exc}")
    click.echo(f"wrote {output}")


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="address to bind (keep it local: patient data)")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@data_dir_option
@click.pass_context
def serve(ctx: click.Context, host: str, port: int, data_dir: str | None) -> None:
    """Serve the chat in a browser through textual-serve (install marrowchat[serve])."""
    try:
        from textual_serve.server import Server
    except ImportError:
        _fail("the browser mode needs the optional extra: pip install 'marrowchat[serve]'")
    import shlex

    _bundle(_data_dir(ctx, data_dir))  # fail here, not in every browser tab
    command = [sys.executable, "-m", "marrowchat", "chat"]
    folder = _data_dir(ctx, data_dir)
    if folder:
        command += ["--data-dir", folder]
    if host not in {"127.0.0.1", "localhost", "::1"}:
        click.echo(f"warning: serving on {host}: anyone who can reach it sees the chat", err=True)
    Server(shlex.join(command), host=host, port=port, title="marrowchat").serve()


@cli.command()
@click.argument("text", required=False)
@click.option("--json", "as_json", is_flag=True, help="print the findings and the differential as JSON")
@click.option("--top", type=click.IntRange(1, 100), default=8, show_default=True, help="conditions shown in the report")
@data_dir_option
@click.pass_context
def assess(ctx: click.Context, text: str | None, as_json: bool, top: int, data_dir: str | None) -> None:
    """One shot: free TEXT (or - for standard input) → findings → explained differential."""
    content = _read_text_arg(text)
    bundle = _bundle(_data_dir(ctx, data_dir))
    from marrowchat.core.engine import Engine
    from marrowchat.core.report import assess_json, render

    engine = Engine(bundle)
    _, snap = engine.assess(content)
    out = snap.last
    assert out is not None
    if out.refused:
        _fail(out.refused)
    ddx = engine.differential(snap)
    if as_json:
        data = assess_json(bundle, snap.facts, ddx, out.trace, out.unmatched)
        data["diagnoses_named"] = out.diagnoses
        data["uncertain"] = [e.to_json() for e in out.uncertain]
        data["set_aside"] = [e.to_json() for e in out.set_aside]
        data["ambiguous"] = [{"text": a.text, "candidates": [c for c, _ in a.candidates]} for a in out.ambiguous]
        data["implausible"] = [{"finding": i.finding, "text": i.text, "value": i.value, "unit": i.unit,
                                "plausible": [i.low, i.high]} for i in out.implausible]
        _dump(data)
        return
    click.echo(render(bundle, snap.facts, ddx, "txt", top=top, unmatched=out.unmatched), nl=False)
    notes = []
    for e in out.uncertain:
        why = "named without a result" if e.no_result else "uncertain"
        notes.append(f"{why}, not recorded: {e.text!r} ({bundle.findings[e.finding].label})")
    for e in out.set_aside:
        notes.append(f"{e.context}, not counted as current: {e.text!r}")
    for a in out.ambiguous:
        names = " or ".join(bundle.findings[c].label for c, _ in a.candidates[:2])
        notes.append(f"ambiguous, not recorded: {a.text!r} — did you mean {names}?")
    for i in out.implausible:
        notes.append(f"implausible value, not recorded: {i.text!r} (expected {i.low:g}–{i.high:g} {i.unit})")
    for n in notes:
        click.echo(f"note: {n}")


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="print one JSON object per script (a JSON list)")
@data_dir_option
@click.pass_context
def replay(ctx: click.Context, files: tuple[str, ...], as_json: bool, data_dir: str | None) -> None:
    """Replay scripted sessions (YAML) headlessly; exit 1 if an expectation fails."""
    from marrowchat.core.replay import load_script, result_json, run_script, script_problems

    scripts = []
    problems = []
    for name in files:
        script, probs = load_script(Path(name))
        problems += probs
        if script is not None:
            scripts.append((name, script))
    if problems:
        _fail("; ".join(str(p) for p in problems[:5]) + (f" (+{len(problems) - 5} more)" if len(problems) > 5 else ""))
    bundle = _bundle(_data_dir(ctx, data_dir))
    from marrowchat.core.engine import Engine

    engine = Engine(bundle)
    for name, script in scripts:
        problems += script_problems(bundle, script, name)
    if problems:
        _fail("; ".join(str(p) for p in problems[:5]))
    results = [run_script(engine, script, name) for name, script in scripts]
    if as_json:
        _dump([result_json(r) for r in results])
    else:
        for r in results:
            top = ", ".join(f"{x.condition.id} {x.probability:.0%}" for x in r.differential.top(3))
            flags = ", ".join(f.flag.id for f in r.differential.red_flags) or "none"
            mark = "ok  " if r.ok else "FAIL"
            click.echo(f"{mark} {r.name}: top3 {top}; red flags: {flags}")
            for f in r.failures:
                click.echo(f"     - {f}")
        bad = sum(not r.ok for r in results)
        click.echo(f"{len(results) - bad} passed, {bad} failed")
    if any(not r.ok for r in results):
        sys.exit(1)


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="print problems and estimates as JSON")
@click.option("--estimates/--no-estimates", default=True, help="list the weights marked 'estimate'")
@data_dir_option
@click.pass_context
def validate(ctx: click.Context, as_json: bool, estimates: bool, data_dir: str | None) -> None:
    """Check every data file and every cross-reference; list all problems. Exit 1 if any."""
    from marrowchat.core.loading import load_bundle_collect
    from marrowchat.core.resources import DataDirError
    from marrowchat.core.validation import validate_bundle

    try:
        bundle, problems = load_bundle_collect(_data_dir(ctx, data_dir))
    except DataDirError as exc:
        _fail(str(exc))
    report = validate_bundle(bundle) if bundle is not None else None
    if report is not None:
        problems = sorted(set(problems + report.problems))
    est = report.estimates if report is not None else []
    if as_json:
        _dump({"ok": not problems, "problems": [p.to_json() for p in problems],
               "estimates": [{"file": e.file, "entry": e.entry, "rationale": e.rationale} for e in est]})
    else:
        if bundle is not None:
            click.echo(f"data: {bundle.root}; knowledge base {bundle.meta.version}: {len(bundle.findings)} findings, "
                       f"{len(bundle.conditions)} conditions, {len(bundle.red_flags)} red flags, "
                       f"{sum(len(d.nodes) for d in bundle.dialogs.values())} dialog nodes, {len(bundle.cases)} cases")
        if estimates and est:
            click.echo(f"\n{len(est)} weights and thresholds are estimates (replace with a source over time):")
            for e in est:
                click.echo(f"  {e}")
        if problems:
            click.echo(f"\n{len(problems)} problem{'s' if len(problems) != 1 else ''}:")
            for p in problems:
                click.echo(f"  {p}" + ("" if p.severity == "error" else "  [warning]"))
        else:
            click.echo("\nno problems")
    if problems:
        sys.exit(1)


@cli.command("eval")
@click.argument("cases", nargs=-1)
@click.option("--json", "as_json", is_flag=True, help="print every case run and the summary as JSON")
@click.option("--split", type=click.Choice(["all", "dev", "heldout"]), default="all", show_default=True)
@click.option("--route", type=click.Choice(["both", "assess", "replay"]), default="both", show_default=True)
@click.option("--min-top3", type=click.FloatRange(0, 1), default=None,
              help="exit 1 if top-3 accuracy (either route) falls below this fraction")
@click.option("-j", "--jobs", type=click.IntRange(0, 64), default=1, show_default=True,
              help="processes to share the cases among (0: one per CPU core)")
@data_dir_option
@click.pass_context
def eval_cmd(ctx: click.Context, cases: tuple[str, ...], as_json: bool, split: str, route: str,
             min_top3: float | None, jobs: int, data_dir: str | None) -> None:
    """Run the case library (or the CASES named by id) by both routes and score the knowledge base."""
    bundle = _bundle(_data_dir(ctx, data_dir))
    from marrowchat.core.engine import Engine
    from marrowchat.core.evaluation import ROUTES, evaluate_cases_parallel, metrics

    chosen = list(bundle.cases.values())
    if cases:
        unknown = [c for c in cases if c not in bundle.cases]
        if unknown:
            _fail(f"unknown case id(s): {', '.join(unknown)} (see knowledge/cases/)")
        chosen = [bundle.cases[c] for c in cases]
    if split != "all":
        chosen = [c for c in chosen if c.split == split]
    if not chosen:
        _fail("no cases to evaluate")
    routes = ROUTES if route == "both" else (route,)
    ev = evaluate_cases_parallel(Engine(bundle), chosen, routes, jobs or os.cpu_count() or 1)  # type: ignore[arg-type]
    if as_json:
        _dump(ev.to_json())
    else:
        click.echo(f"{'case':<34} {'route':<7} {'split':<8} {'expected':<28} {'rank':>4}  top three")
        for r in ev.runs:
            mark = " " if r.in_top3 else "!"
            click.echo(f"{r.case.id:<34} {r.route:<7} {r.case.split:<8} {r.case.expected:<28} {r.rank:>4}{mark} "
                       f"{', '.join(r.top3)}")
        click.echo("")
        for rt in routes:
            for sp in ("all", "dev", "heldout"):
                mt = metrics(ev.select(rt, None if sp == "all" else sp))  # type: ignore[arg-type]
                if mt.n:
                    fr = "n/a" if mt.flag_recall is None else f"{mt.flag_recall:.0%}"
                    click.echo(f"{rt:<7} {sp:<8} n={mt.n:<3} top-1 {mt.top1:6.1%} ({mt.top1_acceptable:.1%} with "
                               f"acceptable)  top-3 {mt.top3:6.1%}  MRR {mt.mrr:.3f}  red-flag recall {fr:>4}  "
                               f"malignant/benign split {mt.split_accuracy:6.1%}")
        click.echo("\nper category (both routes):")
        for cat in sorted({r.case.category for r in ev.runs}):
            mt = metrics(ev.select(category=cat))
            click.echo(f"  {cat:<26} n={mt.n:<3} top-1 {mt.top1:6.1%}  top-3 {mt.top3:6.1%}  MRR {mt.mrr:.3f}")
        conf = ev.confusions()
        if conf:
            click.echo("\nmost frequent confusions (expected -> ranked first):")
            for a, b, n in conf:
                click.echo(f"  {a} -> {b}: {n}")
    if min_top3 is not None:
        worst = min(metrics(ev.select(rt)).top3 for rt in routes)  # type: ignore[arg-type]
        if worst < min_top3:
            click.echo(f"top-3 {worst:.1%} is below --min-top3 {min_top3:.1%}", err=True)
            sys.exit(1)


CATEGORIES = ["physiological", "reactive", "infectious-inflammatory", "paraneoplastic", "malignant infiltration",
              "not a cause"]


@cli.command()
@click.argument("case", required=False)
@click.option("--random", "at_random", is_flag=True, help="a random case (of --category if given)")
@click.option("--category", type=click.Choice(CATEGORIES), default=None, help="choose among this category's cases")
@click.option("--list", "list_cases", is_flag=True, help="list the cases by category and difficulty (no answers)")
@click.option("--script", type=click.Path(dir_okay=False), default=None,
              help="replay a scripted rehearsal (YAML) headlessly and print its score")
@click.option("--json", "as_json", is_flag=True, help="with --script: print the score as JSON")
@click.option("--no-record", is_flag=True, help="do not add the result to your progress")
@data_dir_option
@click.pass_context
def rehearse(ctx: click.Context, case: str | None, at_random: bool, category: str | None, list_cases: bool,
             script: str | None, as_json: bool, no_record: bool, data_dir: str | None) -> None:
    """Trainee mode: work a case from the library (number or id), commit a differential, be scored."""
    bundle = _bundle(_data_dir(ctx, data_dir))
    from marrowchat.core.engine import Engine
    from marrowchat.core.rehearsal import Rehearsal

    reh = Rehearsal(Engine(bundle))
    if list_cases:
        numbered = reh.numbered()
        for cat in CATEGORIES:
            rows = [(i, c) for i, c in enumerate(numbered, 1) if c.category == cat]
            if rows:
                click.echo(f"{cat}:")
                for i, c in rows:
                    click.echo(f"  {i:>3}  {c.difficulty}")
        click.echo("\nstart one with: marrowchat rehearse NUMBER   (or --random, --category C)")
        return
    if script:
        _rehearse_script(reh, Path(script), as_json, not no_record)
        return
    if not case and not at_random and not category:
        _fail("name a case (its number from --list), or use --random or --category")
    try:
        chosen = reh.pick(case, category=category, seed=None)
    except KeyError as exc:
        _fail(str(exc.args[0]))
    from marrowchat.tui.rehearse import RehearseApp

    RehearseApp(reh, chosen, record=not no_record).run()


def _rehearse_script(reh: Any, path: Path, as_json: bool, record_it: bool) -> None:
    from marrowchat.core import progress
    from marrowchat.core.loading import parse, read_yaml
    from marrowchat.core.problems import Problem
    from marrowchat.core.rehearsal import RehearsalScript, score_markdown
    from marrowchat.core.replay import _PathTraversable

    problems: list[Problem] = []
    if not path.is_file():
        _fail(f"{path}: no such file")
    data = read_yaml(_PathTraversable(path), str(path), problems)  # type: ignore[arg-type]
    script = parse(RehearsalScript, data, str(path), problems) if not problems else None
    if script is None:
        _fail("; ".join(str(p) for p in problems[:3]))
    try:
        chart, _state, score = reh.run_script(script)
    except KeyError as exc:
        _fail(f"{path}: {exc.args[0]}")
    if record_it:
        progress.record(score.to_json(), chart.case.category)
    if as_json:
        _dump(score.to_json())
    else:
        click.echo(score_markdown(reh.bundle, score, plain=True))


@cli.command("progress")
@click.option("--json", "as_json", is_flag=True)
def progress_cmd(as_json: bool) -> None:
    """Your rehearsal scores over time, per category, and the causes you miss most."""
    from marrowchat.core import progress

    rows = progress.load()
    summary = progress.summary(rows)
    if as_json:
        _dump(summary)
        return
    if not rows:
        click.echo(f"no rehearsals yet ({progress.progress_file()}); try: marrowchat rehearse --random")
        return
    click.echo(f"{summary['rehearsals']} rehearsals")
    click.echo("\nrecent:")
    for r in summary["recent"]:
        click.echo(f"  {r['at']}  {r['points']:5.0f} points  rank {r['rank'] or '-'}")
    click.echo("\nper category:")
    for cat, s in summary["by_category"].items():
        click.echo(f"  {cat:<26} n={s['n']:<3} top-1 {s['top1']:5.0%}  top-3 {s['top3']:5.0%}  "
                   f"mean {s['mean_points']:.0f} points")
    if summary["most_missed"]:
        click.echo("\ncauses you miss most (not in your top three):")
        for cid, n in summary["most_missed"]:
            click.echo(f"  {cid}: {n}")


SCHEMAS = {
    "findings": "FindingsFile",
    "condition": "Condition",
    "red-flags": "RedFlagsFile",
    "dialog": "DialogTree",
    "language": "LanguageFile",
    "vocabulary": "VocabularyFile",
    "references": "ReferencesFile",
    "meta": "KnowledgeMeta",
    "script": "ReplayScript",
    "case": "Case",
}
EXTRA_SCHEMAS = {"rehearsal": ("marrowchat.core.rehearsal", "RehearsalScript")}


@cli.command()
@click.argument("which", required=False, type=click.Choice(sorted([*SCHEMAS, "rehearsal"])))
def schema(which: str | None) -> None:
    """Print the JSON Schema of a file format (all formats without an argument)."""
    import importlib

    from marrowchat.core import models

    def model(name: str) -> Any:
        if name in EXTRA_SCHEMAS:
            module, cls = EXTRA_SCHEMAS[name]
            return getattr(importlib.import_module(module), cls)
        return getattr(models, SCHEMAS[name])

    names = [which] if which else sorted([*SCHEMAS, *EXTRA_SCHEMAS])
    out = {n: model(n).model_json_schema(by_alias=True) for n in names}
    _dump(out[which] if which else out)


def main() -> None:
    try:
        cli.main(standalone_mode=False, prog_name="marrowchat")
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except UsageFailure as exc:
        click.echo(f"marrowchat: {exc}", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as exc:  # never a traceback for a user; MARROWCHAT_DEBUG=1 shows it
        if os.environ.get("MARROWCHAT_DEBUG"):
            raise
        click.echo(f"marrowchat: internal error: {exc.__class__.__name__}: {exc} (set MARROWCHAT_DEBUG=1 for details)", err=True)
        sys.exit(2)
    sys.exit(0)
