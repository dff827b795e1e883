"""The offline run: under .ci/run's network sandbox only loopback is reachable."""

import os
import socket

import pytest

pytestmark = pytest.mark.skipif(
    os.environ.get("PERUCORPUS_EXPECT_OFFLINE") != "1",
    reason="only meaningful inside .ci/run's network-less namespace (PERUCORPUS_EXPECT_OFFLINE=1)",
)


def test_the_outside_world_is_unreachable():
    # (Name lookups are not checked: nscd or systemd-resolved answer them over a Unix socket.)
    with pytest.raises(OSError):
        socket.create_connection(("151.101.0.223", 443), timeout=3)  # an address of pypi.org


def test_loopback_works_for_the_kernels():
    with socket.create_server(("127.0.0.1", 0)) as server:
        with socket.create_connection(server.getsockname(), timeout=3):
            connection, _ = server.accept()
            connection.close()
