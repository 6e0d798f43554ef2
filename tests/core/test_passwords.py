"""Passwords: at least 12 characters, not a common one, also for the first admin."""

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("password", ["kurz-11-zch", "password1234", "123456789012"])
def test_short_common_or_numeric_passwords_are_refused(password):
    with pytest.raises(ValidationError):
        validate_password(password)


def test_a_long_uncommon_password_is_accepted():
    validate_password("Antidiskriminierung-im-Rathaus-2026")


def test_the_first_admin_account_refuses_a_weak_password_from_the_environment(monkeypatch):
    get_user_model().objects.filter(is_superuser=True).delete()
    get_user_model().objects.filter(username="admin").delete()
    monkeypatch.setenv("ADMIN_PASSWORD", "geheim123")
    with pytest.raises(CommandError, match="too weak"):
        call_command("ensure_admin")
    assert not get_user_model().objects.filter(is_superuser=True).exists()
    monkeypatch.setenv("ADMIN_PASSWORD", "Antidiskriminierung-im-Rathaus-2026")
    call_command("ensure_admin")
    assert get_user_model().objects.get(username="admin").check_password("Antidiskriminierung-im-Rathaus-2026")
