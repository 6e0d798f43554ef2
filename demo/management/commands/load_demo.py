"""Build the demo site from demo/: German pages and their English translations.

Idempotent: once the German home page exists the command leaves the tree
alone, so a second `make run` keeps what editors changed.
"""

from datetime import timedelta

from django.conf import settings as django_settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import URLValidator
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify

from wagtail.models import Locale, Page, Site
from wagtail_localize.models import Translation, TranslationSource

from contact.models import ContactFormField, ContactPage
from core.caching import purge
from core.management.commands.configure_site import site_address
from core.models import CustomImage, SiteSettings
from core.roles import ensure_roles
from demo import content
from demo import directory as directory_demo
from demo import events as events_demo
from demo import news as news_demo
from demo import signlanguage as signlanguage_demo
from demo.accounts import create_demo_accounts
from demo.content import T
from demo.easyread import build_easy_read
from demo.images import as_image_file, banner_picture, group_picture, logo_picture
from demo.search import create_demo_promotions
from events.models import (
    EventIndexPage,
    EventPage,
    EventPagePartner,
    EventPageTopic,
    EventSeriesPage,
    EventSeriesPartner,
)
from home.models import AccessibilityBarrier, AccessibilityFormField, AccessibilityStatementPage, HomePage, StandardPage
from members.models import MemberIndexPage, MemberPage
from news.models import (
    NewsCorrection,
    NewsIndexPage,
    NewsPage,
    NewsPageMember,
    NewsPagePartner,
    NewsPageTopic,
    NewsPressPhoto,
    PressContact,
    Topic,
)
from partners.models import FundingNotice, PartnerIndexPage, PartnerPage, PartnerPageRole, PartnerRole
from press.models import PressListPage


def collect_pairs(value, pairs):
    """Every German→English pair anywhere in a piece of demo data."""
    if isinstance(value, T):
        pairs[value.de] = value.en
    elif isinstance(value, dict):
        for item in value.values():
            collect_pairs(item, pairs)
    elif isinstance(value, list | tuple):
        for item in value:
            collect_pairs(item, pairs)
    return pairs


def german(value, refs):
    """Resolve demo data to the German source value."""
    if isinstance(value, T):
        return value.de
    if isinstance(value, dict):
        return {key: german(item, refs) for key, item in value.items()}
    return value


def rich_text(parts):
    html = []
    for kind, value in parts:
        if kind == "p":
            html.append(f"<p>{escape(value.de)}</p>")
        else:
            html.append("<ul>" + "".join(f"<li>{escape(item.de)}</li>" for item in value) + "</ul>")
    return "".join(html)


def stream(blocks, refs):
    data = []
    for block_type, value in blocks:
        if block_type == "paragraph":
            data.append((block_type, rich_text(value)))
            continue
        if block_type == "funding_notice":
            data.append((block_type, refs["funding_notice"]))
            continue
        value = german(value, refs)
        if block_type == "image":
            value["image"] = refs["images"][value["image"]]
            value.setdefault("credit", "")
        if block_type == "call_to_action":
            value["page"] = refs["pages"][value["page"]] if value["page"] else None
            value["url"] = value["url"] or ""
        data.append((block_type, value))
    return data


def in_order(items):
    """Inline items numbered as the admin numbers them (modelcluster leaves
    sort_order empty, and PostgreSQL would then return them in any order)."""
    items = list(items)
    for number, item in enumerate(items):
        item.sort_order = number
    return items


FORM_KEYS = ("form_fields", "thank_you_text", "to_address")


def own_calendar_address(site_root, path):
    """The address of a demo calendar the site serves itself (by its
    unhashed name, which stays when the file changes; configure_site moves
    it with the site). Empty where the site's host is none a calendar could
    be fetched from, such as the tests' http://testserver."""
    address = f"{site_root}{django_settings.STATIC_URL}{path}"
    try:
        URLValidator()(address)
    except ValidationError:
        return ""
    return address


def form(data, field_model):
    """A form page's fields, confirmation text and address (contact.models.FormPageMixin)."""
    if "form_fields" not in data:
        return {}
    return {
        "form_fields": in_order(field_model(**german(field, {})) for field in data["form_fields"]),
        "thank_you_text": rich_text([("p", data["thank_you_text"])]),
        "to_address": data.get("to_address", ""),
    }


