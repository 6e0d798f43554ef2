"""Demo content for the foundation: home pages and the service pages.

Every text is a pair T(German, English). The German text builds the source
page; the English text becomes its wagtail-localize translation, so the admin
shows a real, syncable translation. Details not taken from the network's
published facts (addresses, phone numbers, names of staff) are marked as demo.
"""

from typing import NamedTuple


class T(NamedTuple):
    de: str
    en: str


def paragraph(*paragraphs):
    """A paragraph block: each T is one <p>."""
    return ("paragraph", [("p", p) for p in paragraphs])


def bullets(*items):
    return ("paragraph", [("ul", list(items))])


def heading(text, level="h2"):
    return ("heading", {"text": text, "level": level})


def quote(text, speaker, role):
    return ("quote", {"quote": text, "speaker": speaker, "role": role})


def cta(heading_text, text, link_text, page=None, url=None):
    return ("call_to_action", {"heading": heading_text, "text": text, "link_text": link_text, "page": page, "url": url})


def image(key, alt, caption):
    return ("image", {"image": key, "alt_text": alt, "caption": caption})


DEMO = T("Demo-Inhalt", "Demo content")

SITE_SETTINGS = {
    "address": "Musterstraße 1 (Demo)\n10115 Berlin",
    "email": "kontakt@example.org",
    "phone": "+49 30 0000000",
}

IMAGES = {
    "network": {
        "title": "Netzwerktreffen (Illustration)",
        "kind": "graphic",
        "style": "group",
        "credit": "Netzwerk kommunaler Antidiskriminierungsstellen (Demo)",
        "licence": "Nutzung auf dieser Website (Demo)",
        "source": "Lokal erzeugte Demo-Grafik",
    },
    "kickoff": {
        "title": "Auftakt der Qualifizierungsreihe in Wuppertal (Gruppenfoto, Platzhalter)",
        "kind": "photo",
        "style": "group",
        "credit": "Stadt Wuppertal/Stefanie vom Stein",
        "licence": "Honorarfrei zur Berichterstattung über das Netzwerk (Demo-Angabe)",
        "source": "Stadt Wuppertal, Pressestelle (Demo: lokal erzeugtes Platzhalterbild)",
    },
    **{
        f"news-{n}": {
            "title": f"Grafik des Netzwerks {n + 1}",
            "kind": "graphic",
            "style": "banner",
            "credit": "Netzwerk kommunaler Antidiskriminierungsstellen (Demo)",
            "licence": "Nutzung auf dieser Website (Demo)",
            "source": "Lokal erzeugte Demo-Grafik",
        }
        for n in range(6)
    },
    "banner": {
        "title": "Kreise in den Farben des Netzwerks (Grafik)",
        "kind": "graphic",
        "style": "banner",
        "credit": "Netzwerk kommunaler Antidiskriminierungsstellen (Demo)",
        "licence": "Nutzung auf dieser Website (Demo)",
        "source": "Lokal erzeugte Demo-Grafik",
    },
}

