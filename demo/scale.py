"""A scale data set for measuring: thousands of releases, events and members in both languages.

`load_demo --scale N` adds N press releases spread over ten years, N/5
events (half upcoming) and up to 200 member offices, each in German with an
English translation, on top of the demo. Pages are written with bulk inserts
(one INSERT per table and batch instead of a save per page), so 10,000
releases take seconds, not hours. They are live pages like any other:
routed, listed, in feeds, sitemap and search index.
"""

import random
import uuid
from datetime import timedelta
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from core.caching.fragments import new_generation
from core.caching.page_cache import purge_all
from core.db import analyze
from core.models import CustomImage
from events.models import EventIndexPage, EventPage
from members.models import FederalState, MemberIndexPage, MemberPage
from news.models import NewsIndexPage, NewsPage, NewsPageTopic, Topic

BATCH = 500
INDEX_BATCH = 5000

WORDS_DE = [
    "Beratung",
    "Diskriminierung",
    "Antidiskriminierungsstelle",
    "Netzwerk",
    "Kommune",
    "Gleichbehandlung",
    "Beschwerde",
    "Verwaltung",
    "Schulung",
    "Vielfalt",
    "Teilhabe",
    "Rassismus",
    "Barrierefreiheit",
    "Wohnungsmarkt",
    "Arbeit",
    "Bildung",
]
WORDS_EN = [
    "counselling",
    "discrimination",
    "office",
    "network",
    "municipality",
    "equal",
    "treatment",
    "complaint",
    "administration",
    "training",
    "diversity",
    "participation",
    "racism",
    "accessibility",
    "housing",
    "work",
    "education",
]


def sentence(rng, words, length):
    return " ".join(rng.choice(words) for _ in range(length)).capitalize() + "."


def bulk_add_children(parent, pages):
    """Append unsaved pages of one specific type as live children of parent.

    Writes the wagtailcore_page rows in one go, then the specific table's
    rows, and fixes the parent's child count: what Page.add_child does for
    one page, for many.
    """
    if not pages:
        return []
    model = type(pages[0])
    parent = Page.objects.get(pk=parent.pk)
    last = parent.get_last_child()
    first_index = (int(last.path[-Page.steplen :], 36) + 1) if last else 1
    content_type = ContentType.objects.get_for_model(model)
    now = timezone.now()
    for number, page in enumerate(pages):
        page.path = Page._get_path(parent.path, parent.depth + 1, first_index + number)
        page.depth = parent.depth + 1
        page.numchild = 0
        page.content_type = content_type
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.live = True
        page.has_unpublished_changes = False
        page.draft_title = page.title
        page.locale_id = page.locale_id or parent.locale_id
        page.translation_key = page.translation_key or uuid.uuid4()
        page.first_published_at = page.first_published_at or now
        page.last_published_at = page.last_published_at or page.first_published_at
        page.latest_revision_created_at = page.last_published_at
    with transaction.atomic():
        Page.objects.bulk_create(pages, batch_size=BATCH)
        for page in pages:
            page.page_ptr_id = page.id
            page._state.adding = False
        fields = list(model._meta.local_concrete_fields)
        for start in range(0, len(pages), BATCH):
            model._base_manager._insert(pages[start : start + BATCH], fields=fields)
        Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + len(pages))
    return pages


def translate_in_bulk(pages, parent, english, fields):
    """English copies of German pages, same translation key, below the English parent."""
    copies = []
    for page in pages:
        copy = type(page)(
            **{name: getattr(page, name) for name in fields},
            locale_id=english.pk,
            translation_key=page.translation_key,
            first_published_at=page.first_published_at,
            last_published_at=page.last_published_at,
        )
        copies.append(copy)
    return bulk_add_children(parent, copies)


def index_pages(model, pages):
    backend = get_search_backend()
    index = backend.get_index_for_model(model)
    if index is None:
        return
    # Large batches: PostgreSQL's index recomputes title norms after each one.
    for start in range(0, len(pages), INDEX_BATCH):
        index.add_items(model, pages[start : start + INDEX_BATCH])


