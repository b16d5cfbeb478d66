"""The ``kg`` command line: parse options, call one library function, format its result."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import click

from kg import __version__
from kg.build import Summary, build, summarize
from kg.documents import clean_file, write_articles
from kg.errors import KgError
from kg.export import ALIASES, RDF_FORMATS, export, format_name
from kg.store import Store, default_store_path
from kg.vocab import DATA_DIR


class KgGroup(click.Group):
    """Turns every :class:`KgError` into its message on stderr and a non-zero exit, no traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KgError as error:
            for line in str(error).splitlines():
                click.echo(f"kg: {line}", err=True)
            sys.exit(error.exit_code)


store_option = click.option(
    "--store",
    "store_path",
    type=click.Path(path_type=Path, file_okay=False),
    envvar="KG_STORE",
    default=None,
    help="Store directory [env KG_STORE; default .kg/store].",
)


def open_store(path: Path | None, read_only: bool = False) -> Store:
    return Store(path or default_store_path(), read_only=read_only)


def table(rows: Iterable[tuple[object, ...]], header: tuple[str, ...]) -> str:
    """Left-aligned columns sized by their widest cell (CJK characters count double)."""
    rows = [tuple(str(cell) for cell in row) for row in rows]

    def width(text: str) -> int:
        return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)

    widths = [max(width(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines = [
        "  ".join(cell + " " * (w - width(cell)) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in [header, *rows]
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def format_summary(summary: Summary, store_path: Path) -> str:
    parts = [
        f"store: {store_path}",
        f"{summary.entities} entities, {summary.relations} relations, {summary.indicators} indicators, "
        f"{len(summary.documents)} documents, {summary.triples} triples ({summary.inferred} inferred)",
        "",
        table(sorted(summary.entities_per_class.items(), key=lambda kv: (-kv[1], kv[0])), ("class", "entities")),
        "",
        table(sorted(summary.relations_per_kind.items(), key=lambda kv: (-kv[1], kv[0])), ("relation", "count")),
        "",
        table(summary.documents, ("document", "headline")),
    ]
    return "\n".join(parts)


@click.group(cls=KgGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
def main() -> None:
    """kg: a knowledge graph of the links between education and the city (城教共生).

    Start with `kg build`, which builds the bundled articles into the store
    (.kg/store, or --store / KG_STORE) and prints what it holds.
    """


@main.command("build")
@store_option
@click.option(
    "--data",
    "data_dir",
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    default=DATA_DIR,
    show_default="bundled data/",
    help="Data folder with documents/ and curated/.",
)
def build_command(store_path: Path | None, data_dir: Path) -> None:
    """Build the graph: ontology, curated entities and relations, source documents.

    Validates the curated data first (a problem names its file and line and
    leaves the store untouched), materialises the RDFS closure, and prints
    entities per class, relations per kind and documents. Building again gives
    the same triples; documents added with other commands are kept.
    """
    with open_store(store_path) as store:
        summary = build(store, data_dir)
        click.echo(format_summary(summary, store.path))


@main.command("stats")
@store_option
def stats_command(store_path: Path | None) -> None:
    """Print what the store holds: entities per class, relations per kind, documents."""
    with open_store(store_path, read_only=True) as store:
        click.echo(format_summary(summarize(store), store.path))


@main.command("export")
@store_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice([*RDF_FORMATS, *ALIASES], case_sensitive=False),
    default="turtle",
    show_default=True,
    help="RDF format; trig and n-quads keep the named graphs.",
)
@click.option(
    "--out",
    "out",
    type=click.Path(path_type=Path, dir_okay=False, allow_dash=True),
    default="-",
    show_default=True,
    help="Output file, - for stdout.",
)
def export_command(store_path: Path | None, fmt: str, out: Path) -> None:
    """Export the whole graph (ontology, entities, documents, inferred triples)."""
    with open_store(store_path, read_only=True) as store:
        if str(out) == "-":
            export(store, format_name(fmt), sys.stdout.buffer)
            sys.stdout.buffer.flush()
        else:
            with out.open("wb") as handle:
                export(store, format_name(fmt), handle)
            click.echo(f"wrote {out}", err=True)


@main.command("clean")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path, file_okay=False),
    required=True,
    help="Folder for <id>.txt and <id>.meta.json.",
)
@click.option("--encoding", default=None, help="Input encoding (default: UTF-8, else GB18030).")
def clean_command(files: tuple[Path, ...], out_dir: Path, encoding: str | None) -> None:
    """Repair the layout of raw newspaper text and split it into articles.

    Joins lines broken by columns, restores paragraphs and headings, and moves
    headlines, bylines and captions displaced after the text into metadata.
    """
    for path in files:
        articles = clean_file(path, encoding)
        for written in write_articles(articles, out_dir):
            click.echo(str(written))


if __name__ == "__main__":
    main()
