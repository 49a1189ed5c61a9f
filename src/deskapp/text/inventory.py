"""The one description of Vietnamese spelling that Deskapp uses.

A Vietnamese syllable is an onset (initial consonant, possibly none), a
rhyme (vần: vowels and an optional final consonant) and at most one tone.
This module holds the closed lists and the few rules that join them; the
syllable check (:mod:`deskapp.text.syllable`, used by proofing and by the
legacy-encoding detector), the typing engine
(:mod:`deskapp.text.typing_engine`) and the typing-leftovers rule of
proofing all read their spelling from here, so what one accepts the others
accept too.

Source and decisions
--------------------
The lists follow the standard description of Vietnamese orthography and are
checked, rhyme by rhyme, against a published word list: the Vietnamese
Hunspell dictionary of the LibreOffice project (Debian package
``hunspell-vi``, file ``vi_VN.dic``, 6,631 syllables). Every rhyme here is
attested there except ``uyp`` (see below), and every syllable of that list
is accepted except a handful of loanwords and non-standard spellings, listed
with their reason in ``tests/text/test_inventory.py``. The earlier two lists
(one in the syllable check, one in the typing engine) disagreed; each case
was settled by that word list:

* ``oao`` (ngoao, ngoáo, khoào): attested, kept; the typing engine lacked it.
* ``uyn`` (vải tuyn): attested, added to the syllable check.
* ``ưn`` (chưn, sừn, Southern speech quoted in news): attested, added.
* ``êng``: not a rhyme. The only such words are giêng/giếng, which are
  ``gi`` + ``iêng`` (the i of gi absorbs the i of iê); the engine listed
  ``êng`` only to let ``gi`` reach it, which :func:`rhymes_after` now does.
* ``uyp`` (tuýp thuốc, tuýp người): absent from the word list but in common
  newspaper use; kept as the one loanword rhyme beyond the list, so proofing
  raises no false alarm on it.
* After ``qu`` the list attests ên, êt, êu (quên, quết, quều), ăp (quắp),
  au (quạu), âc (quấc) and it (quít, quịt), which the syllable check used to
  reject (it flagged "quên" as misspelled); they are in :data:`QU_RHYMES`.
  ``i`` after qu (quí, the older spelling of quý) is kept too: the i/y rule
  of proofing compares qui and quy, so both must be syllables.

Place names of the Central Highlands (Đắk Lắk, Krông Búk, Pleiku) break
these rules on purpose; the typing engine accepts their ``kr``/``pl`` onsets
and ``k`` finals (:data:`PLACE_NAME_ONSETS`, :func:`k_spellings`) so they
can be typed, while the syllable check leaves capitalised words alone.
"""

from __future__ import annotations

from typing import Final

# The twelve vowel letters with their modifiers (breve, circumflex, horn).
VOWELS: Final = "aăâeêioôơuưy"

# Onsets other than the special cases "gi" and "qu", longest first so that
# "ngh" wins over "ng" and "ng" over "n".
ONSETS: Final = (
    "ngh", "ng", "nh", "gh", "kh", "ph", "th", "tr", "ch",
    "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x",
)  # fmt: skip
# "gi" and "qu" are onsets whose second letter could be read as a vowel.
ALL_ONSETS: Final = frozenset(ONSETS) | {"gi", "qu", ""}
# Onsets of ethnic-minority place names, accepted when typing only.
PLACE_NAME_ONSETS: Final = frozenset(("kr", "pl"))

