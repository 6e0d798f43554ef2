"""gunicorn's settings, read from the working directory by every gunicorn
started here (`make run`, the bench, the browser tests)."""

import os

from gunicorn.workers import gthread

# The access log keeps networks, not the client addresses of people.
logger_class = "config.gunicorn_logging.PrivacyLogger"

# Threaded workers: an idle or keep-alive connection waits in the worker's
# poller instead of holding a worker, so a hundred idle clients do not
# delay anyone (tests/infra/test_server.py). Each of WEB_CONCURRENCY
# processes runs GUNICORN_THREADS requests at a time.
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
keepalive = 5
timeout = 30

# A new connection that has sent nothing yet holds a thread this long
# before gunicorn hands it back to the poller (its default, 5 s, let a
# hundred idle connections keep every thread busy for a minute). A browser
# sends its request with the connection; a slower one is served when its
# data arrives, nothing is dropped.
gthread.DEFAULT_WORKER_DATA_TIMEOUT = 0.05

# No control socket: its default path is one per user, so a second server on
# the machine (a bench, the browser tests, another checkout) would remove
# the first one's when it stops. Nothing here uses it.
control_socket_disable = True
