"""An index on Wagtail's page url_path: the front end finds the page for a
URL by its url_path (core/routing.py), which without it reads every page."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_sitesettings_funding_notice"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS core_page_url_path ON wagtailcore_page (url_path)",
            "DROP INDEX IF EXISTS core_page_url_path",
        ),
    ]
