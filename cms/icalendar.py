"""A small iCalendar (RFC 5545) writer: what calendar apps need to import the province's events.

Only what an event page publishes: one VCALENDAR of VEVENTs with text, UTC times and a URL.
Text is escaped (section 3.3.11) and content lines are folded at 75 octets without splitting a
UTF-8 character (section 3.1); lines end with CRLF.
"""

from dataclasses import dataclass
from datetime import UTC

CRLF = "\r\n"
LINE_OCTETS = 75
PRODID = "-//Cho OCOP//Events//VI"


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    stamp: object  # aware datetimes
    starts: object
    ends: object
    summary: str
    description: str = ""
    location: str = ""
    url: str = ""


def escape_text(value):
    """TEXT values: backslash, semicolon and comma escaped, newlines as ``\\n``."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def utc(moment):
    """A DATE-TIME in UTC form: ``20261205T013000Z``."""
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def fold(line):
    """The content line split into lines of at most 75 octets, each continuation led by a space."""
    lines, current, size = [], "", 0
    for char in line:
        octets = len(char.encode())
        if size + octets > LINE_OCTETS:
            lines.append(current)
            current, size = " ", 1
        current += char
        size += octets
    lines.append(current)
    return CRLF.join(lines)


def vevent(event):
    properties = [
        ("UID", escape_text(event.uid)),
        ("DTSTAMP", utc(event.stamp)),
        ("DTSTART", utc(event.starts)),
        ("DTEND", utc(event.ends)),
        ("SUMMARY", escape_text(event.summary)),
    ]
    if event.description:
        properties.append(("DESCRIPTION", escape_text(event.description)))
    if event.location:
        properties.append(("LOCATION", escape_text(event.location)))
    if event.url:
        properties.append(("URL", event.url))
    return ["BEGIN:VEVENT", *(f"{name}:{value}" for name, value in properties), "END:VEVENT"]


def calendar(events, name=""):
    """The text of a VCALENDAR holding ``events`` (CalendarEvent), ready to serve as text/calendar."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
    if name:
        lines.append(f"X-WR-CALNAME:{escape_text(name)}")
    for event in events:
        lines.extend(vevent(event))
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + CRLF for line in lines)
