"""Whatever an editor changes in the admin shows on every public page at the next request.

One test per model the admin can edit, collected from Wagtail's registries
when the tests are collected, so a model registered tomorrow is covered
without touching this file: snippets, settings, the image and document
models, collections and every page type. For each, the test finds an
instance and a text field whose value a public page shows (in the crawl of
the demo site, see conftest.py), fills the page cache and the fragment
caches with every URL that shows it, changes the value to a marker the way
an editor does, and compares what a new anonymous visitor is then served
with a fresh render from the database: each URL that shows the marker when
rendered fresh must show it from the cache, and the old value must be gone
wherever it is gone from the fresh render.

Values shown on most of the site (a menu page's title, the site settings,
the funding notice in the footer) are checked on one URL of each kind
(language, page type, sub-route, query parameters), see crawl.shape().
"""

import re
import uuid
from dataclasses import dataclass
from dataclasses import field as dataclass_field

from django.core.files.base import ContentFile
from django.db import models, transaction

from wagtail import hooks
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, TranslatableMixin, get_page_models
from wagtail.snippets.models import get_snippet_models

import pytest

from news.models import NewsPage, Topic
from tests.coherence import crawl
from tests.coherence.editing import localize_translation, submit_delete, submit_edit, submit_translation

pytestmark = pytest.mark.django_db


def editable_models():
    """Every model an editor edits in the admin, by label."""
    hooks.search_for_hooks()  # snippets may be registered in wagtail_hooks modules
    found = [
        *get_snippet_models(),
        *settings_registry,
        get_image_model(),
        get_document_model(),
        Collection,
        *(model for model in get_page_models() if model is not Page),
    ]
    return sorted({model._meta.label: model for model in found}.values(), key=lambda model: model._meta.label)


EDITABLE_MODELS = editable_models()

# The editable models no public page ever shows, with the reason. A model
# missing here that shows nothing, or one listed here that starts to show,
# fails test_the_models_that_show_nothing_publicly_are_exactly_the_allow_list.
NEVER_PUBLIC = {
    # Collections sort images and documents in the admin and carry their
    # permissions; a visitor never sees a collection's name.
    "wagtailcore.Collection": "folders of images and documents, admin only",
}

# A value shown on more URLs than this is checked on one URL of each shape.
ALL_URLS_UP_TO = 20
# Values of the same field in this many instances at most are tried.
INSTANCES_PER_LANGUAGE = 40
CANDIDATES_TRIED = 8
PROBE_URLS = 6


def new_marker():
    return f"Kohärenz-{uuid.uuid4().hex[:8]}"


def token(marker):
    """The unique part of a marker (the umlaut may be escaped in JSON, feeds and vCards)."""
    return marker.rsplit("-", 1)[1]


@dataclass
class Target:
    """One text an editor changes: where it shows before and what it becomes."""

    model: type
    pk: object
    attribute: str
    old: str
    urls: list
    language: str | None
    marker: str = dataclass_field(default_factory=new_marker)

    def __str__(self):
        return f"{self.model._meta.label} #{self.pk} {self.attribute}={self.old!r} ({self.language or 'any language'})"


def text_fields(model):
    """Names of the fields an editor types text into (page models: the title)."""
    if issubclass(model, Page):
        return ["title"]
    names = []
    for model_field in model._meta.concrete_fields:
        if (
            model_field.primary_key
            or not model_field.editable
            or model_field.choices
            or model_field.is_relation
            or model_field.name in ("path", "url_path", "draft_title", "slug")
            or isinstance(model_field, models.SlugField | models.URLField | models.EmailField | models.FileField)
        ):
            continue
        if isinstance(model_field, models.CharField | models.TextField):
            names.append(model_field.name)
    return names


def instances(model, language):
    queryset = model._default_manager.all()
    if issubclass(model, Page):
        queryset = queryset.live().filter(depth__gte=2)
    if language is not None:
        queryset = queryset.filter(locale__language_code=language)
    return list(queryset.order_by("pk")[:INSTANCES_PER_LANGUAGE])


def languages_of(model):
    """Translatable snippets are checked in German and in English; pages by their German tree."""
    if issubclass(model, Page):
        return ["de"]
    if issubclass(model, TranslatableMixin):
        return [code for code in ("de", "en") if Locale.objects.filter(language_code=code).exists()]
    return [None]


