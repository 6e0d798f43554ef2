"""5,000 subscribers receive a release within five minutes: the worker, a
real mail server on localhost, one mail each (docs/performance.md)."""

import time
from collections import Counter

from django.utils import timezone

import pytest

from press.models import Delivery, Subscriber
from tests.press.conftest import publish_release

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

SUBSCRIBERS = 5000
BOUND_SECONDS = 300


def test_five_thousand_subscribers_get_a_release_within_five_minutes(newsroom_de, smtp, task_queue):
    server = smtp(refuse=0)
    now = timezone.now()
    Subscriber.objects.bulk_create(
        [
            Subscriber(
                email=f"redaktion{number}@example.org", confirmed_at=now, language="de" if number % 3 else "both"
            )
            for number in range(SUBSCRIBERS)
        ],
        batch_size=1000,
    )
    publish_release(newsroom_de)
    started = time.monotonic()
    task_queue.run()
    elapsed = time.monotonic() - started
    received = Counter(recipients[0] for recipients, _raw in server.delivered)
    assert len(received) == SUBSCRIBERS and set(received.values()) == {1}
    assert Delivery.objects.filter(status=Delivery.Status.SENT).count() == SUBSCRIBERS
    print(f"{SUBSCRIBERS} mails in {elapsed:.1f} s ({SUBSCRIBERS / elapsed:.0f} per second)")
    assert elapsed < BOUND_SECONDS
