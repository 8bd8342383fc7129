"""Email messages: the one header detector, and the readable parts of a message.

Both the sniff stage (is this file an email?) and the plain-text extractor (where
does the announcement sit inside it?) need the same answers, so they live here.

An announcement rarely sits alone in a message. It may be the HTML alternative
only, quoted-printable, forwarded (``---------- Forwarded message ---------``,
``-----Original Message-----``, ``Begin forwarded message:``) or quoted under an
``On ... wrote:`` line with ``>`` marks while the sender's own text is just
``FYI``. A calendar invitation carries the talk as a ``text/calendar`` part.
``message_texts`` returns the sender's own text first and the embedded messages
after it, each with the ``Subject``/``Date`` it states, so the extractor can take
the first one that announces a talk.
"""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import email.utils
import re
from dataclasses import dataclass
from email.message import EmailMessage

from bs4 import BeautifulSoup

from pipeline.errors import ExtractionError

# Header names that only an email has; a text whose top block holds two of them is a
# message (``Date:``/``Title:`` fields of a plain announcement are not enough).
_EMAIL_HEADERS = (
    "from", "to", "cc", "bcc", "subject", "date", "sender", "reply-to", "message-id",
    "in-reply-to", "references", "received", "return-path", "mime-version", "content-type",
    "content-transfer-encoding", "delivered-to", "list-id", "x-mailer", "user-agent",
)  # fmt: skip
_HEADER_RE = re.compile(r"^(?P<name>[A-Za-z][A-Za-z0-9-]{0,40})[ \t]*:[ \t]?(?P<value>.*)$")
_MBOX_FROM_RE = re.compile(r"^From \S+")
_FORWARD_RE = re.compile(
    r"^\s*(?:-{2,}\s*(?:Forwarded|Original)\s+(?:message|Message|e-?mail)\s*-{2,}"
    r"|Begin\s+forwarded\s+message\s*:|-{3,}\s*Message\s+transf[ée]r[ée]\s*-{3,})\s*$",
    re.I | re.M,
)
_WROTE_RE = re.compile(
    r"^\s*(?:On\s.{5,200}?\bwrote|Le\s.{5,200}?a\s+écrit|.{3,120}\bwrote)\s*:\s*$"
)
_QUOTE_RE = re.compile(r"^[ \t]*>[ \t]?")
_HTML_BLOCKS = (
    "p", "div", "section", "article", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol",
    "li", "table", "tr", "blockquote", "pre", "header", "footer", "hr", "dl", "dt", "dd",
)  # fmt: skip


def _header_name(line: str) -> str | None:
    m = _HEADER_RE.match(line)
    return m.group("name").lower() if m else None


def _is_rfc_date(value: str) -> bool:
    try:
        return email.utils.parsedate_to_datetime(value.strip()) is not None
    except (TypeError, ValueError, IndexError, OverflowError):  # a year of 40 digits
        return False


def is_email(text: str) -> bool:
    """An RFC 822 message or an mbox: a block of header lines at the very top, two of
    them email headers. ``Date:`` counts only with an RFC 2822 date, so an
    announcement opening ``Date: Friday, Nov 10`` / ``To: all students`` is not mail."""
    lines = text.lstrip().splitlines()[:60]
    if lines and _MBOX_FROM_RE.match(lines[0]) and not lines[0].rstrip().endswith(":"):
        lines = lines[1:]
    known = 0
    for line in lines:
        if not line.strip():
            break
        if line[:1] in (" ", "\t"):
            continue  # folded header continuation
        name = _header_name(line)
        if name is None:
            return False
        if name in _EMAIL_HEADERS and (name != "date" or _is_rfc_date(line.split(":", 1)[1])):
            known += 1
    return known >= 2


