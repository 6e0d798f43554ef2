"""gunicorn's access log without full client IP addresses.

The people who use this site may have experienced discrimination; the log
keeps enough of an address to see abuse from a network (IPv4 /24, IPv6
/48), never the address of a person. Named in gunicorn.conf.py.
"""

import ipaddress

from gunicorn.glogging import Logger


def anonymize_ip(address):
    """The network of an address: its last IPv4 octet or all but the first
    48 bits of an IPv6 address set to zero ("-" for anything else)."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return "-"
    if ip.version == 6 and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    prefix = 24 if ip.version == 4 else 48
    return str(ipaddress.ip_network(f"{ip}/{prefix}", strict=False).network_address)


class PrivacyLogger(Logger):
    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        atoms["h"] = anonymize_ip(atoms.get("h", "-"))
        # The X-Forwarded-For header, should a format name it, the same way.
        for key in [key for key in atoms if key.lower() == "{x-forwarded-for}i"]:
            atoms[key] = ", ".join(anonymize_ip(part.strip()) for part in str(atoms[key]).split(","))
        return atoms
