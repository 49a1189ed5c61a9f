"""Ed25519 from either backend: the same signatures, each checking the other's.

The Linux installers carry no ``cryptography`` package, so there the system's
OpenSSL signs approvals; the tests run both wherever both are present.
"""

from __future__ import annotations

import pytest

from deskapp.desk import ed25519

# RFC 8032, section 7.1, TEST 1 (an empty message) and TEST 2 (one byte).
VECTORS = [
    ("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
     "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
     "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
     "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"),
    ("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
     "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
     "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
     "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"),
]


def backends() -> list[object]:
    found = []
    try:
        found.append(ed25519._Cryptography())
    except ImportError:
        pass
    openssl = ed25519._OpenSSL.load()
    if openssl is not None:
        found.append(openssl)
    return found


BACKENDS = backends()


@pytest.fixture(params=BACKENDS, ids=[b.name for b in BACKENDS])
def backend(request, monkeypatch):
    monkeypatch.setattr(ed25519, "_backend", lambda: request.param)
    return request.param


def test_the_openssl_backend_is_there_where_the_installers_need_it():
    import sys

    if sys.platform.startswith("linux"):
        assert "openssl" in [b.name for b in BACKENDS]


@pytest.mark.parametrize(("private", "public", "message", "signature"), VECTORS)
def test_the_standard_s_vectors(backend, private, public, message, signature):
    private_b, message_b = bytes.fromhex(private), bytes.fromhex(message)
    assert ed25519.public_key(private_b).hex() == public
    assert ed25519.sign(private_b, message_b).hex() == signature
    assert ed25519.verify(bytes.fromhex(public), bytes.fromhex(signature), message_b)


def test_a_changed_message_key_or_signature_fails(backend):
    private = ed25519.new_private_key()
    public = ed25519.public_key(private)
    message = "Duyệt: Trần Thị B, bài “Hội nghị tổng kết”".encode()
    signature = ed25519.sign(private, message)
    assert ed25519.verify(public, signature, message)
    assert not ed25519.verify(public, signature, message + b".")
    assert not ed25519.verify(ed25519.public_key(ed25519.new_private_key()), signature,
                              message)
    bent = bytes([signature[0] ^ 1]) + signature[1:]
    assert not ed25519.verify(public, bent, message)
    assert not ed25519.verify(public[:31], signature, message)  # malformed: False, no error
    assert not ed25519.verify(public, signature[:63], message)


@pytest.mark.skipif(len(BACKENDS) < 2, reason="needs both backends")
def test_each_backend_checks_the_other_s_signatures():
    first, second = BACKENDS
    for _ in range(20):
        private = ed25519.new_private_key()
        message = ed25519.new_private_key() * 3
        assert first.public_key(private) == second.public_key(private)
        assert first.sign(private, message) == second.sign(private, message)
        assert second.verify(first.public_key(private), first.sign(private, message), message)
        assert first.verify(second.public_key(private), second.sign(private, message), message)


def test_an_approval_signed_through_openssl_prints_and_verifies(tmp_path, monkeypatch):
    """The whole desk on the installers' backend: approve, verify, print the line."""
    openssl = ed25519._OpenSSL.load()
    if openssl is None:
        pytest.skip("no system OpenSSL")
    monkeypatch.setattr(ed25519, "_backend", lambda: openssl)
    from deskapp.desk import approval_for, transition
    from deskapp.desk.approvals import verified_approval
    from deskapp.desk.workflow import Action
    from deskapp.model import Article
    from deskapp.store import Library

    library = Library.open(tmp_path / "l.sqlite")
    article = library.create(Article(title="Hội nghị", lead="Sáng nay.", byline="Lan",
                                     body="Hội nghị diễn ra ở Kon Tum."))
    transition(library, article.id, Action.SUBMIT, user="Lan", role="reporter")
    transition(library, article.id, Action.TAKE, user="Trần Thị B", role="editor")
    transition(library, article.id, Action.APPROVE, user="Trần Thị B", role="editor")
    assert verified_approval(library, article.id) is not None
    assert "Trần Thị B" in str(approval_for(library, article.id))
    library.close()
