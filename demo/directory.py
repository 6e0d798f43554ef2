"""Demo partners and member offices.

Cities, federal states and city-centre coordinates are real; office details
beyond the network's published facts are marked as demo, and contact
addresses use example.org, never a real person's data.
"""

from demo.content import T

PARTNER_INDEX = {
    "title": T("Partner", "Partners"),
    "slug": T("partner", "partners"),
    "intro": T(
        "Diese Organisationen fördern die Arbeit des Netzwerks und gestalten sie mit.",
        "These organisations fund the network's work and help to shape it.",
    ),
}

ROLES = {
    "funder": T("Fördermittelgeberin", "Funder"),
    "designer": T("Konzeption der Qualifizierungsreihe", "Designer of the training series"),
    "study": T("Partner der Studie „Fair vor Ort“", "Partner in the study “Fair vor Ort”"),
}

PARTNERS = [
    {
        "key": "eccar",
        "title": T("Europäische Städtekoalition gegen Rassismus", "European Coalition of Cities Against Racism"),
        "slug": T("eccar", "eccar"),
        "short_name": "ECCAR",
        "roles": ["designer", "study"],
        "website": "https://www.eccar.info/",
        "summary": T(
            "ECCAR verbindet europäische Städte, die sich gegen Rassismus engagieren. Mit dem Netzwerk hat ECCAR die "
            "Studie „Fair vor Ort“ erarbeitet und die Qualifizierungsreihe konzipiert.",
            "ECCAR connects European cities committed to fighting racism. Together with the network it produced the "
            "study “Fair vor Ort” and designed the training series.",
        ),
        "logo_colour": (33, 102, 172),
    },
    {
        "key": "prodiversity",
        "title": T("Prodiversity", "Prodiversity"),
        "slug": T("prodiversity", "prodiversity"),
        "short_name": "Prodiversity",
        "roles": ["designer"],
        "website": "",
        "summary": T(
            "Prodiversity hat die bundesweite Qualifizierungsreihe mit konzipiert.",
            "Prodiversity helped to design the nationwide training series.",
        ),
        "logo_colour": (0, 122, 94),
    },
    {
        "key": "imap",
        "title": T("IMAP Institut", "IMAP Institut"),
        "slug": T("imap-institut", "imap-institut"),
        "short_name": "IMAP",
        "roles": ["designer"],
        "website": "",
        "summary": T(
            "Das IMAP Institut hat die bundesweite Qualifizierungsreihe mit konzipiert.",
            "The IMAP Institut helped to design the nationwide training series.",
        ),
        "logo_colour": (204, 102, 0),
    },
    {
        "key": "ads",
        "title": T("Antidiskriminierungsstelle des Bundes", "Federal Anti-Discrimination Agency"),
        "slug": T("antidiskriminierungsstelle-des-bundes", "federal-anti-discrimination-agency"),
        "short_name": "ADS",
        "roles": ["funder"],
        "website": "https://www.antidiskriminierungsstelle.de/",
        "summary": T(
            "Die Antidiskriminierungsstelle des Bundes regte 2019 die Gründung des Netzwerks an. Sie fördert die "
            "Qualifizierungsreihe und die Studie „Fair vor Ort“ im Programm respekt*land.",
            "The Federal Anti-Discrimination Agency prompted the founding of the network in 2019. It funds the "
            "training series and the study “Fair vor Ort” under its respekt*land programme.",
        ),
        "logo_colour": (91, 42, 134),
    },
]

LOGO_ALT = T("Logo von {name} (Platzhalter)", "Logo of {name} (placeholder)")

FUNDING_NOTICE = {
    "wording": T(
        "Gefördert von der Antidiskriminierungsstelle des Bundes im Programm respekt*land",
        "Funded by the Federal Anti-Discrimination Agency under the respekt*land programme",
    ),
    "logo_alt": T(
        "Logo der Antidiskriminierungsstelle des Bundes (Platzhalter)",
        "Logo of the Federal Anti-Discrimination Agency (placeholder)",
    ),
}

MEMBER_INDEX = {
    "title": T("Mitglieder", "Members"),
    "slug": T("mitglieder", "members"),
    "intro": T(
        "Mehr als 40 Kommunen arbeiten im Netzwerk zusammen. Finden Sie die Antidiskriminierungsstelle Ihrer Stadt.",
        "More than 40 municipalities work together in the network. Find the anti-discrimination office of your city.",
    ),
}

