"""Notebook 03's three figures (the two maps, Peru's timeline, the membership matrix) in any language of the pack.

One drawing code for every language: each text a figure writes is looked up by key (``figure.*``) in a
:class:`FigureText`. The English texts are :func:`english_texts` (taken from the presentation constants where they
live: status words, display categories, cell words, Peru's steps); a translated edition gives the same keys
from its catalogue (``teaching/<lang>.toml``, each entry recording the English it translates), country names
from CLDR and dates in its own words. Notebook 03 draws the English figures; the Arabic edition's build
(:mod:`perucorpus.publish.classroom`) draws the Arabic ones from the same functions.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from perucorpus.base.vocabulary import STATUS_WORDS
from perucorpus.present import figures

#: The three figures' stems under ``figures/``.
MAPS, TIMELINE, MATRIX = "03_maps", "03_peru_timeline", "03_membership_matrix"
#: The timeline's span.
TIMELINE_SPAN = ("2017-01-01", "2026-07-01")

#: The figures' own texts (the words of statuses, categories, cells and steps are added from their constants below).
OWN_TEXTS = {
    "figure.maps.lima_title": "Lima Group, end of 2021\n(public references)",
    "figure.maps.signatories_title": "Signatories of the counter-cartel declaration,\nMarch 2026 (as {explainer} lists them)",
    "figure.maps.attended": "took part in the 4–5 March conference;\nnot on the list (reports disagree\non whether it signed)",
    # The explainer's absent states are absent from the alliance, not from the list of signatories this map shows.
    "figure.maps.absent": "named as absent\nfrom the alliance",
    # What an uncoloured country is, as far as each figure's record goes: the record holds who was in, not who was out.
    "figure.maps.lima_none": "not among the group's\nmembers on record",
    "figure.maps.signatories_none": "neither listed nor named\nas absent",
    "figure.matrix.none": "not among the column's\ncountries on record",
    # The timeline's lines, named so by its title and by every caption of it (the pack's captions are tested to use it).
    "figure.timeline.lines": "steps by Peru and by the United States",
    "figure.timeline.title": "Presidents of Peru (bands) and {lines} (lines), 2017–2026",
    # Drawn on a right-to-left language's timelines only, whose time runs left to right as in the English ones.
    "figure.timeline.direction": "time runs from left to right",
    "figure.timeline.event": "{date}{mark}: {event}",
    "figure.timeline.footnote": "* no source gives the step's full date: worked out, or the first report's date; → president still in office",
    "figure.matrix.title": "Alliance membership in the Americas, 2021 and 2026",
    "figure.matrix.legend_title": "Category",
    "figure.matrix.column.lima_group_2021": "Lima Group\nend of 2021\n(references)",
    "figure.matrix.column.mnna_2026": "Major Non-NATO\nAlly, Mar 2026\n(references)",
    "figure.matrix.column.accc_2026": "Declaration\nsignatories, Mar 2026\n({explainer})",
    "figure.matrix.column.miami_summit_2026": "Miami summit\n7 Mar 2026\n(references)",
    "figure.or": " or ",
    "figure.maps.separator": ", ",
}
#: The keys of what an uncoloured country or a blank cell is on each figure (as far as its record goes).
LIMA_NONE, SIGNATORIES_NONE, MATRIX_NONE = "figure.maps.lima_none", "figure.maps.signatories_none", "figure.matrix.none"


@cache
def english_texts() -> dict[str, str]:
    """Every English text of the figures by key: the source a translated catalogue records for each ``figure.*`` entry."""
    from perucorpus.facts.memberships import PERU_STEP_TEXT  # here: drawing a legend needs no pandas

    texts = dict(OWN_TEXTS)
    texts |= {f"figure.category.{category}": text for category, (_, _, text, _) in figures.CATEGORIES.items()}
    texts |= {f"figure.status.{status}": words for status, words in STATUS_WORDS.items()}
    texts |= {f"figure.cell.{status}": words for status, words in figures.CELL_WORDS.items()}
    texts |= {f"figure.step.{grouping}.{status}": words for (grouping, status), words in PERU_STEP_TEXT.items()}
    return texts


@dataclass(frozen=True)
class FigureText:
    """The words of the figures in one ``language``: ``lookup`` gives the text of a key (an error if it has none),
    ``country`` a country's name (ISO3), ``person`` a president's short name from the name recorded, ``date``
    an ISO date (or month, or year) in words. Calling it gives a text ready to draw (:func:`figures.ar` for
    right-to-left languages); :meth:`plain` the same text unprepared (for data and alt texts).
    """

    language: str
    lookup: Callable[[str], str]
    country: Callable[[str], str]
    person: Callable[[str], str]
    date: Callable[[str], str]
    right_to_left: bool = False
    cache: dict = field(default_factory=dict, compare=False, repr=False)

    def plain(self, key: str, **fields) -> str:
        """The text of ``key`` with ``fields`` filled in."""
        text = self.lookup(key)
        return text.format(**fields) if fields else text

    def draw(self, text: str) -> str:
        """``text`` as matplotlib must be given it (shaped and reordered only where it cannot do it itself)."""
        return figures.ar(text) if self.right_to_left else text

    def __call__(self, key: str, **fields) -> str:
        """The text of ``key``, ready to draw."""
        return self.draw(self.plain(key, **fields))


def english() -> FigureText:
    """The English words of the figures (:func:`english_texts`, the reader's English country names, surnames, dates in
    words: ``14 January 2026``, :func:`perucorpus.base.dates.in_words`).
    """
    from perucorpus.base import dates
    from perucorpus.base.countries import country_label

    def lookup(key: str) -> str:
        texts = english_texts()
        if key not in texts:
            raise KeyError(f"no English figure text for key {key!r}")
        return texts[key]

    return FigureText(
        "en",
        lookup,
        lambda iso3: country_label(iso3)[0],
        lambda name: name.split()[-1],
        lambda value: dates.in_words(dates.parse(str(value))),
    )


def legend_labels(text: FigureText, statuses, none: str, wrap: int | None = None) -> dict[str, str]:
    """Each display category's legend text in ``text``'s language, for a figure showing ``statuses``: the words of
    the one or two of its statuses shown (joined by ``figure.or``), else the category's own text
    (as :func:`perucorpus.present.figures.legend_text` does in English), and for "" (a country or cell without a
    status) the text of the key ``none``, which says what that is on this figure's record; ready to draw; with
    ``wrap``, each entry re-wrapped at that many characters (a key in a narrow column).
    """
    return {category: text.draw(_wrapped(label, wrap)) for category, label in legend_words(text, statuses, none).items()}


def legend_words(text: FigureText, statuses, none: str) -> dict[str, str]:
    """:func:`legend_labels`' texts as they are written (not prepared for drawing), "" (no status) from key ``none``."""
    shown_statuses = set(statuses)
    labels = {"": text.plain(none)}
    for category, (*_, members) in figures.CATEGORIES.items():
        shown = [text.plain(f"figure.status.{status}") for status in members if status in shown_statuses]
        if not 0 < len(shown) <= 2:
            labels[category] = text.plain(f"figure.category.{category}")
            continue
        joiner = text.plain("figure.or")
        joined = joiner.join(" ".join(words.split()) for words in shown)
        labels[category] = joined if len(joined) <= 30 else (joiner.rstrip() + "\n").join(shown)
    return labels


