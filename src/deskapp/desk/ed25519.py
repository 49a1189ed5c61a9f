"""Ed25519 signing and checking for approvals and the name register, from one of two places.

* the ``cryptography`` package, where it is installed (development, Windows,
  macOS: the installers carry it there);
* the system's own OpenSSL (``libcrypto.so.3``, 1.1.1 or newer), through its
  ``EVP_PKEY`` functions, where it is not: the Linux installers leave
  ``cryptography`` out (11 MB) because the ``.deb`` already depends on the
  system's OpenSSL through ``libpq5``, which the distribution keeps patched.

Keys are the raw 32-byte forms of RFC 8032: a private key is 32 random bytes
(the seed), its public key 32 bytes, a signature 64 bytes. Both backends give
the same signatures for the same key and message (Ed25519 is deterministic),
which the tests check against each other.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys
from functools import cache
from typing import Any

KEY_BYTES = 32
SIGNATURE_BYTES = 64
_EVP_PKEY_ED25519 = 1087  # OpenSSL's NID_ED25519


class Ed25519Unavailable(RuntimeError):
    """Neither the cryptography package nor a usable system OpenSSL is present."""


def new_private_key() -> bytes:
    """A new private key: 32 bytes from the operating system's random source."""
    return os.urandom(KEY_BYTES)


def public_key(private: bytes) -> bytes:
    """The raw public key of ``private``."""
    _check_length(private, KEY_BYTES)
    return _backend().public_key(private)


def sign(private: bytes, message: bytes) -> bytes:
    """The 64-byte signature of ``message`` by ``private``."""
    _check_length(private, KEY_BYTES)
    return _backend().sign(private, message)


def verify(public: bytes, signature: bytes, message: bytes) -> bool:
    """Whether ``signature`` is ``public``'s over ``message`` (malformed input: False)."""
    if len(public) != KEY_BYTES or len(signature) != SIGNATURE_BYTES:
        return False
    return _backend().verify(public, signature, message)


def backend_name() -> str:
    """``cryptography`` or ``openssl`` (for the About box and the tests)."""
    return _backend().name


def _check_length(data: bytes, length: int) -> None:
    if len(data) != length:
        raise ValueError(f"an Ed25519 key is {length} bytes, not {len(data)}")


@cache
def _backend() -> Any:
    try:
        return _Cryptography()
    except ImportError:
        pass
    found = _OpenSSL.load()
    if found is None:
        raise Ed25519Unavailable("neither cryptography nor OpenSSL's libcrypto is available")
    return found


class _Cryptography:
    name = "cryptography"

    def __init__(self) -> None:
        from cryptography.hazmat.primitives.asymmetric import ed25519

        self._keys = ed25519

    def public_key(self, private: bytes) -> bytes:
        from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

        key = self._keys.Ed25519PrivateKey.from_private_bytes(private)
        return key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)

    def sign(self, private: bytes, message: bytes) -> bytes:
        return self._keys.Ed25519PrivateKey.from_private_bytes(private).sign(message)

    def verify(self, public: bytes, signature: bytes, message: bytes) -> bool:
        from cryptography.exceptions import InvalidSignature

        try:
            self._keys.Ed25519PublicKey.from_public_bytes(public).verify(signature, message)
        except (InvalidSignature, ValueError):
            return False
        return True


class _OpenSSL:
    """OpenSSL's one-shot Ed25519 (``EVP_DigestSign`` with no digest), through ctypes."""

    name = "openssl"

    def __init__(self, lib: ctypes.CDLL) -> None:
        self._lib = lib
        p, size, c_int = ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int
        signatures = {
            "EVP_PKEY_new_raw_private_key": (p, [c_int, p, ctypes.c_char_p, size]),
            "EVP_PKEY_new_raw_public_key": (p, [c_int, p, ctypes.c_char_p, size]),
            "EVP_PKEY_get_raw_public_key": (c_int, [p, ctypes.c_char_p,
                                                    ctypes.POINTER(size)]),
            "EVP_PKEY_free": (None, [p]),
            "EVP_MD_CTX_new": (p, []),
            "EVP_MD_CTX_free": (None, [p]),
            "EVP_DigestSignInit": (c_int, [p, p, p, p, p]),
            "EVP_DigestSign": (c_int, [p, ctypes.c_char_p, ctypes.POINTER(size),
                                       ctypes.c_char_p, size]),
            "EVP_DigestVerifyInit": (c_int, [p, p, p, p, p]),
            "EVP_DigestVerify": (c_int, [p, ctypes.c_char_p, size, ctypes.c_char_p, size]),
        }
        for name, (result, arguments) in signatures.items():
            function = getattr(lib, name)
            function.restype = result
            function.argtypes = arguments

    @classmethod
    def load(cls) -> _OpenSSL | None:
        names = ["libcrypto.so.3", "libcrypto.so.1.1", ctypes.util.find_library("crypto")]
        if sys.platform == "darwin":
            names = ["libcrypto.3.dylib", *names]
        for name in filter(None, names):
            try:
                return cls(ctypes.CDLL(name))
            except (OSError, AttributeError):
                continue
        return None

    def _key(self, private: bytes | None, public: bytes | None) -> int:
        lib = self._lib
        if private is not None:
            key = lib.EVP_PKEY_new_raw_private_key(_EVP_PKEY_ED25519, None, private, KEY_BYTES)
        else:
            key = lib.EVP_PKEY_new_raw_public_key(_EVP_PKEY_ED25519, None, public, KEY_BYTES)
        if not key:
            raise ValueError("OpenSSL refused the Ed25519 key")
        return key

    def public_key(self, private: bytes) -> bytes:
        key = self._key(private, None)
        try:
            out = ctypes.create_string_buffer(KEY_BYTES)
            length = ctypes.c_size_t(KEY_BYTES)
            if self._lib.EVP_PKEY_get_raw_public_key(key, out, ctypes.byref(length)) != 1:
                raise ValueError("OpenSSL could not give the public key")
            return out.raw[:length.value]
        finally:
            self._lib.EVP_PKEY_free(key)

    def sign(self, private: bytes, message: bytes) -> bytes:
        lib = self._lib
        key = self._key(private, None)
        context = lib.EVP_MD_CTX_new()
        try:
            if lib.EVP_DigestSignInit(context, None, None, None, key) != 1:
                raise ValueError("OpenSSL could not start an Ed25519 signature")
            out = ctypes.create_string_buffer(SIGNATURE_BYTES)
            length = ctypes.c_size_t(SIGNATURE_BYTES)
            if lib.EVP_DigestSign(context, out, ctypes.byref(length), message,
                                  len(message)) != 1:
                raise ValueError("OpenSSL could not sign")
            return out.raw[:length.value]
        finally:
            lib.EVP_MD_CTX_free(context)
            lib.EVP_PKEY_free(key)

    def verify(self, public: bytes, signature: bytes, message: bytes) -> bool:
        lib = self._lib
        try:
            key = self._key(None, public)
        except ValueError:
            return False
        context = lib.EVP_MD_CTX_new()
        try:
            if lib.EVP_DigestVerifyInit(context, None, None, None, key) != 1:
                return False
            return lib.EVP_DigestVerify(context, signature, len(signature), message,
                                        len(message)) == 1
        finally:
            lib.EVP_MD_CTX_free(context)
            lib.EVP_PKEY_free(key)
