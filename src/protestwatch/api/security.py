"""The write token check and the security headers sent with every response."""
from __future__ import annotations

import hmac
from typing import Optional

from fastapi import Depends, HTTPException, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from protestwatch.api.context import ApiContext, get_context

TOKEN_VARIABLE = "PROTESTWATCH_TOKEN"
# Article text comes from the web: no inline script or style, nothing from other origins.
SECURITY_HEADERS = (
    (b"content-security-policy", b"default-src 'self'; script-src 'self'; style-src 'self'; "
                                 b"img-src 'self' data:; object-src 'none'; base-uri 'none'; "
                                 b"frame-ancestors 'none'; form-action 'self'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
)

bearer_scheme = HTTPBearer(auto_error=False, description=f"the token in {TOKEN_VARIABLE}")


def require_token(credentials: Optional[HTTPAuthorizationCredentials] = Depends(bearer_scheme),
                  context: ApiContext = Depends(get_context)) -> None:
    """Let a write through only with ``Authorization: Bearer <token>`` equal to the
    server's token, compared in constant time; a server without a token takes no writes."""
    if context.is_read_only:
        raise HTTPException(status.HTTP_403_FORBIDDEN,
                            f"this server is read-only: start it with {TOKEN_VARIABLE} set to accept articles")
    if credentials is None or not _is_token(credentials.credentials, context.token):
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "missing or wrong bearer token",
                            headers={"WWW-Authenticate": "Bearer"})


def _is_token(given: str, expected: str) -> bool:
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


class SecurityHeadersMiddleware:
    """Adds ``SECURITY_HEADERS`` to every HTTP response (pure ASGI: no per-request task)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        await self.app(scope, receive, send_with_headers)
