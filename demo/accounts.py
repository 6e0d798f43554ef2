"""The demo's editorial accounts: one a role, so a new user can try each."""

from django.contrib.auth.models import Group

from core.roles import CITY_GROUP_PREFIX, EDITORS, MODERATORS, TRANSLATORS

DEMO_ACCOUNTS = [
    # username, group, admin language, name
    ("redaktion", EDITORS, "de", ("Rita", "Redaktion")),
    ("moderation", MODERATORS, "de", ("Mehmet", "Moderation")),
    ("uebersetzung", TRANSLATORS, "en", ("Uma", "Übersetzung")),
    ("wuppertal", f"{CITY_GROUP_PREFIX}Wuppertal", "de", ("Wiebke", "Wuppertal")),
]


def create_demo_accounts():
    """One account per role, with a random password; returns (username, group, password) for new ones."""
    import secrets

    from django.contrib.auth import get_user_model

    from wagtail.users.models import UserProfile

    User = get_user_model()
    created = []
    for username, group_name, language, (first_name, last_name) in DEMO_ACCOUNTS:
        group = Group.objects.filter(name=group_name).first()
        if group is None or User.objects.filter(username=username).exists():
            continue
        password = secrets.token_urlsafe(12)
        user = User.objects.create_user(
            username,
            f"{username}@example.org",
            password,
            first_name=first_name,
            last_name=last_name,
        )
        user.groups.add(group)
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
        created.append((username, group_name, password))
    return created
