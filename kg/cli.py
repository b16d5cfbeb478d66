"""The ``kg`` command line: parse options, call one library function, format its result."""

from __future__ import annotations

from kg import regex_cache

# The patterns the modules below compile as they load (click's, those of the standard library's modules it brings in:
# gettext, platform; kg.text's and kg.escape's) are built from the user cache's table, as those of the modules
# `kg extract` and `kg ingest` load are (see _long_lived): 17 patterns, some 10 ms of CPU at every start of a command
with regex_cache.kept("cli-modules-patterns.marshal"):
    import gc
    import itertools
    import re
    import sys
    from collections.abc import Iterable, Iterator
    from contextlib import contextmanager
    from pathlib import Path
    from typing import TYPE_CHECKING, Any

    import click

    import kg.store as store_layer
    from kg import __version__, i18n
    from kg.errors import KgError
    from kg.files import atomic_write, check_output
    from kg.files import write_text as write_file
    from kg.store import formats
    from kg.text import display_width, fill_paragraphs, terminal_width, text_table, truncate

# Each command imports what it uses when it runs, so `kg --help` starts at once.
if TYPE_CHECKING:
    from kg.extract.confidence import Confidence
    from kg.outputs.export import Progress
    from kg.sources.build import Summary
    from kg.store.embedded import Store


def _speak_the_chosen_language() -> None:
    """Route click's own words (usage errors) through :data:`kg.i18n.CLICK`.

    click looks its messages up with gettext's ``_``/``ngettext`` in each of its
    modules, the hook gettext catalogues use; the project's table stands in for
    a catalogue, so there is no compiled ``.mo`` file to ship.
    """
    import click.core
    import click.exceptions
    import click.parser
    import click.types

    for module in (click.core, click.exceptions, click.parser, click.types):
        module._ = i18n.click_gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = i18n.click_ngettext  # type: ignore[attr-defined]


def _version(ctx: click.Context, _: click.Parameter, on: bool) -> None:
    if on and not ctx.resilient_parsing:
        click.echo(i18n.text("version", version=__version__))
        ctx.exit()


def _choose_language(ctx: click.Context, lang: str) -> str:
    ctx.with_resource(i18n.use_language(lang))
    return lang


def usage_line(error: click.UsageError) -> str:
    """A usage error as one line in the chosen language, ending with where to read more."""
    root = error.ctx.find_root() if error.ctx else None
    with i18n.use_language(root.params.get("lang") if root else None):
        message = " ".join(error.format_message().split())  # click's list of choices spans lines
        message = re.sub(r"(?<=[。？）]) ", "", message)  # no space after Chinese punctuation
        if i18n.current_language() == "zh":  # click ends "缺少参数 'SOURCE'" with an ASCII full stop
            message = re.sub(r"(?<=['\u4e00-\u9fff])\.$", "。", message)
        command = error.ctx.command_path if error.ctx else "kg"
        return f"kg: {message}{i18n.text('usage_hint', command=command)}"


class KgHelpFormatter(click.HelpFormatter):
    """click's help layout, wrapped by display width (a Chinese character takes two columns), with the chosen
    language's words and punctuation."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, i18n.pick("用法：", "Usage: ") if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{heading}{i18n.pick('：', ':')}\n")

    def write_text(self, text: str) -> None:
        self.write(fill_paragraphs(text, self.width, " " * self.current_indent) + "\n")

    def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
        rows = list(rows)
        first_col = min(max((display_width(first) for first, _ in rows), default=0), col_max) + col_spacing
        indent = " " * self.current_indent
        for first, second in rows:
            self.write(indent + first)
            if not second:
                self.write("\n")
                continue
            if display_width(first) <= first_col - col_spacing:
                self.write(" " * (first_col - display_width(first)))
            else:
                self.write("\n" + " " * (first_col + self.current_indent))
            lines = fill_paragraphs(second, max(self.width - first_col - 2, 10)).splitlines() or [""]
            self.write(lines[0] + "\n")
            for line in lines[1:]:
                self.write(" " * (first_col + self.current_indent) + line + "\n")


class KgContext(click.Context):
    formatter_class = KgHelpFormatter


def _lang_on(args: list[str]) -> str | None:
    """The value of the last ``--lang`` on the command line (before ``--``), if it names a language."""
    found = None
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(args):
            found = args[i + 1]
        elif arg.startswith("--lang="):
            found = arg.partition("=")[2]
    return found if found in i18n.LANGUAGES else None


def _help_values() -> dict[str, str]:
    """The format names the --help texts quote (one home: :mod:`kg.store.formats`)."""
    return {
        "rdf": formats.help_text(formats.RDF),
        "graph": formats.help_text({"graph"}),
        "tables": formats.help_text({"tables"}),
        "query": formats.help_text(formats.QUERY),
    }


def _zh_metavar(value: str) -> str:
    return i18n.METAVARS.get(value, value) if i18n.current_language() == "zh" else value


class _Translated:
    """What every kg command and group shares: --help in the chosen language and ``--lang`` anywhere.

    The words of --help live in :data:`kg.i18n.HELP`, looked up when the help is
    formatted: a command's text under its path ("kg docs remove"), an option's
    under the command and its name ("kg export --out") or its name alone
    ("--store"); a docstring or ``help=`` given in this file is used only when
    the table has nothing.  ``--lang`` is read from the whole command line
    before click parses it, so ``kg build --help --lang en`` is in English.
    """

    context_class = KgContext
    name: str | None
    params: list[click.Parameter]
    _kg_parent: _Translated | None = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[call-arg]
        if not any(param.name == "lang" for param in self.params):  # accepted everywhere, shown once (kg --help)
            self.params.append(
                click.Option(["--lang"], type=click.Choice(i18n.LANGUAGES), hidden=True, expose_value=False)
            )

    @property
    def help_key(self) -> str:
        parent = self._kg_parent
        return f"{parent.help_key} {self.name}" if parent else (self.name or "kg")

    @property
    def help(self) -> str | None:
        found = i18n.help_text(self.help_key, **_help_values())
        return found if found is not None else self._given_help

    @help.setter
    def help(self, value: str | None) -> None:
        self._given_help = value

    @property
    def options_metavar(self) -> str | None:
        return _zh_metavar(self._options_metavar) if self._options_metavar else self._options_metavar

    @options_metavar.setter
    def options_metavar(self, value: str | None) -> None:
        self._options_metavar = value

    def option_help(self, param: click.Parameter) -> str | None:
        """The --help text of one of this command's options, in the chosen language."""
        name = next((opt for opt in param.opts if opt.startswith("--")), param.opts[0])
        values = _help_values()
        found = i18n.help_text(f"{self.help_key} {name}", **values) or i18n.help_text(name, **values)
        return found if found is not None else getattr(param, "help", None)

    def get_short_help_str(self, limit: int = 45) -> str:
        if i18n.current_language() != "zh":
            return super().get_short_help_str(limit)  # type: ignore[misc]
        first = (self.help or "").strip().split("\n\n")[0]
        return truncate(re.split(r"(?<=。)", first)[0].rstrip("。"), limit)

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = []
        for param in self.get_params(ctx):  # type: ignore[attr-defined]
            if not isinstance(param, click.Option):
                continue
            saved = param.help, param.metavar
            param.help = self.option_help(param)
            if not (param.is_flag or param.count):
                named = param.make_metavar(ctx)
                param.metavar = _zh_metavar(named.removesuffix("...")) + "..." * named.endswith("...")
            try:
                record = param.get_help_record(ctx)
            finally:
                param.help, param.metavar = saved
            if record is not None:
                first, second = record
                if i18n.current_language() == "zh":  # click joins [default: …; range] with an ASCII semicolon
                    second = re.sub(r"\[([^\[\]]*)\]$", lambda m: "[" + m.group(1).replace("; ", "；") + "]", second)
                rows.append((first, second))
        if rows:
            with formatter.section(i18n.click_gettext("Options")):
                formatter.write_dl(rows)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        lang = _lang_on(args)
        if lang:
            ctx.meta["kg.lang"] = lang
            ctx.with_resource(i18n.use_language(lang))
        return super().parse_args(ctx, args)  # type: ignore[misc]


