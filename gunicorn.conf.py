"""gunicorn's settings, read from the working directory by every gunicorn
started here (`make run`, the bench, the browser tests)."""

# The access log keeps networks, not the client addresses of people.
logger_class = "config.gunicorn_logging.PrivacyLogger"