class Command(BaseCommand):
    help = "Load the demo content (German source pages with English translations), once."

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale",
            type=int,
            default=0,
            metavar="N",
            help="Also add N press releases over ten years, N/5 events and up to 200 members (for measuring).",
        )

    def handle(self, *args, scale=0, **options):
        if scale:
            from demo.scale import load_scale

            if not HomePage.objects.exists():
                self.handle()
            started = timezone.now()
            load_scale(scale, stdout=self.stdout)
            seconds = (timezone.now() - started).total_seconds()
            self.stdout.write(self.style.SUCCESS(f"Scale data set added in {seconds:.0f} s."))
            return
        if HomePage.objects.exists():
            self.stdout.write("Demo content already present; leaving the page tree as editors left it.")
            return
        with purge.bulk():
            self.build()
        self.stdout.write(self.style.SUCCESS("Demo content loaded in German and English."))
        ensure_roles()
        accounts = create_demo_accounts()
        if accounts:
            self.stdout.write("Demo accounts, one per role (the passwords are shown only this once):")
            for username, group, password in accounts:
                self.stdout.write(f"  {username:<14} {group:<28} {password}")
            self.stdout.write("  moderation sets up a second factor (an authenticator app) at its first login.")

    def build(self):
        # Not one big transaction: wagtail-localize publishes each translation
        # when its own transaction commits, from the page as it was then; a
        # single outer transaction would publish stale copies at the very end.
        # The Site is served at BASE_URL (checked first: a wrong one stops here).
        hostname, port = site_address(django_settings.BASE_URL)
        german_locale = Locale.get_default()
        english, _ = Locale.objects.get_or_create(language_code="en")
        news_data = [news_demo.INDEX, news_demo.TOPICS, news_demo.TOPIC_SLUGS, news_demo.PRESS_CONTACT]
        news_data += [
            news_demo.PRESS_LIST,
            news_demo.KICKOFF,
            news_demo.FURTHER,
            news_demo.CORRECTION,
            news_demo.GRAPHIC_ALT,
        ]
        directory_data = [directory_demo.__dict__[name] for name in dir(directory_demo) if name.isupper()]
        today = timezone.localdate()
        event_data = [events_demo.__dict__[name] for name in dir(events_demo) if name.isupper()]
        event_data.append(events_demo.further_events(today))
        pairs = collect_pairs(
            [content.HOME, content.PAGES, content.ACCESSIBILITY, news_data, directory_data, event_data], {}
        )
        self.pairs = pairs
        pairs.update(news_demo.DATELINES)
        refs = {"images": self.make_images(), "pages": {}}

        root = Page.get_first_root_node()
        # Wagtail's migration leaves a "Welcome" page; our home replaces it.
        for page in root.get_children():
            page.delete()

        home_data = content.HOME
        home = root.add_child(
            instance=HomePage(
                locale=german_locale,
                title=home_data["title"].de,
                slug=home_data["slug"].de,
                seo_title=home_data["seo_title"].de,
                search_description=home_data["search_description"].de,
                listing_image=refs["images"][home_data["listing_image"]],
                intro=rich_text([("p", p) for p in home_data["intro"]]),
            )
        )
        site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
        site.hostname, site.port, site.root_page = hostname, port, home
        site.site_name = home_data["title"].de
        site.save()

        news_index = self.build_news_index(home, german_locale)
        event_index = self.build_event_index(home, german_locale)
        refs["members"] = self.build_members(home, german_locale, pairs)
        refs["partners"], refs["funding_notice"] = self.build_partners(home, german_locale, pairs)
        for key, in_menu, fields in content.PAGES:
            page = home.add_child(
                instance=(ContactPage if "form_fields" in fields else StandardPage)(
                    locale=german_locale,
                    title=fields["title"].de,
                    slug=fields["slug"].de,
                    show_in_menus=in_menu,
                    search_description=fields["search_description"].de,
                    listing_image=refs["images"].get(fields.get("listing_image")),
                    intro=fields["intro"].de,
                    **form(fields, ContactFormField),
                )
            )
            refs["pages"][key] = page
        refs["pages"]["accessibility"] = self.build_accessibility_statement(home, german_locale)
        # Bodies second: their call-to-action blocks link to each other.
        for key, _in_menu, fields in content.PAGES:
            page = refs["pages"][key]
            page.body = stream(fields["body"], refs)
            page.save_revision().publish()

        home.highlights = stream(home_data["highlights"], refs)
        home.save_revision().publish()

        settings = SiteSettings.for_site(site)
        for field, value in content.SITE_SETTINGS.items():
            setattr(settings, field, value)
        settings.contact_page = refs["pages"]["contact"]
        settings.imprint_page = refs["pages"]["imprint"]
        settings.privacy_page = refs["pages"]["privacy"]
        settings.accessibility_page = refs["pages"]["accessibility"]
        settings.funding_notice = refs["funding_notice"]
        settings.save()

        refs["topics"] = {
            key: Topic.objects.create(name=name.de, slug=news_demo.TOPIC_SLUGS[key].de)
            for key, name in news_demo.TOPICS.items()
        }
        releases = self.build_releases(news_index, refs, pairs)
        data = news_demo.PRESS_LIST
        news_index.add_child(
            instance=PressListPage(locale=german_locale, **{key: value.de for key, value in data.items()})
        ).save_revision().publish()
        self.build_events(event_index, refs, today)

        # Snippets first, then parents before children, so no English page is
        # created under an alias and related topics resolve to English ones.
        snippets = [*Topic.objects.all(), *PressContact.objects.all(), *PartnerRole.objects.all()]
        for snippet in [*snippets, *FundingNotice.objects.all()]:
            self.translate(snippet, english, pairs)
        # In tree order, so the English menu keeps the German order.
        for page in home.get_descendants(inclusive=True).order_by("path").specific():
            self.translate(page, english, pairs)
        # Once every page exists in English, sync again so links chosen in
        # blocks point at the English pages.
        for page in [home, *refs["pages"].values()]:
            self.translate(page, english, pairs)
        # Editors' picks for the site search (member directory for "Beratung", …).
        create_demo_promotions()
        # German only, so after the translations: DGS videos have no English version.
        signlanguage_demo.build(home)
        # Leichte Sprache is German and written for it, never translated: after the translations too.
        build_easy_read(home, refs["pages"]["accessibility"])
        # Publishing stamps "now"; the demo's releases keep their own dates
        # in both languages.
        for release in releases:
            NewsPage.objects.filter(translation_key=release.translation_key).update(
                first_published_at=release.date, last_published_at=release.date
            )

    def build_accessibility_statement(self, home, locale):
        """The statement on this site's accessibility (§ 7 BITV 2.0), with its barriers."""
        data = content.ACCESSIBILITY
        fields = {key: german(value, {}) for key, value in data.items() if key not in ("barriers", *FORM_KEYS)}
        barriers = in_order(AccessibilityBarrier(**german(barrier, {})) for barrier in data["barriers"])
        fields.update(form(data, AccessibilityFormField))
        page = home.add_child(instance=AccessibilityStatementPage(locale=locale, barriers=barriers, **fields))
        page.save_revision().publish()
        return page

    def build_news_index(self, home, locale):
        data = news_demo.INDEX
        return home.add_child(
            instance=NewsIndexPage(
                locale=locale,
                title=data["title"].de,
                slug=data["slug"].de,
                show_in_menus=True,
                search_description=data["search_description"].de,
                intro=data["intro"].de,
            )
        )

    def build_releases(self, index, refs, pairs):
        topics = refs["topics"]
        contact_data = news_demo.PRESS_CONTACT
        contact = PressContact.objects.create(
            name=contact_data["name"],
            role=contact_data["role"].de,
            email=contact_data["email"],
            phone=contact_data["phone"],
        )
        specs = [news_demo.KICKOFF]
        for number, (date, dateline, topic_keys, title, lead, text) in enumerate(news_demo.FURTHER):
            slug = T(slugify(title.de), slugify(title.en))
            pairs[slug.de] = slug.en
            specs.append(
                {
                    "key": f"release-{number}",
                    "date": date.replace(tzinfo=news_demo.BERLIN),
                    "dateline": dateline or "",
                    "topics": topic_keys,
                    "title": title,
                    "slug": slug,
                    "lead": lead,
                    "body": [content.paragraph(text)],
                    "image": f"news-{number % 6}",
                }
            )
        releases = []
        for spec in specs:
            image = refs["images"][spec["image"]]
            alt = spec.get("image_alt") or news_demo.GRAPHIC_ALT
            release = index.add_child(
                instance=NewsPage(
                    title=spec["title"].de,
                    slug=spec["slug"].de,
                    date=spec["date"],
                    dateline=spec["dateline"],
                    lead=spec["lead"].de,
                    lead_image=image,
                    lead_image_alt=alt.de,
                    lead_image_caption=spec["image_caption"].de if "image_caption" in spec else "",
                    press_contact=contact,
                    body=stream(spec["body"], refs),
                    topic_links=in_order(NewsPageTopic(topic=topics[key]) for key in spec["topics"]),
                )
            )
            if spec["key"] == "kickoff":
                release.press_photos = [NewsPressPhoto(image=image)]
            links = directory_demo.NEWS_LINKS.get(spec["key"], {})
            release.member_links = in_order(
                NewsPageMember(member=refs["members"][city]) for city in links.get("members", [])
            )
            release.partner_links = in_order(
                NewsPagePartner(partner=refs["partners"][key]) for key in links.get("partners", [])
            )
            releases.append(release)
        correction = news_demo.CORRECTION
        releases[correction["release"] + 1].corrections = [
            NewsCorrection(date=correction["date"], note=correction["note"].de)
        ]
        for release in releases:
            release.save_revision().publish()
        return releases

    def build_partners(self, home, locale, pairs):
        data = directory_demo.PARTNER_INDEX
        index = home.add_child(
            instance=PartnerIndexPage(
                locale=locale, title=data["title"].de, slug=data["slug"].de, show_in_menus=True, intro=data["intro"].de
            )
        )
        roles = {key: PartnerRole.objects.create(name=name.de) for key, name in directory_demo.ROLES.items()}
        partners = {}
        for spec in directory_demo.PARTNERS:
            logo = CustomImage(
                title=f"Logo {spec['short_name']} (Platzhalter)",
                kind=CustomImage.Kind.GRAPHIC,
                licence="Platzhalter der Demo",
                source="Lokal erzeugte Demo-Grafik",
                file=as_image_file(logo_picture(spec["short_name"], spec["logo_colour"]), f"logo-{spec['key']}.png"),
            )
            logo.save()
            alt = T(*(text.format(name=spec["short_name"]) for text in directory_demo.LOGO_ALT))
            pairs[alt.de] = alt.en
            partner = index.add_child(
                instance=PartnerPage(
                    title=spec["title"].de,
                    slug=spec["slug"].de,
                    short_name=spec["short_name"],
                    logo=logo,
                    logo_alt=alt.de,
                    website=spec["website"],
                    summary=spec["summary"].de,
                    role_links=in_order(PartnerPageRole(role=roles[key]) for key in spec["roles"]),
                )
            )
            partner.save_revision().publish()
            partners[spec["key"]] = partner
        pairs.update({spec["short_name"]: spec["short_name"] for spec in directory_demo.PARTNERS})
        notice_data = directory_demo.FUNDING_NOTICE
        ads = partners["ads"]
        notice = FundingNotice.objects.create(
            funder=ads, wording=notice_data["wording"].de, logo=ads.logo, logo_alt=notice_data["logo_alt"].de
        )
        return partners, notice

    def build_members(self, home, locale, pairs):
        data = directory_demo.MEMBER_INDEX
        index = home.add_child(
            instance=MemberIndexPage(
                locale=locale, title=data["title"].de, slug=data["slug"].de, show_in_menus=True, intro=data["intro"].de
            )
        )
        members = {}
        site_root = Site.objects.get(is_default_site=True).root_url
        for city, state, latitude, longitude, since in directory_demo.CITIES:
            known = directory_demo.KNOWN_OFFICES.get(city.de, {})
            calendar_path, publish_directly = directory_demo.CALENDARS.get(city.de, ("", False))
            office = known.get("office_name") or T(
                *(t.format(city=c) for t, c in zip(directory_demo.OFFICE_NAME, city, strict=True))
            )
            position = known.get("position") or directory_demo.POSITION
            slug = T(slugify(city.de), slugify(city.en))
            for pair in (office, slug):
                pairs[pair.de] = pair.en
            member = index.add_child(
                instance=MemberPage(
                    title=city.de,
                    slug=slug.de,
                    city=city.de,
                    federal_state=state,
                    office_name=office.de,
                    position_in_administration=position.de,
                    member_since=since,
                    counsels_residents=True,
                    counselling_languages=directory_demo.LANGUAGES.de,
                    street=directory_demo.STREET,
                    postcode="00000",
                    phone=directory_demo.PHONE,
                    email=f"antidiskriminierung-{slug.de}@example.org",
                    opening_hours=directory_demo.OPENING_HOURS.de,
                    accessibility=directory_demo.ACCESSIBILITY.de,
                    latitude=latitude,
                    longitude=longitude,
                    search_description=f"{office.de}, {city.de}",
                    calendar_url=own_calendar_address(site_root, calendar_path) if calendar_path else "",
                    calendar_publish_directly=publish_directly,
                )
            )
            pairs[f"{office.de}, {city.de}"] = f"{office.en}, {city.en}"
            member.save_revision().publish()
            members[city.de] = member
        return members

    def build_event_index(self, home, locale):
        data = events_demo.INDEX
        return home.add_child(
            instance=EventIndexPage(
                locale=locale, title=data["title"].de, slug=data["slug"].de, show_in_menus=True, intro=data["intro"].de
            )
        )

    def build_events(self, index, refs, today):
        data = events_demo.SERIES
        series = index.add_child(
            instance=EventSeriesPage(
                title=data["title"].de,
                slug=data["slug"].de,
                intro=data["intro"].de,
                body=stream(data["body"], refs),
                partner_links=in_order(
                    EventSeriesPartner(partner=refs["partners"][key], role=role) for key, role in data["partners"]
                ),
            )
        )
        series.save_revision().publish()
        for spec in events_demo.MODULES:
            self.add_event(series, spec, refs, partners=["eccar", "prodiversity", "imap", "ads"], topics=["training"])
        self.add_event(index, events_demo.HANNOVER, refs)
        for spec in events_demo.further_events(today):
            self.add_event(index, spec[:8], refs, **spec[8])

    def add_event(self, parent, spec, refs, partners=(), topics=("network",), registration_days_before=None, **extra):
        start, end, event_format, city, title, lead, venue, address = spec
        online = event_format != "in_person"
        self.pairs[slugify(title.de)] = slugify(title.en)
        if registration_days_before:
            extra["registration_deadline"] = start - timedelta(days=registration_days_before)
        event = parent.add_child(
            instance=EventPage(
                title=title.de,
                slug=slugify(title.de),
                start=start,
                end=end,
                event_format=event_format,
                lead=lead.de,
                venue_name=venue.de if venue else "",
                venue_address=address,
                online_note=events_demo.ONLINE_NOTE.de if online else "",
                host_member=refs["members"][city] if city else None,
                organiser=events_demo.ORGANISER.de,
                target_group=events_demo.TARGET_STAFF.de,
                accessibility=(
                    events_demo.ONLINE_ACCESSIBILITY if event_format == "online" else events_demo.ACCESSIBILITY
                ).de,
                partner_links=in_order(EventPagePartner(partner=refs["partners"][key]) for key in partners),
                topic_links=in_order(EventPageTopic(topic=refs["topics"][key]) for key in topics),
                **extra,
            )
        )
        event.save_revision().publish()
        return event

    def make_images(self):
        images = {}
        for key, spec in content.IMAGES.items():
            draw = group_picture if spec["style"] == "group" else banner_picture
            image = CustomImage(
                title=spec["title"],
                kind=spec["kind"],
                credit=spec["credit"],
                licence=spec["licence"],
                source=spec["source"],
                file=as_image_file(draw(seed=key), name=f"demo-{key}.jpg"),
            )
            image.full_clean(exclude=["file"])
            image.save()
            images[key] = image
        return images

    def translate(self, page, locale, pairs):
        """Translate through wagtail-localize, as an editor would in the admin."""
        source, created = TranslationSource.get_or_create_from_instance(page)
        if not created:
            source.update_from_db()
        translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
        po = translation.export_po()
        missing = []
        for entry in po:
            if entry.obsolete:
                continue
            if entry.msgid not in pairs:
                missing.append(entry.msgid)
            entry.msgstr = pairs.get(entry.msgid, "")
        if missing:
            raise CommandError(f"No English text for {page.title!r}: {missing}")
        translation.import_po(po)
        translation.save_target(publish=True)
