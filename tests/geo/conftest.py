import pytest

from protestwatch.geo.gazetteer import Gazetteer
from protestwatch.geo.resolve import Geoparser


@pytest.fixture(scope="session")
def gazetteer():
    gazetteer = Gazetteer.open()
    yield gazetteer
    gazetteer.close()


@pytest.fixture(scope="session")
def geoparser(gazetteer):
    return Geoparser(gazetteer)
