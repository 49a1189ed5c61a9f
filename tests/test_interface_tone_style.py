"""The interface writes Vietnamese in one tone style: the traditional one (hòa, thủy, tòa soạn).

Every Vietnamese text a user can read — the window's catalogues (Deskapp's own
and the one for Qt's standard dialogs) and the core's sentences — is checked
word by word with :func:`deskapp.text.tone.tone_styles_used`. A new-style word
is allowed only as a quoted example that the English text quotes too (the
setting "New tone style (hoà, khoẻ, thuỷ)" names what it chooses).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from deskapp import messages
from deskapp.desk import messages as desk_messages
from deskapp.proof import messages as proof_messages
from deskapp.sync import messages as sync_messages
from deskapp.text.tone import tone_styles_used

I18N = Path(__file__).resolve().parent.parent / "resources" / "i18n"
_WORD = re.compile(r"[^\W\d_]+")


def _new_style_words(vietnamese: str, english: str) -> list[str]:
    """Words of ``vietnamese`` written in the new style that ``english`` does not quote."""
    quoted = set(_WORD.findall(english))
    return [word for word in _WORD.findall(vietnamese)
            if tone_styles_used(word) == {"new"} and word not in quoted]


def _ts_pairs(name: str) -> list[tuple[str, str]]:
    pairs = []
    for message in ET.parse(I18N / name).getroot().iter("message"):
        source = message.findtext("source") or ""
        for translation in [message.find("translation"), *message.iter("numerusform")]:
            if translation is not None and translation.text:
                pairs.append((translation.text, source))
    return pairs


def _catalogue_pairs() -> list[tuple[str, str]]:
    """(Vietnamese, English) of every module-level table of the core's message modules."""
    pairs = []
    for module in (messages, desk_messages, proof_messages, sync_messages):
        for value in vars(module).values():
            if isinstance(value, dict):
                pairs.extend(entry for entry in value.values()
                             if isinstance(entry, tuple) and len(entry) == 2
                             and all(isinstance(text, str) for text in entry))
    return pairs


@pytest.mark.parametrize("catalogue", ["deskapp_vi.ts", "qt_vi.ts"])
def test_the_window_catalogues_are_in_the_traditional_style(catalogue):
    pairs = _ts_pairs(catalogue)
    assert len(pairs) > 100
    assert sum("old" in tone_styles_used(vi) for vi, _ in pairs) > 5  # the check has work to do
    mixed = {vi: words for vi, en in pairs if (words := _new_style_words(vi, en))}
    assert mixed == {}


def test_the_core_sentences_are_in_the_traditional_style():
    pairs = _catalogue_pairs()
    assert len(pairs) > 200
    mixed = {vi: words for vi, en in pairs if (words := _new_style_words(vi, en))}
    assert mixed == {}


def test_the_check_sees_a_new_style_word():
    assert _new_style_words("Máy chủ toà soạn", "Newsroom server") == ["toà"]
    assert _new_style_words("Máy chủ tòa soạn", "Newsroom server") == []
    assert _new_style_words("Bỏ dấu kiểu mới (hoà, khoẻ, thuỷ)",
                            "New tone style (hoà, khoẻ, thuỷ)") == []
