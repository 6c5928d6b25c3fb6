"""Demo accounts, one per role, so a newcomer can see the portal through each pair of eyes."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from portal.roles import AUDITORS, CURATORS, EDITORS, PARTICIPANTS


@dataclass(frozen=True)
class DemoUser:
    username: str
    first_name: str
    last_name: str
    role: str
    group: str | None
    is_superuser: bool = False


DEMO_USERS = [
    DemoUser("editor", "Ирина", "Соколова", "редактор", EDITORS),
    DemoUser("curator", "Людмила", "Фролова", "куратор", CURATORS),
    DemoUser("auditor", "Михаил", "Пожарский", "проверяющий", AUDITORS),
    DemoUser("mentor", "Анна", "Кузнецова", "наставник", PARTICIPANTS),
    DemoUser("mentee", "Павел", "Смирнов", "наставляемый", PARTICIPANTS),
    DemoUser("admin", "Администратор", "Портала", "суперпользователь", None, is_superuser=True),
]


def demo_users_ensure(*, password: str) -> list[DemoUser]:
    """Create the missing demo accounts; existing ones (and their passwords) are left alone."""
    User = get_user_model()
    for demo in DEMO_USERS:
        user, created = User.objects.get_or_create(
            username=demo.username,
            defaults={
                "first_name": demo.first_name,
                "last_name": demo.last_name,
                "email": f"{demo.username}@example.org",
                "is_superuser": demo.is_superuser,
                "is_staff": demo.is_superuser,
            },
        )
        if created:
            user.set_password(password)
            user.save(update_fields=["password"])
        if demo.group:
            user.groups.add(Group.objects.get(name=demo.group))
    return DEMO_USERS