# Every rhyme (vần) that follows an onset other than qu, without tone marks.
RHYMES: Final = frozenset(
    """
    a ac ach ai am an ang anh ao ap at au ay
    ăc ăm ăn ăng ăp ăt
    âc âm ân âng âp ât âu ây
    e ec em en eng eo ep et
    ê êch êm ên ênh êp êt êu
    i ia ich im in inh ip it iu
    iêc iêm iên iêng iêp iêt iêu
    o oc oi om on ong op ot ooc oong
    oa oac oach oai oam oan oang oanh oao oap oat oay
    oăc oăm oăn oăng oăt
    oe oen oeo oet
    ô ôc ôi ôm ôn ông ôp ôt
    ơ ơi ơm ơn ơp ơt
    u ua uc ui um un ung up ut
    uân uâng uât uây
    uê uêch uênh uơ
    uy uya uych uyên uyêt uyn uynh uyp uyt uyu
    uôc uôi uôm uôn uông uôt
    ư ưa ưc ưi ưm ưn ưng ưt ưu
    ươc ươi ươm ươn ương ươp ươt ươu
    y yêm yên yêng yêt yêu
    """.split()
)

# What may follow "qu" (whose u is the glide): quà, quên, quyết, quốc.
QU_RHYMES: Final = frozenset(
    """
    a ac ach ai an ang anh ao at au ay
    ăc ăm ăn ăng ăp ăt
    âc ân âng ât ây
    e en eo et
    ê êch ên ênh êt êu
    i it
    y ynh yt yên yêt
    ôc ơ
    """.split()
)

# Rhymes beyond the published word list (see the module docstring).
LOANWORD_RHYMES: Final = frozenset(("uyp",))

# Final consonants that stop the syllable: they take the rising (sắc) or the
# heavy (nặng) tone and no other, not even the level one ("học", "hát", never
# "hòc" or "hoc"). The tones are the combining acute and dot below.
STOP_CODAS: Final = ("ch", "c", "p", "t")
STOP_CODA_TONES: Final = frozenset(("\u0301", "\u0323"))
# Rhymes whose tone moves between the old and the new style (hòa/hoà).
STYLE_RHYMES: Final = frozenset(("oa", "oe", "uy"))

# Spelling rules for c/k, g/gh and ng/ngh: the vowels an onset must come
# before, or may not come before.
ONLY_BEFORE: Final = {"k": "eêiy", "gh": "eêi", "ngh": "eêi"}
NEVER_BEFORE: Final = {"c": "eêiy", "ng": "eêiy", "g": "eêy"}


def rhymes_after(onset: str) -> frozenset[str]:
    """The rhymes that may follow ``onset`` ("" for none), before the c/k rules.

    After ``gi`` the i of gi stands for the i of iê (giếng, giết), so those
    rhymes appear without it; ``gi`` + i… is never written (gìn is g + in).
    """
    if onset == "qu":
        return QU_RHYMES
    if onset == "gi":
        return _GI_RHYMES
    return RHYMES


_GI_RHYMES: Final = frozenset(
    {r for r in RHYMES if r[0] != "i"} | {r[1:] for r in RHYMES if r.startswith("iê")}
)


def first_vowel_allowed(onset: str, first: str) -> bool:
    """The c/k, g/gh, ng/ngh rules: may a rhyme beginning with ``first`` follow ``onset``?"""
    if onset in ONLY_BEFORE:
        return first in ONLY_BEFORE[onset]
    return not (onset in NEVER_BEFORE and first in NEVER_BEFORE[onset])


def rhyme_fits(onset: str, rhyme: str) -> bool:
    """Is ``onset`` + ``rhyme`` (both lower case, toneless) a spelling of Vietnamese?"""
    if not rhyme or rhyme not in rhymes_after(onset):
        return False
    if onset == "g" and rhyme[0] == "i":
        # Before i, "g" is only the "gì/gìn" family; otherwise it is "gi" or "gh".
        return len(rhyme) == 1 or rhyme[1] not in VOWELS
    if not first_vowel_allowed(onset, rhyme[0]):
        return False
    if rhyme.startswith("yê"):
        return onset in ("", "qu")  # yên, quyết; elsewhere iê (tiên)
    if rhyme.startswith("iê"):
        return onset not in ("", "gi")
    return True


def k_spellings(rhymes: frozenset[str]) -> frozenset[str]:
    """Rhymes in c also written with k in place names (Đắk Lắk, Krông Búk)."""
    return frozenset(r[:-1] + "k" for r in rhymes if r.endswith("c"))
