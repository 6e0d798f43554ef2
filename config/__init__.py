"""Settings (base, dev, test, production), URLs and the WSGI entry point. May import every app."""
