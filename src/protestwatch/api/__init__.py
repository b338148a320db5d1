"""The HTTP API and the web app: ``create_app(db_url, token=...)`` builds both."""
from protestwatch.api.app import create_app

__all__ = ["create_app"]