class KgCommand(_Translated, click.Command):
    """A kg command (see :class:`_Translated`)."""


class KgGroup(_Translated, click.Group):
    """Turns every :class:`KgError`, a usage error, and a file that cannot be written or read, into a
    one-line message on stderr and a non-zero exit, no traceback."""

    command_class = KgCommand
    group_class = type  # groups inside a KgGroup are KgGroups

    @property
    def subcommand_metavar(self) -> str | None:
        return _zh_metavar(self._subcommand_metavar) if self._subcommand_metavar else self._subcommand_metavar

    @subcommand_metavar.setter
    def subcommand_metavar(self, value: str | None) -> None:
        self._subcommand_metavar = value

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        super().format_options(ctx, formatter)  # the options, translated
        self.format_commands(ctx, formatter)

    def add_command(self, cmd: click.Command, name: str | None = None) -> None:
        super().add_command(cmd, name)
        cmd._kg_parent = self  # type: ignore[attr-defined]

    def main(self, args: Any = None, prog_name: str | None = None, complete_var: str | None = None,
             standalone_mode: bool = True, **extra: Any) -> Any:  # fmt: skip
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        _speak_the_chosen_language()
        try:
            code = super().main(args, prog_name, complete_var, False, **extra)
        except click.exceptions.NoArgsIsHelpError as error:  # a group called bare: its help, as click shows it
            error.show()
            sys.exit(error.exit_code)
        except click.UsageError as error:
            click.echo(usage_line(error), err=True)
            sys.exit(error.exit_code)
        except click.ClickException as error:
            click.echo(f"kg: {' '.join(error.format_message().split())}", err=True)
            sys.exit(error.exit_code)
        except click.Abort:
            click.echo(i18n.text("aborted"), err=True)
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.UsageError as error:
            name = ctx.invoked_subcommand
            if error.ctx is None and name:  # click's option parser leaves it out: the hint names the command
                error.ctx = click.Context(self.get_command(ctx, name) or self, info_name=name, parent=ctx)
            raise
        except KgError as error:
            for line in str(error).splitlines():
                click.echo(f"kg: {line}", err=True)
            sys.exit(error.exit_code)
        except OSError as error:  # an --out path in a missing folder, a full disk, a file without permission
            where = f"{error.filename}: " if error.filename else ""
            click.echo(f"kg: {where}{error.strerror or error}", err=True)
            sys.exit(1)


store_path_option = click.option(
    "--store",
    "store_path",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
)


def _remember(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value:
        ctx.meta[f"kg.{param.name}"] = value
    return value


def store_option(function: Any) -> Any:
    """--store, or --endpoint (and --update-endpoint) to use a SPARQL 1.1 server instead."""
    endpoint = click.option(
        "--endpoint",
        expose_value=False,
        callback=_remember,
    )
    update = click.option(
        "--update-endpoint",
        expose_value=False,
        callback=_remember,
    )
    timeout = click.option(
        "--timeout",
        type=click.FloatRange(min=0.1),
        envvar="KG_TIMEOUT",
        expose_value=False,
        callback=_remember,
    )
    wait = click.option(
        "--wait",
        type=click.FloatRange(min=0),
        expose_value=False,
        callback=_remember,
    )
    return store_path_option(endpoint(update(timeout(wait(function)))))


def open_store(path: Path | None, read_only: bool = False) -> Store:
    """The store the command's --store / --endpoint options name (see :func:`kg.store.open_store`)."""
    ctx = click.get_current_context(silent=True)
    endpoint = ctx.meta.get("kg.endpoint") if ctx else None
    update = ctx.meta.get("kg.update_endpoint") if ctx else None
    timeout = ctx.meta.get("kg.timeout") if ctx else None
    wait = ctx.meta.get("kg.wait", 0.0) if ctx else 0.0
    return store_layer.open_store(  # type: ignore[return-value]
        path, endpoint, update, read_only=read_only, timeout=timeout, wait=wait
    )


def table(rows: Iterable[tuple[object, ...]], header: tuple[str, ...]) -> str:
    """Rows as an aligned table fitted to the terminal (the one table renderer, :func:`kg.text.text_table`)."""
    return text_table(header, rows, total_width=terminal_width() if sys.stdout.isatty() else 0)


def class_label(name: str) -> str:
    """A class or relation (local name) as the ontology's label in the chosen language."""
    from kg.model.terms import label
    from kg.model.vocab import KG

    return label(KG[name], i18n.current_language())


def format_summary(summary: Summary, store_path: Path) -> str:
    def named(counts: dict[str, int]) -> list[tuple[str, int]]:
        return [(class_label(name), n) for name, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]

    say = i18n.text
    parts = [
        say("store_at", path=store_path),
        say(
            "summary",
            entities=summary.entities,
            relations=summary.relations,
            indicators=summary.indicators,
            documents=len(summary.documents),
            triples=summary.triples,
            inferred=summary.inferred,
        ),
        *([say("warning", message=summary.inference)] if summary.inference else []),
        "",
        table(named(summary.entities_per_class), i18n.header("class", "entities")),
        "",
        table(named(summary.relations_per_kind), i18n.header("relation", "count")),
        "",
        table(summary.documents, i18n.header("document", "headline")),
    ]
    return "\n".join(parts)


format_option = click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
)


