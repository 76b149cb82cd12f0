"""Training days as an iCalendar file, so the user's own calendar does the reminding and no
process of ours runs in the background. Pure Python, with the `icalendar` library.

Strength days must not follow one another (the strength routine goes on non-consecutive days);
the lighter days, if wanted, are the ones between.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from icalendar import Alarm, Calendar, Event

WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class ReminderPlan:
    strength_days: tuple[int, ...]  # 0 = Monday
    at: time
    weeks: int  # how many weeks the reminders run
    strength_name: str
    strength_minutes: int
    mobility_name: str = ""  # empty: no reminders on the days between
    mobility_minutes: int = 15

    @property
    def mobility_days(self) -> tuple[int, ...]:
        if not self.mobility_name:
            return ()
        return tuple(d for d in range(7) if d not in self.strength_days)


def consecutive_days(days: Sequence[int]) -> list[tuple[int, int]]:
    """Pairs of chosen days that follow one another, Sunday to Monday included."""
    chosen = set(days)
    return [(d, (d + 1) % 7) for d in sorted(chosen) if (d + 1) % 7 in chosen and len(chosen) > 1]


def check(plan: ReminderPlan) -> list[str]:
    """What is wrong with the plan, in words; empty when it can be exported."""
    problems = []
    if not plan.strength_days:
        problems.append("Choose at least one strength day.")
    for a, b in consecutive_days(plan.strength_days):
        problems.append(f"{DAY_NAMES[a]} and {DAY_NAMES[b]} follow one another: strength "
                        "sessions go on non-consecutive days.")
    if plan.weeks < 1:
        problems.append("The reminders need to run for at least a week.")
    return problems


def _first_on_or_after(start: date, weekday: int) -> date:
    return start + timedelta(days=(weekday - start.weekday()) % 7)


def _event(name: str, minutes: int, days: tuple[int, ...], plan: ReminderPlan, start: date,
           stamp: datetime, uid: str) -> Event:
    first = min(_first_on_or_after(start, d) for d in days)
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("summary", name)
    event.add("description", f"{name}: about {minutes} minutes, with Psoas Desktop.")
    begin = datetime.combine(first, plan.at)  # floating local time: the user's own clock
    event.add("dtstart", begin)
    event.add("dtend", begin + timedelta(minutes=minutes))
    event.add("rrule", {"freq": "weekly", "byday": [WEEKDAYS[d] for d in sorted(days)],
                        "count": plan.weeks * len(days)})
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", f"{name} in 10 minutes")
    alarm.add("trigger", timedelta(minutes=-10))
    event.add_component(alarm)
    return event


def calendar_bytes(plan: ReminderPlan, start: date, stamp: datetime) -> bytes:
    """The .ics file: one weekly repeating event for strength days, one for the lighter days.
    Raises ValueError with the problems when `check` finds any."""
    problems = check(plan)
    if problems:
        raise ValueError(" ".join(problems))
    calendar = Calendar()
    calendar.add("prodid", "-//Psoas Desktop//training reminders//EN")
    calendar.add("version", "2.0")
    tag = start.isoformat()
    calendar.add_component(_event(plan.strength_name, plan.strength_minutes, plan.strength_days,
                                  plan, start, stamp, f"strength-{tag}@psoas-desktop"))
    if plan.mobility_days:
        calendar.add_component(_event(plan.mobility_name, plan.mobility_minutes,
                                      plan.mobility_days, plan, start, stamp,
                                      f"mobility-{tag}@psoas-desktop"))
    return bytes(calendar.to_ical())
