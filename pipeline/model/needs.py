"""The Bedarfsanalyse and the Angebotslandkarte: Sozialraum figures beside the offers.

:class:`NeedsView` answers what the two chapters, the plausibility rules and quality goal 5.2.2
ask: the latest value of each Merkmal per Sozialraum with its source, the municipality's value
to compare with, which offers reach which Sozialraum, and where need is high and offers are few.

"High need" and "few offers" are defined so that a reader can check them by hand, and the
chapter states both: a Sozialraum has high need when its value of the Bedarfsmerkmal lies on the
side of more need of the municipality's value (above it for a share like SGB II, below it for a
share like the U-examinations); it has few offers when fewer running offers reach it than reach
the average Sozialraum. An offer for the whole municipality reaches every Sozialraum. Where the
municipality's value is not given, the plain average of the Sozialräume stands in, and the
chapter says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property
from typing import TYPE_CHECKING, Literal, cast

from pipeline.formatting import agree, count, number, number_word, sentence_start
from pipeline.model.inputs import KeyFigure, Measure, SocialSpace, TargetGroup, latest
from pipeline.model.key_figures import DEFAULT_NEED_FEATURE, FEATURES, Feature, features_of

if TYPE_CHECKING:
    from pipeline.model.concept import Concept

#: How the municipality's value of a Merkmal was found: given in the Bedarfsanalyse, taken from
#: the municipality's own figures in kommune.yaml, added up from the Sozialräume's counts, or
#: the plain average of the Sozialräume.
ReferenceKind = Literal["angegeben", "kommune", "summe", "durchschnitt"]

#: Running offers count as available; planned ones are shown but not counted.
RUNNING = "laufend"
PLANNED = "geplant"


@dataclass(frozen=True)
class Reference:
    """The municipality's value of a Merkmal, to compare Sozialräume with, and its origin."""

    value: Decimal
    year: int | None
    source: str | None
    kind: ReferenceKind


@dataclass(frozen=True)
class FigureRow:
    """One Merkmal across the Sozialräume (None where a Sozialraum has no value) and the
    municipality's value."""

    feature: Feature
    cells: tuple[KeyFigure | None, ...]
    total: Reference | None

    @property
    def years(self) -> list[int]:
        return sorted({c.year for c in self.cells if c is not None})

    @property
    def sources(self) -> list[tuple[str, list[int]]]:
        """Each source with the years it gave, in the order of the Sozialräume."""
        by_source: dict[str, set[int]] = {}
        for cell in self.cells:
            if cell is not None:
                by_source.setdefault(cell.source, set()).add(cell.year)
        return [(source, sorted(years)) for source, years in by_source.items()]


@dataclass(frozen=True)
class SpaceOffers:
    """What reaches one Sozialraum, and how its need compares: the running offers, those of
    them that run in no other Sozialraum, and the offers planned here."""

    space: SocialSpace
    running: tuple[Measure, ...]
    only_here: tuple[Measure, ...]
    planned: tuple[Measure, ...]
    need: KeyFigure | None
    high_need: bool | None
    few: bool

    @property
    def gap(self) -> bool:
        """High need and fewer running offers than the average Sozialraum."""
        return bool(self.high_need) and self.few


#: Margins read as fractions where German has a word for them.
_FRACTIONS = {10: "ein Zehntel", 20: "ein Fünftel", 25: "ein Viertel", 50: "die Hälfte"}


def margin_words(margin: int) -> str:
    """'ein Zehntel' for 10, '15 Prozent' for 15: how far above the whole high need begins."""
    return _FRACTIONS.get(margin, f"{margin} Prozent")


