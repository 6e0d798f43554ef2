"""The search page and the OpenSearch description, inside i18n_patterns:
/de/suche/ and /en/search/, /de/opensearch.xml and /en/opensearch.xml."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from search import views

urlpatterns = [
    path(_("search/"), views.search, name="search"),
    path("opensearch.xml", views.opensearch, name="opensearch"),
]