def echo_json(data: object) -> None:
    """Print ``data`` as indented JSON (UTF-8, Chinese kept readable)."""
    import json

    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def summary_json(summary: Summary, store_path: Path | str) -> dict[str, object]:
    """What ``kg stats --format json`` prints."""
    return {
        "store": str(store_path),
        "entities": summary.entities,
        "relations": summary.relations,
        "indicators": summary.indicators,
        "triples": summary.triples,
        "inferred": summary.inferred,
        "entities_per_class": dict(sorted(summary.entities_per_class.items(), key=lambda kv: (-kv[1], kv[0]))),
        "relations_per_kind": dict(sorted(summary.relations_per_kind.items(), key=lambda kv: (-kv[1], kv[0]))),
        "documents": [{"iri": iri, "headline": headline} for iri, headline in summary.documents],
    }


@click.group("kg", cls=KgGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--version", is_flag=True, expose_value=False, is_eager=True, callback=_version)
@click.option(
    "--lang",
    type=click.Choice(["zh", "en"]),
    envvar="KG_LANG",
    default="zh",
    show_default=True,
    is_eager=True,
    # set while the command line is read, so even a mistyped command is answered in it;
    # for this command only (tests run many in one process)
    callback=lambda ctx, param, lang: _choose_language(ctx, ctx.meta.get("kg.lang", lang)),
)
def main(lang: str) -> None:
    pass


@main.command("build")
@store_option
@click.option(
    "--data",
    "data_dir",
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    default=None,
)
@format_option
def build_command(store_path: Path | None, data_dir: Path | None, fmt: str) -> None:
    from kg.model.vocab import DATA_DIR
    from kg.sources.build import build

    with open_store(store_path) as store:
        summary = build(store, data_dir or DATA_DIR)
        if fmt == "json":
            echo_json(summary_json(summary, store.path))
        else:
            click.echo(format_summary(summary, store.path))


@main.command("stats")
@store_option
@format_option
def stats_command(store_path: Path | None, fmt: str) -> None:
    from kg.sources.build import summarize

    with open_store(store_path, read_only=True) as store:
        summary = summarize(store)
        if fmt == "json":
            echo_json(summary_json(summary, store.path))
        else:
            click.echo(format_summary(summary, store.path))


out_option = click.option(
    "--out",
    type=click.Path(path_type=Path, dir_okay=False, allow_dash=True),
    default="-",
    show_default=True,
)


def subset_options(function: Any) -> Any:
    """The subset options shared by ``kg viz`` and ``kg export`` (see :class:`kg.analysis.projection.Subset`)."""
    options = [
        click.option("--class", "classes_", multiple=True),
        click.option("--district", "districts", multiple=True),
        click.option("--relation", "relations", multiple=True),
        click.option("--focus", default=None),
        click.option("--hops", type=click.IntRange(0, 10), default=None),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def subset_from(
    classes_: tuple[str, ...],
    districts: tuple[str, ...],
    relations: tuple[str, ...],
    focus: str | None,
    hops: int | None,
) -> dict[str, Any]:
    """Keyword arguments of :class:`kg.analysis.projection.Subset` from the options (repeatable, comma-separated)."""
    if hops is not None and focus is None:
        raise click.BadOptionUsage("hops", i18n.text("hops_needs_focus"))
    return {"classes": classes_, "districts": districts, "relations": relations, "focus": focus, "hops": hops or 1}


def terminal_progress() -> Progress | None:
    """A progress callback that redraws ``stage: done/total`` on stderr; None when stderr is not a terminal."""
    if not sys.stderr.isatty():
        return None

    def show(stage: str, done: int, total: int) -> None:
        click.echo(f"\r\033[K{stage}: {done}/{total}", err=True, nl=done >= total)

    return show


@main.command("export")
@store_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(formats.spellings(formats.EXPORT), case_sensitive=False),
    default="turtle",
    show_default=True,
)
@click.option(
    "--out",
    "out",
    type=click.Path(path_type=Path, allow_dash=True),
    default="-",
    show_default=True,
)
@subset_options
@click.option("--excel", is_flag=True)
def export_command(
    store_path: Path | None,
    fmt: str,
    out: Path,
    classes_: tuple[str, ...],
    districts: tuple[str, ...],
    relations: tuple[str, ...],
    focus: str | None,
    hops: int | None,
    excel: bool,
) -> None:
    from kg.analysis.projection import Subset
    from kg.outputs.export import export, export_folder, export_format

    fmt = export_format(fmt).name
    if excel and fmt != "csv":
        raise click.BadOptionUsage("excel", i18n.text("excel_needs_csv"))
    subset = Subset(**subset_from(classes_, districts, relations, focus, hops))
    progress = terminal_progress()
    if export_format(fmt).kind == "tables":
        if str(out) == "-":
            raise click.BadOptionUsage("out", i18n.text("format_writes_folder", fmt=fmt))
        with open_store(store_path, read_only=True) as store:
            written = export_folder(store, fmt, out, subset=subset, excel=excel, progress=progress)
        click.echo(i18n.text("wrote", path=", ".join(str(path) for path in written)), err=True)
        return
    if out.is_dir():
        raise click.BadOptionUsage("out", i18n.text("out_is_folder", out=out, fmt=fmt))
    if str(out) != "-":
        check_output(out)  # before the store is read
    with open_store(store_path, read_only=True) as store:
        if str(out) == "-":
            export(store, fmt, sys.stdout.buffer, subset=subset, progress=progress)
            sys.stdout.buffer.flush()
            return
        with atomic_write(out) as handle:  # a failed export leaves an existing file as it was
            export(store, fmt, handle, subset=subset, progress=progress)
    click.echo(i18n.text("wrote", path=out), err=True)


@main.command("clean")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path, file_okay=False),
    required=True,
)
@click.option("--encoding", default=None)
def clean_command(files: tuple[Path, ...], out_dir: Path, encoding: str | None) -> None:
    from kg.sources.documents import clean_file, write_articles

    for path in files:
        articles = clean_file(path, encoding)
        for written in write_articles(articles, out_dir):
            click.echo(str(written))


