"""Search tasks: thin wrappers around `listings.search.words`."""

from celery import shared_task

from listings.search import words


@shared_task
def rebuild_board_words() -> int:
    """Beat: recount the board's vocabulary from the live gigs (typo correction)."""
    return words.board_words_rebuild()
