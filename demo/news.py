"""Demo press releases: the Wuppertal kickoff (from the network's published
facts) and further releases clearly marked as demo text."""

from datetime import datetime
from zoneinfo import ZoneInfo

from demo.content import T, paragraph, quote

BERLIN = ZoneInfo("Europe/Berlin")

INDEX = {
    "title": T("Aktuelles", "News"),
    "slug": T("aktuelles", "news"),
    "search_description": T(
        "Pressemitteilungen und Neuigkeiten aus dem Netzwerk kommunaler Antidiskriminierungsstellen.",
        "Press releases and news from the Network of Municipal Anti-Discrimination Offices.",
    ),
    "intro": T(
        "Pressemitteilungen des Netzwerks und seiner Mitgliedskommunen – auch als RSS- und Atom-Feed.",
        "Press releases of the network and its member municipalities – also as RSS and Atom feeds.",
    ),
}

# The press list's sign-up page (press.PressListPage), below the newsroom.
PRESS_LIST = {
    "title": T("Presseverteiler", "Press releases by e-mail"),
    "slug": T("presseverteiler", "press-list"),
    "search_description": T(
        "Pressemitteilungen des Netzwerks per E-Mail erhalten: auf Deutsch, Englisch oder in beiden Sprachen.",
        "Receive the network's press releases by e-mail: in German, English or both.",
    ),
    "intro": T(
        "Wir schicken Ihnen jede Pressemitteilung per E-Mail, sobald sie erscheint – auf Wunsch nur zu den "
        "Themen und Mitgliedsstädten, die Sie interessieren. Sie bestätigen Ihre Anmeldung per E-Mail und "
        "können sich mit dem Link in jeder E-Mail wieder abmelden.",
        "We e-mail you every press release as soon as it is published – if you like, only on the topics and "
        "member cities that interest you. You confirm your subscription by e-mail and can unsubscribe with "
        "the link in every e-mail.",
    ),
}

TOPICS = {
    "training": T("Qualifizierung", "Training"),
    "counselling": T("Beratung", "Counselling"),
    "network": T("Netzwerk", "Network"),
    "research": T("Standards und Studien", "Standards and research"),
    "administration": T("Verwaltung", "Public administration"),
}
TOPIC_SLUGS = {
    "training": T("qualifizierung", "training"),
    "counselling": T("beratung", "counselling"),
    "network": T("netzwerk", "network"),
    "research": T("standards-und-studien", "standards-and-research"),
    "administration": T("verwaltung", "public-administration"),
}

PRESS_CONTACT = {
    "name": "Erika Beispiel (Demo)",
    "role": T("Pressesprecherin (Demo)", "Press officer (demo)"),
    "email": "presse@example.org",
    "phone": "+49 30 0000001",
}

DATELINES = {
    "Wuppertal": "Wuppertal",
    "Berlin": "Berlin",
    "Frankfurt am Main": "Frankfurt am Main",
    "Hannover": "Hanover",
    "Jena": "Jena",
    "München": "Munich",
    "Nürnberg": "Nuremberg",
    "Köln": "Cologne",
    "Heidelberg": "Heidelberg",
    "Göttingen": "Göttingen",
    "Düsseldorf": "Düsseldorf",
    "Aachen": "Aachen",
    "Bonn": "Bonn",
    "Tübingen": "Tübingen",
}

