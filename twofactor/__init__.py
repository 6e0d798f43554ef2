"""The admin login's second step: authenticator apps, passkeys, recovery codes. May import core."""
