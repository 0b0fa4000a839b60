"""Free TCP ports on the loopback interface for services started by the harness."""

import socket

LOOPBACK = "127.0.0.1"


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that nothing listens on right now."""
    # Binding port 0 lets the kernel choose; the small race until the service binds it
    # is accepted (the service then fails loudly and the caller sees its log).
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((LOOPBACK, 0))
        port: int = sock.getsockname()[1]
        return port
