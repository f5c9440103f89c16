"""libical's iTIP check (RFC 5546 restriction tables) of one iCalendar object on stdin.

Prints one JSON line: {"errors": [...]} — the X-LIC-ERROR messages libical attached.
Needs Debian's python3-gi and gir1.2-ical-3.0 (libical 3).
"""
import json
import sys

import gi

gi.require_version('ICalGLib', '3.0')
from gi.repository import ICalGLib as I  # noqa: E402

component = I.Component.new_from_string(sys.stdin.read())
errors = []
if component is None:
    errors.append('libical could not parse the object')
else:
    I.restriction_check(component)

    def collect(c):
        p = c.get_first_property(I.PropertyKind.XLICERROR_PROPERTY)
        while p is not None:
            errors.append(p.get_xlicerror())
            p = c.get_next_property(I.PropertyKind.XLICERROR_PROPERTY)
        sub = c.get_first_component(I.ComponentKind.ANY_COMPONENT)
        while sub is not None:
            collect(sub)
            sub = c.get_next_component(I.ComponentKind.ANY_COMPONENT)

    collect(component)
# libical may attach one failure several times: each distinct message once.
print(json.dumps({'errors': sorted(set(errors)), 'count': len(set(errors))}))
