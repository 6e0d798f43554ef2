"""The access log `make run` writes keeps no full client IP address."""

import datetime
from types import SimpleNamespace

import pytest
from gunicorn.config import Config

from config.gunicorn_logging import PrivacyLogger, anonymize_ip
from tests.core.test_deploy import ROOT


@pytest.mark.parametrize(
    ("address", "kept"),
    [
        ("203.0.113.57", "203.0.113.0"),
        ("2001:db8:85a3:8d3:1319:8a2e:370:7348", "2001:db8:85a3::"),
        ("::ffff:198.51.100.23", "198.51.100.0"),
        ("unix:/run/gunicorn.sock", "-"),
        ("", "-"),
    ],
)
def test_addresses_are_cut_to_their_network(address, kept):
    assert anonymize_ip(address) == kept


def test_gunicorn_started_here_logs_with_the_privacy_logger(capsys):
    config = Config()
    config.set("accesslog", "-")
    namespace = {}
    exec((ROOT / "gunicorn.conf.py").read_text(), namespace)  # noqa: S102 - our own config file
    config.set("logger_class", namespace["logger_class"])
    logger = config.logger_class(config)
    assert isinstance(logger, PrivacyLogger)
    environ = {
        "REMOTE_ADDR": "203.0.113.57",
        "REQUEST_METHOD": "GET",
        "RAW_URI": "/de/",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "PATH_INFO": "/de/",
        "QUERY_STRING": "",
    }
    response = SimpleNamespace(status="200 OK", sent=512, headers=[])
    request = SimpleNamespace(headers=[])
    logger.access(response, request, environ, datetime.timedelta(milliseconds=12))
    line = capsys.readouterr().out
    assert "203.0.113.0" in line
    assert "203.0.113.57" not in line