REPORT_SUFFIXES = {".json": "json", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}


@main.command("analyze")
@store_option
@click.argument("places", nargs=-1)
@click.option("--compare", is_flag=True)
@click.option("--district", default=None)
@click.option("--class", "classes_", multiple=True)
@click.option("--relation", "relations", multiple=True)
@click.option(
    "--communities",
    "method",
    type=click.Choice(["louvain", "leiden", "auto"]),
    default="louvain",
    show_default=True,
)
@click.option("--seed", type=int, default=0, show_default=True)
@click.option("--top", "n", type=click.IntRange(1), default=10, show_default=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "markdown", "html"]),
    default=None,
)
@out_option
@click.option("--write-back", is_flag=True)
def analyze_command(
    store_path: Path | None,
    places: tuple[str, ...],
    compare: bool,
    district: str | None,
    classes_: tuple[str, ...],
    relations: tuple[str, ...],
    method: str,
    seed: int,
    n: int,
    fmt: str | None,
    out: Path,
    write_back: bool,
) -> None:
    from kg.analysis.writeback import ANALYSIS_GRAPH
    from kg.analysis.writeback import write_back as store_analysis
    from kg.outputs.report import analysis_report, comparison_report, render  # heavy imports only when used

    if places and not compare:
        raise click.UsageError(i18n.text("compare_how", places=" ".join(places)))
    if compare:
        if len(places) < 2:
            raise click.BadOptionUsage("compare", i18n.text("compare_needs_two"))
        if district or classes_ or relations or write_back:
            raise click.BadOptionUsage("compare", i18n.text("compare_alone"))
    if write_back and (district or classes_ or relations):
        raise click.BadOptionUsage("write_back", i18n.text("write_back_whole"))
    fmt = fmt or REPORT_SUFFIXES.get(out.suffix.lower(), "text")
    if str(out) != "-":
        check_output(out)
    with open_store(store_path, read_only=not write_back) as store:
        if compare:
            report = comparison_report(store, places)  # in the language of kg --lang
        else:
            report = analysis_report(
                store, district=district, classes=classes_, relations=relations, method=method, seed=seed, n=n
            )
        text = render(report, fmt)
        if str(out) == "-":
            click.echo(text, nl=False)
        else:
            write_file(out, text)
            click.echo(i18n.text("wrote", path=out), err=True)
        if write_back and report.analysis is not None:  # after the report is out, so a bad --out writes nothing
            written = store_analysis(store, report.analysis)
            click.echo(i18n.text("wrote_triples", n=written, graph=ANALYSIS_GRAPH), err=True)


