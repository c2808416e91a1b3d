"""The command line: arguments in, the pipeline called, diagnostics printed, exit 0, 1 or 2."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import pipeline
from .diagnostics import ContentError, summary
from .review import DEFAULT_AGE

REVIEW_AGE = f"warn when an entity's 'reviewed' date is more than DAYS days old (default: {DEFAULT_AGE})"


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m generator", description="Build Tilbudskataloget from its YAML catalogue.")
    commands = p.add_subparsers(dest="command", required=True)
    v = commands.add_parser("validate", help="check the catalogue and report every error")
    v.add_argument("--root", type=Path, default=Path("."), help="folder holding the catalogue (default: .)")
    v.add_argument("--review-age", type=int, default=DEFAULT_AGE, metavar="DAYS", help=REVIEW_AGE)
    b = commands.add_parser("build", help="validate and build the site")
    b.add_argument("--root", type=Path, default=Path("."), help="folder holding the catalogue (default: .)")
    b.add_argument("--out", type=Path, default=None, help="output folder (default: ROOT/site)")
    b.add_argument("--offline", action="store_true", help="build a variant that works from a file share (file://)")
    b.add_argument("--site-url", default=None, help="the address the site is published at, e.g. https://intra.example/katalog/")
    b.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors and warnings")
    b.add_argument("--review-age", type=int, default=DEFAULT_AGE, metavar="DAYS", help=REVIEW_AGE)
    s = commands.add_parser("serve", help="build and serve at http://127.0.0.1:8000, rebuilding on every change")
    s.add_argument("--root", type=Path, default=Path("."), help="folder holding the catalogue (default: .)")
    s.add_argument("--port", type=int, default=8000, help="port to serve on (default: 8000)")
    commands.add_parser("schema", help="write the JSON Schema that the YAML files reference")
    d = commands.add_parser("dist", help="build the site and pack it into ROOT/dist/tilbudskataloget-YYYY-MM-DD.zip")
    d.add_argument("--root", type=Path, default=Path("."), help="folder holding the catalogue (default: .)")
    d.add_argument("--out", type=Path, default=None, help="folder for the zip file (default: ROOT/dist)")
    d.add_argument("--offline", action="store_true", help="pack the variant that works from a file share (file://)")
    d.add_argument("--site-url", default=None, help="the address the site is published at, e.g. https://intra.example/katalog/")
    d.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors and warnings")
    d.add_argument("--review-age", type=int, default=DEFAULT_AGE, metavar="DAYS", help=REVIEW_AGE)
    y = commands.add_parser("synth", help="write a synthetic catalogue of N offers, for benchmarks and tests")
    y.add_argument("--offers", type=int, required=True, metavar="N", help="number of offers")
    y.add_argument("--out", type=Path, required=True, help="folder to write the catalogue into (empty or an earlier synth)")
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return run(args)
    except ContentError as error:
        for diagnostic in error.diagnostics:
            print(diagnostic, file=sys.stderr)
        print(summary(error.diagnostics), file=sys.stderr)
        return 1
    except pipeline.BuildError as error:
        print(f"Error: {error}", file=sys.stderr)
        return 1


def warn(diagnostic) -> None:
    print(diagnostic, file=sys.stderr)


def run(args) -> int:
    options = {"warn": warn, "review_age": args.review_age} if hasattr(args, "review_age") else {}
    if args.command == "validate":
        catalog = pipeline.validate(args.root, **options)
        print(f"OK: {len(catalog.offers)} offers, {len(catalog.providers)} providers, {len(catalog.cases)} cases, "
              f"{len(catalog.target_groups)} target groups, {len(catalog.methods)} methods.")
    elif args.command == "build":
        out = pipeline.build(args.root, args.out, offline=args.offline, site_url=args.site_url, quiet=args.quiet, **options)
        if not args.quiet:
            print(f"Built {out}")
    elif args.command == "serve":
        pipeline.serve(args.root, args.port)
    elif args.command == "schema":
        print(f"Wrote {pipeline.write_schema()}")
    elif args.command == "dist":
        packed = pipeline.dist(args.root, args.out, offline=args.offline, site_url=args.site_url, quiet=args.quiet, **options)
        if not args.quiet:
            print(f"Wrote {packed}")
    elif args.command == "synth":
        from . import synth

        print(f"Wrote {synth.write_catalogue(args.out, synth.catalogue(args.offers))} files of {args.offers} synthetic offers to {args.out}")
    return 0
