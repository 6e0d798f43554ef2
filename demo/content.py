"""Demo content for the foundation: home pages, the service pages and the
accessibility statement.

Every text is a pair T(German, English). The German text builds the source
page; the English text becomes its wagtail-localize translation, so the admin
shows a real, syncable translation. Details not taken from the network's
published facts (addresses, phone numbers, names of staff) are marked as demo.
"""

from datetime import date
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
            # A contact.ContactPage: the form below the body.
            "form_fields": [
                {"label": T("Name", "Name"), "field_type": "singleline", "required": False, "autocomplete": "name"},
                {
                    "label": T("E-Mail-Adresse", "E-mail address"),
                    "field_type": "email",
                    "required": False,
                    "help_text": T(
                        "Nur nötig, wenn Sie eine Antwort möchten.", "Only needed if you would like a reply."
                    ),
                },
                {"label": T("Betreff", "Subject"), "field_type": "singleline", "required": False},
                {"label": T("Nachricht", "Message"), "field_type": "multiline", "required": True},
            ],
            "thank_you_text": T(
                "Vielen Dank für Ihre Nachricht. Die Geschäftsstelle antwortet in der Regel innerhalb einer Woche, "
                "wenn Sie uns Ihre E-Mail-Adresse genannt haben.",
                "Thank you for your message. If you gave us your e-mail address, the network office usually "
                "replies within a week.",
            ),
            "to_address": SITE_SETTINGS["email"],
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
]