@main.command("path")
@store_option
@click.argument("source")
@click.argument("target")
@click.option("--limit", type=click.IntRange(1), default=5, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def path_command(store_path: Path | None, source: str, target: str, limit: int, fmt: str) -> None:
    import json

    from kg.analysis.paths import format_paths, path_graph, paths_data, shortest_paths

    with open_store(store_path, read_only=True) as store:
        graph = path_graph(store, source, target)
    paths = shortest_paths(graph, source, target, limit=limit)
    if fmt == "json":
        click.echo(json.dumps(paths_data(graph, paths), ensure_ascii=False, indent=2))
    else:
        click.echo(format_paths(graph, paths), nl=False)


@main.command("validate")
@store_option
@click.option(
    "--data",
    "data_file",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    default=None,
)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--lang", type=click.Choice(["en", "zh"]), default=None)
def validate_command(store_path: Path | None, data_file: Path | None, fmt: str, lang: str | None) -> None:
    import json

    from kg.outputs.validate import validate_file, validate_store

    status = sys.stderr.isatty()  # a status line on a terminal, nothing when piped
    if status:
        click.echo(i18n.text("validating"), err=True, nl=False)
    try:
        if data_file is not None:
            report = validate_file(data_file, lang=lang or i18n.current_language())
        else:
            from kg.store.check import interrupted_write
            from kg.store.inference import inference_status

            with open_store(store_path, read_only=True) as store:
                stale = "; ".join(filter(None, [inference_status(store), interrupted_write(store)]))
                report = validate_store(store, lang=lang or i18n.current_language())
            if stale:
                click.echo("kg: " + i18n.text("warning", message=stale), err=True)
    finally:
        if status:
            click.echo("\r\033[K", err=True, nl=False)
    if fmt == "json":
        click.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        rows = [(v.label, v.rule, v.value, v.message) for v in report.violations]
        if rows:
            click.echo(table(rows, i18n.header("entity", "rule", "value", "message")) + "\n")
        counts = ", ".join(f"{rule} {n}" for rule, n in sorted(report.counts().items()))
        found = i18n.text("violations", n=len(rows), s="s" if len(rows) != 1 else "")
        found += i18n.pick(f"（{counts}）", f" ({counts})") if rows else ""
        done = i18n.text(
            "validated", found=found, source=report.source, triples=report.triples, rules=len(report.rules)
        )
        click.echo(done)
    if not report.conforms:
        sys.exit(1)


@main.command("ontology")
@click.option(
    "--doc",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
)
def ontology_command(doc: Path | None) -> None:
    from kg.outputs.ontology_doc import outline, write_ontology_doc

    if doc is None:
        click.echo(outline(), nl=False)
        return
    click.echo(i18n.text("wrote", path=write_ontology_doc(doc)), err=True)


def _png_size(ctx: click.Context, param: click.Parameter, value: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in value.lower().split("x"))
    except ValueError:
        raise click.BadParameter(i18n.text("not_png_size", value=value)) from None
    if not (200 <= width <= 8000 and 200 <= height <= 8000):
        raise click.BadParameter(i18n.text("png_size_range"))
    return width, height


@main.command("viz")
@store_option
@click.option("--out", type=click.Path(path_type=Path, dir_okay=False), required=True)
@subset_options
@click.option("--max-nodes", type=click.IntRange(1), default=None)
@click.option("--color-by", type=click.Choice(["class", "community", "district"]), default="class", show_default=True)
@click.option(
    "--size-by",
    type=click.Choice(["degree", "pagerank", "betweenness"]),
    default="degree",
    show_default=True,
)
@click.option(
    "--layout",
    type=click.Choice(["auto", "physics", "static"]),
    default="auto",
    show_default=True,
)
@click.option("--edge-labels/--no-edge-labels", default=None)
@click.option("--title", default=None)
@click.option("--seed", type=int, default=0, show_default=True)
@click.option(
    "--png",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
)
@click.option("--png-size", default="1600x1000", show_default=True, callback=_png_size)
def viz_command(
    store_path: Path | None,
    out: Path,
    focus: str | None,
    hops: int | None,
    classes_: tuple[str, ...],
    districts: tuple[str, ...],
    relations: tuple[str, ...],
    max_nodes: int | None,
    color_by: str,
    size_by: str,
    layout: str,
    edge_labels: bool | None,
    title: str | None,
    seed: int,
    png: Path | None,
    png_size: tuple[int, int],
) -> None:
    from kg.analysis.projection import Subset
    from kg.outputs.viz import VizOptions, visualize

    subset = Subset(**subset_from(classes_, districts, relations, focus, hops), max_nodes=max_nodes)
    options = VizOptions(
        title=title or None,
        color_by=color_by,
        size_by=size_by,
        layout=layout,
        edge_labels=edge_labels,
        seed=seed,
    )
    with open_store(store_path, read_only=True) as store:
        result = visualize(
            store,
            out,
            subset=subset,
            options=options,
            png=png,
            png_size=png_size,
        )
    click.echo(i18n.text("wrote_graph", path=result.html, nodes=result.nodes, edges=result.edges), err=True)
    if result.png is not None:
        click.echo(i18n.text("wrote", path=result.png), err=True)


# -- extraction and ingest (issue 3) ------------------------------------------------------------------

encoding_option = click.option("--encoding", default=None)
text_files = click.argument("files", nargs=-1, type=click.Path(path_type=Path, dir_okay=False, exists=True))


max_bytes_option = click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=None,
)
min_confidence_option = click.option("--min-confidence", type=click.FloatRange(0, 1), default=None, metavar="P")
confidence_model_option = click.option(
    "--confidence-model", type=click.Path(path_type=Path, dir_okay=False, exists=True), default=None
)


def chosen_confidence(min_confidence: float | None, confidence_model: Path | None) -> Confidence | None:
    """The confidence model the options ask for (:mod:`kg.extract.confidence`), or None for the bundled one."""
    if min_confidence is None and confidence_model is None:
        return None
    from kg.extract.confidence import MODEL_FILE, Confidence

    return Confidence.load(confidence_model or MODEL_FILE, min_confidence)


publisher_option = click.option(
    "--publisher",
    default="",
    metavar="NAME",
)


def file_bar(files: tuple[Path, ...], label: str):
    """A click progress bar over the bytes of the files on a terminal; a no-op when stderr is piped.

    A single small file gets none; a large one shows its blocks being read.
    """
    import contextlib

    total = sum(path.stat().st_size for path in files)
    if not sys.stderr.isatty() or (len(files) < 2 and total < 1_000_000):
        return contextlib.nullcontext(None)
    return click.progressbar(length=total, label=label, file=sys.stderr)