# city (de, en), state, latitude, longitude, member since
CITIES = [
    (T("Aachen", "Aachen"), "NW", "50.77530", "6.08390", 2019),
    (T("Bonn", "Bonn"), "NW", "50.73740", "7.09820", 2020),
    (T("Duisburg", "Duisburg"), "NW", "51.43440", "6.76230", 2021),
    (T("Düsseldorf", "Düsseldorf"), "NW", "51.22770", "6.77350", 2019),
    (T("Frankfurt am Main", "Frankfurt am Main"), "HE", "50.11090", "8.68210", 2019),
    (T("Göttingen", "Göttingen"), "NI", "51.54130", "9.91580", 2020),
    (T("Hannover", "Hanover"), "NI", "52.37590", "9.73200", 2019),
    (T("Heidelberg", "Heidelberg"), "BW", "49.39880", "8.67240", 2019),
    (T("Jena", "Jena"), "TH", "50.92710", "11.58920", 2021),
    (T("Mülheim an der Ruhr", "Mülheim an der Ruhr"), "NW", "51.42750", "6.88250", 2022),
    (T("München", "Munich"), "BY", "48.13720", "11.57560", 2019),
    (T("Nürnberg", "Nuremberg"), "BY", "49.45210", "11.07670", 2019),
    (T("Remscheid", "Remscheid"), "NW", "51.17870", "7.18970", 2023),
    (T("Tübingen", "Tübingen"), "BW", "48.52160", "9.05760", 2020),
    (T("Wuppertal", "Wuppertal"), "NW", "51.25620", "7.15080", 2024),
]

# What the network's facts say; everything else about an office is demo.
KNOWN_OFFICES = {
    "Wuppertal": {
        "office_name": T(
            "Stabsstelle Gleichstellung und Antidiskriminierung", "Staff Unit for Equality and Anti-Discrimination"
        ),
        "position": T("direkt beim Oberbürgermeister angesiedelt", "reports directly to the Lord Mayor"),
    },
    "Frankfurt am Main": {
        "office_name": T("Stabsstelle Antidiskriminierung", "Anti-Discrimination Staff Unit"),
        "position": T("Teil der Stadtverwaltung (Demo-Angabe)", "part of the city administration (demo information)"),
    },
}
OFFICE_NAME = T(
    "Antidiskriminierungsstelle der Stadt {city} (Demo)", "Anti-discrimination office of the City of {city} (demo)"
)
POSITION = T(
    "Teil des Dezernats für Soziales (Demo-Angabe)", "part of the social affairs department (demo information)"
)
LANGUAGES = T("Deutsch, Englisch, Türkisch, Arabisch (Demo)", "German, English, Turkish, Arabic (demo)")
OPENING_HOURS = T(
    "Montag bis Donnerstag 9 bis 15 Uhr, Termine auch nach Vereinbarung (Demo)",
    "Monday to Thursday 9 am to 3 pm, other times by appointment (demo)",
)
ACCESSIBILITY = T(
    "Stufenloser Zugang, Aufzug und barrierefreies WC; Gebärdensprachdolmetschung auf Anfrage (Demo-Angabe)",
    "Step-free access, lift and accessible toilet; sign-language interpretation on request (demo information)",
)
STREET = "Rathausplatz 1 (Demo)"
PHONE = "+49 30 0000000"

# Member calendars the network imports (syndication): files the site serves
# itself (site/static/demo/calendars/), so `make run` shows imported events
# within a minute. Bonn's (weekly consultation hour, a single event, an
# all-day event) is published directly; Nürnberg's (a Google Calendar
# export) waits as drafts for an editor. city: (static path, publish directly)
CALENDARS = {
    "Bonn": ("demo/calendars/bonn.ics", True),
    "Nürnberg": ("demo/calendars/nuernberg.ics", False),
}

# Press releases (by their key in demo.news) and whom they name.
NEWS_LINKS = {
    "kickoff": {
        "members": [
            "Wuppertal",
            "Jena",
            "Hannover",
            "Tübingen",
            "Duisburg",
            "Nürnberg",
            "Mülheim an der Ruhr",
            "Heidelberg",
            "Aachen",
            "Göttingen",
            "Bonn",
            "München",
            "Remscheid",
            "Düsseldorf",
        ],
        "partners": ["eccar", "prodiversity", "imap", "ads"],
    },
    "release-0": {"members": [], "partners": ["eccar", "ads"]},
    "release-1": {"members": [], "partners": ["eccar", "prodiversity", "imap"]},
    "release-3": {"members": ["Frankfurt am Main"], "partners": []},
    "release-8": {"members": ["Hannover"], "partners": []},
    "release-7": {"members": ["Heidelberg"], "partners": ["eccar"]},
}
