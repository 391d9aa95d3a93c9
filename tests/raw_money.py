"""Reading ressourcen.yaml as a Kämmerei would, for tests that recompute the documents' sums
from the raw file instead of from the model."""

from __future__ import annotations

from decimal import Decimal


def compensation_lines(money: dict) -> list[dict]:
    """The Aufwand lines that pay other actors for their network time: those netzwerkaufwand
    names, and the same line (title and purpose) in the other years."""
    named = {
        e["aufwand"]
        for e in money.get("netzwerkaufwand", [])
        if e.get("aufwand") and e["akteur"] != "netzwerkkoordination"
    }
    kinds = {(e["bezeichnung"], e["fuer"]) for e in money["aufwand"] if e["id"] in named}
    return [e for e in money["aufwand"] if (e["bezeichnung"], e["fuer"]) in kinds]


def coordination_cost(money: dict, year: int) -> Decimal:
    """What the coordination itself costs in a year, without the compensation its budget pays."""
    paid = {e["id"] for e in compensation_lines(money)}
    return sum(
        (
            Decimal(str(e["betrag"]))
            for e in money["aufwand"]
            if e["fuer"] == "netzwerkkoordination" and e["jahr"] == year and e["id"] not in paid
        ),
        Decimal(0),
    )