KICKOFF = {
    "key": "kickoff",
    "date": datetime(2024, 11, 7, 11, 0, tzinfo=BERLIN),
    "dateline": "Wuppertal",
    "topics": ["training", "administration", "network"],
    "title": T(
        "Bundesweite Qualifizierungsreihe gegen Diskriminierung startet in Wuppertal",
        "Nationwide training series against discrimination starts in Wuppertal",
    ),
    "slug": T(
        "qualifizierungsreihe-gegen-diskriminierung-startet-in-wuppertal",
        "training-series-against-discrimination-starts-in-wuppertal",
    ),
    "lead": T(
        "Mit einem zweitägigen Auftakt in Wuppertal hat die erste bundesweite Qualifizierungsreihe für "
        "Mitarbeitende kommunaler Antidiskriminierungsstellen begonnen. Vertreterinnen und Vertreter aus mehr "
        "als 25 Städten kamen dafür ins Bergische Land.",
        "The first nationwide training series for staff of municipal anti-discrimination offices has begun with "
        "a two-day kickoff in Wuppertal. Representatives of more than 25 cities came to the Bergisches Land "
        "for it.",
    ),
    "image": "kickoff",
    "image_alt": T(
        "Gruppenbild: zwei Reihen stilisierter Personen, die Teilnehmenden des Auftakts in Wuppertal.",
        "Group picture: two rows of stylised people, the participants of the kickoff in Wuppertal.",
    ),
    "image_caption": T(
        "Die Teilnehmenden des Auftakts in Wuppertal (Platzhalterbild der Demo).",
        "The participants of the kickoff in Wuppertal (demo placeholder picture).",
    ),
    "body": [
        paragraph(
            T(
                "Gastgeberin war die Stabsstelle Gleichstellung und Antidiskriminierung der Stadt Wuppertal. Die "
                "Nachfrage war so groß, dass kurzfristig zusätzliche Plätze geschaffen werden mussten. Delegationen "
                "kamen unter anderem aus Jena, Hannover, Tübingen, Duisburg, Nürnberg, Mülheim an der Ruhr, "
                "Heidelberg, Aachen, Göttingen, Bonn, München, Remscheid und Düsseldorf.",
                "The host was the City of Wuppertal's staff unit for equality and anti-discrimination. Demand was so "
                "high that additional places had to be created at short notice. Delegations came from Jena, "
                "Hanover, Tübingen, Duisburg, Nuremberg, Mülheim an der Ruhr, Heidelberg, Aachen, Göttingen, Bonn, "
                "Munich, Remscheid and Düsseldorf, among others.",
            ),
            T(
                "Die Reihe umfasst vier Module, zwei in Präsenz und zwei online. Im Mittelpunkt stehen das "
                "Beschwerdemanagement und das strategische Wirken in der eigenen Verwaltung. Grundlage ist die "
                "Studie „Fair vor Ort“, die das Netzwerk gemeinsam mit ECCAR erarbeitet hat. Konzipiert wurde die "
                "Reihe von ECCAR, Prodiversity und dem IMAP Institut; gefördert wird sie von der "
                "Antidiskriminierungsstelle des Bundes.",
                "The series comprises four modules, two in person and two online. It focuses on complaint "
                "management and on strategic action within one's own administration. It is based on the study "
                "“Fair vor Ort”, which the network produced together with ECCAR. The series was designed by ECCAR, "
                "Prodiversity and the IMAP Institut and is funded by the Federal Anti-Discrimination Agency.",
            ),
        ),
        quote(
            T(
                "Dass so viele Städte nach Wuppertal gekommen sind, zeigt, wie groß der Bedarf an gemeinsamen "
                "Standards ist.",
                "The fact that so many cities came to Wuppertal shows how great the need for common standards is.",
            ),
            T("Roswitha Bocklage (Demo-Zitat)", "Roswitha Bocklage (demo quote)"),
            T(
                "Leiterin der Stabsstelle Gleichstellung und Antidiskriminierung, Stadt Wuppertal",
                "Head of the staff unit for equality and anti-discrimination, City of Wuppertal",
            ),
        ),
        paragraph(
            T(
                "Die Studie hebt Wuppertal für zwei strukturelle Entscheidungen hervor: Die Stabsstelle ist direkt "
                "beim Oberbürgermeister angesiedelt, und der Rat hat einen eigenen politischen Ausschuss für "
                "Gleichstellung und Antidiskriminierung.",
                "The study singles out Wuppertal for two structural decisions: the staff unit reports directly to "
                "the Lord Mayor, and the city council has its own political committee for equality and "
                "anti-discrimination.",
            ),
        ),
        quote(
            T(
                "Antidiskriminierungsarbeit gehört in die Mitte der Verwaltung – dort, wo Entscheidungen fallen.",
                "Anti-discrimination work belongs at the centre of the administration – where decisions are made.",
            ),
            T("Uwe Schneidewind (Demo-Zitat)", "Uwe Schneidewind (demo quote)"),
            T("Oberbürgermeister der Stadt Wuppertal", "Lord Mayor of the City of Wuppertal"),
        ),
        paragraph(
            T(
                "Igor Birindiba Batista, Referent für Antidiskriminierung der Stadt Wuppertal, leitete eine "
                "Arbeitsgruppe und stellte Erfahrungen aus der intersektionalen Zusammenarbeit in der Verwaltung "
                "vor – unter anderem bei der Erarbeitung des Achtsamkeitskonzepts für den „Langen Tisch 2024“.",
                "Igor Birindiba Batista, the City of Wuppertal's anti-discrimination officer, led a working group "
                "and presented experience of intersectional cooperation within the administration – among other "
                "things in writing the awareness concept for the “Langer Tisch 2024”.",
            ),
            T(
                "Das zweite Modul findet am 21. November 2024 online statt und widmet sich dem wirkungsvollen "
                "strategischen Wirken in der Verwaltung.",
                "The second module takes place online on 21 November 2024 and is devoted to effective strategic "
                "action within the administration.",
            ),
        ),
    ],
}

