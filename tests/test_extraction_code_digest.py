"""The incremental cache key covers all the code an extraction runs.

Why: a file's cached rows are reused while its extractor's version string holds, and that
string carries a digest of the extraction code. A module missing from the digest (the
shared structure layer once was) means an upgrade that changes its rows silently keeps the
old ones. The check runs every format's extraction in a fresh interpreter and compares the
project modules it loaded with the digested files.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import extractors

ROOT = Path(__file__).resolve().parents[1]
# loaded by an extraction, but deciding nothing about its rows: the package marker and the
# process isolation around each file
NOT_RULES = {"pipeline/__init__.py", "pipeline/supervise.py"}

PROBE = """
import datetime as dt, hashlib, sys
from pathlib import Path
from pipeline.extract import process_document
from pipeline.records import Document
DOCS = {DOCS!r}
when = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
for fmt, text in DOCS.items():
    data = text.encode()
    process_document(Document("probe." + fmt, data, hashlib.sha256(data).hexdigest(), fmt), when)
root = Path.cwd().resolve()
for module in list(sys.modules.values()):
    name = getattr(module, "__file__", None)
    if name and Path(name).resolve().is_relative_to(root):
        relative = Path(name).resolve().relative_to(root)
        if relative.parts[0] in ("extractors", "pipeline", "schemas", "talks"):
            print(relative.as_posix())
"""

DOCS = {
    "ics": "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//p//EN\r\nBEGIN:VEVENT\r\nUID:p@q\r\n"
           "DTSTAMP:20240101T000000Z\r\nDTSTART:20240501T140000Z\r\n"
           "SUMMARY:Knots and braids - Ola Brekke (Bergen)\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
    "html": "<h1>Topology Seminar</h1><ul><li>May 3, 2024: Ola Brekke, <em>Knots</em></li></ul>",
    "markdown": "# Topology Seminar\n\n- **May 3, 2024**: Ola Brekke (Bergen), *Knots*\n",
    "text": "Speaker: Ola Brekke\nTitle: Knots and braids\nDate: May 3, 2024, 2 pm\n",
    "slides_text": "Knots and braids\n\nOla Brekke\nUniversity of Bergen\nMay 2024\n",
}


def test_every_module_an_extraction_runs_is_in_the_digest() -> None:
    probe = PROBE.replace("{DOCS!r}", repr(DOCS))
    loaded = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, check=True,
                            capture_output=True, text=True).stdout.split()
    digested = {str(p.relative_to(ROOT)) for p in extractors.code_files()}
    missing = sorted(set(loaded) - digested - NOT_RULES)
    assert not missing, f"extraction runs modules the cache key ignores: {missing}"
    assert "pipeline/structure/templates.py" in loaded  # the probe reached the shared layer


def test_the_tagger_model_is_part_of_the_digest() -> None:
    digested = {p.relative_to(ROOT).as_posix() for p in extractors.code_files()}
    assert "models/span_tagger/model.crfsuite" in digested
