"""Small video and captions files made for each test, kept in a media folder of the test's own."""

import io

import pytest

from signlanguage.models import SignLanguageIndexPage
from tests.factories import make_document, without_the_demo_pages

CAPTIONS = "WEBVTT\n\n1\n00:00:00.000 --> 00:00:02.000\nHallo, das ist ein Test.\n"


def encode_video(width=320, height=240, fps=25, seconds=2, container="webm"):
    """A short video of coloured frames with these properties, as bytes."""
    import av
    from PIL import Image

    codec = {"webm": "libvpx", "mp4": "libx264"}[container]
    buffer = io.BytesIO()
    with av.open(buffer, "w", format=container) as output:
        stream = output.add_stream(codec, rate=fps)
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        for number in range(round(fps * seconds)):
            image = Image.new("RGB", (width, height), (number * 5 % 256, 80, 160))
            for packet in stream.encode(av.VideoFrame.from_image(image)):
                output.mux(packet)
        for packet in stream.encode():
            output.mux(packet)
    return buffer.getvalue()


@pytest.fixture(autouse=True)
def own_media(settings, tmp_path):
    """Uploads of the test go to a folder of its own (tests of the demo's
    files override this fixture)."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(scope="session")
def video_bytes():
    """640×360 at 25 fps, two seconds, WebM."""
    return encode_video(640, 360, 25, 2)


@pytest.fixture
def video(db, video_bytes):
    return make_document("gebaerden.webm", video_bytes, title="Testvideo")


@pytest.fixture
def captions(db):
    return make_document("gebaerden.vtt", CAPTIONS.encode(), title="Untertitel")


@pytest.fixture
def index_de(db, german):
    return SignLanguageIndexPage.objects.get(locale=german)


@pytest.fixture
def empty_index(index_de):
    """The demo's DGS section without its videos."""
    return without_the_demo_pages(index_de)[0]
