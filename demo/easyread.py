"""The demo's Leichte Sprache section (/de/leichte-sprache/): the four
explanations § 4 BITV 2.0 asks for, written in easy-to-read German to the
rules of its Annex 2 part 2 (short sentences, one statement a line, compound
words split with a hyphen, no abbreviations, difficult words explained).
German only: these pages are never translated.

The facts are the demo's own (demo/content.py: the sections, the
accessibility statement, its feedback address and phone number). The
pictograms are drawn here with Pillow, like every demo picture.
"""

from PIL import Image, ImageDraw

from core.models import CustomImage
from demo.content import ACCESSIBILITY, SITE_SETTINGS
from demo.images import as_image_file
from easyread.models import EasyReadIndexPage, EasyReadPage

PURPLE = (91, 42, 134)
PINK = (179, 0, 94)
SIZE = 320

INDEX = {
    "title": "Texte in Leichter Sprache",
    "slug": "leichte-sprache",
    "search_description": "Texte in Leichter Sprache: Was steht auf der Internet-Seite, wie benutzen Sie sie, "
    "wie barriere-frei ist sie?",
    "intro": "\n".join(
        [
            "Hier finden Sie Texte in Leichter Sprache.",
            "Die Texte erklären unsere Internet-Seite.",
            "Klicken Sie auf einen Text.",
            "Dann können Sie den Text lesen.",
        ]
    ),
}


def lines(*sentences):
    return ("lines", "\n".join(sentences))


def heading(text):
    return ("heading", text)


