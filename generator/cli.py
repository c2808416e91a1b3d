"""The command line: arguments and environment in, the options made once, the pipeline called, diagnostics
printed, exit 0, 1 (content or build error) or 2 (usage error)."""

from __future__ import annotations

import argparse
import difflib
import os
import sys
from pathlib import Path

from . import pipeline
from .diagnostics import BuildError, ContentError, UsageError, shown, summary
from .options import Options, parse_engine, parse_epoch
from .review import DEFAULT_AGE

PROG = "python -m generator"
REVIEW_AGE = f"warn when an entity's 'reviewed' date is more than DAYS days old (default: {DEFAULT_AGE})"
JOBS = "processes that build the pages (default: one for each core)"
SITE_URL = "the address the site is published at, e.g. https://intra.example/katalog/"


class Parser(argparse.ArgumentParser):
    """argparse, with its usage errors on one line like every other error (click's style): exit 2."""

    def error(self, message: str):
        self.exit(2, shown(f"Error: {message.rstrip('.')}. Try '{self.prog} --help'.") + "\n")


def parser() -> argparse.ArgumentParser:
    p = Parser(prog=PROG, description="Build Tilbudskataloget from its YAML catalogue.")
    commands = p.add_subparsers(dest="command", required=True)
    root, review, site = shared_options()
    commands.add_parser("validate", parents=[root, review], help="check the catalogue and report every error")
    b = commands.add_parser("build", parents=[root, site, review], help="validate and build the site")
    b.add_argument("--out", type=Path, default=None, help="output folder (default: ROOT/site)")
    s = commands.add_parser("serve", parents=[root], help="build and serve at http://127.0.0.1:8000, rebuilding on every change")
    s.add_argument("--port", type=port, default=8000, help="port to serve on (default: 8000)")
    commands.add_parser("schema", help="write the JSON Schema that the YAML files reference")
    d = commands.add_parser("dist", parents=[root, site, review], help="build the site and pack it into ROOT/dist/tilbudskataloget-YYYY-MM-DD.zip")
    d.add_argument("--out", type=Path, default=None, help="folder for the zip file (default: ROOT/dist)")
    y = commands.add_parser("synth", help="write a synthetic catalogue of N offers, for benchmarks and tests")
    y.add_argument("--offers", type=count, required=True, metavar="N", help="number of offers")
    y.add_argument("--out", type=Path, required=True, help="folder to write the catalogue into (empty or an earlier synth)")
    return p


def shared_options() -> tuple[argparse.ArgumentParser, ...]:
    """Return the parent parsers of the options that commands share: --root; --review-age; the site's."""
    root, review, site = (argparse.ArgumentParser(add_help=False) for _ in range(3))
    root.add_argument("--root", type=Path, default=Path("."), help="folder holding the catalogue (default: .)")
    review.add_argument("--review-age", type=int, default=DEFAULT_AGE, metavar="DAYS", help=REVIEW_AGE)
    site.add_argument("--offline", action="store_true", help="build the variant that works from a file share (file://)")
    site.add_argument("--site-url", default=None, help=SITE_URL)
    site.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors and warnings")
    site.add_argument("--jobs", type=processes, default=None, metavar="N", help=JOBS)
    return root, review, site


def port(value: str) -> int:
    """Parse a TCP port number for --port."""
    if not value.isascii() or not value.isdigit() or not 1 <= int(value) <= 65535:
        raise argparse.ArgumentTypeError(f"'{value}' is not a port: use a number from 1 to 65535, e.g. 8001")
    return int(value)


def count(value: str) -> int:
    """Parse a number of at least 1 for --offers."""
    if not value.isascii() or not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"'{value}' is not a number of offers: use a whole number of at least 1")
    return int(value)


def processes(value: str) -> int:
    """Parse a number of at least 1 for --jobs."""
    if not value.isascii() or not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"'{value}' is not a number of processes: use a whole number of at least 1")
    return int(value)


def no_such_command(argv: list[str], p: argparse.ArgumentParser) -> str | None:
    """Return click's message for a first argument that is no command, with the closest command, else None."""
    names = next(a.choices for a in p._actions if isinstance(a, argparse._SubParsersAction))
    if not argv or argv[0].startswith("-") or argv[0] in names:
        return None
    close = difflib.get_close_matches(argv[0], list(names), n=1)
    hint = f" Did you mean '{close[0]}'?" if close else f" Try '{PROG} --help' for the commands."
    return f"Error: No such command '{argv[0]}'.{hint}"


def main(argv: list[str] | None = None) -> int:
    argv, p = sys.argv[1:] if argv is None else argv, parser()
    mistyped = no_such_command(argv, p)
    if mistyped:
        print(shown(mistyped), file=sys.stderr)
        return 2
    try:
        return run(p.parse_args(argv))
    except ContentError as error:
        for diagnostic in error.diagnostics:
            print(diagnostic, file=sys.stderr)
        print(summary(error.diagnostics), file=sys.stderr)
        return 1
    except UsageError as error:
        print(shown(f"Error: {error}"), file=sys.stderr)
        return 2
    except (BuildError, OSError) as error:
        print(shown(f"Error: {error}"), file=sys.stderr)
        return 1


def options(args: argparse.Namespace, environ=os.environ) -> Options:
    """Return the options of a command that builds: its arguments, and the environment, read here once."""
    quiet = getattr(args, "quiet", False)
    return Options(
        offline=getattr(args, "offline", False),
        site_url=getattr(args, "site_url", None),
        source_date_epoch=parse_epoch(environ.get("SOURCE_DATE_EPOCH")),
        engine=parse_engine(environ.get("TILBUD_ENGINE", Options.engine)),
        review_age=getattr(args, "review_age", DEFAULT_AGE),
        quiet=quiet,
        progress=not quiet and not environ.get("CI"),
        jobs=getattr(args, "jobs", None),
    )


def warn(diagnostic) -> None:
    print(diagnostic, file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    if args.command == "validate":
        validate(args.root, args.review_age)
    elif args.command == "build":
        chosen = options(args)
        out = pipeline.build(args.root, args.out, chosen, warn)
        if not chosen.quiet:
            print(f"Built {out}")
    elif args.command == "serve":
        pipeline.serve(args.root, args.port, options(args))
    elif args.command == "schema":
        print(f"Wrote {pipeline.write_schema()}")
    elif args.command == "dist":
        chosen = options(args)
        packed = pipeline.dist(args.root, args.out, chosen, warn)
        if not chosen.quiet:
            print(f"Wrote {packed}")
    elif args.command == "synth":
        from . import synth

        print(f"Wrote {synth.write_catalogue(args.out, synth.catalogue(args.offers))} files of {args.offers} synthetic offers to {args.out}")
    return 0


def validate(root: Path, review_age: int) -> None:
    catalog = pipeline.validate(root, warn, review_age)
    print(f"OK: {len(catalog.offers)} offers, {len(catalog.providers)} providers, {len(catalog.cases)} cases, "
          f"{len(catalog.target_groups)} target groups, {len(catalog.methods)} methods.")
    if pipeline.seeds_folder(root) is None:
        print("Note: no source texts in ROOT/seeds or ROOT/../shared/seeds, so line ranges were not checked "
              "against them.", file=sys.stderr)