HOME = {
    "title": T("Netzwerk kommunaler Antidiskriminierungsstellen", "Network of Municipal Anti-Discrimination Offices"),
    "slug": T("netzwerk", "network"),
    "seo_title": T(
        "Netzwerk kommunaler Antidiskriminierungsstellen – gemeinsam gegen Diskriminierung vor Ort",
        "Network of Municipal Anti-Discrimination Offices – together against discrimination locally",
    ),
    "search_description": T(
        "Mehr als 40 Kommunen arbeiten im Netzwerk kommunaler Antidiskriminierungsstellen zusammen: "
        "für Beratung, Standards und Austausch gegen Diskriminierung vor Ort.",
        "More than 40 municipalities work together in the Network of Municipal Anti-Discrimination Offices: "
        "for counselling, standards and exchange against discrimination on the ground.",
    ),
    "listing_image": "banner",
    "intro": [
        T(
            "Im Netzwerk kommunaler Antidiskriminierungsstellen arbeiten heute mehr als 40 Städte und Gemeinden "
            "aus ganz Deutschland zusammen. Gemeinsam stärken wir die Antidiskriminierungsarbeit dort, wo "
            "Menschen leben: in der Kommune.",
            "Today more than 40 cities and municipalities from all over Germany work together in the Network "
            "of Municipal Anti-Discrimination Offices. Together we strengthen anti-discrimination work where "
            "people live: in their municipality.",
        ),
    ],
    "highlights": [
        cta(
            T("Über das Netzwerk", "About the network"),
            T(
                "Wie das Netzwerk 2019 entstand, wer mitmacht und wofür wir uns einsetzen.",
                "How the network came about in 2019, who takes part and what we stand for.",
            ),
            T("Mehr über das Netzwerk", "More about the network"),
            page="about",
        ),
        cta(
            T("Kontakt", "Contact"),
            T(
                "Fragen zur Mitgliedschaft, zu Veranstaltungen oder für die Presse? Schreiben Sie uns.",
                "Questions about membership, events or from the press? Write to us.",
            ),
            T("Zum Kontakt", "Get in touch"),
            page="contact",
        ),
    ],
}

