"""A large municipality for benchmarks: the example scaled to N measures, deterministically.

    python scripts/grosse_kommune.py ZIEL --massnahmen 500 [--beispiel inputs/musterkreis]

Measure i is a copy of the example's measure i mod 21 (the first round keeps the originals);
every further round k gets copies of the example's actors as well ('asd-k', 'Allgemeiner
Sozialer Dienst (ASD), Standort k'), and its measures are led by and involve those copies. Each
copied measure brings copies of its expense lines ('aufwand'). Everything else – goals, target
groups, committees, papers, income – stays as in the example (but the indicator counting the
agreement's partners, which the copied sites sign too), so the result validates like the example
does. The same arguments give the same bytes.
"""

from __future__ import annotations

import argparse
import copy
import shutil
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "inputs" / "musterkreis"
#: Actors the model expects exactly once (the coordination leads the network).
SINGLE_ACTORS = {"netzwerkkoordination"}


def _load(folder: Path, name: str) -> Any:
    return yaml.safe_load((folder / name).read_text(encoding="utf-8"))


def _dump(folder: Path, name: str, data: Any) -> None:
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    (folder / name).write_text(text, encoding="utf-8")


def _renamed(ids: Any, copies: dict[str, str]) -> Any:
    if isinstance(ids, list):
        return [copies.get(i, i) for i in ids]
    return copies.get(ids, ids)


def scale(example: Path, target: Path, measures: int) -> None:
    """Write a copy of `example` with `measures` measures into `target` (replaced if present)."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(example, target)
    plan = _load(example, "massnahmen.yaml")
    actors = _load(example, "akteure.yaml")
    money = _load(example, "ressourcen.yaml")
    network = _load(example, "netzwerk.yaml")
    agreement = network.get("kooperationsvereinbarung") or {}
    signing = agreement.get("unterzeichnende")
    originals = plan["massnahmen"]
    base_actors = list(actors["akteure"])
    base_lines = list(money["aufwand"])
    rounds = -(-measures // len(originals))
    new_measures: list[dict[str, Any]] = []
    new_lines: list[dict[str, Any]] = []
    for k in range(1, rounds + 1):
        take = originals[: min(len(originals), measures - len(new_measures))]
        if k == 1:
            new_measures += take
            new_lines += base_lines
            continue
        who = {a["id"]: f"{a['id']}-{k}" for a in base_actors if a["id"] not in SINGLE_ACTORS}
        for actor in base_actors:
            if actor["id"] in who:
                twin = copy.deepcopy(actor)
                twin["id"] = who[actor["id"]]
                twin["name"] = f"{actor['name']}, Standort {k}"
                actors["akteure"].append(twin)
                # a site signs, is represented and accedes as its original does
                if signing is not None and actor["id"] in signing:
                    signing.append(twin["id"])
                for representation in list(agreement.get("vertretungen", [])):
                    if representation["akteur"] == actor["id"]:
                        agreement["vertretungen"].append({**representation, "akteur": twin["id"]})
                if actor["id"] in agreement.get("einzelbeitritt", []):
                    agreement["einzelbeitritt"].append(twin["id"])
        what = {m["id"]: f"{m['id']}-{k}" for m in take}
        for measure in take:
            twin = copy.deepcopy(measure)
            twin["id"] = what[measure["id"]]
            twin["titel"] = f"{measure['titel']} – Standort {k}"
            for key in ("federfuehrung", "beteiligte"):
                if key in twin:
                    twin[key] = _renamed(twin[key], who)
            new_measures.append(twin)
        for line in base_lines:
            if line.get("fuer") in what:
                twin = copy.deepcopy(line)
                twin["id"] = f"{line['id']}-{k}"
                twin["fuer"] = what[line["fuer"]]
                new_lines.append(twin)
    plan["massnahmen"] = new_measures
    money["aufwand"] = new_lines
    municipality = _load(example, "kommune.yaml")
    checks = municipality.setdefault("pruefung", {})
    checks["jahressumme_warnung_ab"] = 1_000_000 * rounds  # the sums grow with the copies
    largest = max(len(yaml.safe_dump(d, allow_unicode=True).encode()) for d in (plan, actors, money))
    if largest > 2 * 1024 * 1024:
        checks["dateigroesse_mib"] = -(-largest // (1024 * 1024)) + 1
    _dump(target, "kommune.yaml", municipality)
    _dump(target, "massnahmen.yaml", plan)
    _dump(target, "akteure.yaml", actors)
    _dump(target, "ressourcen.yaml", money)
    _dump(target, "netzwerk.yaml", network)
    _count_partners_anew(target)


def _count_partners_anew(target: Path) -> None:
    """The copied sites sign the agreement as their originals did: the indicator that counts its
    partners ('kennzahl-kooperationsvereinbarung') gets the concept's own count, so the copy
    validates like the example."""
    from pipeline.build import check_folder

    concept = check_folder(target).concept
    goals = _load(target, "ziele.yaml")
    for goal in goals["ziele"]:
        for indicator in goal.get("indikatoren", []):
            if "Kooperationsvereinbarung" in indicator["name"] and indicator.get("einheit") == "Akteure":
                indicator["istwert"] = len(concept.bound_on(indicator.get("erhoben_am") or concept.version.date))
    _dump(target, "ziele.yaml", goals)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ziel", type=Path)
    parser.add_argument("--massnahmen", type=int, default=500)
    parser.add_argument("--beispiel", type=Path, default=EXAMPLE)
    args = parser.parse_args()
    scale(args.beispiel, args.ziel, args.massnahmen)
    print(f"{args.ziel}: {args.massnahmen} Maßnahmen")


if __name__ == "__main__":
    main()