class NeedsView:
    """The Sozialraum figures and offers of one concept, for the Bedarfsanalyse and the map."""

    def __init__(self, concept: Concept) -> None:
        self.concept = concept
        self.spaces = concept.municipality.social_spaces
        self.analysis = concept.needs_analysis
        #: the Merkmale in the Land's words ('Einschulungsuntersuchung' in Baden-Württemberg)
        self.definitions = features_of(concept.municipality.state)

    # figures ---------------------------------------------------------------------------------

    def value(self, space: SocialSpace, feature: str) -> KeyFigure | None:
        return latest(space.key_figures, feature)

    @cached_property
    def features(self) -> list[Feature]:
        """The Merkmale some Sozialraum has a value for, in the order of the vocabulary."""
        present = {f.feature for s in self.spaces for f in s.key_figures}
        return [f for f in self.definitions.values() if f.id in present]

    @property
    def has_figures(self) -> bool:
        return bool(self.features)

    def missing(self, feature: str) -> list[SocialSpace]:
        """Sozialräume without a value of a Merkmal that others have."""
        return [s for s in self.spaces if self.value(s, feature) is None]

    def reference(self, feature: str) -> Reference | None:
        """The municipality's value: given in the Bedarfsanalyse, else the municipality's own
        count (births, children under three) or SGB-II share from kommune.yaml, else for a count
        known in every Sozialraum for the same year their sum."""
        given = latest(self.analysis.municipal_figures, feature)
        if given is not None:
            return Reference(given.value, given.year, given.source, "angegeben")
        municipality = self.concept.municipality
        own: Decimal | int | None = {
            "geburten": municipality.births_per_year,
            "kinder-unter-3": municipality.children_under_three,
            DEFAULT_NEED_FEATURE: self.concept.sgb2_share,
        }.get(feature)
        if own is not None:
            return Reference(Decimal(own), municipality.data_year, None, "kommune")
        counts = [self.value(s, feature) for s in self.spaces]
        years = {c.year for c in counts if c is not None}
        if FEATURES[feature].kind != "Anzahl" or None in counts or len(years) != 1:
            return None
        return Reference(sum((c.value for c in counts if c), Decimal(0)), years.pop(), None, "summe")

    @cached_property
    def rows(self) -> list[FigureRow]:
        return [
            FigureRow(f, tuple(self.value(s, f.id) for s in self.spaces), self.reference(f.id))
            for f in self.features
        ]

    def row(self, feature: str) -> FigureRow | None:
        return next((r for r in self.rows if r.feature.id == feature), None)

    @property
    def incomplete(self) -> list[tuple[Feature, list[SocialSpace]]]:
        """Merkmale some Sozialräume lack, with those Sozialräume."""
        return [(f, missing) for f in self.features if (missing := self.missing(f.id))]

    # need ------------------------------------------------------------------------------------

    @cached_property
    def need_feature(self) -> Feature | None:
        """The Merkmal that measures need: the one the network chose, else the SGB-II share –
        as long as some Sozialraum has a value for it."""
        chosen = self.analysis.need_feature or DEFAULT_NEED_FEATURE
        return self.definitions[chosen] if self.row(chosen) else None

    @cached_property
    def need_reference(self) -> Reference | None:
        """What a Sozialraum's need is compared with: the municipality's value, else the average
        of the Sozialräume that have one."""
        feature = self.need_feature
        if feature is None:
            return None
        given = self.reference(feature.id)
        if given is not None:
            return given
        values = [c.value for c in self.rows_by_id[feature.id].cells if c is not None]
        return Reference(sum(values, Decimal(0)) / len(values), None, None, "durchschnitt")

    @property
    def rows_by_id(self) -> dict[str, FigureRow]:
        return {r.feature.id: r for r in self.rows}

    @property
    def area(self) -> str:
        """What the whole values cover, for a table's column: 'Musterkreis', or the Jugendamt's
        'Zuständigkeitsgebiet' where cities of the Kreis have their own (review of the Region
        Hannover: 'Region Hannover insgesamt' for 16 of its 21 municipalities)."""
        municipality = self.concept.municipality
        return "Zuständigkeitsgebiet" if municipality.own_youth_offices else municipality.short_name

    @property
    def area_phrase(self) -> str:
        """:attr:`area` after 'in': 'im Landkreis Musterkreis', 'im Zuständigkeitsgebiet des Jugendamts'."""
        municipality = self.concept.municipality
        return (
            "im Zuständigkeitsgebiet des Jugendamts" if municipality.own_youth_offices else municipality.in_phrase
        )

    def whole_label(self, reference: Reference) -> str:
        """'Musterkreis insgesamt', or 'Durchschnitt der Sozialräume' where no whole value is known."""
        if reference.kind == "durchschnitt":
            return "Durchschnitt der Sozialräume"
        return f"{self.area} insgesamt"

    def whole_phrase(self, reference: Reference) -> str:
        """'im Landkreis Musterkreis insgesamt' or 'im Durchschnitt der Sozialräume', for sentences."""
        if reference.kind == "durchschnitt":
            return "im Durchschnitt der Sozialräume"
        return f"{self.area_phrase} insgesamt"

    def comparison(self, reference: Reference) -> str:
        """What a value is compared with, after 'über' or 'unter': 'dem Wert im Landkreis
        Musterkreis insgesamt' or 'dem Durchschnitt der Sozialräume'."""
        if reference.kind == "durchschnitt":
            return "dem Durchschnitt der Sozialräume"
        return f"dem Wert {self.whole_phrase(reference)}"

    @cached_property
    def need_threshold(self) -> Decimal | None:
        """The value beyond which a Sozialraum's need counts as high: the reference moved by the
        network's margin (a tenth by default: 12,8 % against 12,5 % is no high need), rounded to
        the tenth values are shown with, so a value never reads as on both sides of it. Reckoned
        from the reference as shown (NRW review: „21,2 % …, also über 23,4 %“ came from 21,24 %,
        and 21,2 × 1,1 is 23,3)."""
        feature, reference = self.need_feature, self.need_reference
        if feature is None or reference is None:
            return None
        margin = self.analysis.need_margin
        if not margin:
            return reference.value
        factor = 1 - Decimal(margin) / 100 if feature.need_when == "niedrig" else 1 + Decimal(margin) / 100
        return (feature.as_shown(reference.value) * factor).quantize(Decimal("0.1"), ROUND_HALF_UP)

    def high_need(self, figure: KeyFigure | None) -> bool | None:
        """Whether a value lies beyond the threshold, on the side of more need (None: no value)."""
        feature, threshold = self.need_feature, self.need_threshold
        if figure is None or feature is None or threshold is None:
            return None
        if feature.need_when == "niedrig":
            return figure.value < threshold
        return figure.value > threshold

    def need_rule(self, reference: Reference) -> str:
        """Where high need begins, after 'dessen Wert': 'um mehr als ein Zehntel über dem Wert im
        Landkreis Musterkreis insgesamt', or 'über dem Wert …' without a margin."""
        worse = cast(Feature, self.need_feature).worse
        margin = self.analysis.need_margin
        if not margin:
            return f"{worse} {self.comparison(reference)}"
        return f"um mehr als {margin_words(margin)} {worse} {self.comparison(reference)}"

    def high_need_phrase(self, reference: Reference) -> str:
        """High need as legends and findings name it: 'SGB-II-Quote der unter Dreijährigen über
        13,8 % (ein Zehntel über dem Wert im Landkreis Musterkreis insgesamt, 12,5 %)'."""
        feature = cast(Feature, self.need_feature)
        whole = feature.shown(reference.value)
        if not self.analysis.need_margin:
            return f"{feature.phrase} {feature.worse} {self.comparison(reference)} ({whole})"
        threshold = feature.shown(cast(Decimal, self.need_threshold))
        margin = margin_words(self.analysis.need_margin)
        return f"{feature.phrase} {feature.worse} {threshold} ({margin} {feature.worse} {self.comparison(reference)}, {whole})"

    def other_need_phrase(self) -> str:
        """The rest, for the legend: '… nicht über 13,8 %' or '… nicht über diesem Wert'."""
        feature = cast(Feature, self.need_feature)
        if not self.analysis.need_margin:
            return f"{feature.phrase} nicht {feature.worse} diesem Wert"
        return f"{feature.phrase} nicht {feature.worse} {feature.shown(cast(Decimal, self.need_threshold))}"

    @cached_property
    def chart_features(self) -> list[Feature]:
        """The Merkmale the chart compares: those chosen that have values, else the Bedarfsmerkmal."""
        chosen = [self.definitions[f] for f in self.analysis.chart if self.row(f)]
        if chosen:
            return chosen
        return [self.need_feature] if self.need_feature else []

    # offers ----------------------------------------------------------------------------------

    @cached_property
    def offers(self) -> list[Measure]:
        """Offers that reach families, running or planned, in the order of the Maßnahmenplan."""
        return [m for m in self.concept.measures if m.offer and m.status in (RUNNING, PLANNED)]

    def availability(self, measure: Measure, space: SocialSpace) -> str:
        """'laufend' or 'geplant' where an offer reaches a Sozialraum, '' where it does not. A
        running offer is 'geplant' in the Sozialräume it is to be expanded to."""
        if not measure.social_spaces or space.id in measure.social_spaces:
            return measure.status
        return PLANNED if space.id in measure.planned_in else ""

    def running_in(self, measure: Measure) -> list[SocialSpace]:
        """The Sozialräume where an offer runs today."""
        return self._running[measure.id] if measure.id in self._running else self._running_in(measure)

    def _running_in(self, measure: Measure) -> list[SocialSpace]:
        return [s for s in self.spaces if self.availability(measure, s) == RUNNING]

    @cached_property
    def _running(self) -> dict[str, list[SocialSpace]]:
        """Where each offer runs, worked out once: the map and its sentences ask per offer and
        Sozialraum (with 500 offers the map took seconds)."""
        return {m.id: self._running_in(m) for m in self.offers}

    @cached_property
    def everywhere(self) -> list[Measure]:
        """Running offers that reach every Sozialraum (offers for the whole municipality)."""
        return [m for m in self.offers if len(self.running_in(m)) == len(self.spaces)]

    @cached_property
    def in_some(self) -> list[Measure]:
        """Running offers that reach some Sozialräume but not all."""
        return [m for m in self.offers if 0 < len(self.running_in(m)) < len(self.spaces)]

    @cached_property
    def expanding(self) -> list[Measure]:
        """Running offers that are to come to further Sozialräume."""
        return [m for m in self.in_some if m.planned_in]

    @cached_property
    def planned(self) -> list[Measure]:
        """Offers that do not run anywhere yet."""
        return [m for m in self.offers if not self.running_in(m)]

    @property
    def offer_summary(self) -> str:
        """The sentences that open the Angebotslandkarte: 'Sechs Angebote stehen den Familien in
        allen Sozialräumen offen, sechs gibt es nur in einzelnen Sozialräumen; drei davon sollen
        auf weitere Sozialräume ausgeweitet werden. Ein weiteres Angebot ist geplant.' Only running offers
        count as open to families; what is planned is said apart."""
        everywhere, some = len(self.everywhere), len(self.in_some)
        expanding, planned = len(self.expanding), len(self.planned)
        running = []
        if everywhere:
            running.append(
                f"{count(everywhere, 'Angebot', 'Angebote', 'ein', verb=('steht', 'stehen'))} den Familien in allen "
                "Sozialräumen offen"
            )
        if some:
            noun = ("", "", "eines") if everywhere else ("Angebot", "Angebote", "ein")
            running.append(f"{count(some, *noun)} gibt es nur in einzelnen Sozialräumen")
        sentences = []
        if running:
            # all of them: 'es', 'beide', 'alle drei', not 'eines davon' of one (Sachsen-Anhalt review)
            which = (
                ("es" if some == 1 else "beide" if some == 2 else f"alle {number_word(some)}")
                if expanding == some
                else f"{number_word(expanding, 'eines')} davon"
            )
            further = (
                f"; {which} {agree(expanding, 'soll', 'sollen')} auf weitere Sozialräume ausgeweitet werden"
                if expanding
                else ""
            )
            sentences.append(", ".join(running) + further)
        if planned and running:
            sentences.append(
                f"{count(planned, 'weiteres Angebot', 'weitere Angebote', 'ein', verb=('ist', 'sind'))} geplant"
            )
        elif planned:
            sentences.append(f"{count(planned, 'Angebot', 'Angebote', 'ein', verb=('ist', 'sind'))} erst geplant")
        return " ".join(f"{sentence_start(s)}." for s in sentences)

    @cached_property
    def by_space(self) -> list[SpaceOffers]:
        """What reaches each Sozialraum, in the order of kommune.yaml."""
        average = self.average_running
        feature = self.need_feature
        result = []
        for space in self.spaces:
            running = [m for m in self.offers if self.availability(m, space) == RUNNING]
            need = self.value(space, feature.id) if feature else None
            result.append(
                SpaceOffers(
                    space,
                    tuple(running),
                    tuple(m for m in running if len(self.running_in(m)) == 1 < len(self.spaces)),
                    tuple(m for m in self.offers if self.availability(m, space) == PLANNED),
                    need,
                    self.high_need(need),
                    len(running) < average,
                )
            )
        return result

    @cached_property
    def average_running(self) -> Decimal:
        """Running offers that reach the average Sozialraum: the yardstick of 'few'."""
        counts = [sum(1 for m in self.offers if self.availability(m, s) == RUNNING) for s in self.spaces]
        return Decimal(sum(counts)) / len(counts)

    @property
    def average_shown(self) -> str:
        """The average as every text shows it: two places at most, '5,25' (the concept's two
        sentences said '5,25' and '5,3'; Brandenburg review) – one place made 5,04 read '5,0',
        under which a Sozialraum with 5 offers would have been 'fewer'."""
        return number(self.average_running.quantize(Decimal("0.01"), ROUND_HALF_UP))

    @property
    def gaps(self) -> list[SpaceOffers]:
        """Sozialräume with high need and fewer offers than the average."""
        return [s for s in self.by_space if s.gap]

    @property
    def near_gaps(self) -> list[SpaceOffers]:
        """Sozialräume whose need lies beyond the whole's value but within the network's margin,
        with fewer offers than the average: no high need by its yardstick, yet worth a word in
        the dialogue (Neuhafen's Mainbogen, 23,6 % against 23,0 % and fewer offers, went unsaid)."""
        feature, reference = self.need_feature, self.need_reference
        if feature is None or reference is None or not self.analysis.need_margin:
            return []
        sign = -1 if feature.need_when == "niedrig" else 1
        return [
            s
            for s in self.by_space
            if s.few and not s.high_need and s.need is not None and sign * (s.need.value - reference.value) > 0
        ]

    # target groups ---------------------------------------------------------------------------

    @property
    def counted_groups(self) -> list[TargetGroup]:
        """Target groups with an estimated size, for the table of counts and their sources."""
        return [t for t in self.concept.target_groups if t.estimated_size is not None]
