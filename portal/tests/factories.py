"""Factories shared by every app's tests: users in each of the portal's roles."""

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from portal.roles import AUDITORS, CURATORS, EDITORS, PARTICIPANTS

ROLE_GROUPS = {
    "participant": PARTICIPANTS,
    "editor": EDITORS,
    "curator": CURATORS,
    "auditor": AUDITORS,
}
ROLES = ["anonymous", "participant", "editor", "curator", "auditor", "superuser"]


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name", locale="ru_RU")
    last_name = factory.Faker("last_name", locale="ru_RU")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("password")

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)


def user_with_role(role: str):
    """A user in the role's group; None for «anonymous»."""
    if role == "anonymous":
        return None
    if role == "superuser":
        return UserFactory(username="superuser", is_superuser=True, is_staff=True)
    user = UserFactory(username=role)
    user.groups.add(Group.objects.get(name=ROLE_GROUPS[role]))
    return user