def shown_anywhere(model, pk, field_name, urls):
    """Whether changing the field changes what these URLs show (tried in a
    savepoint that is rolled back: no signals, no purges)."""
    marker = new_marker()
    with transaction.atomic():
        model._base_manager.filter(pk=pk).update(**{field_name: marker})
        rendered = crawl.fresh(urls[:PROBE_URLS])
        transaction.set_rollback(True)
    crawl.clear_caches()
    return any(token(marker) in fetched.text for fetched in rendered.values())


def find_targets(model, texts):
    """Per language, an instance and field whose value shows on a public URL.

    Of the values that show, the one on most URLs up to ALL_URLS_UP_TO is
    chosen (a well-linked instance, checked everywhere); if every value shows
    on more (a menu page, the footer), the least widespread one.
    """
    targets = []
    for language in languages_of(model):
        candidates = []
        for instance in instances(model, language):
            for name in text_fields(model):
                value = str(getattr(instance, name) or "").strip()
                if len(value) < 4 or value.isdigit():
                    continue
                urls = [url for url, fetched in texts.items() if crawl.shows(fetched.text, value)]
                if urls:
                    candidates.append((instance.pk, name, value, urls))
        candidates.sort(
            key=lambda c: (len(c[3]) > ALL_URLS_UP_TO, -len(c[3]) if len(c[3]) <= ALL_URLS_UP_TO else len(c[3]))
        )
        for pk, name, value, urls in candidates[:CANDIDATES_TRIED]:
            if shown_anywhere(model, pk, name, urls):
                targets.append(Target(model, pk, name, value, urls, language))
                break
    return targets


# Models the demo has no public instance of: a test makes one the way an
# editor would use it, and names the URLs that show it.
def document_on_a_release(commit, cleanup):
    """A release PDF on a press release and its translation."""
    document = get_document_model().objects.create(
        title="Pressemitteilung als PDF (Kohärenztest)",
        file=ContentFile(b"%PDF-1.4\n% coherence test\n", name="kohaerenztest.pdf"),
    )
    cleanup.append(lambda: document.file.storage.delete(document.file.name))
    release = NewsPage.objects.filter(locale__language_code="de").live().order_by("path").first()
    pages = [release, *NewsPage.objects.filter(translation_key=release.translation_key).exclude(pk=release.pk).live()]
    with commit():
        for page in pages:
            page.release_pdf = document
            page.save_revision().publish()
    return [page.url for page in pages]


DEMO_GAPS = {"wagtaildocs.Document": document_on_a_release}

_FOUND = {}


def targets_for(model, snapshot, commit, cleanup):
    """find_targets over the crawl; remembered per model (the database is the
    same in every test), except for models whose instance a test makes."""
    label = model._meta.label
    if label in DEMO_GAPS:
        targets = find_targets(model, snapshot)
        if not targets:
            urls = DEMO_GAPS[label](commit, cleanup)
            targets = find_targets(model, crawl.fresh(urls))
        return targets
    if label not in _FOUND:
        _FOUND[label] = [(t.pk, t.attribute, t.old, t.urls, t.language) for t in find_targets(model, snapshot)]
    return [Target(model, *found) for found in _FOUND[label]]


def urls_to_check(urls):
    unique = list(dict.fromkeys(urls))
    if len(unique) <= ALL_URLS_UP_TO:
        return unique
    return crawl.one_per_shape(unique, crawl.page_types())


def fill_caches(urls):
    """Fetch the URLs as a visitor (twice: the second time from the page cache)."""
    crawl.warm(urls)
    again = crawl.served(urls)
    assert any(fetched.x_cache == "HIT" for fetched in again.values()), "the page cache is not on"