def split_messages(data: bytes) -> list[EmailMessage]:
    """The messages of an mbox archive (split on ``From `` lines) or of a single message."""
    text = data.lstrip()
    if text.startswith(b"From "):
        parts = re.split(rb"(?m)^From \S+[^\n]*\n", text)
        raw = [p for p in parts if p.strip()]
    else:
        raw = [text]
    out = []
    for part in raw:
        part = re.sub(rb"(?m)^>(>*From )", rb"\1", part)  # mboxrd unquoting
        msg = email.message_from_bytes(part, policy=email.policy.default)
        if not isinstance(msg, EmailMessage):
            raise ExtractionError("unreadable email message")
        out.append(msg)
    return out


# a digest's messages: each opens with a run of header lines (``From:``/``Date:``/
# ``Subject:``) right after a separator rule or a ``Message: 3`` line (Mailman, LISTSERV)
_DIGEST_RULE_RE = re.compile(r"^\s*(?:[-_=*~]{10,}|Message:?\s*#?\d+\s*)$", re.I)
# the headers that open a message of a digest: at least two of them, one naming it
_DIGEST_OPENERS = frozenset({"from", "date", "subject", "to", "message-id"})
_DIGEST_NAMING = frozenset({"from", "subject"})


def _header_run(lines: list[str], i: int) -> int:
    """How many header lines open at ``i`` (0 when fewer than two message headers do)."""
    j, names = i, set()
    while j < len(lines) and lines[j].strip():
        line = lines[j]
        if line[:1] in (" ", "\t") and j > i:
            j += 1  # folded continuation
            continue
        name = _header_name(line.strip())
        if name is None or name not in _EMAIL_HEADERS:
            break
        names.add(name)
        j += 1
    ok = len(names & _DIGEST_OPENERS) >= 2 and names & _DIGEST_NAMING
    return j - i if ok else 0


def digest_messages(msg: EmailMessage) -> list[EmailMessage]:
    """The messages a digest holds, each with its own headers; ``[]`` when ``msg`` is not
    a digest.

    A MIME digest carries them as ``message/rfc822`` parts; a plain-text digest (one body
    listing several mails) opens each with its header lines after a rule or a ``Message:
    N`` line. Two such messages make a digest: one alone is a forward, read as today. Its
    table of contents and footer, before the first and after the last, are not messages.
    """
    parts = [p.get_content() for p in msg.walk() if p.get_content_type() == "message/rfc822"]
    inner = [p for p in parts if isinstance(p, EmailMessage)]
    if msg.get_content_type() == "multipart/digest" or len(inner) >= 2:
        return inner
    part = msg.get_body(preferencelist=("plain", "html"))
    if part is None or not isinstance(part, EmailMessage):
        return []
    lines = _part_text(part).splitlines()
    starts = []
    for i, line in enumerate(lines):
        if not _DIGEST_RULE_RE.match(line):
            continue
        k = i + 1
        while k < len(lines) and not lines[k].strip():
            k += 1
        if k < len(lines) and _DIGEST_RULE_RE.match(lines[k]) and lines[k].strip()[:1].isalpha():
            k += 1  # ``Message: 3`` after a rule
        if _header_run(lines, k):
            starts.append(k)
    starts = sorted(set(starts))
    if len(starts) < 2:
        return []
    out = []
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        chunk = lines[start:end]
        while chunk and (not chunk[-1].strip() or _DIGEST_RULE_RE.match(chunk[-1])):
            chunk.pop()
        message = email.message_from_string("\n".join(chunk) + "\n",
                                            policy=email.policy.default)
        if isinstance(message, EmailMessage):
            out.append(message)
    return out


def header_date(value: object) -> dt.date | None:
    """The calendar date of a ``Date`` header value (as the sender's clock wrote it)."""
    if value is None:
        return None
    when = getattr(value, "datetime", None)
    if when is None:
        try:
            when = email.utils.parsedate_to_datetime(str(value))
        except (TypeError, ValueError, IndexError, OverflowError):
            return None
    return when.date() if when else None


