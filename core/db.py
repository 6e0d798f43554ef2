"""Planner statistics: keep the database's query plans right as content grows.

SQLite has no autovacuum to gather statistics; without them it picks the
index on `alias_of_id` for "not an alias" (which matches nearly every page)
and reads the whole page table for a listing. `ANALYZE` after migrating and
after bulk loads gives both databases the statistics they plan with
(PostgreSQL's autovacuum would gather them later on its own).
"""

from django.db import connections


def analyze(using="default"):
    connection = connections[using]
    if connection.vendor not in ("sqlite", "postgresql"):
        return
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def analyze_after_migrate(sender, using="default", **kwargs):
    analyze(using)
