"""Demo events: the 2024 training series from the network's facts (invented
dates, times and venues marked as demo), the Hannover network meeting, and
further demo events placed relative to the day the demo is loaded, so that
"upcoming" and "past" both have work to do."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from demo.content import T, paragraph

BERLIN = ZoneInfo("Europe/Berlin")

INDEX = {
    "title": T("Veranstaltungen", "Events"),
    "slug": T("veranstaltungen", "events"),
    "intro": T(
        "Fortbildungen, Netzwerktreffen und Fachtage des Netzwerks – auch zum Abonnieren im eigenen Kalender.",
        "Training, network meetings and conferences of the network – also to subscribe to in your own calendar.",
    ),
}

SERIES = {
    "title": T("Qualifizierungsreihe 2024", "Training series 2024"),
    "slug": T("qualifizierungsreihe-2024", "training-series-2024"),
    "intro": T(
        "Die erste bundesweite Qualifizierungsreihe für Mitarbeitende kommunaler Antidiskriminierungsstellen: "
        "vier Module, zwei in Präsenz und zwei online, zu Beschwerdemanagement und strategischem Wirken in der "
        "eigenen Verwaltung.",
        "The first nationwide training series for staff of municipal anti-discrimination offices: four modules, "
        "two in person and two online, on complaint management and strategic action within one's own "
        "administration.",
    ),
    "body": [
        paragraph(
            T(
                "Die Reihe wurde im Auftrag des Netzwerks auf der Grundlage der Studie „Fair vor Ort“ entwickelt.",
                "The series was developed on behalf of the network, based on the study “Fair vor Ort”.",
            )
        ),
        ("funding_notice", "ads"),
    ],
    "partners": [("ads", "funder"), ("eccar", "designer"), ("prodiversity", "designer"), ("imap", "designer")],
}

ONLINE_NOTE = T(
    "Der Zugangslink wird nach der Anmeldung per E-Mail verschickt.",
    "The access link is sent by e-mail after registration.",
)
ACCESSIBILITY = T(
    "Stufenloser Zugang, barrierefreies WC; Gebärdensprachdolmetschung auf Anfrage bis zwei Wochen vorher (Demo-Angabe).",
    "Step-free access, accessible toilet; sign-language interpretation on request up to two weeks before (demo information).",
)
ONLINE_ACCESSIBILITY = T(
    "Automatische Live-Untertitel; Gebärdensprachdolmetschung auf Anfrage (Demo-Angabe).",
    "Automatic live captions; sign-language interpretation on request (demo information).",
)
TARGET_STAFF = T(
    "Mitarbeitende kommunaler Antidiskriminierungsstellen",
    "Staff of municipal anti-discrimination offices",
)
ORGANISER = T("Netzwerk kommunaler Antidiskriminierungsstellen", "Network of Municipal Anti-Discrimination Offices")


def berlin(day, hour, minute=0):
    return datetime.combine(day, time(hour, minute), tzinfo=BERLIN)


# Module n of the series: (start, end, format, host city, title, lead, venue, address)
MODULES = [
    (
        berlin(date(2024, 11, 6), 10),
        berlin(date(2024, 11, 7), 15),
        "in_person",
        "Wuppertal",
        T("Auftakt in Wuppertal: Beschwerdemanagement", "Kickoff in Wuppertal: complaint management"),
        T(
            "Zwei Tage zum Auftakt der Reihe, zu Gast bei der Stabsstelle Gleichstellung und Antidiskriminierung "
            "der Stadt Wuppertal (Zeiten und Ort: Demo-Angaben).",
            "Two days to open the series, hosted by the City of Wuppertal's staff unit for equality and "
            "anti-discrimination (times and venue: demo information).",
        ),
        T("Rathaus Barmen (Demo-Ort)", "Barmen Town Hall (demo venue)"),
        "Johannes-Rau-Platz 1\n42275 Wuppertal",
    ),
    (
        berlin(date(2024, 11, 21), 10),
        berlin(date(2024, 11, 21), 13),
        "online",
        None,
        T(
            "Wirkungsvolles strategisches Wirken in der Verwaltung",
            "Effective strategic action in the administration",
        ),
        T(
            "Das zweite Modul findet online statt: Wie gelingt strategisches Wirken in der eigenen Verwaltung? "
            "(Uhrzeit: Demo-Angabe)",
            "The second module takes place online: how does strategic action within one's own administration "
            "succeed? (time: demo information)",
        ),
        None,
        "",
    ),
    (
        berlin(date(2025, 3, 3), 9, 30),
        berlin(date(2025, 3, 4), 15),
        "in_person",
        "Frankfurt am Main",
        T("Präsenzrunde in Frankfurt am Main", "In-person round in Frankfurt am Main"),
        T(
            "Diskriminierung durch Behörden, struktureller Wandel und diversitätsorientierte "
            "Organisationsentwicklung, zu Gast bei der Stabsstelle Antidiskriminierung (Datum und Ort: Demo).",
            "Discrimination by public authorities, structural change and diversity-oriented organisational "
            "development, hosted by the Anti-Discrimination Staff Unit (date and venue: demo).",
        ),
        T("Haus am Dom (Demo-Ort)", "Haus am Dom (demo venue)"),
        "Domplatz 3\n60311 Frankfurt am Main",
    ),
    (
        berlin(date(2025, 5, 22), 10),
        berlin(date(2025, 5, 22), 13),
        "online",
        None,
        T("Beschwerdemanagement in der Praxis", "Complaint management in practice"),
        T(
            "Das vierte Modul vertieft online die Bearbeitung von Beschwerden an Fallbeispielen (Datum: Demo).",
            "The fourth module goes deeper online into handling complaints, with case studies (date: demo).",
        ),
        None,
        "",
    ),
]

HANNOVER = (
    berlin(date(2025, 11, 12), 10),
    berlin(date(2025, 11, 13), 14),
    "in_person",
    "Hannover",
    T("Netzwerktreffen 2025 in Hannover", "Network meeting 2025 in Hanover"),
    T(
        "Das jährliche Treffen aller Mitgliedskommunen: Austausch, Positionen und Planung (Datum und Ort: Demo).",
        "The annual meeting of all member municipalities: exchange, positions and planning (date and venue: demo).",
    ),
    T("Neues Rathaus Hannover (Demo-Ort)", "Hanover New Town Hall (demo venue)"),
    "Trammplatz 2\n30159 Hannover",
)


def next_dst_weekend(today):
    """Saturday before the next change between CET and CEST (last Sunday of March or October)."""
    candidates = []
    for year in (today.year, today.year + 1):
        for month in (3, 10):
            last = date(year, month, 31)
            sunday = last - timedelta(days=(last.weekday() + 1) % 7)
            if sunday - timedelta(days=1) > today:
                candidates.append(sunday - timedelta(days=1))
    return min(candidates)


def further_events(today):
    """Demo events placed around the day the demo is loaded."""
    dst = next_dst_weekend(today)
    return [
        (
            berlin(today + timedelta(days=10), 14),
            berlin(today + timedelta(days=10), 15, 30),
            "online",
            None,
            T(
                "Online-Sprechstunde für neue Mitgliedskommunen",
                "Online consultation hour for new member municipalities",
            ),
            T(
                "Demo-Veranstaltung: Fragen rund um Mitgliedschaft und Aufbau einer Antidiskriminierungsstelle.",
                "Demo event: questions on membership and on setting up an anti-discrimination office.",
            ),
            None,
            "",
            {"registration_email": "anmeldung@example.org"},
        ),
        (
            berlin(today + timedelta(days=24), 10),
            berlin(today + timedelta(days=24), 16),
            "hybrid",
            "Düsseldorf",
            T(
                "Fachtag Antidiskriminierung in der Verwaltung",
                "Conference on anti-discrimination in the administration",
            ),
            T(
                "Demo-Veranstaltung: Vorträge und Werkstätten, vor Ort in Düsseldorf und online.",
                "Demo event: talks and workshops, on site in Düsseldorf and online.",
            ),
            T("Bürgersaal (Demo-Ort)", "Citizens' hall (demo venue)"),
            "Marktplatz 1 (Demo)\n40213 Düsseldorf",
            {"registration_url": "https://example.org/anmeldung", "registration_days_before": 7},
        ),
        (
            berlin(today + timedelta(days=45), 0),
            berlin(today + timedelta(days=45), 0),
            "in_person",
            "Jena",
            T("Werkstatttag Beratungsstandards", "Workshop day on counselling standards"),
            T(
                "Demo-Veranstaltung: ein ganzer Tag zu gemeinsamen Standards der Beratung.",
                "Demo event: a whole day on common counselling standards.",
            ),
            T("Volkshaus Jena (Demo-Ort)", "Volkshaus Jena (demo venue)"),
            "Carl-Zeiß-Platz 15 (Demo)\n07743 Jena",
            {"all_day": True, "fully_booked": True, "registration_email": "anmeldung@example.org"},
        ),
        (
            berlin(today + timedelta(days=70), 10),
            berlin(today + timedelta(days=70), 12),
            "online",
            None,
            T("Datenschutz in der Antidiskriminierungsberatung", "Data protection in anti-discrimination counselling"),
            T(
                "Demo-Veranstaltung: Was dürfen Beratungsstellen dokumentieren, und wie schützen sie Ratsuchende?",
                "Demo event: what may counselling offices record, and how do they protect the people seeking advice?",
            ),
            None,
            "",
            {"registration_url": "https://example.org/anmeldung"},
        ),
        (
            berlin(dst, 10),
            berlin(dst + timedelta(days=1), 16),
            "in_person",
            "Göttingen",
            T("Klausurtagung der Sprecherinnen und Sprecher", "Retreat of the network's spokespersons"),
            T(
                "Demo-Veranstaltung über ein Wochenende, an dem die Uhren umgestellt werden.",
                "Demo event over a weekend on which the clocks change.",
            ),
            T("Tagungshaus (Demo-Ort)", "Conference house (demo venue)"),
            "Am Wald 1 (Demo)\n37073 Göttingen",
            {"registration_email": "anmeldung@example.org"},
        ),
        (
            berlin(today + timedelta(days=100), 19),
            None,
            "in_person",
            "München",
            T("Lesung und Gespräch: Erfahrungen sichtbar machen", "Reading and discussion: making experiences visible"),
            T(
                "Demo-Veranstaltung am Abend, mit offenem Ende.",
                "Demo evening event with an open end.",
            ),
            T("Stadtbibliothek (Demo-Ort)", "City library (demo venue)"),
            "Rosenheimer Straße 5 (Demo)\n81667 München",
            # Shows how a cancelled event stays on the site, marked as such.
            {"cancelled": True},
        ),
        (
            berlin(today - timedelta(days=20), 10),
            berlin(today - timedelta(days=20), 12),
            "online",
            None,
            T("Online-Austausch: Rückblick auf das Jahr", "Online exchange: looking back on the year"),
            T("Demo-Veranstaltung, bereits vergangen.", "Demo event, already past."),
            None,
            "",
            {},
        ),
        (
            berlin(today - timedelta(days=60), 9),
            berlin(today - timedelta(days=60), 17),
            "in_person",
            "Heidelberg",
            T("Regionaltreffen Süd", "Regional meeting South"),
            T(
                "Demo-Veranstaltung der Mitgliedskommunen im Süden.",
                "Demo event of the member municipalities in the south.",
            ),
            T("Rathaus Heidelberg (Demo-Ort)", "Heidelberg Town Hall (demo venue)"),
            "Marktplatz 10 (Demo)\n69117 Heidelberg",
            {},
        ),
        (
            berlin(today - timedelta(days=120), 13),
            berlin(today - timedelta(days=120), 17),
            "hybrid",
            "Bonn",
            T("Regionaltreffen West", "Regional meeting West"),
            T(
                "Demo-Veranstaltung der Mitgliedskommunen im Westen, vor Ort und online.",
                "Demo event of the member municipalities in the west, on site and online.",
            ),
            T("Altes Rathaus Bonn (Demo-Ort)", "Bonn Old Town Hall (demo venue)"),
            "Markt 2 (Demo)\n53111 Bonn",
            {},
        ),
    ]