PAGES = [
    {
        "key": "content",
        "title": "Was steht auf dieser Internet-Seite?",
        "slug": "was-steht-auf-dieser-internet-seite",
        "pictogram": ("screen", "Ein Bild-Schirm mit einer Internet-Seite."),
        "related": "home",
        "body": [
            heading("Wer sind wir?"),
            lines(
                "Diese Internet-Seite gehört zu einem Netzwerk.",
                "Ein Netzwerk ist eine Gruppe.",
                "Die Mitglieder von der Gruppe arbeiten zusammen.",
                "In unserem Netzwerk sind Städte und Gemeinden.",
                "Mehr als 40 Städte und Gemeinden machen mit.",
                "Jede Stadt hat eine Stelle gegen Diskriminierung.",
            ),
            heading("Was ist Diskriminierung?"),
            lines(
                "Diskriminierung heißt:",
                "Ein Mensch wird schlechter behandelt als andere Menschen.",
                "Zum Beispiel wegen seiner Haut-Farbe.",
                "Oder wegen seiner Religion.",
                "Oder weil er eine Behinderung hat.",
                "Das ist ungerecht.",
                "Die Stellen gegen Diskriminierung helfen diesen Menschen.",
            ),
            heading("Was finden Sie hier?"),
            lines(
                "Auf dieser Internet-Seite finden Sie:",
                "Neuigkeiten vom Netzwerk.",
                "Termine für Treffen und Schulungen.",
                "Eine Liste mit allen Mitgliedern.",
                "Dort finden Sie eine Stelle in Ihrer Nähe.",
                "Unsere Partner.",
                "Partner sind Gruppen, die mit uns zusammen-arbeiten.",
            ),
            heading("In welchen Sprachen gibt es die Internet-Seite?"),
            lines(
                "Die Internet-Seite gibt es auf Deutsch.",
                "Und es gibt sie auf Englisch.",
                "Einige Seiten gibt es auch in Leichter Sprache.",
                "Und einige Seiten gibt es in Gebärden-Sprache.",
            ),
        ],
    },
    {
        "key": "navigation",
        "title": "So benutzen Sie diese Internet-Seite",
        "slug": "so-benutzen-sie-diese-internet-seite",
        "pictogram": ("signpost", "Ein Weg-Weiser mit zwei Schildern."),
        "related": "home",
        "body": [
            heading("Oben auf jeder Seite"),
            lines(
                "Oben links steht der Name von unserem Netzwerk.",
                "Klicken Sie auf den Namen.",
                "Dann kommen Sie zur Start-Seite.",
                "Rechts daneben können Sie die Sprache wählen.",
                "Sie können Deutsch wählen.",
                "Oder Sie wählen Englisch.",
                "Dort ist auch ein Link zu Leichter Sprache.",
                "Und ein Link zu Gebärden-Sprache.",
            ),
            heading("Das Menü"),
            lines(
                "Unter dem Namen ist das Menü.",
                "Im Menü stehen die wichtigen Seiten.",
                "Zum Beispiel: Aktuelles.",
                "Oder: Mitglieder.",
                "Klicken Sie auf ein Wort im Menü.",
                "Dann kommen Sie zu dieser Seite.",
            ),
            heading("Die Suche"),
            lines(
                "Sie suchen etwas?",
                "Oben auf jeder Seite ist ein Such-Feld.",
                "Schreiben Sie ein Wort in das Such-Feld.",
                "Dann klicken Sie auf den Knopf: Suchen.",
                "Dann sehen Sie alle Seiten mit diesem Wort.",
            ),
            heading("Mit der Tastatur"),
            lines(
                "Sie können die Internet-Seite auch ohne Maus benutzen.",
                "Drücken Sie die Tab-Taste.",
                "Dann springen Sie zum nächsten Link.",
                "Drücken Sie die Enter-Taste.",
                "Dann öffnet sich der Link.",
            ),
            heading("Unten auf jeder Seite"),
            lines(
                "Unten auf jeder Seite steht unsere Adresse.",
                "Dort steht auch unsere Telefon-Nummer.",
                "Und dort ist ein Link zur Erklärung zur Barriere-Freiheit.",
            ),
        ],
    },
    {
        "key": "accessibility",
        "title": "Wie barriere-frei ist diese Internet-Seite?",
        "slug": "wie-barriere-frei-ist-diese-internet-seite",
        "pictogram": ("ramp", "Eine Treppe mit einer Rampe daneben."),
        "related": "accessibility",
        "body": [
            heading("Was heißt barriere-frei?"),
            lines(
                "Barriere-frei heißt:",
                "Alle Menschen können die Internet-Seite gut benutzen.",
                "Auch Menschen mit Behinderung.",
                "Das steht in einem Gesetz.",
            ),
            heading("Wie barriere-frei ist unsere Internet-Seite?"),
            lines(
                "Vieles auf unserer Internet-Seite ist schon barriere-frei.",
                "Aber noch nicht alles.",
                "Unsere Internet-Seite ist also nur zum Teil barriere-frei.",
            ),
            heading("Was ist noch nicht barriere-frei?"),
            lines(
                "Manche Dateien zum Herunter-Laden sind nicht barriere-frei.",
                "Zum Beispiel manche Presse-Mitteilungen als Datei.",
                "Den ganzen Text finden Sie aber auch auf unserer Internet-Seite.",
                "Manche Videos kommen von anderen Internet-Seiten.",
                "Diese Videos haben vielleicht keine Unter-Titel.",
                "Unter-Titel sind geschriebene Wörter zum Video.",
            ),
            heading("Sie finden eine Barriere?"),
            (
                "lines_with_pictogram",
                {
                    "image": "letter",
                    "alt_text": "Ein Brief.",
                    "lines": "\n".join(
                        [
                            "Eine Barriere ist ein Hindernis.",
                            "Zum Beispiel: Sie können einen Text nicht lesen.",
                            "Dann sagen Sie es uns bitte.",
                            "Schreiben Sie uns eine E-Mail.",
                            f"Die E-Mail-Adresse ist: {ACCESSIBILITY['feedback_email']}",
                            "Oder rufen Sie uns an.",
                            f"Die Telefon-Nummer ist: {SITE_SETTINGS['phone']}",
                            "Wir antworten Ihnen spätestens nach 6 Wochen.",
                        ]
                    ),
                },
            ),
            heading("Die Schlichtungs-Stelle"),
            lines(
                "Sie sind mit unserer Antwort nicht zufrieden?",
                "Dann können Sie der Schlichtungs-Stelle schreiben.",
                "Die Schlichtungs-Stelle hilft bei Streit.",
                "Dann müssen Sie nicht vor Gericht gehen.",
                "Das kostet nichts.",
                "Sie brauchen keinen Anwalt.",
                "Die Internet-Seite von der Schlichtungs-Stelle ist:",
                "www.schlichtungsstelle-bgg.de",
            ),
        ],
    },
    {
        "key": "more",
        "title": "Wo gibt es Leichte Sprache und Gebärden-Sprache?",
        "slug": "wo-gibt-es-leichte-sprache-und-gebaerden-sprache",
        "pictogram": ("book", "Ein offenes Buch und eine Hand mit Daumen nach oben."),
        "related": None,
        "body": [
            heading("Leichte Sprache"),
            lines(
                "Oben auf jeder Seite steht: Leichte Sprache.",
                "Klicken Sie darauf.",
                "Dann kommen Sie zu allen Texten in Leichter Sprache.",
                "Auch die Erklärung zur Barriere-Freiheit hat einen Teil in Leichter Sprache.",
                "Dieser Teil steht unten auf der Seite.",
            ),
            heading("Gebärden-Sprache"),
            lines(
                "Gebärden-Sprache ist eine Sprache mit den Händen.",
                "Viele gehörlose Menschen sprechen Gebärden-Sprache.",
                "Gehörlos heißt: Ein Mensch kann nicht hören.",
                "Oben auf jeder Seite steht: Gebärden-Sprache.",
                "Klicken Sie darauf.",
                "Dann kommen Sie zu unseren Videos in Deutscher Gebärden-Sprache.",
                "Die Videos erklären unsere Internet-Seite.",
            ),
        ],
    },
]