def described(text: FigureText, statuses, none: str, extras: dict[str, str] | None = None) -> str:
    """How many countries fall in each display category, in legend order, each named by its legend's words
    (:func:`legend_words`, "" from key ``none``, with ``extras`` as the map rewords them): a text alternative that says
    what the legend says.
    """
    words = legend_words(text, statuses, none) | (extras or {})
    counts = statuses.map(figures.STATUS_CATEGORY).value_counts()
    return ", ".join(
        f"{' '.join(words[category].split())} {counts[category]}" for category in figures.CATEGORIES if category in counts
    )


def _wrapped(label: str, wrap: int | None) -> str:
    """``label`` on lines of at most ``wrap`` characters (as it is, without ``wrap``)."""
    import textwrap

    return textwrap.fill(" ".join(label.split()), wrap, break_long_words=False) if wrap else label


LEGEND_SIZE = 15  # points: readable on a slide, where the figures are shown at about half their size
TITLE_SIZE = 16.0
MM = 1 / 25.4  # inches


@dataclass(frozen=True)
class Print:
    """A figure as drawn for a printed page, at the size it is printed (a scale of 1): ``width`` by ``height`` mm,
    the box the pack prints it into (its stylesheet gives the image that size). Text sizes are in points as printed.
    For the maps: two panels ``gap`` mm apart, each a map (cropped to :data:`perucorpus.present.maps.PRINT_EXTENT`,
    below ``title_room`` mm for its title) and beside it its key, which lists every coloured country under its category
    (:mod:`perucorpus.present.printed_maps`). For the timeline, ``label_size`` is the size of its steps' numbers,
    ``legend_size`` that of its presidents and years, and ``band_top`` the presidents' bands' height (a fraction of
    the strip's axes). ``maps``: which of the two maps it draws (0 the 2021 map, 1 the 2026 one), each panel as wide as
    the figure over their number.
    """

    width: float = 186.0
    height: float = 84.0
    label_size: float = 7.0
    legend_size: float = 7.0
    title_size: float = 8.0
    gap: float = 5.0
    title_room: float = 9.0
    band_top: float = 0.5
    maps: tuple[int, ...] = (0, 1)

    @property
    def inches(self) -> tuple[float, float]:
        """The figure size matplotlib takes (inches)."""
        return (self.width * MM, self.height * MM)