def html_to_lines(html: str) -> str:
    """Plain text of an HTML body with its line structure kept: ``<br>`` and block
    elements end lines, so ``<b>Speaker:</b> X<br>`` stays one labeled line."""
    soup = BeautifulSoup(html, "html.parser")
    for bad in soup(["script", "style", "head", "title"]):
        bad.decompose()
    for br in soup.find_all("br"):
        br.replace_with("\n")
    for tag in soup.find_all(_HTML_BLOCKS):
        tag.insert_before("\n\n" if tag.name in ("p", "div", "table", "hr") else "\n")
        tag.insert_after("\n")
    text = soup.get_text()
    text = text.replace("\u00a0", " ")
    lines = [" ".join(ln.split()) for ln in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _part_text(part: EmailMessage) -> str:
    try:
        content = part.get_content()
    except (LookupError, UnicodeError) as exc:
        raise ExtractionError(f"undecodable email part: {exc}") from exc
    if isinstance(content, bytes):
        content = content.decode("utf-8", "replace")
    if part.get_content_subtype() == "html":
        return html_to_lines(content)
    return content


def calendar_parts(msg: EmailMessage) -> list[str]:
    """The ``text/calendar`` parts of a message (an invitation), as text."""
    out = []
    for part in msg.walk():
        if part.get_content_type() == "text/calendar" and isinstance(part, EmailMessage):
            out.append(_part_text(part))
    return out


@dataclass
class MessageText:
    """One readable text of a message: the sender's own, or an embedded one."""

    text: str
    subject: str | None = None
    date: dt.date | None = None


def _unquote(lines: list[str]) -> list[str]:
    return [_QUOTE_RE.sub("", ln, count=1) for ln in lines]


def _embedded_headers(lines: list[str]) -> tuple[dict[str, str], list[str]]:
    """Leading ``From:``/``Date:``/``Subject:`` lines of a forwarded block, and the rest."""
    headers: dict[str, str] = {}
    i = 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    while i < len(lines) and lines[i].strip():
        name = _header_name(lines[i].strip())
        if name not in _EMAIL_HEADERS:
            break
        headers[name] = lines[i].split(":", 1)[1].strip()
        i += 1
    return headers, lines[i:] if headers else lines


def _loose_date(value: str | None) -> dt.date | None:
    """A forwarded block's ``Date:`` as mail clients print it (``Mon, May 6, 2024 at
    9:12 AM``), read by the shared date parser when it is not RFC 2822."""
    if not value:
        return None
    date = header_date(value)
    if date is not None:
        return date
    from pipeline.normalise import dates

    when = dates.parse_when(value)
    return when.date if when is not None else None


def split_body(body: str, subject: str | None, date: dt.date | None) -> list[MessageText]:
    """The sender's own text (quotes removed), then each forwarded or quoted message."""
    lines = body.splitlines()
    own: list[str] = []
    out: list[MessageText] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if _FORWARD_RE.match(line):
            headers, rest = _embedded_headers(lines[i + 1 :])
            inner = split_body("\n".join(rest), headers.get("subject") or subject,
                               _loose_date(headers.get("date")) or date)
            out.extend(inner)
            break
        if _WROTE_RE.match(line) or _QUOTE_RE.match(line):
            j = i + (1 if _WROTE_RE.match(line) else 0)
            quoted: list[str] = []
            while j < len(lines) and (_QUOTE_RE.match(lines[j]) or not lines[j].strip()):
                quoted.append(lines[j])
                j += 1
            if any(ln.strip(" >") for ln in quoted):
                inner_text = "\n".join(_unquote(quoted))
                out.extend(split_body(inner_text, subject, date))
            i = max(j, i + 1)
            continue
        own.append(line)
        i += 1
    return [MessageText("\n".join(own), subject, date), *out]


def message_texts(msg: EmailMessage) -> list[MessageText]:
    """The readable texts of a message, the sender's own first (see module doc)."""
    part = msg.get_body(preferencelist=("plain", "html"))
    subject = msg.get("Subject")
    subject = " ".join(str(subject).split()) if subject else None
    try:
        date = header_date(msg.get("Date"))  # the header is parsed here, on first access
    except (TypeError, ValueError, IndexError, OverflowError):  # a year of 40 digits
        date = None
    if part is None or not isinstance(part, EmailMessage):
        return []
    return split_body(_part_text(part), subject, date)