def _canvas():
    image = Image.new("RGB", (SIZE, SIZE), (255, 255, 255))
    return image, ImageDraw.Draw(image)


def screen():
    image, draw = _canvas()
    draw.rounded_rectangle([30, 50, 290, 250], radius=18, outline=PURPLE, width=14)
    draw.line([(30, 95), (290, 95)], fill=PURPLE, width=12)
    for x in (60, 90, 120):
        draw.ellipse([x - 8, 64, x + 8, 80], fill=PINK)
    for y, end in ((135, 250), (170, 220), (205, 240)):
        draw.line([(65, y), (end, y)], fill=PURPLE, width=12)
    draw.rectangle([140, 250, 180, 285], fill=PURPLE)
    draw.line([(100, 290), (220, 290)], fill=PURPLE, width=14)
    return image


def signpost():
    image, draw = _canvas()
    draw.rectangle([150, 40, 170, 295], fill=PURPLE)
    draw.polygon([(60, 70), (230, 70), (270, 105), (230, 140), (60, 140)], fill=PINK)
    draw.polygon([(260, 160), (90, 160), (50, 195), (90, 230), (260, 230)], fill=PURPLE)
    return image


def ramp():
    image, draw = _canvas()
    steps = [(30, 280), (30, 220), (90, 220), (90, 160), (150, 160), (150, 100), (210, 100), (210, 280)]
    draw.polygon(steps, fill=PURPLE)
    draw.polygon([(210, 100), (300, 280), (210, 280)], fill=PINK)
    return image


def book():
    image, draw = _canvas()
    draw.polygon([(30, 120), (160, 150), (160, 290), (30, 260)], outline=PURPLE, width=14)
    draw.polygon([(160, 150), (290, 120), (290, 260), (160, 290)], outline=PURPLE, width=14)
    for y in (175, 210):
        draw.line([(60, y - 25), (130, y - 8)], fill=PURPLE, width=9)
        draw.line([(190, y - 8), (260, y - 25)], fill=PURPLE, width=9)
    draw.rounded_rectangle([205, 45, 275, 100], radius=14, fill=PINK)
    draw.rounded_rectangle([212, 0, 240, 60], radius=14, fill=PINK)
    return image


def letter():
    image, draw = _canvas()
    draw.rectangle([30, 80, 290, 250], outline=PURPLE, width=14)
    draw.line([(36, 86), (160, 180), (284, 86)], fill=PINK, width=14, joint="curve")
    return image


PICTURES = {"screen": screen, "signpost": signpost, "ramp": ramp, "book": book, "letter": letter}


def make_pictograms():
    pictograms = {}
    for key, draw in PICTURES.items():
        image = CustomImage(
            title=f"Piktogramm {key} (Leichte Sprache)",
            kind=CustomImage.Kind.GRAPHIC,
            licence="Platzhalter der Demo",
            source="Lokal erzeugte Demo-Grafik",
            file=as_image_file(draw(), f"leichte-sprache-{key}.png"),
        )
        image.save()
        pictograms[key] = image
    return pictograms


def build_easy_read(home, accessibility_page):
    """The section below the German home page, with its four pages; after the
    English translations are made, so that nothing copies it into English."""
    pictograms = make_pictograms()
    index = home.add_child(instance=EasyReadIndexPage(locale=home.locale, show_in_menus=False, **INDEX))
    index.save_revision().publish()
    related = {"home": home, "accessibility": accessibility_page, None: None}
    for spec in PAGES:
        picture, alt = spec["pictogram"]
        body = []
        for block_type, value in spec["body"]:
            if block_type == "lines_with_pictogram":
                value = {**value, "image": pictograms[value["image"]]}
            body.append((block_type, value))
        page = index.add_child(
            instance=EasyReadPage(
                locale=home.locale,
                title=spec["title"],
                slug=spec["slug"],
                pictogram=pictograms[picture],
                pictogram_alt=alt,
                related_page=related[spec["related"]],
                body=body,
            )
        )
        page.save_revision().publish()
    return index