# The accessibility statement (home.AccessibilityStatementPage) about this
# very site, as honest as the demo can be: what is known not to be accessible
# and how the statement was made. Its footer link comes from the site settings.
ACCESSIBILITY = {
    "title": T("Erklärung zur Barrierefreiheit", "Accessibility statement"),
    "slug": T("barrierefreiheit", "accessibility"),
    "search_description": T(
        "Wie barrierefrei diese Website ist und wie Sie Barrieren melden können.",
        "How accessible this website is and how to report barriers.",
    ),
    "intro": T(
        "Das Netzwerk kommunaler Antidiskriminierungsstellen möchte seine Website für alle Menschen zugänglich "
        "machen, im Einklang mit dem Behindertengleichstellungsgesetz (BGG) und der "
        "Barrierefreie-Informationstechnik-Verordnung (BITV 2.0). Diese Erklärung gilt für die Website des "
        "Netzwerks auf Deutsch und auf Englisch.",
        "The Network of Municipal Anti-Discrimination Offices wants its website to be accessible to everyone, in "
        "accordance with the German Disability Equality Act (BGG) and the Accessible Information Technology "
        "Ordinance (BITV 2.0). This statement applies to the network's website in German and in English.",
    ),
    "compliance_status": "partial",
    "standard": "BITV 2.0 / WCAG 2.1 AA",
    "barriers": [
        {
            "description": T(
                "PDF-Dateien von Pressemitteilungen, die die Redaktion hochlädt, werden nicht auf Barrierefreiheit "
                "geprüft. Ihnen können zum Beispiel Struktur-Auszeichnungen (Tags), Alternativtexte oder die "
                "Angabe der Sprache fehlen.",
                "PDF files of press releases uploaded by the editorial team are not checked for accessibility. "
                "They may, for example, lack structure tags, alternative texts or the language of the text.",
            ),
            "reason": "non_compliance",
            "alternative": T(
                "Der vollständige Text jeder Pressemitteilung steht auch auf ihrer Seite. Auf Wunsch senden wir "
                "Ihnen ein Dokument in barrierefreier Form.",
                "The full text of every press release is also on its page. On request we will send you a "
                "document in an accessible form.",
            ),
        },
        {
            "description": T(
                "Eingebettete Videos von YouTube und Vimeo werden erst nach Ihrer Zustimmung geladen und vom "
                "Anbieter abgespielt. Ob sie Untertitel, Transkripte oder Audiodeskription haben, hängt vom "
                "Anbieter und von den Menschen ab, die das Video erstellt haben.",
                "Embedded videos from YouTube and Vimeo load only after you agree and are played by the provider. "
                "Whether they have captions, transcripts or audio description depends on the provider and on "
                "the people who made the video.",
            ),
            "reason": "non_compliance",
            "alternative": T(
                "Auf Wunsch senden wir Ihnen eine Zusammenfassung des Videos als Text.",
                "On request we will send you a summary of the video as text.",
            ),
        },
        {
            "description": T(
                "Die Erläuterungen der Website in Deutscher Gebärdensprache (DGS) und in Leichter Sprache, die "
                "§ 4 BITV 2.0 vorschreibt, werden noch erstellt.",
                "The explanations of the website in German Sign Language (DGS) and in easy-to-read German "
                "(Leichte Sprache) required by section 4 BITV 2.0 are still being prepared.",
            ),
            "reason": "non_compliance",
            "alternative": T(
                "Eine kurze Fassung dieser Erklärung in Leichter Sprache steht unten auf dieser Seite. Gern "
                "erklären wir Ihnen die Website per E-Mail oder Telefon.",
                "A short version of this statement in easy-to-read German is at the end of this page. We are "
                "happy to explain the website to you by e-mail or phone.",
            ),
        },
    ],
    "prepared_on": date(2026, 11, 16),
    "reviewed_on": date(2026, 12, 1),
    "method": "self_assessment",
    "method_details": T(
        "Die Erklärung beruht auf einer Selbstbewertung. Jede Art von Seite wurde in beiden Sprachen "
        "automatisiert mit axe und mit dem Prüfprogramm des W3C (Nu HTML Checker) geprüft, und von Hand mit der "
        "Tastatur und mit einem Screenreader.",
        "The statement is based on a self-assessment. Every type of page was checked in both languages with "
        "automated tools, axe and the W3C's Nu HTML Checker, and by hand with the keyboard and a screen reader.",
    ),
    "feedback_intro": T(
        "Sind Ihnen Barrieren auf dieser Website aufgefallen, oder brauchen Sie Inhalte in einer barrierefreien "
        "Form? Schreiben Sie uns oder rufen Sie uns an. Wir antworten innerhalb von sechs Wochen.",
        "Have you come across a barrier on this website, or do you need content in an accessible form? Write to "
        "us or call us. We will reply within six weeks.",
    ),
    "feedback_contact": T("Redaktion des Netzwerks (Demo)", "The network's editorial team (demo)"),
    "feedback_email": "barrierefreiheit@example.org",
    "feedback_phone": SITE_SETTINGS["phone"],
    # The form for reporting a barrier (mailed to feedback_email).
    "form_fields": [
        {
            "label": T("Auf welcher Seite ist die Barriere?", "On which page is the barrier?"),
            "field_type": "singleline",
            "required": False,
            "help_text": T(
                "Die Adresse (URL) der Seite oder ihr Titel.", "The web address (URL) of the page, or its title."
            ),
        },
        {
            "label": T("Was funktioniert nicht?", "What does not work?"),
            "field_type": "multiline",
            "required": True,
            "help_text": T(
                "Beschreiben Sie, was Sie tun wollten und was dabei nicht ging. Nennen Sie gern auch Ihr "
                "Hilfsmittel, zum Beispiel einen Screenreader.",
                "Describe what you wanted to do and what did not work. You are welcome to mention your "
                "assistive technology too, for example a screen reader.",
            ),
        },
        {"label": T("Name", "Name"), "field_type": "singleline", "required": False, "autocomplete": "name"},
        {
            "label": T("E-Mail", "E-mail"),
            "field_type": "email",
            "required": False,
            "help_text": T("Nur nötig, wenn Sie eine Antwort möchten.", "Only needed if you would like a reply."),
        },
    ],
    "thank_you_text": T(
        "Vielen Dank für Ihre Meldung. Wir prüfen die Barriere und antworten Ihnen innerhalb von sechs Wochen, "
        "wenn Sie uns Ihre E-Mail-Adresse genannt haben.",
        "Thank you for your report. We will look into the barrier and, if you gave us your e-mail address, "
        "reply within six weeks.",
    ),
    "enforcement_text": T(
        "Wenn Sie auf Ihre Rückmeldung keine zufriedenstellende Antwort erhalten, können Sie einen Antrag bei "
        "der Schlichtungsstelle nach § 16 des Behindertengleichstellungsgesetzes (BGG) stellen. Sie hilft, "
        "Streit ohne Gericht beizulegen. Das Verfahren ist kostenlos, und Sie brauchen keinen Rechtsbeistand.",
        "If you do not receive a satisfactory answer to your feedback, you can apply to the conciliation body "
        "under section 16 of the German Disability Equality Act (BGG). It helps to settle disputes out of "
        "court. The procedure is free of charge, and you do not need a lawyer.",
    ),
    "enforcement_url": "https://www.schlichtungsstelle-bgg.de/",
    # German on every language version of the page (kept in sync, home/apps.py).
    "easy_read_summary": "\n".join(
        [
            "Diese Seite heißt: Erklärung zur Barriere-Freiheit.",
            "Barriere-frei heißt: Alle Menschen können unsere Internet-Seite gut benutzen.",
            "Auch Menschen mit Behinderung.",
            "Unsere Internet-Seite ist noch nicht ganz barriere-frei.",
            "Manche PDF-Dateien sind nicht barriere-frei.",
            "Manche Videos haben keine Unter-Titel.",
            "Erklärungen in Gebärden-Sprache und in Leichter Sprache machen wir noch.",
            "Haben Sie eine Barriere gefunden?",
            "Dann schreiben Sie uns eine E-Mail.",
            "Die Adresse ist: barrierefreiheit@example.org",
            "Wir helfen Ihnen dann.",
        ]
    ),
}
