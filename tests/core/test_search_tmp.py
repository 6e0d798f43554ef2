from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
import pytest
from core.cache import new_generation
from core.demo.scale import load_scale
pytestmark = [pytest.mark.django_db]

def test_s(client):
    with override_settings(PAGE_CACHE_ENABLED=False):
        load_scale(10_000)
        with connection.cursor() as c:
            pass
        client.get("/de/suche/?q=Beratung")
        new_generation()
        with CaptureQueriesContext(connection) as q:
            client.get("/de/suche/?q=Beratung")
        out = []
        for x in q.captured_queries:
            if float(x["time"]) > 0.02:
                out.append(f"=== {x['time']}\n{x['sql']}\n")
                with connection.cursor() as c:
                    c.execute("EXPLAIN ANALYZE " + x["sql"])
                    out.append("\n".join(r[0] for r in c.fetchall()))
        open("/tmp/diag/search.txt", "w").write("\n".join(out))
