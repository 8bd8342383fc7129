"""Command line: ``talks ingest INPUT... --out OUT`` (also ``python -m pipeline ingest``)
and ``talks report OUT [--output FILE]`` (the dataset as one HTML page).

Exit status: 0 every file processed; 3 dataset written but some files failed;
1 fatal error, nothing published; 2 usage error (bad arguments, bad
``sources.toml``, output folder busy); 130 interrupted (Ctrl-C, SIGTERM).

The output folder's lock is taken before the pipeline's libraries are imported, so
a refused second run answers at once; an interrupt ends the run with one line.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from types import FrameType

from pipeline.errors import UsageError

EXIT_OK, EXIT_FATAL, EXIT_USAGE, EXIT_PARTIAL, EXIT_INTERRUPTED = 0, 1, 2, 3, 130


def _bounded(kind: Callable[[str], float], low: float, inclusive: bool, what: str):
    """An argparse type: a number of ``kind`` at least (or above) ``low``."""

    def parse(text: str) -> float:
        try:
            value = kind(text)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(f"{text!r} is not a number") from exc
        if value != value or value < low or (value == low and not inclusive):  # NaN too
            bound = f"at least {low:g}" if inclusive else f"more than {low:g}"
            raise argparse.ArgumentTypeError(f"{what} must be {bound}, not {text}")
        return value

    return parse


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="talks", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    ing = sub.add_parser("ingest", help="read input files and publish the talks dataset")
    ing.add_argument("inputs", nargs="+", type=Path, help="input folders or files")
    ing.add_argument("--out", required=True, type=Path, help="output folder")
    ing.add_argument(
        "--jobs",
        type=_bounded(int, 0, True, "--jobs"),
        default=None,
        help="worker processes (default: cores, at most 4; 0 = in-process)",
    )
    ing.add_argument(
        "--timeout",
        type=_bounded(float, 0, False, "--timeout"),
        default=60.0,
        help="per-file time limit, seconds",
    )
    ing.add_argument(
        "--max-mb",
        type=_bounded(float, 0, False, "--max-mb"),
        default=50.0,
        help="files larger than this fail with a clear error",
    )
    ing.add_argument(
        "--memory-mb",
        type=_bounded(int, 0, True, "--memory-mb"),
        default=2048,
        help="memory cap per worker (0: none)",
    )
    ing.add_argument(
        "--follow-links",
        action="store_true",
        help="also follow symlinks whose target is outside the input folder",
    )
    ing.add_argument(
        "--rehash",
        action="store_true",
        help="hash every file again, even one whose size and mtime are unchanged",
    )
    ing.add_argument(
        "--partition",
        choices=("auto", "file", "year", "series"),
        default="auto",
        help="dataset layout: one talks.parquet, or a talks/ folder of files per year or "
        "series (auto: by year past 250,000 talks)",
    )
    ing.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        default=None,
        help="run extraction on a Dask cluster: tcp://HOST:PORT, or 'local' for a "
        "LocalCluster of --jobs workers (needs the 'cluster' extra)",
    )
    ing.add_argument(
        "--wait",
        action="store_true",
        help="wait for a concurrent run on the same OUT instead of refusing",
    )
    bar = ing.add_mutually_exclusive_group()
    bar.add_argument("--progress", dest="progress", action="store_true", default=None)
    bar.add_argument("--no-progress", dest="progress", action="store_false")
    ing.add_argument("-q", "--quiet", action="store_true", help="print no summary")
    rep = sub.add_parser("report", help="write the published dataset as one HTML page")
    rep.add_argument("out", type=Path, help="output folder of talks ingest")
    rep.add_argument("--output", type=Path, default=None,
                     help="the page to write (default: OUT/report.html)")
    return parser


def _terminate(_signum: int, _frame: FrameType | None) -> None:
    """SIGTERM ends a run the way Ctrl-C does."""
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the exit status."""
    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        return _main(argv)
    except KeyboardInterrupt:
        print("talks: interrupted; nothing was published", file=sys.stderr)
        return EXIT_INTERRUPTED
    finally:
        signal.signal(signal.SIGTERM, previous)


def _main(argv: list[str] | None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    if args.command == "report":
        return _report(args)
    from pipeline.lock import locked

    try:
        for root in args.inputs:
            if not os.path.lexists(root):
                raise UsageError(f"{root}: no such file or folder")
        with locked(args.out, args.wait):
            return _run(args)
    except UsageError as exc:
        print(f"talks: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:  # the output folder cannot be made or locked
        print(f"talks: fatal: {exc}; nothing was published", file=sys.stderr)
        return EXIT_FATAL


def _report(args: argparse.Namespace) -> int:
    """``talks report``: no lock, since the page reads one published run folder."""
    from pipeline.report_page import write_report

    try:
        page = write_report(args.out, args.output)
    except UsageError as exc:
        print(f"talks: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:  # the page cannot be written
        print(f"talks: fatal: {exc}", file=sys.stderr)
        return EXIT_FATAL
    print(page)
    return EXIT_OK


def _run(args: argparse.Namespace) -> int:
    """The run itself, under the lock: the pipeline's libraries load only now."""
    from pipeline.run import Interrupted, Options, ingest_locked

    options = Options(
        timeout=args.timeout,
        max_bytes=int(args.max_mb * 1024 * 1024),
        memory_bytes=args.memory_mb * 1024 * 1024,
        wait=args.wait,
        progress=args.progress,
        follow_links=args.follow_links,
        rehash=args.rehash,
        partition=args.partition,
        scheduler=args.scheduler,
    )
    if args.jobs is not None:
        options.jobs = args.jobs
    try:
        result = ingest_locked(args.inputs, args.out, options)
    except Interrupted as exc:
        said = f"run {exc.run_id} was already published" if exc.published else (
            "nothing was published, the previous dataset is untouched")
        print(f"talks: interrupted; {said}", file=sys.stderr)
        return EXIT_INTERRUPTED
    except (OSError, RuntimeError) as exc:
        print(f"talks: fatal: {exc}; nothing was published", file=sys.stderr)
        return EXIT_FATAL
    report = result.report
    for err in report["errors"]:
        print(f"talks: {err['path']}: {err['stage']}: {err['error']}", file=sys.stderr)
    if not args.quiet:
        summary = {k: report[k] for k in ("run_id", "files", "talks")}
        print(json.dumps(summary))
    return result.exit_code


def entry(argv: list[str] | None = None) -> int:
    """The ``talks`` command: ``main``, and after an interrupt an immediate exit.

    An interrupted run has nothing left to write (it published all or nothing, and
    the lock dies with the process), so the interpreter's teardown of a heap full of
    parsers and models is skipped: Ctrl-C returns to the prompt at once.
    """
    code = main(argv)
    if code == EXIT_INTERRUPTED:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    return code


if __name__ == "__main__":
    sys.exit(entry())