@contextmanager
def _long_lived(patterns: str) -> Iterator[None]:
    """Build objects that live to the end of the command without cyclic collections, then freeze them; the
    regular expressions compiled in the block come from the user cache's table ``patterns`` when they are in it.

    The modules, patterns, dictionaries and gazetteer `kg extract` and `kg ingest` load are never garbage; the collector
    would walk them again at every full collection (a tenth of the command's CPU on 1 MiB of text).
    Frozen, later collections walk only what extraction allocates.  The collector is on again after the
    block whatever happens in it (an in-process caller, such as the tests, keeps a working collector).
    Compiling the modules' patterns cost another tenth (:mod:`kg.regex_cache`).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        with regex_cache.kept(f"{patterns}-patterns.marshal"):
            yield
        gc.freeze()
    finally:
        if enabled:
            gc.enable()


@contextmanager
def _fewer_collections(young: int = 20_000) -> Iterator[None]:
    """Collect cycles once ``young`` container objects have been allocated, not 700 (Python's default).

    Extraction allocates hundreds of thousands of small objects (mentions, spans, tuples, terms) that live
    for a sentence or a block; at 700, 1 MiB of text ran some 300 young collections and 30 older ones
    (0.07-0.1 s of CPU), each walking objects still in use.  At 20,000 it runs a few (0.01 s), at the
    same peak memory.  The thresholds are Python's again after the block.
    """
    thresholds = gc.get_threshold()
    gc.set_threshold(young, *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


class _FileProgress:
    """Advances a byte bar by the text read inside a file, and to the file's end when it is done."""

    def __init__(self, bar) -> None:
        self.bar, self.inside = bar, 0

    def block(self, characters: int) -> None:
        step = characters * 3  # a Chinese character is three bytes of UTF-8
        self.inside += step
        self.bar.update(step)

    def done(self, path: Path) -> None:
        self.bar.update(max(0, path.stat().st_size - self.inside))
        self.inside = 0


@main.command("extract")
@text_files
@encoding_option
@out_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["turtle", "trig", "jsonl"], case_sensitive=False),
    default="turtle",
    show_default=True,
)
@click.option(
    "--eval",
    "gold_dir",
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    default=None,
)
@click.option("--details", is_flag=True)
@min_confidence_option
@confidence_model_option
@click.option(
    "--fit-confidence",
    "fit_dirs",
    multiple=True,
    type=click.Path(path_type=Path, file_okay=False, exists=True),
)
@max_bytes_option
@publisher_option
def extract_command(
    files: tuple[Path, ...],
    encoding: str | None,
    out: Path,
    fmt: str,
    gold_dir: Path | None,
    details: bool,
    min_confidence: float | None,
    confidence_model: Path | None,
    fit_dirs: tuple[Path, ...],
    max_bytes: int | None,
    publisher: str,
) -> None:
    # until the command ends: fewer collections of extraction's short-lived objects
    click.get_current_context().with_resource(_fewer_collections())
    with _long_lived("extract-modules"):
        from kg.extract.pipeline import Extraction, Extractor, default_gazetteer, write
        from kg.sources.documents import clean_file, read_text

    confidence = chosen_confidence(min_confidence, confidence_model)
    if fit_dirs:
        from kg.extract.evaluate import fit_confidence  # (scikit-learn: the train extra)

        if files or gold_dir is not None or str(out) == "-":
            raise click.UsageError(i18n.text("fit_confidence_usage"))
        check_output(out)
        model = fit_confidence(list(fit_dirs), **({} if min_confidence is None else {"threshold": min_confidence}))
        with atomic_write(out) as handle:
            handle.write(model.dumps().encode("utf-8"))
        click.echo(i18n.text("wrote", path=out), err=True)
        return
    if gold_dir is not None:
        from kg.extract.evaluate import evaluate, format_evaluation  # --eval only: extraction does not need it

        if files:
            raise click.UsageError(i18n.text("files_or_eval"))
        click.echo(format_evaluation(evaluate(gold_dir, confidence=confidence), details=details))
        return
    if not files:
        raise click.UsageError(i18n.text("missing_files_or_eval"))
    from kg.sources.documents import MAX_BYTES

    if str(out) != "-":
        check_output(out)  # before the extraction, not after it
    with _long_lived("extract-setup"):
        extractor = Extractor(default_gazetteer(), confidence=confidence)
    counts: dict[str, list[int]] = {}  # document → [entities, relations, indicators]

    def extracted(tracker: _FileProgress | None) -> Iterator[Extraction]:
        """Every extraction (a part per block of a long text), as soon as it is found: written, then dropped."""
        for path in files:
            articles = [a for a in clean_file(path, encoding, max_bytes or MAX_BYTES) if a.text.strip()]
            if not articles:
                click.echo("kg: " + i18n.text("no_text", path=path), err=True)
            for article in articles:
                for part in extractor.parts(article, tracker.block if tracker else None, publisher):
                    if part.first and part.last and part.empty:
                        click.echo("kg: " + i18n.text("nothing_found", path=path, doc=part.doc_id), err=True)
                        continue
                    tally = counts.setdefault(part.doc_id, [0, 0, 0])
                    if part.described:
                        tally[0] += sum(1 for e in part.entities if e.mentions)
                    tally[1] += len(part.relations)
                    tally[2] += len(part.indicators)
                    yield part
            if tracker is not None:
                tracker.done(path)

    for path in files:  # every file readable before anything is written (stdout included)
        read_text(path, encoding, max_bytes or MAX_BYTES)
    # the rules compile some patterns on first use (40, a few built from the document's district): kept too
    with file_bar(files, i18n.text("stage_extracting")) as bar, regex_cache.kept("extract-run-patterns.marshal"):
        stream = extracted(_FileProgress(bar) if bar is not None else None)
        first = next(stream, None)
        if first is None:
            return
        stream = itertools.chain([first], stream)
        if str(out) == "-":
            write(stream, fmt.lower(), sys.stdout.buffer)
            sys.stdout.buffer.flush()
        else:
            with atomic_write(out) as handle:  # a killed extract leaves no partial file
                write(stream, fmt.lower(), handle)
    if str(out) != "-":
        click.echo(i18n.text("wrote", path=out), err=True)
    for doc_id, (entities, relations, indicators) in counts.items():
        tally = [(entities, "entities"), (relations, "relations"), (indicators, "indicators")]
        click.echo(f"{doc_id}: " + ", ".join(f"{n} {i18n.text(key)}" for n, key in tally), err=True)


@main.command("ingest")
@click.argument("files", nargs=-1, type=click.Path(path_type=Path, exists=True))
@encoding_option
@click.option("-j", "--jobs", type=click.IntRange(1), default=1, show_default=True)
@click.option(
    "--scheduler",
    default=None,
    metavar="tcp://HOST:8786",
)
@store_option
@format_option
@max_bytes_option
@publisher_option
@min_confidence_option
@confidence_model_option
def ingest_command(
    files: tuple[Path, ...],
    encoding: str | None,
    jobs: int,
    scheduler: str | None,
    store_path: Path | None,
    fmt: str,
    max_bytes: int | None,
    publisher: str,
    min_confidence: float | None,
    confidence_model: Path | None,
) -> None:
    with _long_lived("ingest-modules"):
        from kg.extract.ingest import base_gazetteer, ingest, text_files
        from kg.sources.documents import MAX_BYTES
        from kg.sources.words import dictionary

    if not files:
        raise click.UsageError(i18n.text("missing_files"))
    paths = tuple(text_files(files))
    with _long_lived("ingest-setup"):  # what every document is read with, built once: kept out of the collector's walks
        base_gazetteer()
        dictionary()
    with open_store(store_path) as store, file_bar(paths, i18n.text("stage_extracting")) as bar:
        tracker = _FileProgress(bar) if bar is not None else None
        report = ingest(
            store,
            paths,
            encoding,
            progress=tracker.done if tracker else None,
            max_bytes=max_bytes or MAX_BYTES,
            publisher=publisher,
            block_progress=tracker.block if tracker else None,  # long texts are read here, block by block
            jobs=jobs,
            scheduler=scheduler,
            confidence=chosen_confidence(min_confidence, confidence_model),
        )
    for path, reason in report.skipped:
        click.echo("kg: " + i18n.text("nothing_added", path=path, reason=reason), err=True)
    if fmt == "json":
        from dataclasses import asdict

        documents = [{**asdict(d), "replaced": d.doc_id in report.replaced} for d in report.documents]
        echo_json({"documents": documents, "skipped": [{"file": str(p), "reason": r} for p, r in report.skipped]})
        return
    if report.documents:
        rows = [
            (
                d.doc_id,
                i18n.text("status_replaced" if d.doc_id in report.replaced else "status_added"),
                d.entities,
                d.relations,
                d.indicators,
            )
            for d in report.documents
        ]
        click.echo(table(rows, i18n.header("document", "status", "entities", "relations", "indicators")))


