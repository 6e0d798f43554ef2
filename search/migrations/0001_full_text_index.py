"""A GIN index on the combined title and body vectors of the search index
(PostgreSQL only).

modelsearch's PostgreSQL backend matches `(title || body) @@ query`; its own
indexes cover `title` and `body` apart, so PostgreSQL read every index entry
of the searched page types to find the matches (a quarter of a second at
20,000 pages). With this index it reads only the matching ones.
"""

from django.db import migrations

INDEX = "search_indexentry_title_body_gin"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry USING GIN ((title || body))"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