def differences(urls, texts, old_texts=()):
    """What a new visitor is served that a fresh render does not give.

    `texts` must show wherever the fresh render shows them; `old_texts`
    must show exactly as often as in the fresh render.
    """
    served = crawl.served(urls)
    truth = crawl.fresh(urls)
    problems = []
    for url in urls:
        cached, fresh = served[url], truth[url]
        if cached.status != fresh.status:
            problems.append(f"{url}: served {cached.status} ({cached.x_cache}), a fresh render answers {fresh.status}")
            continue
        for text in texts:
            if text in fresh.text and text not in cached.text:
                problems.append(f"{url}: {text!r} missing ({cached.x_cache}: stale)")
        for text in old_texts:
            stale, current = crawl.occurrences(cached.text, text), crawl.occurrences(fresh.text, text)
            if stale != current:
                problems.append(f"{url}: {text!r} shown {stale}× ({cached.x_cache}), {current}× when rendered fresh")
    return problems, truth


def save_as_editor(target, editor, commit):
    """Pages: a new revision, published. Translations of snippets: in
    wagtail-localize's translation editor (its strings, then publish).
    Everything else: the admin's edit form."""
    instance = target.model._default_manager.get(pk=target.pk)
    translation = None if isinstance(instance, Page) else localize_translation(instance)
    with commit():
        if isinstance(instance, Page):
            setattr(instance, target.attribute, target.marker)
            instance.save_revision().publish()
        elif translation is not None:
            if not submit_translation(translation, target.old, target.marker):
                # A field synchronised with the source: saved as the translation editor's override would.
                setattr(instance, target.attribute, target.marker)
                instance.save()
        else:
            submit_edit(editor, instance, {target.attribute: target.marker})
    saved = target.model._default_manager.get(pk=target.pk)
    assert getattr(saved, target.attribute) == target.marker, f"the edit of {target} was not saved"


@pytest.fixture
def cleanup():
    """Things a test leaves outside the database (uploaded files), removed after it."""
    tasks = []
    yield tasks
    for task in tasks:
        task()


@pytest.mark.parametrize("model", EDITABLE_MODELS, ids=lambda model: model._meta.label)
def test_an_edit_shows_at_the_next_request_wherever_the_value_is_shown(model, site_snapshot, editor, commit, cleanup):
    label = model._meta.label
    targets = targets_for(model, site_snapshot, commit, cleanup)
    if not targets:
        assert label in NEVER_PUBLIC, (
            f"{label}: no text of any instance shows on a public URL of the demo site. If the model is never "
            "shown publicly, add it to NEVER_PUBLIC with the reason; else give the demo content an instance "
            "that shows (or DEMO_GAPS a way to make one)."
        )
        return
    urls = urls_to_check(url for target in targets for url in target.urls)
    fill_caches(urls)
    for target in targets:
        save_as_editor(target, editor, commit)
    problems, truth = differences(urls, [token(t.marker) for t in targets], [t.old for t in targets])
    for target in targets:
        assert any(token(target.marker) in fetched.text for fetched in truth.values()), (
            f"{target}: the new value shows nowhere even when rendered fresh"
        )
    assert not problems, f"after editing {', '.join(map(str, targets))}:\n" + "\n".join(problems)


def test_the_models_that_show_nothing_publicly_are_exactly_the_allow_list(site_snapshot, commit, cleanup):
    not_shown = sorted(
        model._meta.label for model in EDITABLE_MODELS if not targets_for(model, site_snapshot, commit, cleanup)
    )
    assert not_shown == sorted(NEVER_PUBLIC)


def test_a_deleted_topic_disappears_from_every_page_that_showed_it(site_snapshot, editor, commit):
    def shown_on(topic):
        return [url for url, fetched in site_snapshot.items() if crawl.shows(fetched.text, topic.name)]

    # The German topic of releases whose name shows on the fewest URLs (the others are words of the texts too).
    topics = Topic.objects.filter(locale__language_code="de", news_links__isnull=False).distinct()
    topic = min(topics, key=lambda topic: len(shown_on(topic)))
    shown = shown_on(topic)
    assert len(shown) > 3
    fill_caches(shown)
    with commit():
        submit_delete(editor, topic)
    assert not Topic.objects.filter(pk=topic.pk).exists()
    problems, _truth = differences(shown, [], [topic.name])
    assert not problems, f"after deleting the topic {topic.name!r}:\n" + "\n".join(problems)


def german_release_with_translation():
    for release in NewsPage.objects.filter(locale__language_code="de").live().order_by("-date"):
        english = NewsPage.objects.filter(translation_key=release.translation_key, locale__language_code="en").first()
        if english is not None and english.live and release.lead_image_id:
            return release, english
    raise AssertionError("the demo has no German release with a photo and a live English translation")


