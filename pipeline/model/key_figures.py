"""The fixed vocabulary of Sozialraum figures (Merkmale) for the Bedarfsanalyse.

A figure in the inputs names its Merkmal by id; the vocabulary says what it counts or measures,
in which unit, and which way of it means more need. A fixed list, not free labels, because the
concept compares Sozialräume on the same Merkmal, checks shares and counts for plausibility and
adds counts up against the municipality's total – none of which works on "SGB II %" in one
Sozialraum and "Anteil SGB-II (u3)" in the next. A Merkmal the list lacks is added here, with
its definition as the statistics offices publish it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from typing import Literal

from pipeline.formatting import number, percent

#: How a Merkmal is measured: a share in per cent (0–100), a count of people or places (whole
#: numbers), or a rate (e.g. per 100 births).
FigureKind = Literal["Anteil", "Anzahl", "Rate"]

FeatureId = Literal[
    "geburten",
    "kinder-unter-3",
    "anteil-sgb2-unter-3",
    "anteil-alleinerziehende",
    "anteil-muetter-unter-21",
    "anteil-auslaendisch-unter-3",
    "anteil-familiensprache",
    "wochenbettbetreuung",
    "hebammen",
    "kinderarztpraxen",
    "u-untersuchungen",
]


@dataclass(frozen=True)
class Feature:
    """One Merkmal: its definition for the sources table, a short label for table heads and
    charts, the name a sentence, a legend or an alternative text uses (`phrase`: 'SGB-II-Quote
    der unter Dreijährigen' reads aloud, 'SGB-II-Quote unter 3 15,3 %' does not), its unit, its
    kind, and whether high (`need_when='hoch'`) or low values mean more need (None for counts,
    which depend on the size of a Sozialraum). `total` names the municipality's own field the
    Sozialräume's counts add up to."""

    id: str
    label: str
    short: str
    phrase: str
    unit: str
    kind: FigureKind
    need_when: Literal["hoch", "niedrig"] | None = None
    total: Literal["geburten_pro_jahr", "kinder_unter_3"] | None = None

    @property
    def comparable(self) -> bool:
        """Shares and rates compare Sozialräume of different size; counts do not."""
        return self.kind != "Anzahl"

    def shown(self, value: Decimal) -> str:
        """'15,3 %' for a share, '93 %' where the source gives whole per cent, '310' for a count,
        '4,2' for a rate: as precise as the value was given, at most one decimal – '93,0 %'
        would claim a precision the source does not have."""
        if self.kind == "Anzahl":
            return number(value)
        places = min(1, _places(value))
        return percent(value, places) if self.kind == "Anteil" else number(value, places)

    def as_shown(self, value: Decimal) -> Decimal:
        """The value rounded as :meth:`shown` writes it, to reckon with what the reader sees."""
        if self.kind == "Anzahl":
            return value
        return value.quantize(Decimal(1).scaleb(-min(1, _places(value))), ROUND_HALF_UP)

    @property
    def worse(self) -> str:
        """'über' or 'unter': on which side of the whole's value a place has more need."""
        return "unter" if self.need_when == "niedrig" else "über"


def _places(value: Decimal) -> int:
    """The decimals a value was written with: 93 → 0, 14.0 → 1, 15.25 → 2."""
    exponent = value.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


FEATURES: dict[str, Feature] = {
    f.id: f
    for f in (
        Feature(
            "geburten",
            "Geburten im Jahr (Lebendgeborene, Wohnort der Mutter)",
            "Geburten",
            "Geburten",
            "Geburten",
            "Anzahl",
            total="geburten_pro_jahr",
        ),
        Feature(
            "kinder-unter-3",
            "Kinder unter drei Jahren (Hauptwohnsitz)",
            "Kinder unter 3",
            "Kinder unter drei Jahren",
            "Kinder",
            "Anzahl",
            total="kinder_unter_3",
        ),
        Feature(
            "anteil-sgb2-unter-3",
            "Anteil der Kinder unter drei Jahren, die in Bedarfsgemeinschaften nach dem SGB II leben",
            "SGB-II-Quote unter 3",
            "SGB-II-Quote der unter Dreijährigen",
            "%",
            "Anteil",
            "hoch",
        ),
        Feature(
            "anteil-alleinerziehende",
            "Anteil der Alleinerziehenden an allen Familien mit minderjährigen Kindern",
            "Alleinerziehende",
            "Anteil der Alleinerziehenden",
            "%",
            "Anteil",
            "hoch",
        ),
        Feature(
            "anteil-muetter-unter-21",
            "Anteil der Geburten von Müttern unter 21 Jahren",
            "Mütter unter 21",
            "Anteil der Geburten von Müttern unter 21 Jahren",
            "%",
            "Anteil",
            "hoch",
        ),
        Feature(
            "anteil-auslaendisch-unter-3",
            "Anteil der Kinder unter drei Jahren mit ausländischer Staatsangehörigkeit",
            "Nichtdeutsche Kinder unter 3",
            "Anteil nichtdeutscher Kinder unter drei Jahren",
            "%",
            "Anteil",
            "hoch",
        ),
        Feature(
            "anteil-familiensprache",
            "Anteil der Kinder mit überwiegend nichtdeutscher Familiensprache bei der Schuleingangsuntersuchung",
            "Familiensprache nicht Deutsch",
            "Anteil mit nichtdeutscher Familiensprache",
            "%",
            "Anteil",
            "hoch",
        ),
        Feature(
            "wochenbettbetreuung",
            "Anteil der Mütter, die im Wochenbett von einer Hebamme betreut wurden",
            "Wochenbett mit Hebamme",
            "Anteil der Mütter mit Hebamme im Wochenbett",
            "%",
            "Anteil",
            "niedrig",
        ),
        Feature(
            "hebammen",
            "Freiberufliche Hebammen mit Wochenbettbetreuung (beim Gesundheitsamt gemeldet)",
            "Hebammen",
            "Hebammen",
            "Hebammen",
            "Anzahl",
        ),
        Feature(
            "kinderarztpraxen",
            "Kinder- und Jugendarztpraxen mit Kassensitz",
            "Kinderarztpraxen",
            "Kinderarztpraxen",
            "Praxen",
            "Anzahl",
        ),
        Feature(
            "u-untersuchungen",
            # the ones due by then, not 'U1 bis U9': Baden-Württemberg examines at four, before the U9
            # (60–64 months) is due (review of a Stadtkreis: Einschulungsuntersuchung, Schritt 1)
            "Anteil der Kinder, deren bis dahin fällige Früherkennungsuntersuchungen (U-Untersuchungen) bei der "
            "Schuleingangsuntersuchung vollständig dokumentiert sind",
            "U-Untersuchungen vollständig",
            "Anteil mit vollständigen U-Untersuchungen",
            "%",
            "Anteil",
            "niedrig",
        ),
    )
}

#: The Merkmal that measures need when a municipality names none: the share of children under
#: three in SGB-II households, which also the Bundesstiftung's funding key uses.
DEFAULT_NEED_FEATURE = "anteil-sgb2-unter-3"

#: The health office's examination before school as the Land calls it, where not
#: 'Schuleingangsuntersuchung': Baden-Württemberg's „Einschulungsuntersuchungen nach § 8 ÖGDG“
#: (§ 1 Abs. 3 Kinderschutzgesetz BW, sgbdigital.de; service-bw as quoted on heidelberg.de: in two
#: steps, the first in the second-to-last Kita year). Review of a Große Kreisstadt in BW.
#: Sachsen: „Schulaufnahmeuntersuchung“ (§ 26a SchulG, § 4 Schulgesundheitspflegeverordnung; familie.sachsen.de
#: „Einschulung“, Landratsamt Bautzen; Saxon review: the table's source column said it, its text not).
SCHOOL_EXAMINATION = {"Baden-Württemberg": "Einschulungsuntersuchung", "Sachsen": "Schulaufnahmeuntersuchung"}
_SCHOOL_EXAMINATION = "Schuleingangsuntersuchung"


@cache
def features_of(state: str) -> dict[str, Feature]:
    """The Merkmale in the words of a Land: the same definitions, the examination named as there."""
    word = SCHOOL_EXAMINATION.get(state)
    if word is None:
        return FEATURES
    return {
        key: replace(
            feature,
            label=feature.label.replace(_SCHOOL_EXAMINATION, word),
            phrase=feature.phrase.replace(_SCHOOL_EXAMINATION, word),
        )
        for key, feature in FEATURES.items()
    }
