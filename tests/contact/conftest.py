import re
import time

import pytest
import time_machine

from contact.models import ContactPage
from tests.factories import ContactPageFactory
from tests.smtp import smtp_fixture  # noqa: F401 - the fixture `smtp`

EN_LABELS = {"Name": "Name", "E-Mail-Adresse": "E-mail address", "Nachricht": "Message"}


@pytest.fixture
def contact_de(home_de):
    return ContactPageFactory(parent=home_de, slug="kontakt-test", title="Kontakt (Test)")


@pytest.fixture
def contact_en(contact_de, english):
    """The English translation, as a translator publishes it: the same
    fields (same translation keys and names), labelled in English."""
    page = contact_de.copy_for_translation(english)
    page.title, page.slug = "Contact (test)", "contact-test"
    fields = list(page.form_fields.all())
    for field in fields:
        field.label = EN_LABELS[field.label]
    page.form_fields = fields
    page.save_revision().publish()
    return ContactPage.objects.get(pk=page.pk)


def stamp_of(response):
    match = re.search(r'name="form_stamp" value="([^"]+)"', response.content.decode())
    assert match, "the form carries no stamp"
    return match.group(1)


@pytest.fixture
def send(client):
    """Send a form page's form as a person does: open it, wait (the stamp
    is made `waited` seconds ago), fill it in, agree and send."""

    def submit(url, data, waited=10, consent=True, client=client, **environ):
        with time_machine.travel(time.time() - waited, tick=False):
            stamp = stamp_of(client.get(url))
        fields = {"form_stamp": stamp, "website_url": "", **data}
        if consent:
            fields["privacy_consent"] = "on"
        return client.post(url, fields, **environ)

    return submit