def test_publishing_the_english_translation_links_it_from_the_cached_german_release(commit):
    release, english = german_release_with_translation()
    with commit():
        english.unpublish()
    # Absolute URLs name the site's host, whichever it is.
    english_link = f'href="[^"]*{re.escape(english.url)}"'
    before = crawl.served([release.url])[release.url]
    assert before.status == 200
    assert not re.search(english_link, before.text)
    assert crawl.served([release.url])[release.url].x_cache == "HIT"
    english.refresh_from_db()
    with commit():
        english.save_revision().publish()
    after = crawl.served([release.url])[release.url]
    assert re.search(f'<link rel="alternate" hreflang="en" {english_link}>', after.text), "no hreflang alternate"
    switcher = after.text.split('class="language-switcher"', 1)[1].split("</nav>", 1)[0]
    assert re.search(f'{english_link} lang="en" hreflang="en"', switcher), "the language switcher does not link it"


def test_a_new_credit_line_shows_on_the_release_using_the_photo_in_both_languages(site_snapshot, editor, commit):
    release, english = german_release_with_translation()
    image = release.lead_image
    assert english.lead_image_id == image.pk
    shown = [url for url, fetched in site_snapshot.items() if crawl.shows(fetched.text, image.credit)]
    assert release.url in shown and english.url in shown
    shown = urls_to_check([release.url, english.url, *shown])
    fill_caches(shown)
    credit = new_marker()  # the name; the page adds "Foto:" or "Photo:"
    with commit():
        submit_edit(editor, image, {"credit": credit})
    for url, fetched in crawl.served([release.url, english.url]).items():
        assert credit in fetched.text, f"{url} still shows the old credit line ({fetched.x_cache})"
    problems, _truth = differences(shown, [credit], [image.credit])
    assert not problems, "\n".join(problems)


def test_a_page_the_footer_names_shows_its_new_title_on_every_page_wherever_it_sits(editor, commit):
    """The settings may name any page for the footer (here a press release,
    below the main sections): renaming it changes every page's footer."""
    from core.models import SiteSettings
    from members.models import MemberPage

    release, english = german_release_with_translation()
    settings = SiteSettings.objects.get()
    with commit():
        submit_edit(editor, settings, {"imprint_page": release.pk})
    unrelated = MemberPage.objects.filter(locale__language_code="en").live().order_by("path").last()
    urls = [unrelated.url, "/en/events/", english.url, "/de/"]
    fill_caches(urls)
    assert english.title in crawl.served([unrelated.url])[unrelated.url].text
    title = new_marker()
    english.title = title
    with commit():
        english.save_revision().publish()
    problems, truth = differences(urls, [title], [])
    assert title in truth[unrelated.url].text and title in truth["/en/events/"].text
    assert not problems, "\n".join(problems)


def test_the_translated_funding_notice_in_the_footer_changes_on_every_page_of_its_language(editor, commit):
    """The settings choose a German notice; English pages show its English
    translation, which no page and no index entry connects to the settings."""
    from wagtail.models import Locale

    from core.models import SiteSettings
    from members.models import MemberPage
    from partners.models import FundingNotice

    german = FundingNotice.objects.create(
        wording="Gefördert vom Land (Kohärenztest)", locale=Locale.objects.get(language_code="de")
    )
    english = german.copy_for_translation(Locale.objects.get(language_code="en"))
    english.wording = "Funded by the state (coherence test)"
    english.save()
    with commit():
        submit_edit(editor, SiteSettings.objects.get(), {"funding_notice": german.pk})
    unrelated = MemberPage.objects.filter(locale__language_code="en").live().order_by("path").last()
    urls = [unrelated.url, "/en/events/"]
    fill_caches(urls)
    assert "Funded by the state (coherence test)" in crawl.served([unrelated.url])[unrelated.url].text
    marker = new_marker()
    english.wording = marker
    with commit():
        english.save()
    problems, truth = differences(urls, [marker], [])
    assert all(marker in fetched.text for fetched in truth.values())
    assert not problems, "\n".join(problems)
