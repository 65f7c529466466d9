from listings.messaging.services import inbox_unread_count


def inbox(request) -> dict:
    """`inbox_unread` for the header bell; a callable so pages that don't show it pay nothing."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"inbox_unread": 0}
    cache: dict[str, int] = {}

    def unread() -> int:
        if "n" not in cache:
            cache["n"] = inbox_unread_count(user=user)
        return cache["n"]

    return {"inbox_unread": unread}
