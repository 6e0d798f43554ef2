"""The DGS section of the demo: `/de/gebaerdensprache/` with the four
explanations BITV 2.0 § 4 asks for on the home page.

No one has signed them yet, so each page gets a short placeholder video the
demo makes itself (drawn with Pillow, encoded as WebM/VP8 with PyAV: it plays
in every browser) and WebVTT captions saying so. The text alternatives are
the real explanations, in plain German (the Leichte Sprache versions are
pages of their own, in easyread/).
"""

import io

from django.core.files.base import ContentFile
from django.utils.html import escape

from wagtail.documents import get_document_model

from core.models import CustomImage
from demo.images import as_image_file
from signlanguage.models import SignLanguageIndexPage, SignLanguageVideoPage

WIDTH, HEIGHT, FPS, SECONDS = 640, 360, 25, 8
PLACEHOLDER = "Platzhalter – hier entsteht ein Video in Deutscher Gebärdensprache"

INDEX = {
    "title": "Videos in Gebärdensprache",
    "slug": "gebaerdensprache",
    "intro": (
        "Hier erklären wir in Deutscher Gebärdensprache (DGS), was auf dieser Website steht, wie Sie sich "
        "auf ihr zurechtfinden und wie barrierefrei sie ist. Jedes Video hat Untertitel und steht "
        "darunter auch als Text. Sie können jedes Video herunterladen."
    ),
}

NOTE = (
    "Dieses Video ist ein Platzhalter: Das Video in Deutscher Gebärdensprache wird gerade erstellt. "
    "Bis dahin steht der Inhalt unten als Text."
)

# (slug, title, topic on the placeholder frame, text alternative as paragraphs)
VIDEOS = [
    (
        "inhalt-der-website",
        "Was auf dieser Website steht",
        "Was auf dieser Website steht",
        [
            "Das ist die Website des Netzwerks kommunaler Antidiskriminierungsstellen. Im Netzwerk arbeiten "
            "Städte und Kreise zusammen, die eine Stelle gegen Diskriminierung haben.",
            "Unter „Aktuelles“ finden Sie Pressemitteilungen des Netzwerks. Unter „Termine“ stehen "
            "Veranstaltungen und Fortbildungen. Unter „Mitglieder“ finden Sie alle Antidiskriminierungsstellen "
            "des Netzwerks mit Adresse und Kontakt, auch auf einer Karte. Unter „Partner“ stehen die "
            "Organisationen, mit denen das Netzwerk zusammenarbeitet.",
            "Wenn Sie Diskriminierung erlebt haben, finden Sie hier eine Beratungsstelle in Ihrer Nähe. "
            "Die Beratung ist kostenlos und vertraulich.",
        ],
    ),
    (
        "navigation",
        "So finden Sie sich auf der Website zurecht",
        "So finden Sie sich zurecht",
        [
            "Oben auf jeder Seite ist das Hauptmenü mit den Bereichen der Website. Auf kleinen Bildschirmen "
            "öffnen Sie es mit der Schaltfläche „Menü“.",
            "Oben rechts können Sie die Sprache wechseln: Deutsch oder Englisch. Darunter ist die Suche. "
            "Oben links stehen auf jeder Seite die Links zu Leichter Sprache und zu Gebärdensprache.",
            "Unter dem Kopf der Seite zeigt eine Zeile, wo Sie gerade sind. Ganz unten auf jeder Seite "
            "stehen Kontakt, Impressum, Datenschutz und die Erklärung zur Barrierefreiheit.",
            "Sie können die ganze Website auch mit der Tastatur bedienen. Mit der Tabulator-Taste springen "
            "Sie von Link zu Link. Der erste Link führt direkt zum Inhalt der Seite.",
        ],
    ),
    (
        "barrierefreiheit",
        "Das Wichtigste aus der Erklärung zur Barrierefreiheit",
        "Erklärung zur Barrierefreiheit",
        [
            "Wir möchten, dass alle Menschen diese Website nutzen können. Die Website soll die Regeln der "
            "Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) erfüllen.",
            "Die Website ist teilweise barrierefrei. Was noch nicht barrierefrei ist und warum, steht in der "
            "Erklärung zur Barrierefreiheit. Die Videos in Gebärdensprache sind zum Beispiel noch Platzhalter.",
            "Haben Sie eine Barriere gefunden? Dann schreiben Sie uns. Das Formular und unsere Kontaktdaten "
            "stehen in der Erklärung zur Barrierefreiheit. Wenn wir Ihnen nicht helfen, können Sie sich an "
            "die Schlichtungsstelle nach dem Behindertengleichstellungsgesetz wenden.",
        ],
    ),
    (
        "weitere-angebote",
        "Wo es Leichte Sprache und Gebärdensprache gibt",
        "Leichte Sprache und Gebärdensprache",
        [
            "Alle Videos in Deutscher Gebärdensprache finden Sie in diesem Bereich „Gebärdensprache“. "
            "Der Link dorthin steht oben auf jeder Seite, mit dem Zeichen für Gebärdensprache.",
            "Texte in Leichter Sprache finden Sie im Bereich „Leichte Sprache“. Auch dieser Link steht oben "
            "auf jeder Seite, mit dem Zeichen für Leichte Sprache.",
            "Die Erklärung zur Barrierefreiheit hat eine Zusammenfassung in Leichter Sprache.",
        ],
    ),
]


