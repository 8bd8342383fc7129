"""Command line: ``talks ingest INPUT... --out OUT`` (also ``python -m pipeline ingest``).

Exit status: 0 every file processed; 3 dataset written but some files failed;
1 fatal error, nothing published; 2 usage error (bad arguments, bad
``sources.toml``, output folder busy).
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from pipeline.errors import UsageError

EXIT_OK, EXIT_FATAL, EXIT_USAGE, EXIT_PARTIAL = 0, 1, 2, 3


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="talks", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    ing = sub.add_parser("ingest", help="read input files and publish the talks dataset")
    ing.add_argument("inputs", nargs="+", type=Path, help="input folders or files")
    ing.add_argument("--out", required=True, type=Path, help="output folder")
    ing.add_argument(
        "--jobs",
        type=int,
        default=None,
        help="worker processes (default: cores, at most 4; 0 = in-process)",
    )
    ing.add_argument("--timeout", type=float, default=60.0, help="per-file time limit, seconds")
    ing.add_argument("--max-mb", type=float, default=50.0, help="skip files larger than this")
    ing.add_argument("--memory-mb", type=int, default=2048, help="memory cap per worker")
    ing.add_argument(
        "--wait",
        action="store_true",
        help="wait for a concurrent run on the same OUT instead of refusing",
    )
    bar = ing.add_mutually_exclusive_group()
    bar.add_argument("--progress", dest="progress", action="store_true", default=None)
    bar.add_argument("--no-progress", dest="progress", action="store_false")
    ing.add_argument("-q", "--quiet", action="store_true", help="print no summary")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the exit status."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    from pipeline.run import Options, ingest

    options = Options(
        timeout=args.timeout,
        max_bytes=int(args.max_mb * 1024 * 1024),
        memory_bytes=args.memory_mb * 1024 * 1024,
        wait=args.wait,
        progress=args.progress,
    )
    if args.jobs is not None:
        options.jobs = args.jobs
    try:
        result = ingest(args.inputs, args.out, options)
    except UsageError as exc:
        print(f"talks: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except (OSError, RuntimeError) as exc:
        print(f"talks: fatal: {exc}; nothing was published", file=sys.stderr)
        return EXIT_FATAL
    report = result.report
    for err in report["errors"]:
        print(f"talks: {err['path']}: {err['stage']}: {err['error']}", file=sys.stderr)
    if not args.quiet:
        summary = {k: report[k] for k in ("files", "talks")}
        print(json.dumps(summary))
    return result.exit_code


if __name__ == "__main__":
    sys.exit(main())