# key, show_in_menus, fields
PAGES = [
    (
        "about",
        True,
        {
            "title": T("Über das Netzwerk", "About the network"),
            "slug": T("ueber-das-netzwerk", "about-the-network"),
            "search_description": T(
                "Das Netzwerk kommunaler Antidiskriminierungsstellen wurde 2019 gegründet und verbindet heute "
                "mehr als 40 Kommunen.",
                "The Network of Municipal Anti-Discrimination Offices was founded in 2019 and today connects "
                "more than 40 municipalities.",
            ),
            "listing_image": "network",
            "intro": T(
                "Kommunale Antidiskriminierungsstellen beraten Menschen, die Diskriminierung erleben, und "
                "verändern die Strukturen ihrer eigenen Verwaltung. Im Netzwerk tun sie das gemeinsam.",
                "Municipal anti-discrimination offices counsel people who experience discrimination and change "
                "the structures of their own administration. In the network they do this together.",
            ),
            "body": [
                heading(T("Wie alles begann", "How it all began")),
                paragraph(
                    T(
                        "Das Netzwerk entstand 2019 auf Anregung der Antidiskriminierungsstelle des Bundes. Sie lud "
                        "die damals 15 kommunalen Antidiskriminierungsstellen zu einem ersten gemeinsamen Treffen "
                        "nach Berlin ein.",
                        "The network was founded in 2019 at the suggestion of the Federal Anti-Discrimination "
                        "Agency, which invited the then 15 municipal anti-discrimination offices to a first joint "
                        "meeting in Berlin.",
                    ),
                    T(
                        "Seitdem ist das Netzwerk stetig gewachsen: Mitte 2024 waren es 36 Kommunen, heute sind es "
                        "mehr als 40. Im Jahr 2024 ist unter anderem die Stadt Wuppertal beigetreten.",
                        "Since then the network has grown steadily: 36 municipalities in mid-2024, more than 40 "
                        "today. Among others, the City of Wuppertal joined in 2024.",
                    ),
                ),
                image(
                    "network",
                    T(
                        "Illustration: eine Gruppe stilisierter Menschen in zwei Reihen vor einem violetten Hintergrund.",
                        "Illustration: a group of stylised people in two rows against a purple background.",
                    ),
                    T(
                        "Kommunen aus ganz Deutschland tauschen sich im Netzwerk aus.",
                        "Municipalities from all over Germany exchange experience in the network.",
                    ),
                ),
                heading(T("Wofür wir uns einsetzen", "What we stand for")),
                bullets(
                    T(
                        "die bundesweite Zusammenarbeit kommunaler Antidiskriminierungsstellen voranbringen,",
                        "advancing nationwide cooperation between municipal anti-discrimination offices,",
                    ),
                    T(
                        "die Stellung kommunaler Antidiskriminierungsstellen in der Beratungslandschaft stärken,",
                        "strengthening the position of municipal anti-discrimination offices among counselling services,",
                    ),
                    T(
                        "Kommunen beim Auf- und Ausbau von Antidiskriminierungsstellen unterstützen.",
                        "supporting municipalities in setting up and developing anti-discrimination offices.",
                    ),
                ),
                heading(T("Standards für die Arbeit vor Ort", "Standards for local work")),
                paragraph(
                    T(
                        "Gemeinsam mit der Europäischen Städtekoalition gegen Rassismus (ECCAR) hat das Netzwerk die "
                        "Studie „Fair vor Ort – Studie zu Standards für kommunale Antidiskriminierungsstellen“ "
                        "erarbeitet. Die Antidiskriminierungsstelle des Bundes hat sie im Programm respekt*land "
                        "gefördert; vorgestellt wurde sie am 28. Juni 2024 in Berlin.",
                        "Together with the European Coalition of Cities Against Racism (ECCAR), the network produced "
                        "the study “Fair vor Ort – a study on standards for municipal anti-discrimination offices”. "
                        "The Federal Anti-Discrimination Agency funded it under its respekt*land programme; it was "
                        "presented in Berlin on 28 June 2024.",
                    ),
                    T(
                        "Auf der Grundlage der Studie startete 2024 die erste bundesweite Qualifizierungsreihe für "
                        "Mitarbeitende kommunaler Antidiskriminierungsstellen, mit den Schwerpunkten "
                        "Beschwerdemanagement und strategisches Wirken in der eigenen Verwaltung.",
                        "Building on the study, the first nationwide training series for staff of municipal "
                        "anti-discrimination offices started in 2024, focusing on complaint management and "
                        "strategic action within one's own administration.",
                    ),
                ),
                ("funding_notice", "ads"),
                quote(
                    T(
                        "Wer Diskriminierung erlebt, braucht eine Anlaufstelle in der eigenen Stadt – und diese "
                        "Stellen brauchen einander.",
                        "People who experience discrimination need somewhere to turn in their own city – and those "
                        "offices need each other.",
                    ),
                    T("Sprecherin des Netzwerks (Demo-Zitat)", "Network spokesperson (demo quote)"),
                    T(
                        "Netzwerk kommunaler Antidiskriminierungsstellen",
                        "Network of Municipal Anti-Discrimination Offices",
                    ),
                ),
                cta(
                    T("Mitglied werden", "Become a member"),
                    T(
                        "Ihre Kommune hat eine Antidiskriminierungsstelle oder baut eine auf? Nehmen Sie Kontakt "
                        "mit uns auf.",
                        "Does your municipality have an anti-discrimination office, or is it setting one up? Get in "
                        "touch with us.",
                    ),
                    T("Kontakt aufnehmen", "Contact us"),
                    page="contact",
                ),
            ],
        },
    ),
    (
        "contact",
        True,
        {
            "title": T("Kontakt", "Contact"),
            "slug": T("kontakt", "contact"),
            "search_description": T(
                "So erreichen Sie die Geschäftsstelle des Netzwerks kommunaler Antidiskriminierungsstellen.",
                "How to reach the office of the Network of Municipal Anti-Discrimination Offices.",
            ),
            "intro": T(
                "Die Geschäftsstelle beantwortet Fragen zur Mitgliedschaft, zu Veranstaltungen und Anfragen der "
                "Presse.",
                "The network office answers questions about membership and events, and enquiries from the press.",
            ),
            "body": [
                heading(T("Geschäftsstelle", "Network office")),
                paragraph(
                    T(
                        "Netzwerk kommunaler Antidiskriminierungsstellen, Geschäftsstelle (Demo-Adresse), "
                        "Musterstraße 1, 10115 Berlin",
                        "Network of Municipal Anti-Discrimination Offices, network office (demo address), "
                        "Musterstraße 1, 10115 Berlin, Germany",
                    ),
                    T(
                        "E-Mail: kontakt@example.org (Demo) – Telefon: +49 30 0000000 (Demo)",
                        "E-mail: kontakt@example.org (demo) – Phone: +49 30 0000000 (demo)",
                    ),
                ),
                heading(T("Sie haben Diskriminierung erlebt?", "Have you experienced discrimination?")),
                paragraph(
                    T(
                        "Die Geschäftsstelle des Netzwerks berät keine Einzelpersonen. Wenden Sie sich bitte an die "
                        "Antidiskriminierungsstelle Ihrer Stadt oder an die Beratung der Antidiskriminierungsstelle "
                        "des Bundes.",
                        "The network office does not counsel individuals. Please contact the anti-discrimination "
                        "office of your city or the counselling service of the Federal Anti-Discrimination Agency.",
                    ),
                ),
                heading(T("Presse", "Press")),
                paragraph(
                    T(
                        "Journalistinnen und Journalisten erreichen uns unter presse@example.org (Demo).",
                        "Journalists can reach us at presse@example.org (demo).",
                    ),
                ),
            ],
        },
    ),
    (
        "imprint",
        False,
        {
            "title": T("Impressum", "Legal notice"),
            "slug": T("impressum", "legal-notice"),
            "search_description": T(
                "Anbieterkennzeichnung des Netzwerks kommunaler Antidiskriminierungsstellen.",
                "Provider identification of the Network of Municipal Anti-Discrimination Offices.",
            ),
            "intro": T(
                "Angaben gemäß § 5 Digitale-Dienste-Gesetz. Alle Angaben auf dieser Demo-Seite sind Platzhalter.",
                "Information pursuant to section 5 of the German Digital Services Act (DDG). All details on this "
                "demo page are placeholders.",
            ),
            "body": [
                heading(T("Anbieter", "Provider")),
                paragraph(
                    T(
                        "Netzwerk kommunaler Antidiskriminierungsstellen, vertreten durch die Sprecherinnen und "
                        "Sprecher des Netzwerks (Demo), Musterstraße 1, 10115 Berlin",
                        "Network of Municipal Anti-Discrimination Offices, represented by the network's spokespersons "
                        "(demo), Musterstraße 1, 10115 Berlin, Germany",
                    ),
                ),
                heading(T("Kontakt", "Contact")),
                paragraph(
                    T(
                        "E-Mail: kontakt@example.org – Telefon: +49 30 0000000 (Demo)",
                        "E-mail: kontakt@example.org – Phone: +49 30 0000000 (demo)",
                    ),
                ),
                heading(T("Verantwortlich für den Inhalt", "Responsible for the content")),
                paragraph(
                    T(
                        "Die Redaktion des Netzwerks (Demo), Anschrift wie oben.",
                        "The network's editorial team (demo), address as above.",
                    ),
                ),
                heading(T("Bildnachweise", "Image credits")),
                paragraph(
                    T(
                        "Die Bildnachweise stehen unter jedem Bild. Alle Grafiken dieser Demo wurden eigens erzeugt.",
                        "Credits are shown beneath each image. All graphics in this demo were generated for it.",
                    ),
                ),
            ],
        },
    ),
    (
        "privacy",
        False,
        {
            "title": T("Datenschutz", "Privacy policy"),
            "slug": T("datenschutz", "privacy"),
            "search_description": T(
                "Wie das Netzwerk kommunaler Antidiskriminierungsstellen mit Ihren Daten umgeht.",
                "How the Network of Municipal Anti-Discrimination Offices handles your data.",
            ),
            "intro": T(
                "Wer Diskriminierung erlebt hat, muss sich darauf verlassen können, dass der Besuch dieser Website "
                "keine Spuren bei Dritten hinterlässt.",
                "People who have experienced discrimination must be able to rely on a visit to this website "
                "leaving no traces with third parties.",
            ),
            "body": [
                heading(T("Keine Dienste Dritter", "No third-party services")),
                paragraph(
                    T(
                        "Diese Website lädt keine Schriften, Skripte, Karten oder Bilder von fremden Servern. "
                        "Eingebettete Videos werden erst nach Ihrer ausdrücklichen Zustimmung geladen.",
                        "This website loads no fonts, scripts, maps or images from other servers. Embedded videos "
                        "are loaded only after you explicitly agree.",
                    ),
                ),
                heading(T("Cookies", "Cookies")),
                paragraph(
                    T(
                        "Für Besucherinnen und Besucher setzen wir keine Cookies zur Analyse oder Werbung. Nur wer "
                        "sich als Redakteurin oder Redakteur anmeldet, erhält ein technisch notwendiges "
                        "Sitzungscookie.",
                        "We set no analytics or advertising cookies for visitors. Only editors who log in receive a "
                        "technically necessary session cookie.",
                    ),
                ),
                heading(T("Server-Protokolle", "Server logs")),
                paragraph(
                    T(
                        "Der Server verarbeitet beim Aufruf technisch notwendige Daten wie die IP-Adresse, um die "
                        "Seite auszuliefern. Die Speicherdauer und der Hosting-Dienstleister sind in dieser Demo "
                        "Platzhalter.",
                        "When a page is requested, the server processes technically necessary data such as the IP "
                        "address in order to deliver it. The retention period and hosting provider are placeholders "
                        "in this demo.",
                    ),
                ),
                heading(T("Ihre Rechte", "Your rights")),
                paragraph(
                    T(
                        "Sie haben das Recht auf Auskunft, Berichtigung, Löschung und Einschränkung der Verarbeitung "
                        "sowie ein Beschwerderecht bei einer Datenschutzaufsichtsbehörde.",
                        "You have the right of access, rectification, erasure and restriction of processing, and the "
                        "right to lodge a complaint with a data protection supervisory authority.",
                    ),
                ),
            ],
        },
    ),
    (
        "accessibility",
        False,
        {
            "title": T("Erklärung zur Barrierefreiheit", "Accessibility statement"),
            "slug": T("barrierefreiheit", "accessibility"),
            "search_description": T(
                "Wie barrierefrei diese Website ist und wie Sie Barrieren melden können.",
                "How accessible this website is and how to report barriers.",
            ),
            "intro": T(
                "Das Netzwerk möchte seine Website für alle Menschen zugänglich machen, nach der "
                "Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) und den WCAG 2.1 auf Stufe AA.",
                "The network wants its website to be accessible to everyone, following the German Accessible "
                "Information Technology Ordinance (BITV 2.0) and WCAG 2.1 at level AA.",
            ),
            "body": [
                heading(T("Stand der Vereinbarkeit", "Compliance status")),
                paragraph(
                    T(
                        "Jede Seite wird vor der Veröffentlichung automatisiert auf Barrieren geprüft. Eine "
                        "vollständige Prüfung durch Menschen steht noch aus (Demo-Angabe).",
                        "Every page is checked automatically for barriers before release. A complete manual audit "
                        "is still pending (demo statement).",
                    ),
                ),
                heading(T("Barriere melden", "Report a barrier")),
                paragraph(
                    T(
                        "Sind Ihnen Barrieren aufgefallen? Schreiben Sie an barrierefreiheit@example.org (Demo). "
                        "Wir antworten innerhalb von sechs Wochen.",
                        "Have you come across a barrier? Write to barrierefreiheit@example.org (demo). We will reply "
                        "within six weeks.",
                    ),
                ),
                heading(T("Schlichtungsverfahren", "Conciliation procedure")),
                paragraph(
                    T(
                        "Wenn Sie mit unserer Antwort nicht zufrieden sind, können Sie sich an die "
                        "Schlichtungsstelle nach dem Behindertengleichstellungsgesetz wenden.",
                        "If you are not satisfied with our reply, you can turn to the conciliation body under the "
                        "German Disability Equality Act.",
                    ),
                ),
            ],
        },
    ),
]