#: The screen maps' size (inches): the two maps stacked, one per row, each with its legend beside it, so that a page
#: that shows the figure about 900 px wide (the notebook, the reading copy) shows the countries' names at
#: SCREEN_LABEL_SIZE × dpi/72 × 900/(12 × dpi) = 10 × 12.5/12 ≈ 10.4 px (side by side, 20 inches wide, they were 6 px).
SCREEN_MAPS = (12, 22.5)
#: The width (px) at which a page shows the screen maps, and the least height (px) of a country's name there.
PAGE_WIDTH, PAGE_LABEL_PX = 900, 9.0
#: The screen maps' text sizes (points): the countries' names, the legends, the titles.
SCREEN_LABEL_SIZE, SCREEN_LEGEND_SIZE, SCREEN_TITLE_SIZE = 10.0, 12.0, 13.0
#: The smallest printed size (points) of a country's name: the pack's tests hold every printed page to it.
LEGIBLE = 6.5
#: The maps as the classroom pack prints them (the student reader's text width; the handout's is wider).
PRINT = Print()
#: The stem of that drawing under the pack's ``figures/``.
MAPS_PRINT = f"{MAPS}_print"
#: The timeline as the pack prints it: a strip as wide as the maps, its steps numbered (the page lists them beside it).
TIMELINE_PRINT_SIZE = Print(height=38.0, label_size=8.0, legend_size=7.0, band_top=0.52)
#: The stem of that drawing under the pack's ``figures/``.
TIMELINE_PRINT = f"{TIMELINE}_print"
#: The smallest size (points) of a text on a slide as the deck prints it (a 16:9 page 338.7 mm wide): read from the
#: back of a room.
SLIDE_LEGIBLE = 14.0
#: The maps as the slides show them, one map a slide, at the width of the slide's content box (mm, printed at scale 1).
SLIDE_MAP_SIZES = {
    f"{MAPS}_slide_{number + 1}": Print(
        width=298.0, height=124.0, label_size=14.0, legend_size=14.0, title_size=18.0, title_room=16.0, maps=(number,)
    )
    for number in range(2)
}
#: The timeline as the slides show it: its steps numbered, the slide writing them out under it.
TIMELINE_SLIDE_SIZE = Print(width=298.0, height=80.0, label_size=16.0, legend_size=16.5, band_top=0.5)
#: The stem of that drawing under the pack's ``figures/``.
TIMELINE_SLIDE = f"{TIMELINE}_slide"


