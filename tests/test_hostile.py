"""Hostile and awkward inputs beside good files: every good talk lands, every bad file is
reported, nothing from scripts or entities leaks into a field, and the run finishes."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd

from tests.conftest import ROOT

SECRET = "TOP-SECRET-9f3a"
SCRIPT_TEXT = "stealCookies"

GOOD_ICS = """BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//Hostile test//EN\r
X-WR-CALNAME:Robustness Seminar\r
BEGIN:VEVENT\r
UID:good-{n}@test\r
DTSTAMP:20240101T000000Z\r
DTSTART:2024050{n}T140000Z\r
DTEND:2024050{n}T150000Z\r
SUMMARY:Surviving bad input, part {n}\r
DESCRIPTION:Speaker: Barbara Liskov (MIT)\\n\\nOn robust systems.\r
END:VEVENT\r
END:VCALENDAR\r
"""


def _pdf_bytes(encrypt: bool = False) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=28)
    pdf.cell(text="A talk about robustness")
    if encrypt:
        pdf.set_encryption(owner_password="owner", user_password="user")
    return bytes(pdf.output())


def _build(root: Path, tmp: Path) -> tuple[set[str], set[str]]:
    """Write the folder; returns (files that must fail or be skipped, good calendar titles)."""
    root.mkdir()
    titles = set()
    for n in (1, 2, 3):
        (root / f"good{n}.ics").write_text(GOOD_ICS.format(n=n))
        titles.add(f"Surviving bad input, part {n}")
    secret = tmp / "secret.txt"
    secret.write_text(SECRET)
    rng = random.Random(7)
    bad = {
        "empty.txt": b"",
        "random.bin": bytes(rng.randrange(256) for _ in range(40_000)),
        "truncated.pdf": _pdf_bytes()[:400],
        "encrypted.pdf": _pdf_bytes(encrypt=True),
        "impossible-date.ics": b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\n"
        b"DTSTART:20241345T990000Z\r\nSUMMARY:Bad\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
        "missing-end.ics": b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:y\r\n"
        b"DTSTART:20240501T140000Z\r\nSUMMARY:Cut off",
    }
    for name, data in bad.items():
        (root / name).write_bytes(data)
    awkward = {
        "nul.txt": b"Seminar\x00 announcement\n\nSpeaker: Ada\x00 Lovelace\n",
        "latin1.txt": "Séminaire de mathématiques\n\nOrateur : José Peña\n".encode("latin-1"),
        "cp1252.txt": "The \u201cquoted\u201d seminar \u2013 notes\n".encode("cp1252"),
        "utf16.txt": "Colloquium\n\nSpeaker: Zoë Ångström\n".encode("utf-16"),
        "text-named.pdf": b"Just some notes about a seminar, not a PDF at all.\n",
        "deep.html": b"<html><body>"
        + b"<div>" * 200_000
        + b"deep"
        + b"</div>" * 200_000
        + b"</body></html>",
        "long-line.txt": b"word " * (8 * 1024 * 1024 // 5),
        "bomb.html": (
            b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
            + b"".join(
                b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
                for i in range(1, 10)
            )
            + b"]><html><body><p>&lol9;</p></body></html>"
        ),
        "xxe.html": (
            b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file://'
            + str(secret).encode()
            + b'">]><html><body><h1>Seminar</h1>'
            + b"<p>Speaker: Alan Turing, University of Manchester</p><p>&x;</p></body></html>"
        ),
        "script.html": (
            b"<!DOCTYPE html><html><head><style>body{color:red} .stealCookies{}</style>"
            b"<script>function stealCookies(){}</script></head><body><main>"
            b"<h2>Seminars</h2><table><tr><th>Date</th><th>Speaker</th><th>Title</th></tr>"
            b"<tr><td>May 6, 2024, 2:00-3:00pm</td><td>Grace Hopper, Yale University</td>"
            b"<td>Compilers<script>stealCookies()</script></td></tr></table>"
            b"<noscript>stealCookies</noscript></main></body></html>"
        ),
    }
    for name, data in awkward.items():
        (root / name).write_bytes(data)
    sub = root / "loop"
    sub.mkdir()
    os.symlink("..", sub / "again")  # a symlink loop
    os.symlink(tmp / "nowhere", root / "dangling.txt")
    os.mkfifo(root / "pipe.txt")
    must_fail = set(bad) | {"dangling.txt", "pipe.txt"}
    return must_fail, titles


def test_hostile_folder(tmp_path: Path) -> None:
    root, out = tmp_path / "in", tmp_path / "out"
    must_fail, titles = _build(root, tmp_path)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    t0 = time.monotonic()
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "pipeline",
            "ingest",
            str(root),
            "--out",
            str(out),
            "-q",
            "--timeout",
            "30",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    elapsed = time.monotonic() - t0
    assert proc.returncode == 3, proc.stderr
    assert elapsed < 180
    import json

    report = json.loads((out / "report.json").read_text())
    reported = {e["path"] for e in report["errors"]} | {s["path"] for s in report["skipped"]}
    assert must_fail <= reported, (must_fail - reported, report["errors"], report["skipped"])
    for err in report["errors"]:
        assert err["error"] and err["stage"]
    errors = {e["path"]: e["error"] for e in report["errors"]}
    assert "encrypt" in errors["encrypted.pdf"].lower()
    assert "missing-end.ics" in errors and "impossible-date.ics" in errors
    talks = pd.read_parquet(out / "talks.parquet")
    assert titles <= set(talks["title"])
    text = (
        talks.astype(str).to_string()
        + pd.read_parquet(out / "rejects.parquet").astype(str).to_string()
    )
    assert SECRET not in text
    assert SCRIPT_TEXT not in text and "color:red" not in text
    assert "lollollol" not in text
    seen = {p for p in talks["source_path"]}
    assert not any(p.startswith("loop/again/") for p in seen)
