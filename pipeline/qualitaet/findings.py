"""What a rule finds: observations with their place in the inputs, combined into one status.

A rule looks at the model and returns evidence: each observation says what it saw, where in the
YAML that stands, how it counts (or that it is only context) and what would change it. The
status of a goal follows from its evidence by one fixed scheme, so no rule decides it ad hoc.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from pipeline.errors import format_path
from pipeline.model import Concept, QualityStatus
from pipeline.qualitaet.catalog import QualityGoal

FULFILLED: QualityStatus = "erfüllt"
PARTIAL: QualityStatus = "teilweise"
OPEN: QualityStatus = "offen"
UNKNOWN: QualityStatus = "nicht prüfbar"
#: Display order, best first.
STATUSES: tuple[QualityStatus, ...] = (FULFILLED, PARTIAL, OPEN, UNKNOWN)


@dataclass(frozen=True)
class Evidence:
    """One observation. `status` None marks context that informs but does not count."""

    text: str
    source: str
    status: QualityStatus | None = None
    change: str | None = None


@dataclass(frozen=True)
class Finding:
    """The automatic result for one goal of a catalog."""

    goal: QualityGoal
    number: str
    status: QualityStatus
    evidence: tuple[Evidence, ...]

    @property
    def changes(self) -> list[str]:
        """What data or action would change the status, in the order the rule saw it."""
        return [e.change for e in self.evidence if e.change]

    @property
    def headline(self) -> Evidence:
        """The one observation a short table shows: the first gap, or the first observation."""
        gaps = [e for e in self.evidence if e.status not in (None, FULFILLED)]
        return (gaps or [e for e in self.evidence if e.status] or list(self.evidence))[0]


def overall(statuses: list[QualityStatus | None]) -> QualityStatus:
    """erfüllt: every counted observation is; offen: none of the checkable ones is better than
    offen; nicht prüfbar: nothing was checkable; teilweise: everything in between."""
    counted = [s for s in statuses if s is not None]
    known = [s for s in counted if s != UNKNOWN]
    if not known:
        return UNKNOWN
    if all(s == FULFILLED for s in counted):
        return FULFILLED
    if all(s == OPEN for s in known):
        return OPEN
    return PARTIAL


def coverage(reached: int, total: int) -> QualityStatus:
    """All of a group → erfüllt, some → teilweise, none → offen."""
    if reached >= total:
        return FULFILLED
    return PARTIAL if reached else OPEN


#: A path part meaning 'every entry of the list': source("akteure.yaml", "akteure", EVERY, "rolle").
EVERY = "[]"


def source(file: str, *path: str | int) -> str:
    """'gremien.yaml: gremien[1].berichte' – where a user finds the data in the inputs."""
    return f"{file}: {format_path(path).replace('.' + EVERY, EVERY)}" if path else file


Rule = Callable[[Concept, dt.date], list[Evidence]]


class RuleSet:
    """The rules of one catalog, registered by goal id with ``@rules.goal("id")``."""

    def __init__(self) -> None:
        self.by_goal: dict[str, Rule] = {}

    def goal(self, goal_id: str) -> Callable[[Rule], Rule]:
        def register(rule: Rule) -> Rule:
            if goal_id in self.by_goal:
                raise ValueError(f"Für '{goal_id}' gibt es schon eine Regel")
            self.by_goal[goal_id] = rule
            return rule

        return register
