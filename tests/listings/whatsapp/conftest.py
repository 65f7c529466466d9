import pytest

from tests import whatsapp_fake


@pytest.fixture
def cloud_api(settings):
    """The fake Cloud API, running, with the settings pointing at it."""
    api = whatsapp_fake.FakeCloudAPI().start()
    settings.WHATSAPP_API_BASE = api.base_url
    settings.WHATSAPP_API_VERSION = whatsapp_fake.VERSION
    settings.WHATSAPP_PHONE_NUMBER_ID = whatsapp_fake.PHONE_NUMBER_ID
    settings.WHATSAPP_ACCESS_TOKEN = whatsapp_fake.TOKEN
    yield api
    api.stop()