def draw_maps(rows, shapes, labelled, explainer: str, text: FigureText, printed: Print | None = None):
    """The two maps, one above the other: the Lima Group at the end of 2021 (public references), and the signatories of the
    March 2026 declaration with the states named as absent (the explainer's list) and the Miami summit's attendees
    that are not on it. ``printed``: drawn for a printed page at its printed size (:class:`Print`), each country named
    inside its shape where it fits and otherwise listed in the key, else for the screen and slides. Returns (figure,
    the data drawn, a text alternative in English).
    """
    import matplotlib.pyplot as plt
    import pandas as pd

    from perucorpus.base import schemas
    from perucorpus.facts import memberships
    from perucorpus.present import maps

    lima_2021 = memberships.status_on(rows, *schemas.SNAPSHOT_COLUMNS["lima_group_2021"])
    coalition = memberships.status_on(rows, *schemas.SNAPSHOT_COLUMNS["accc_2026"])
    grouping, summit_day, _ = schemas.SNAPSHOT_COLUMNS["miami_summit_2026"]
    summit = memberships.status_on(rows, grouping, summit_day, "article")  # the attendees the explainer names
    coalition_view = pd.concat([summit[~summit.index.isin(coalition.index)], coalition])
    panels = (
        (lima_2021, "figure.maps.lima_title", LIMA_NONE, {}),
        (
            coalition_view,
            "figure.maps.signatories_title",
            SIGNATORIES_NONE,
            {"attended": "figure.maps.attended", "absent": "figure.maps.absent"},
        ),
    )
    if printed:
        panels = tuple(panels[number] for number in printed.maps)
        figure, drawn = _printed_maps(panels, shapes, labelled, explainer, text, printed)
    else:
        # Stacked, the 2021 map above: each legend beside its map, on the side a reader reaches last (the right in
        # English, the left in a right-to-left language), so that each map is as wide as the page allows
        figure, axes = plt.subplots(2, 1, figsize=SCREEN_MAPS, layout="compressed")
        first, second = axes
        sides = ("left", "left") if text.right_to_left else ("right", "right")
        names = {iso3: text.draw(text.country(iso3)) for iso3 in labelled}
        drawn = [
            maps.status_map(
                ax,
                shapes,
                statuses,
                text(title, explainer=explainer),
                labelled=labelled,
                legend_labels=legend_labels(text, statuses, none) | {key: text(extra) for key, extra in extras.items()},
                names=names,
                legend_size=SCREEN_LEGEND_SIZE,
                title_size=SCREEN_TITLE_SIZE,
                right_to_left=text.right_to_left,
                legend_side=side,
                label_size=SCREEN_LABEL_SIZE,
                name=False,
            )
            for ax, (statuses, title, none, extras), side in zip((first, second), panels, sides)
        ]
        # named once both panels are drawn: the second's title and legend change the first's size, and names are
        # spaced in points (named before, the 2021 map's names ran into each other once the figure was laid out);
        # names standing out of a map change the layout in turn, so the maps are named again until their size holds
        for _ in range(4):
            sizes = []
            for ax, frame in zip((first, second), drawn):
                markers = set(frame.loc[frame["marker"], "iso3"])
                places = maps.name_countries(ax, shapes, labelled, names, SCREEN_LABEL_SIZE, markers=markers)
                frame["label"] = [places[iso3][4] if iso3 in places else "" for iso3 in frame["iso3"]]
                sizes.append(ax.get_window_extent().width)
            figure.get_layout_engine().execute(figure)
            for ax in (first, second):
                ax.apply_aspect()
            if all(abs(ax.get_window_extent().width - size) < 2 for ax, size in zip((first, second), sizes)):
                break  # within 2 pixels (half a per cent) of the size the names were placed at
    data = figures.with_country_names(pd.concat(drawn, ignore_index=True))
    attended = {"attended": text.plain("figure.maps.attended")}
    alt = (
        "Two equal-area maps of the Americas, every state named in the tables labelled. Lima Group at the end of 2021: "
        f"{described(text, lima_2021, LIMA_NONE)}. Signatories of the March 2026 declaration and states named as absent, "
        f"as {explainer} lists them: {described(text, coalition_view, SIGNATORIES_NONE, attended)}."
    )
    return figure, data, alt