# A font with umlauts and dashes (Pillow's own has neither): Debian's DejaVu
# or Liberation, which Chromium's packages bring along.
FONTS = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
]


def _font(size):
    from PIL import ImageFont

    for path in FONTS:
        try:
            return ImageFont.truetype(path, size)
        except OSError:
            continue
    return ImageFont.load_default(size=size)


def _drawable(text, font):
    """The text as the font can draw it: umlauts written out where it has none."""
    from PIL import ImageFont

    if isinstance(font, ImageFont.FreeTypeFont) and font.path in FONTS:
        return text
    for letter, spelled in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("Ä", "Ae"), ("Ö", "Oe"), ("Ü", "Ue"), ("ß", "ss")):
        text = text.replace(letter, spelled)
    return text.replace("–", "-").replace("„", '"').replace("“", '"')


def _wrap(draw, text, font, width):
    """Lines of `text` no wider than `width` pixels."""
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if line and draw.textlength(candidate, font=font) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    return [*lines, line] if line else lines


def placeholder_frame(topic):
    """The still of a placeholder video: what it is, and its topic."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (WIDTH, HEIGHT), "#3d1b5c")
    draw = ImageDraw.Draw(image)
    large, small = _font(32), _font(26)
    y = 36
    for line in _wrap(draw, _drawable(PLACEHOLDER, large), large, WIDTH - 80):
        draw.text((40, y), line, font=large, fill="#ffffff")
        y += 44
    y += 20
    draw.line((40, y, WIDTH - 40, y), fill="#ffbf47", width=3)
    y += 24
    for line in _wrap(draw, _drawable(f"Thema: {topic}", small), small, WIDTH - 80):
        draw.text((40, y), line, font=small, fill="#ffbf47")
        y += 36
    return image


def placeholder_video(topic):
    """A WebM (VP8) video of SECONDS seconds, WIDTH×HEIGHT at FPS, showing the
    placeholder still with a bar that grows as it plays (so a player visibly
    moves); about 100 KB, made in about a second."""
    import av
    from PIL import ImageDraw

    still = placeholder_frame(topic)
    buffer = io.BytesIO()
    with av.open(buffer, "w", format="webm") as container:
        stream = container.add_stream("libvpx", rate=FPS, options={"deadline": "realtime", "cpu-used": "8"})
        stream.width, stream.height, stream.pix_fmt = WIDTH, HEIGHT, "yuv420p"
        stream.bit_rate = 150_000
        frames = SECONDS * FPS
        for number in range(frames):
            frame = still.copy()
            ImageDraw.Draw(frame).rectangle(
                (0, HEIGHT - 12, round(WIDTH * (number + 1) / frames), HEIGHT), fill="#ffbf47"
            )
            for packet in stream.encode(av.VideoFrame.from_image(frame)):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    return buffer.getvalue()


def _timestamp(seconds):
    return f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}.000"


def placeholder_captions(topic):
    """German WebVTT captions saying that the video is a placeholder."""
    half = SECONDS // 2
    cues = [
        (0, half, "Platzhalter: Hier entsteht ein Video in Deutscher Gebärdensprache."),
        (half, SECONDS, f"Thema: {topic}. Den Inhalt finden Sie unter dem Video als Text."),
    ]
    lines = ["WEBVTT", ""]
    for number, (start, end, text) in enumerate(cues, start=1):
        lines += [str(number), f"{_timestamp(start)} --> {_timestamp(end)}", text, ""]
    return "\n".join(lines)


def build(home):
    """The section below the German home page, with its four videos, published."""
    Document = get_document_model()
    index = home.add_child(instance=SignLanguageIndexPage(locale=home.locale, **INDEX))
    index.save_revision().publish()
    for slug, title, topic, paragraphs in VIDEOS:
        video = Document(title=f"DGS-Platzhalter: {title}")
        video.file.save(f"dgs-{slug}.webm", ContentFile(placeholder_video(topic)), save=False)
        video._set_document_file_metadata()  # size and hash (the ETag), as an upload gets them
        video.save()
        captions = Document(title=f"Untertitel DGS-Platzhalter: {title}")
        captions.file.save(f"dgs-{slug}.vtt", ContentFile(placeholder_captions(topic).encode()), save=False)
        captions._set_document_file_metadata()  # size and hash (the ETag), as an upload gets them
        captions.save()
        poster = CustomImage(
            title=f"Standbild DGS-Platzhalter: {title}",
            kind=CustomImage.Kind.GRAPHIC,
            file=as_image_file(placeholder_frame(topic), f"dgs-{slug}.png"),
        )
        poster.save()
        page = index.add_child(
            instance=SignLanguageVideoPage(
                locale=home.locale,
                title=title,
                slug=slug,
                intro=NOTE,
                video=video,
                captions=captions,
                poster=poster,
                transcript="".join(f"<p>{escape(paragraph)}</p>" for paragraph in paragraphs),
            )
        )
        page.save_revision().publish()
    return index
