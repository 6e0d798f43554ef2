"""Production: HTTPS-only cookies, HSTS and redirects.

`make run` serves plain HTTP on localhost and therefore sets HTTPS=0; a real
deployment leaves it at its default (on) and passes `check --deploy`.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import CONSOLE_EMAIL_BACKEND, EMAIL_BACKEND, SECRET_KEY, env_bool

if not SECRET_KEY:
    raise ImproperlyConfigured("Set the SECRET_KEY environment variable.")

# The console backend writes every mail, password-reset links included, to
# the server's log: only when someone chose it, never because SMTP is missing.
if EMAIL_BACKEND == CONSOLE_EMAIL_BACKEND and os.environ.get("EMAIL_BACKEND") != CONSOLE_EMAIL_BACKEND:
    raise ImproperlyConfigured(
        "No mail server: set EMAIL_HOST or EMAIL_URL (SMTP, see .env.example) or EMAIL_BACKEND. Without them mails, "
        "password-reset links included, would be written to the server's log; to accept that, set "
        f"EMAIL_BACKEND={CONSOLE_EMAIL_BACKEND}."
    )

HTTPS = env_bool("HTTPS", True)

SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
LANGUAGE_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
# Links to http:// addresses in content are fetched over https.
SECURITY_POLICY_UPGRADE = HTTPS
# Behind a TLS-terminating proxy that sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# /healthz must answer load balancers on plain HTTP inside the network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