def _printed_maps(panels, shapes, labelled, explainer: str, text: FigureText, printed: Print):
    """The maps for a printed page (:func:`draw_maps`): two panels, each a map and its key in reading order (a
    right-to-left reader meets the 2021 panel on the right, its map on the right of its key). Returns (figure, the
    data of each map).
    """
    import matplotlib.pyplot as plt

    from perucorpus.present import maps, printed_maps

    west, east, south, north = maps.PRINT_EXTENT
    figure = plt.figure(figsize=printed.inches)
    map_height = printed.height - printed.title_room
    map_width = map_height * (east - west) / (north - south)
    count = len(panels)
    panel = (printed.width - printed.gap * (count - 1)) / count
    key_width = panel - map_width - 2.0

    def axes(left: float, width: float, height: float):
        return figure.add_axes((left / printed.width, 0, width / printed.width, height / printed.height))

    drawn = []
    for number, (statuses, title_key, none, extras) in enumerate(panels):
        slot = count - 1 - number if text.right_to_left else number
        left = slot * (panel + printed.gap)
        if text.right_to_left:
            map_axes, key_axes = axes(left + panel - map_width, map_width, map_height), axes(left, key_width, map_height - 2)
        else:
            map_axes, key_axes = axes(left, map_width, map_height), axes(left + map_width + 2.0, key_width, map_height - 2)
        title = text.plain(title_key, explainer=explainer)
        figure.text(
            (left + panel / 2) / printed.width,
            1 - 0.2 / printed.height,
            text.draw(title),
            fontsize=printed.title_size,
            ha="center",
            va="top",
            linespacing=0.72,  # the style's first font, Noto Sans Arabic, sets lines about twice as far apart as Latin needs
            gid="title",
        )
        words = legend_words(text, statuses, none) | {key: text.plain(extra) for key, extra in extras.items()}
        names = {iso3: text.country(iso3) for iso3 in sorted(set(labelled) | set(statuses.index)) if iso3 in shapes}
        frame = printed_maps.status_map(
            map_axes,
            key_axes,
            shapes,
            statuses,
            labelled,
            words,
            names,
            printed.label_size,
            maps.PRINT_EXTENT,
            separator=text.plain("figure.maps.separator"),
            right_to_left=text.right_to_left,
            draw=text.draw,
        )
        drawn.append(frame.assign(map=" ".join(title.split()))[["map", *frame.columns]])
    return figure, drawn


@dataclass(frozen=True)
class TimelineKey:
    """The words the printed timeline (:data:`TIMELINE_PRINT`) leaves to the page beside it: each numbered step as
    the screen timeline labels it (``steps``, the first numbered 1) and the footnote (* and →).
    """

    steps: tuple[str, ...]
    footnote: str


def timeline_key(rows, text: FigureText) -> TimelineKey:
    """The steps by Peru and by the United States (:func:`perucorpus.facts.memberships.steps`), oldest first, each as ``text``
    writes it (``figure.timeline.event``: its date in words, * where the date is derived, the step), and the footnote:
    the screen timeline's labels, and the key a page prints as text beside the printed timeline, whose lines are
    numbered in this order.
    """
    return TimelineKey(tuple(_steps(rows, text)[1]), text.plain("figure.timeline.footnote"))


def _steps(rows, text: FigureText):
    """(Peru's steps as :func:`perucorpus.facts.memberships.steps` gives them, their labels: :func:`timeline_key`)."""
    from perucorpus.facts import memberships

    events = memberships.steps(rows, "PER", memberships.PERU_STEP_TEXT)
    keys = {words: f"figure.step.{grouping}.{status}" for (grouping, status), words in memberships.PERU_STEP_TEXT.items()}
    labels = [
        text.plain(
            "figure.timeline.event",
            date=text.date(e.start),
            mark="*" if e.start_basis == "derived" else "",
            event=text.plain(keys[e.event]),
        )
        for e in events.itertuples()
    ]
    return events, labels