# Further releases: short demo texts so that listing, archive and feeds have work to do.
FURTHER = [
    (
        datetime(2024, 6, 28, 14, 0),
        "Berlin",
        ["research", "network"],
        T(
            "Studie „Fair vor Ort“ in Berlin vorgestellt",
            "Study “Fair vor Ort” presented in Berlin",
        ),
        T(
            "Demo-Meldung: Das Netzwerk und ECCAR haben ihre Studie zu Standards für kommunale "
            "Antidiskriminierungsstellen vorgestellt.",
            "Demo release: The network and ECCAR have presented their study on standards for municipal "
            "anti-discrimination offices.",
        ),
        T(
            "Die Studie wurde von der Antidiskriminierungsstelle des Bundes im Programm respekt*land gefördert. "
            "Sie beschreibt, was eine kommunale Stelle braucht, um wirksam beraten zu können.",
            "The study was funded by the Federal Anti-Discrimination Agency under its respekt*land programme. It "
            "describes what a municipal office needs in order to counsel effectively.",
        ),
    ),
    (
        datetime(2024, 11, 21, 16, 0),
        None,
        ["training", "administration"],
        T("Zweites Modul der Qualifizierungsreihe online", "Second module of the training series held online"),
        T(
            "Demo-Meldung: Rund 30 Teilnehmende arbeiteten online zum strategischen Wirken in der Verwaltung.",
            "Demo release: Around 30 participants worked online on strategic action within the administration.",
        ),
        T(
            "Im Mittelpunkt standen Bündnisse innerhalb der Verwaltung und der Umgang mit Widerständen.",
            "The focus was on alliances within the administration and on dealing with resistance.",
        ),
    ),
    (
        datetime(2025, 1, 20, 10, 0),
        "Berlin",
        ["network"],
        T("Netzwerk begrüßt neue Mitgliedskommunen", "Network welcomes new member municipalities"),
        T(
            "Demo-Meldung: Zum Jahresbeginn sind weitere Kommunen dem Netzwerk beigetreten.",
            "Demo release: Further municipalities joined the network at the start of the year.",
        ),
        T(
            "Damit arbeiten mehr als 40 Kommunen im Netzwerk zusammen. Die neuen Mitglieder stellen sich beim "
            "nächsten Netzwerktreffen vor.",
            "More than 40 municipalities now work together in the network. The new members will introduce "
            "themselves at the next network meeting.",
        ),
    ),
    (
        datetime(2025, 3, 3, 9, 30),
        "Frankfurt am Main",
        ["training", "administration"],
        T("Präsenzrunde in Frankfurt am Main", "In-person round in Frankfurt am Main"),
        T(
            "Demo-Meldung: Die Stabsstelle Antidiskriminierung der Stadt Frankfurt am Main war Gastgeberin einer "
            "weiteren Präsenzrunde mit Vertreterinnen und Vertretern aus zwölf Kommunen.",
            "Demo release: The anti-discrimination staff unit of the City of Frankfurt am Main hosted a further "
            "in-person round with representatives of twelve municipalities.",
        ),
        T(
            "Themen waren der Umgang mit Diskriminierung durch Behörden, struktureller Wandel und "
            "diversitätsorientierte Organisationsentwicklung.",
            "Topics were dealing with discrimination by public authorities, structural change and "
            "diversity-oriented organisational development.",
        ),
    ),
    (
        datetime(2025, 3, 21, 8, 0),
        "Jena",
        ["counselling"],
        T(
            "Internationaler Tag gegen Rassismus: Beratung vor Ort stärken",
            "International Day against Racism: strengthening local counselling",
        ),
        T(
            "Demo-Meldung: Zum 21. März rufen die Mitgliedskommunen dazu auf, Beratungsangebote bekannter zu machen.",
            "Demo release: On 21 March the member municipalities call for counselling services to be better known.",
        ),
        T(
            "Viele Menschen wissen nicht, dass ihre Stadt eine Antidiskriminierungsstelle hat. Aktionen in den "
            "Innenstädten sollen das ändern.",
            "Many people do not know that their city has an anti-discrimination office. Events in city centres "
            "are meant to change that.",
        ),
    ),
    (
        datetime(2025, 5, 14, 11, 0),
        "München",
        ["counselling", "research"],
        T("Beratungsfälle systematisch dokumentieren", "Documenting counselling cases systematically"),
        T(
            "Demo-Meldung: Eine Arbeitsgruppe des Netzwerks legt Empfehlungen für eine einheitliche Dokumentation vor.",
            "Demo release: A working group of the network presents recommendations for consistent documentation.",
        ),
        T(
            "Vergleichbare Zahlen helfen, Muster von Diskriminierung zu erkennen – ohne den Datenschutz der "
            "Ratsuchenden zu gefährden.",
            "Comparable figures help to recognise patterns of discrimination – without endangering the privacy of "
            "the people seeking advice.",
        ),
    ),
    (
        datetime(2025, 6, 26, 15, 0),
        "Nürnberg",
        ["administration"],
        T("Beschwerdemanagement in der Verwaltung verankern", "Anchoring complaint management in the administration"),
        T(
            "Demo-Meldung: Kommunen tauschen Erfahrungen aus, wie Beschwerden über Diskriminierung bearbeitet werden.",
            "Demo release: Municipalities share experience of how complaints about discrimination are handled.",
        ),
        T(
            "Klare Zuständigkeiten und verlässliche Fristen sind dabei ebenso wichtig wie eine unabhängige "
            "Anlaufstelle.",
            "Clear responsibilities and reliable deadlines matter just as much as an independent point of contact.",
        ),
    ),
    (
        datetime(2025, 9, 10, 10, 0),
        "Heidelberg",
        ["network", "research"],
        T("Austausch mit europäischen Partnerstädten", "Exchange with European partner cities"),
        T(
            "Demo-Meldung: Auf Einladung von ECCAR berichteten Mitgliedskommunen über ihre Arbeit.",
            "Demo release: At ECCAR's invitation, member municipalities reported on their work.",
        ),
        T(
            "Die europäischen Städte interessierten sich besonders für die Verankerung der Stellen in der Verwaltung.",
            "The European cities were particularly interested in how the offices are anchored in the administration.",
        ),
    ),
    (
        datetime(2025, 11, 12, 10, 0),
        "Hannover",
        ["network"],
        T("Netzwerktreffen in Hannover", "Network meeting in Hanover"),
        T(
            "Demo-Meldung: Beim jährlichen Netzwerktreffen in Hannover ging es um die Finanzierung kommunaler Stellen.",
            "Demo release: The annual network meeting in Hanover focused on the funding of municipal offices.",
        ),
        T(
            "Die Teilnehmenden verabschiedeten ein gemeinsames Positionspapier.",
            "The participants adopted a joint position paper.",
        ),
    ),
    (
        datetime(2026, 1, 22, 9, 0),
        "Göttingen",
        ["training"],
        T("Neue Qualifizierungsreihe in Planung", "New training series in preparation"),
        T(
            "Demo-Meldung: Nach den guten Erfahrungen plant das Netzwerk eine zweite Qualifizierungsreihe.",
            "Demo release: After the good experience, the network is planning a second training series.",
        ),
        T(
            "Die Rückmeldungen der Teilnehmenden fließen in die Planung ein.",
            "The participants' feedback is being fed into the planning.",
        ),
    ),
    (
        datetime(2026, 3, 19, 10, 0),
        "Düsseldorf",
        ["counselling"],
        T("Beratung in mehreren Sprachen", "Counselling in several languages"),
        T(
            "Demo-Meldung: Immer mehr Stellen bieten Beratung in mehreren Sprachen und in Gebärdensprache an.",
            "Demo release: More and more offices offer counselling in several languages and in sign language.",
        ),
        T(
            "Das Netzwerk sammelt gute Beispiele und stellt sie allen Mitgliedern zur Verfügung.",
            "The network collects good examples and makes them available to all members.",
        ),
    ),
    (
        datetime(2026, 4, 29, 11, 0),
        "Aachen",
        ["administration", "research"],
        T("Diskriminierungsschutz in der Verwaltung messen", "Measuring protection against discrimination"),
        T(
            "Demo-Meldung: Ein Leitfaden zeigt, wie Kommunen ihre Fortschritte überprüfen können.",
            "Demo release: A guide shows how municipalities can review their progress.",
        ),
        T(
            "Kennzahlen allein reichen nicht; der Leitfaden verbindet sie mit Gesprächen mit Betroffenen.",
            "Indicators alone are not enough; the guide combines them with conversations with those affected.",
        ),
    ),
    (
        datetime(2026, 6, 18, 10, 0),
        "Bonn",
        ["network"],
        T("Fünf Jahre Netzwerk – eine Zwischenbilanz", "Five years of the network – taking stock"),
        T(
            "Demo-Meldung: Seit der Gründung 2019 ist das Netzwerk von 15 auf mehr als 40 Kommunen gewachsen.",
            "Demo release: Since it was founded in 2019, the network has grown from 15 to more than 40 municipalities.",
        ),
        T(
            "Eine kleine Veranstaltung blickte auf die Anfänge zurück und nach vorn.",
            "A small event looked back at the beginnings and ahead.",
        ),
    ),
    (
        datetime(2026, 8, 27, 10, 0),
        "Tübingen",
        ["training", "counselling"],
        T("Fortbildung zur intersektionalen Beratung", "Further training on intersectional counselling"),
        T(
            "Demo-Meldung: Beraterinnen und Berater aus zehn Kommunen bildeten sich zu Mehrfachdiskriminierung fort.",
            "Demo release: Counsellors from ten municipalities took part in training on multiple discrimination.",
        ),
        T(
            "Fallbeispiele aus der Praxis standen im Mittelpunkt.",
            "Case studies from practice were at the centre.",
        ),
    ),
    (
        datetime(2026, 10, 15, 10, 0),
        "Köln",
        ["administration"],
        T("Antidiskriminierung im Personalwesen", "Anti-discrimination in human resources"),
        T(
            "Demo-Meldung: Wie diskriminierungssensible Stellenausschreibungen gelingen, war Thema eines Fachtags.",
            "Demo release: How to write job advertisements that avoid discrimination was the subject of a conference.",
        ),
        T(
            "Die Ergebnisse werden in einer Handreichung zusammengefasst.",
            "The results will be summarised in a handout.",
        ),
    ),
    (
        datetime(2026, 11, 19, 10, 0),
        "Berlin",
        ["research", "network"],
        T("Jahresbericht der Mitgliedskommunen erschienen", "Annual report of the member municipalities published"),
        T(
            "Demo-Meldung: Der Bericht fasst die Beratungsarbeit des vergangenen Jahres zusammen.",
            "Demo release: The report summarises last year's counselling work.",
        ),
        T(
            "Er zeigt, in welchen Lebensbereichen Menschen am häufigsten Diskriminierung erleben.",
            "It shows in which areas of life people most often experience discrimination.",
        ),
    ),
]

GRAPHIC_ALT = T(
    "Abstrakte Grafik aus Kreisen in den Farben des Netzwerks.",
    "Abstract graphic of circles in the network's colours.",
)

CORRECTION = {
    "release": 3,  # the Frankfurt round
    "date": datetime(2025, 3, 5).date(),
    "note": T(
        "Die Zahl der teilnehmenden Kommunen wurde von elf auf zwölf berichtigt (Demo).",
        "The number of participating municipalities was corrected from eleven to twelve (demo).",
    ),
}