@main.group("docs", invoke_without_command=True)
@store_option
@format_option
@click.pass_context
def docs_group(ctx: click.Context, store_path: Path | None, fmt: str) -> None:
    ctx.obj = store_path
    if ctx.invoked_subcommand is None:
        from dataclasses import asdict

        from kg.extract.ingest import documents

        with open_store(store_path, read_only=True) as store:
            found = documents(store)
        if fmt == "json":
            echo_json([asdict(d) for d in found])
            return
        rows = [(d.doc_id, _method_name(d.method), d.entities, d.relations, d.indicators, d.title[:40]) for d in found]
        columns = i18n.header("document", "source", "entities", "relations", "indicators", "headline")
        click.echo(table(rows, columns))


def _method_name(method: str) -> str:
    """How a document came in (curated, extraction), in the chosen language."""
    return i18n.text(method) if method in i18n.MESSAGES else method


@docs_group.command("remove")
@click.argument("doc_id")
@store_option
@click.pass_context
def docs_remove_command(ctx: click.Context, doc_id: str, store_path: Path | None) -> None:
    from kg.extract.ingest import remove_document

    with open_store(store_path or ctx.obj) as store:
        info = remove_document(store, doc_id)
    click.echo(i18n.text("removed_document", doc=info.doc_id, relations=info.relations, indicators=info.indicators))


@main.group("entities")
def entities_group() -> None:
    pass


@entities_group.command("merges")
@store_option
def entities_merges_command(store_path: Path | None) -> None:
    from kg.sources.identity import merges

    with open_store(store_path, read_only=True) as store:
        rows = [(m.a_label, m.b_label, m.rule) for m in merges(store)]
    click.echo(table(rows, i18n.header("entity", "same_as", "rule")) if rows else i18n.text("no_merges"))


@entities_group.command("unmerge")
@click.argument("a")
@click.argument("b")
@store_option
def entities_unmerge_command(a: str, b: str, store_path: Path | None) -> None:
    from kg.sources.identity import unmerge

    with open_store(store_path) as store:
        merge = unmerge(store, a, b)
    click.echo(i18n.text("unmerged", a=merge.a_label, b=merge.b_label, rule=merge.rule))


@entities_group.command("duplicates")
@store_option
def entities_duplicates_command(store_path: Path | None) -> None:
    from kg.sources.identity import duplicates, merges, rejected, store_entities

    with open_store(store_path, read_only=True) as store:
        done = {(m.a, m.b) for m in merges(store)} | rejected(store)
        found = duplicates(store_entities(store), done)
        rows = [(a.label, b.label, class_label(a.cls), class_label(b.cls), why) for a, b, why in found]
    columns = i18n.header("entity", "entity", "class", "class", "why")
    click.echo(table(rows, columns) if rows else i18n.text("no_duplicates"))


@main.command("query")
@click.argument("query", required=False)
@click.option("--list", "list_queries", is_flag=True)
@click.option(
    "--param",
    "-p",
    "params",
    multiple=True,
    metavar="NAME=VALUE",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(formats.spellings(formats.QUERY), case_sensitive=False),
    default=None,
)
@out_option
@click.option("--max-width", type=click.IntRange(min=0), default=60, show_default=True)
@click.option("--show", is_flag=True)
@store_option
def query_command(
    query: str | None,
    list_queries: bool,
    params: tuple[str, ...],
    fmt: str | None,
    out: Path,
    max_width: int,
    show: bool,
    store_path: Path | None,
) -> None:
    from kg.sparql.query import (
        bundled_queries,
        query_bindings,
        query_format,
        read_query,
        result_kind,
        run,
        table_cells,
        write_result,
    )
    from kg.store.sparql_text import with_values

    if list_queries:
        if fmt and fmt.lower() == "json":
            echo_json(
                [
                    {"name": q.name, "title": q.title_in(), "parameters": {p.name: p.default for p in q.params}}
                    for q in bundled_queries().values()
                ]
            )
            return
        rows = [
            (q.name, " ".join(f"{p.name}={p.default}" for p in q.params), q.title_in())
            for q in bundled_queries().values()
        ]
        click.echo(table(rows, i18n.header("query", "parameters", "title")))
        return
    if not query:
        raise click.UsageError(i18n.text("missing_query"))
    given: dict[str, str] = {}
    for item in params:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise click.BadParameter(i18n.text("not_name_value", item=item), param_hint="--param")
        given[name.strip().lstrip("?$")] = value
    text, bundled = read_query(query)
    to_stdout = str(out) == "-"
    if not to_stdout:
        check_output(out)
    with open_store(store_path, read_only=True) as store:
        bindings = query_bindings(store, bundled, given)
        if show:
            click.echo(with_values(text, bindings).rstrip("\n"))
            return
        result = run(store, text, bindings)
        kind = result_kind(result)
        if fmt is None:
            fmt = "turtle" if kind == "graph" else ("table" if to_stdout and sys.stdout.isatty() else "tsv")
        fmt = query_format(fmt).name
        if fmt == "table" and kind != "graph":
            header, cells = table_cells(result, max_width)
            text_out = table(cells, header) + "\n"
            if to_stdout:
                click.echo(text_out, nl=False)
                click.echo(i18n.text("rows", n=len(cells), s="s" if len(cells) != 1 else ""), err=True)
            else:
                write_file(out, text_out)
            return
        if to_stdout:
            write_result(result, fmt, sys.stdout.buffer)
            sys.stdout.buffer.flush()
        else:
            with atomic_write(out) as handle:
                write_result(result, fmt, handle)
            click.echo(i18n.text("wrote", path=out), err=True)