def draw_timeline(rows, presidents, text: FigureText, printed: Print | None = None):
    """Peru's presidents (bands) and its steps in the regional groupings (lines), each step labelled with its date (*
    where derived), a footnote under them (and, in a right-to-left language, the time's direction: :func:`_time_direction`). ``printed``: drawn for a printed page at its printed size (:class:`Print`),
    each step's line numbered (1 the oldest) instead of labelled, without title or footnote: the page prints the
    labels and footnote beside it as text (:func:`timeline_key`). Returns (figure, the data drawn, a text
    alternative in English).
    """
    import matplotlib.pyplot as plt
    import pandas as pd

    events, labels = _steps(rows, text)
    shown_labels = [str(number) for number in range(1, len(labels) + 1)] if printed else [text.draw(label) for label in labels]
    labelled = pd.DataFrame(
        {
            "date": events["start_date"],
            "label": shown_labels,
            "start_basis": events["start_basis"],
            "start_derivation": events["start_derivation"],
        }
    )
    terms = presidents.assign(name=[text.draw(text.person(name)) for name in presidents["name"]])
    sizes = TimelineSizes.of(printed)
    figure, ax = plt.subplots(figsize=printed.inches if printed else (12, 6.2), layout="constrained")
    if printed:  # the caption says what the title says, the page's text the footnote: their room goes to the strip
        figure.get_layout_engine().set(w_pad=0.5 * MM, h_pad=0.5 * MM)
    else:
        ax.set_title(text("figure.timeline.title", lines=text.plain("figure.timeline.lines")), fontsize=sizes.title)
        ax.set_xlabel(
            text("figure.timeline.footnote"), fontsize=sizes.footnote, loc="right" if text.right_to_left else "left", labelpad=4
        )
    if text.right_to_left:
        _time_direction(ax, text, sizes.footnote, printed is not None)
    # the words around the axes first: the labels are placed once the figure is laid out (figures.timeline)
    ax.tick_params(axis="x", labelsize=sizes.ticks, pad=2 if printed else 3.5)
    drawn = figures.timeline_data(terms, labelled, *TIMELINE_SPAN, short_name=lambda name: name)
    shown = figures.timeline(
        ax,
        drawn,
        band_size=sizes.bands,
        event_size=sizes.events,
        right_to_left=text.right_to_left,
        band_top=printed.band_top if printed else 0.28,
        leftwards_after=1.0 if printed else 0.75,  # a number runs off no edge: rightwards unless the next step is close
    )
    drawn.loc[drawn["layer"] == "event", "label"] = labels  # the data keep each label on one line, unprepared
    alt = (
        f"Timeline of Peru's presidents from 2017 ({', '.join(shown)}; → marks one still in office at the last date "
        f"recorded) and {english_texts()['figure.timeline.lines']}: "
        + "; ".join(f"{e.start} {e.event}" for e in events.itertuples())
    )
    return figure, drawn, alt


def _time_direction(ax, text: FigureText, size: float, printed: bool) -> None:
    """Say at the strip's left, where time starts, that time runs from left to right (as in the English timelines, so
    that the editions' figures compare): a right-to-left reader would otherwise read the years backwards. Printed, it
    is the strip's title at the left (the steps' numbers above the strip may rise into that row, clear of it at the
    left); on screen, where the title is centred above and the footnote is the axis label at the right, it stands
    at the left on the footnote's line. Its gid is ``direction``.
    """
    words = text("figure.timeline.direction")
    if printed:
        ax.set_title(words, fontsize=size, loc="left", pad=1.0, gid="direction")
        return
    ax.annotate(
        words, (0, 0.5), xycoords=("axes fraction", ax.xaxis.label), ha="left", va="center", fontsize=size, gid="direction"
    )


@dataclass(frozen=True)
class TimelineSizes:
    """The timeline's text sizes (points): on screen, or as printed (from a :class:`Print`)."""

    events: float = 12.0
    bands: float = 12.5
    ticks: float = 12.0
    title: float = TITLE_SIZE
    footnote: float = 11.5

    @classmethod
    def of(cls, printed: Print | None) -> TimelineSizes:
        """The sizes for ``printed`` (on screen without it)."""
        if not printed:
            return cls()
        small = printed.legend_size
        return cls(printed.label_size, small, small, printed.title_size, small)