def load_scale(releases, stdout=None, seed=2024):
    rng = random.Random(seed)  # noqa: S311 - repeatable demo data, not secrets
    german, english = Locale.get_default(), Locale.objects.get(language_code="en")
    say = stdout.write if stdout else (lambda text: None)
    now = timezone.now()

    news_de = NewsIndexPage.objects.get(locale=german)
    news_en = NewsIndexPage.objects.get(locale=english)
    images = list(CustomImage.objects.filter(title__startswith="Grafik des Netzwerks").order_by("pk"))
    topics_de = list(Topic.objects.filter(locale=german))
    topics_en = {topic.translation_key: topic for topic in Topic.objects.filter(locale=english)}
    german_pages, english_pages = [], []
    for number in range(releases):
        published = now - timedelta(days=rng.uniform(1, 3650))
        title_de = f"{sentence(rng, WORDS_DE, 5)[:-1]} ({number + 1})"
        title_en = f"{sentence(rng, WORDS_EN, 5)[:-1]} ({number + 1})"
        common = {"date": published, "first_published_at": published, "last_published_at": published}
        german_pages.append(
            NewsPage(
                title=title_de,
                slug=f"{slugify(title_de)[:60]}-{number + 1}",
                dateline=rng.choice(["Berlin", "Köln", "Leipzig", "München", "Wuppertal"]),
                lead=sentence(rng, WORDS_DE, 24),
                lead_image=images[number % len(images)] if images else None,
                lead_image_alt="Grafik des Netzwerks" if images else "",
                locale_id=german.pk,
                **common,
            )
        )
        english_pages.append((title_en, sentence(rng, WORDS_EN, 24)))
    bulk_add_children(news_de, german_pages)
    copies = []
    for page, (title_en, lead_en) in zip(german_pages, english_pages, strict=True):
        copies.append(
            NewsPage(
                title=title_en,
                slug=f"{slugify(title_en)[:60]}-{page.slug.rsplit('-', 1)[1]}",
                dateline=page.dateline,
                lead=lead_en,
                lead_image=page.lead_image,
                lead_image_alt="Graphic of the network" if page.lead_image else "",
                date=page.date,
                locale_id=english.pk,
                translation_key=page.translation_key,
                first_published_at=page.first_published_at,
                last_published_at=page.last_published_at,
            )
        )
    bulk_add_children(news_en, copies)
    links = []
    for german_page, english_page in zip(german_pages, copies, strict=True):
        for topic in rng.sample(topics_de, k=min(2, len(topics_de))):
            links.append(NewsPageTopic(page=german_page, topic=topic, locale_id=german.pk, sort_order=0))
            if topic.translation_key in topics_en:
                links.append(
                    NewsPageTopic(
                        page=english_page, topic=topics_en[topic.translation_key], locale_id=english.pk, sort_order=0
                    )
                )
    NewsPageTopic.objects.bulk_create(links, batch_size=BATCH)
    say(f"  {releases} press releases in German and English")

    events_de = EventIndexPage.objects.get(locale=german)
    events_en = EventIndexPage.objects.get(locale=english)
    event_count = max(1, releases // 5)
    events = []
    for number in range(event_count):
        start = (now + timedelta(days=rng.uniform(-1800, 365))).replace(minute=0, second=0, microsecond=0)
        title = f"{sentence(rng, WORDS_DE, 4)[:-1]} ({number + 1})"
        events.append(
            EventPage(
                title=title,
                slug=f"{slugify(title)[:60]}-{number + 1}",
                start=start,
                end=start + timedelta(hours=3),
                event_format=rng.choice(["in_person", "online", "hybrid"]),
                lead=sentence(rng, WORDS_DE, 20),
                venue_name="Rathaus",
                online_note="Den Zugangslink erhalten Sie nach der Anmeldung per E-Mail.",
                organiser="Netzwerk kommunaler Antidiskriminierungsstellen",
                locale_id=german.pk,
            )
        )
    bulk_add_children(events_de, events)
    event_fields = ["title", "slug", "start", "end", "event_format", "lead", "venue_name", "online_note", "organiser"]
    event_copies = translate_in_bulk(events, events_en, english, event_fields)
    say(f"  {event_count} events in German and English")

    members_de = MemberIndexPage.objects.get(locale=german)
    members_en = MemberIndexPage.objects.get(locale=english)
    existing = MemberPage.objects.filter(locale=german).count()
    member_count = max(0, min(200, releases // 50) - existing)
    states = FederalState.values
    members = []
    for number in range(member_count):
        city = f"Musterstadt {number + 1:03d}"
        members.append(
            MemberPage(
                title=city,
                slug=slugify(city),
                city=city,
                federal_state=rng.choice(states),
                office_name="Antidiskriminierungsstelle (Demo)",
                position_in_administration="Amt für Gleichstellung (Demo)",
                member_since=rng.randint(2015, 2026),
                street="Musterstraße 1",
                postcode="00000",
                latitude=Decimal(f"{rng.uniform(47.5, 54.8):.5f}"),
                longitude=Decimal(f"{rng.uniform(6.0, 14.9):.5f}"),
                locale_id=german.pk,
            )
        )
    bulk_add_children(members_de, members)
    member_fields = [
        "title",
        "slug",
        "city",
        "federal_state",
        "office_name",
        "position_in_administration",
        "member_since",
        "street",
        "postcode",
        "latitude",
        "longitude",
    ]
    member_copies = translate_in_bulk(members, members_en, english, member_fields)
    say(f"  {member_count} member offices in German and English")

    for model, pages in (
        (NewsPage, german_pages + copies),
        (EventPage, events + event_copies),
        (MemberPage, members + member_copies),
    ):
        index_pages(model, pages)
    say("  search index updated")
    analyze()
    # Bulk inserts send no signals: start a new frame generation and empty
    # the page cache, as a publish would.
    new_generation()
    purge_all()
