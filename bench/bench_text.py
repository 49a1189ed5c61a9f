"""Vietnamese text throughput: legacy detection and conversion, folding, tone style.

Throughput is counted in megabytes of input per second. The input is the
newsroom sample repeated to about 200,000 characters: a long feature, or a
day's wire copy pasted at once.
"""

from collections.abc import Callable

from common import median_ms, report, sample_text

from deskapp.text import fold
from deskapp.text.legacy import decode_legacy, detect, encode_legacy, fix_mojibake
from deskapp.text.tone import convert_tone_style

TARGET_CHARS = 200_000


def throughput(name: str, size: int, fn: Callable[[], object]) -> None:
    report(name, size / 1e6 / (median_ms(fn, repeat=5) / 1000), "MB/s")


def main() -> None:
    sample = sample_text()
    text = sample * max(1, TARGET_CHARS // len(sample))
    utf8 = text.encode("utf-8")
    tcvn3 = encode_legacy(text, "tcvn3")
    vni = encode_legacy(text, "vni")
    garbled = vni.decode("cp1252")

    throughput("detect_throughput", len(tcvn3), lambda: detect(tcvn3))
    throughput("detect_vni_throughput", len(vni), lambda: detect(vni))
    throughput("detect_utf8_throughput", len(utf8), lambda: detect(utf8))
    throughput("decode_tcvn3_throughput", len(tcvn3), lambda: decode_legacy(tcvn3, "tcvn3"))
    throughput("fix_mojibake_vni_throughput", len(vni), lambda: fix_mojibake(garbled, "vni"))
    throughput("fold_throughput", len(utf8), lambda: fold(text))
    throughput("tone_style_throughput", len(utf8), lambda: convert_tone_style(text, "new"))


if __name__ == "__main__":
    main()