@main.command("serve")
@store_path_option
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=click.IntRange(0, 65535), default=7070, show_default=True)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0.1),
    default=10.0,
    show_default=True,
)
@click.option(
    "--row-limit",
    type=click.IntRange(min=1),
    default=10_000,
    show_default=True,
)
@click.option("--workers", type=click.IntRange(min=1), default=2, show_default=True)
@click.option(
    "--allow-update",
    is_flag=True,
)
@click.option("--cors", default=None, metavar="ORIGIN")
@click.option(
    "--base",
    default=None,
    metavar="URL",
)
@click.option("--quiet", is_flag=True)
def serve_command(
    store_path: Path | None,
    host: str,
    port: int,
    timeout: float,
    row_limit: int,
    workers: int,
    allow_update: bool,
    cors: str | None,
    base: str | None,
    quiet: bool,
) -> None:
    import signal

    from kg.model.vocab import BASE
    from kg.sparql.server import make_server, shutdown

    path = store_path or store_layer.default_store_path()
    if base is not None and not re.match(r"https?://[^/]+/", base.rstrip("/") + "/"):
        raise click.BadParameter(i18n.text("not_http_url", base=base), param_hint="--base")
    server = make_server(
        path,
        host,
        port,
        timeout=timeout,
        row_limit=row_limit,
        allow_update=allow_update,
        workers=workers,
        quiet=quiet,
        cors=cors,
        base=base or BASE,
    )
    mode = i18n.text("read_write" if allow_update else "read_only_mode")
    banner = i18n.text("serve_banner", url=server.url, store=path, mode=mode, timeout=f"{timeout:g}", rows=row_limit)
    click.echo(f"kg: {banner}", err=True)
    if allow_update:
        click.echo("kg: " + i18n.text("serve_token", link=f"{server.url}add?token={server.token}"), err=True)

    def stop(*_: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        shutdown(server)


@main.command("infer")
@store_option
def infer_command(store_path: Path | None) -> None:
    from kg.store.inference import refresh_inference

    show = sys.stderr.isatty()

    def progress(count: int) -> None:
        if show:
            click.echo("\r" + i18n.text("inferred_quads", n=f"{count:,}"), err=True, nl=False)

    with open_store(store_path) as store:
        count = refresh_inference(store, progress=progress)
    if show:
        click.echo("", err=True)
    click.echo(i18n.text("inferred_quads", n=count))


@main.command("synth")
@click.option("--entities", type=click.IntRange(1), default=1000, show_default=True)
@click.option("--seed", type=int, default=0, show_default=True)
@click.option(
    "--documents",
    type=click.IntRange(1),
    default=None,
)
@click.option(
    "--format",
    "fmt",
    # Only N-Quads keeps each document's named graph and streams line by line;
    # its spellings are the format table's, as in every other --format.
    type=click.Choice(formats.spellings_of("n-quads"), case_sensitive=False),
    default="n-quads",
    show_default=True,
)
@click.option("--no-ontology", is_flag=True)
@click.option("--out", type=click.Path(path_type=Path), required=True)
def synth_command(entities: int, seed: int, documents: int | None, fmt: str, no_ontology: bool, out: Path) -> None:
    from kg.sources.synth import synth_documents, write_synth

    show = sys.stderr.isatty()
    if documents is not None:
        with (
            click.progressbar(length=documents, label=i18n.text("stage_writing_documents"), file=sys.stderr)
            if show
            else _null() as bar
        ):
            paths = synth_documents(documents, out, seed, progress=(lambda n: bar.update(1)) if show else None)
        click.echo(i18n.text("wrote_documents", n=len(paths), path=out), err=True)
        return

    def progress(quads: int, count: int) -> None:
        if show:
            line = i18n.text("quads_entities", quads=f"{quads:,}", entities=f"{count:,}")
            click.echo("\r" + line, err=True, nl=False)

    try:
        stats = write_synth(out, entities, seed, ontology=not no_ontology, progress=progress)
    except OSError as error:
        raise KgError(i18n.text("cannot_write", option="--out", path=out, reason=error.strerror or error)) from None
    if show:
        click.echo("", err=True)
    rows = [
        (i18n.text("entities"), stats.entities),
        (i18n.text("relations"), stats.relations),
        (i18n.text("indicators"), stats.indicators),
        (i18n.text("documents"), stats.documents),
        (i18n.text("synth_named_graphs"), len(stats.graphs)),
        (i18n.text("synth_quads"), stats.quads),
    ]
    click.echo(table(rows, ("", str(out))))


def _null():
    import contextlib

    return contextlib.nullcontext(None)


@main.command("load")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(formats.spellings(formats.RDF), case_sensitive=False),
    default=None,
)
@click.option("--graph", default=None)
@click.option("--no-inference", is_flag=True)
@click.option("--force", is_flag=True)
@click.option("--output", type=click.Choice(["text", "json"]), default="text", show_default=True)
@store_option
def load_command(
    files: tuple[Path, ...],
    fmt: str | None,
    graph: str | None,
    no_inference: bool,
    force: bool,
    output: str,
    store_path: Path | None,
) -> None:
    from kg.store.load import load_files, summary_rows

    with open_store(store_path) as store:
        loaded = load_files(
            store, list(files), fmt=fmt, graph=graph, infer=not no_inference, progress=terminal_progress(), force=force
        )
    rows = summary_rows(loaded)
    if output == "json":
        echo_json([{"file": f, "format": rdf, "graph": g, "triples": n} for f, rdf, g, n in rows])
        return
    click.echo(table(rows, i18n.header("file", "format", "graph", "triples")))


if __name__ == "__main__":
    main()
