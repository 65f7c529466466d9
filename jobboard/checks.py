"""Deploy checks of our own (`manage.py check --deploy`)."""

from pathlib import Path

from django.conf import settings
from django.core.checks import Error, Tags, register

# Folders that are not the repository's content (or hold the real key, like .env, on purpose).
SKIPPED_DIRS = {
    ".git",
    ".venv",
    "node_modules",
    "staticfiles",
    "media",
    ".data",
    "__pycache__",
    ".ruff_cache",
}
SKIPPED_FILES = {".env"}
MAX_FILE_BYTES = 1_000_000


def _repository_files(root: Path):
    for path in root.iterdir():
        if path.is_dir():
            if path.name not in SKIPPED_DIRS and not path.is_symlink():
                yield from _repository_files(path)
        elif path.is_file() and path.name not in SKIPPED_FILES and path.stat().st_size <= MAX_FILE_BYTES:
            yield path


def files_containing(secret: str, root: Path) -> list[str]:
    """The repository files (relative paths) whose text contains `secret`."""
    needle = secret.encode()
    return sorted(
        str(path.relative_to(root)) for path in _repository_files(root) if needle in path.read_bytes()
    )


@register(Tags.security, deploy=True)
def secret_key_not_published(app_configs=None, **kwargs) -> list[Error]:
    """A SECRET_KEY that is written anywhere in the repository is public: anyone can sign
    email-confirmation keys, unsubscribe tokens and sessions with it."""
    found = files_containing(settings.SECRET_KEY, Path(settings.BASE_DIR)) if settings.SECRET_KEY else []
    if not found:
        return []
    return [
        Error(
            f"SECRET_KEY appears in the repository ({', '.join(found[:5])}): it is public.",
            hint="Generate one per deployment (python -c 'import secrets; print(secrets.token_urlsafe(50))')"
            " and pass it in the environment.",
            id="lokercs.E001",
        )
    ]
