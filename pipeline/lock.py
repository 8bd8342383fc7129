"""The output folder's run lock, in a module with no heavy imports.

Taken before the pipeline's libraries load (pyarrow, spaCy, ...), so a second run
on a busy output folder is refused at once instead of after seconds of imports.
"""

from __future__ import annotations

import errno
import fcntl
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pipeline.errors import UsageError


class Busy(UsageError):
    """Another run holds the output folder's lock."""


@contextmanager
def locked(out: Path, wait: bool) -> Iterator[None]:
    """Hold ``OUT/.lock`` for the run.

    A POSIX record lock (``lockf``), not ``flock``: it belongs to this process
    alone, so forked extraction workers never hold it, and it is released the
    moment the run's process dies, even by SIGKILL.
    """
    out.mkdir(parents=True, exist_ok=True)
    with open(out / ".lock", "a+") as fh:
        flags = fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB)
        try:
            fcntl.lockf(fh, flags)
        except OSError as exc:
            if wait or exc.errno not in (errno.EACCES, errno.EAGAIN):
                raise
            raise Busy(
                f"{out}: another ingest run is using this output folder (use --wait to wait for it)"
            ) from exc
        try:
            yield
        finally:
            fcntl.lockf(fh, fcntl.LOCK_UN)