def draw_matrix(snapshot, explainer: str, text: FigureText):
    """The statuses of every country (rows, in the order of ``snapshot``) in the four groupings (columns), each cell
    coloured by category and naming its status; blank cells have their legend entry too (:data:`MATRIX_NONE`).
    Returns (figure, the data drawn, a text alternative in English).
    """
    import matplotlib.pyplot as plt

    from perucorpus.base import schemas

    order = list(schemas.SNAPSHOT_COLUMNS)[:: -1 if text.right_to_left else 1]  # read from the names outwards
    columns = [text(f"figure.matrix.column.{column}", explainer=explainer) for column in order]
    figure, ax = plt.subplots(figsize=(11, 10.5), layout="constrained")
    if text.right_to_left:
        row_labels = [text.draw(text.country(iso3)) for iso3 in snapshot.index]
    else:
        row_labels = [figures.bilingual(*_both_names(iso3)) for iso3 in snapshot.index]
    cell_words = {status: text(f"figure.cell.{status}") for status in figures.CELL_WORDS}
    statuses = {value for value in snapshot.to_numpy().ravel() if isinstance(value, str)}
    handles = figures.category_grid(
        ax,
        snapshot[order],
        row_labels,
        columns,
        fontsize=8.5,
        cell_words=cell_words,
        labels=legend_labels(text, statuses, MATRIX_NONE),
    )
    ax.tick_params(axis="x", labelsize=10)
    ax.tick_params(axis="y", labelsize=10)
    if text.right_to_left:  # names on the right, where a right-to-left reader starts; legend on the left
        ax.yaxis.tick_right()
        ax.tick_params(axis="y", left=False, labelleft=False, right=False, labelright=True)
    legend = ax.legend(
        handles=handles,
        loc="upper right" if text.right_to_left else "upper left",
        bbox_to_anchor=(-0.01, 1) if text.right_to_left else (1.01, 1),
        frameon=False,
        title=text("figure.matrix.legend_title"),
        fontsize=11,
        title_fontsize=12,
        markerfirst=not text.right_to_left,
        alignment="right" if text.right_to_left else "left",
    )
    for line in legend.get_texts():
        line.set_multialignment("right" if text.right_to_left else "left")
    ax.set_title(text("figure.matrix.title"), fontsize=TITLE_SIZE, pad=14)
    english_columns = [
        " ".join(english_texts()[f"figure.matrix.column.{c}"].format(explainer=explainer).split())
        for c in schemas.SNAPSHOT_COLUMNS
    ]
    with_status = [
        f"{label}: {snapshot[column].notna().sum()}" for column, label in zip(schemas.SNAPSHOT_COLUMNS, english_columns)
    ]
    alt = (
        f"Grid of {len(snapshot)} countries of the Americas by grouping, each cell naming the status, coloured by its "
        "category, a blank cell where no status is recorded; countries with a status: " + "; ".join(with_status)
    )
    data = figures.with_country_names(figures.grid_data(snapshot, "status", row="iso3"))
    return figure, data, alt


def _both_names(iso3: str) -> tuple[str, str]:
    from perucorpus.base.countries import country_label

    return country_label(iso3)


def read_snapshot(data: Path | str):
    """``data/derived/membership_snapshot.csv`` (written by notebook 03) as the matrix draws it: ISO3 index, no status as NaN."""
    import numpy as np

    from perucorpus.base import schemas, tables

    frame = tables.read_table(Path(data) / "derived" / "membership_snapshot.csv", schemas.MEMBERSHIP_SNAPSHOT)
    return frame.set_index("iso3").replace("", np.nan)


def draw_all(data: Path | str, folder: Path | str, text: FigureText, explainer: str, stems=None) -> list[Path]:
    """Draw the three figures, the printed maps and timeline (:data:`MAPS_PRINT`, :data:`TIMELINE_PRINT`) and the slides'
    (:data:`SLIDE_MAP_SIZES`, :data:`TIMELINE_SLIDE`) from the data in ``data`` in ``text``'s
    language, or only those of ``stems``, and write each as ``<stem>.png`` in ``folder`` (the PNG only: what the
    pack's pages show). Returns the files written.
    """
    import matplotlib.pyplot as plt

    from perucorpus.base.atomic import replacing
    from perucorpus.facts import heads_of_state, memberships
    from perucorpus.present import maps

    data, folder = Path(data), Path(folder)
    figures.use_project_style()
    rows = memberships.load_memberships(data)
    snapshot = read_snapshot(data)
    shapes = maps.project(maps.load_shapes(data / "geo" / "americas_50m.geojson"))
    drawers = {
        MAPS: lambda: draw_maps(rows, shapes, snapshot.index, explainer, text)[0],
        TIMELINE: lambda: draw_timeline(rows, heads_of_state.load_presidents(data), text)[0],
        MATRIX: lambda: draw_matrix(snapshot, explainer, text)[0],
        MAPS_PRINT: lambda: draw_maps(rows, shapes, snapshot.index, explainer, text, PRINT)[0],
        TIMELINE_PRINT: lambda: draw_timeline(rows, heads_of_state.load_presidents(data), text, TIMELINE_PRINT_SIZE)[0],
        TIMELINE_SLIDE: lambda: draw_timeline(rows, heads_of_state.load_presidents(data), text, TIMELINE_SLIDE_SIZE)[0],
    } | {
        stem: lambda size=size: draw_maps(rows, shapes, snapshot.index, explainer, text, size)[0]
        for stem, size in SLIDE_MAP_SIZES.items()
    }
    written = []
    for stem in stems or drawers:
        figure = drawers[stem]()
        path = folder / f"{stem}.png"
        with replacing(path) as png:
            figures.write_png(figure, png)
        plt.close(figure)
        written.append(path)
    return written
