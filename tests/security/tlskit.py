"""Test helpers for the wire: a district CA and a hub certificate made here with `cryptography`,
and a live hub served over TLS by uvicorn (``ssl_certfile``) on a loopback port."""

from __future__ import annotations

import datetime as dt
import ipaddress
import socket
import threading
from dataclasses import dataclass
from pathlib import Path

import uvicorn
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from hub_testkit import LiveHub, MutableClock, wait_until

from sync.server.app import create_app
from sync.server.context import build_hub
from sync.server.settings import HubSettings


@dataclass(frozen=True)
class Pki:
    ca_pem: Path          # what the village trusts (the district's CA bundle)
    cert_pem: Path        # the hub's certificate, signed by the CA
    key_pem: Path         # the hub's private key


def _name(common: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Diskominfo-SP Luwu Timur")])


def make_pki(folder: Path, *, hosts: tuple[str, ...] = ("localhost", "127.0.0.1")) -> Pki:
    """A self-signed district CA and a hub certificate for ``hosts`` signed by it."""
    folder.mkdir(parents=True, exist_ok=True)
    now = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=5)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = (x509.CertificateBuilder().subject_name(_name("KIM District CA"))
          .issuer_name(_name("KIM District CA")).public_key(ca_key.public_key())
          .serial_number(x509.random_serial_number()).not_valid_before(now)
          .not_valid_after(now + dt.timedelta(days=30))
          .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
          .add_extension(x509.KeyUsage(digital_signature=True, key_cert_sign=True, crl_sign=True,
                                       content_commitment=False, key_encipherment=False,
                                       data_encipherment=False, key_agreement=False,
                                       encipher_only=False, decipher_only=False), critical=True)
          .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()),
                         critical=False)
          .sign(ca_key, hashes.SHA256()))
    key = ec.generate_private_key(ec.SECP256R1())
    names: list[x509.GeneralName] = []
    for h in hosts:
        try:
            names.append(x509.IPAddress(ipaddress.ip_address(h)))
        except ValueError:
            names.append(x509.DNSName(h))
    cert = (x509.CertificateBuilder().subject_name(_name(hosts[0])).issuer_name(ca.subject)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now).not_valid_after(now + dt.timedelta(days=30))
            .add_extension(x509.SubjectAlternativeName(names), critical=False)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]),
                           critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(
                ca_key.public_key()), critical=False)
            .sign(ca_key, hashes.SHA256()))
    pki = Pki(folder / "district-ca.pem", folder / "hub-cert.pem", folder / "hub-key.pem")
    pki.ca_pem.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    pki.cert_pem.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    pki.key_pem.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                              serialization.PrivateFormat.PKCS8,
                                              serialization.NoEncryption()))
    return pki


def start_tls_hub(settings: HubSettings, pki: Pki, clock: MutableClock | None = None) -> LiveHub:
    """A hub served over HTTPS on a free loopback port (uvicorn with ``ssl_certfile``)."""
    clock = clock or MutableClock()
    hub = build_hub(settings)
    app = create_app(settings, hub=hub)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", timeout_graceful_shutdown=5,
                                           ssl_certfile=str(pki.cert_pem),
                                           ssl_keyfile=str(pki.key_pem)))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True,
                              name=f"tls-hub-{port}")
    thread.start()
    wait_until(lambda: server.started or not thread.is_alive(), what="TLS hub start")
    assert server.started, "TLS hub failed to start"
    return LiveHub(f"https://127.0.0.1:{port}", hub, app, clock, server, thread)
