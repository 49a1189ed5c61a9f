"""PDF/X-1a:2003 output: what a print shop's preflight asks of a PDF, declared by the canvas.

Deskapp writes PDF/X-1a:2003 (ISO 15930-4) rather than PDF/X-4: its pages
have no transparency and no RGB to keep, so the simpler standard, which
every press workflow accepts, costs nothing; reportlab writes PDF 1.3,
within the 1.4 that X-1a allows. With ``pdfx`` on, the export:

* writes every colour in CMYK (text and rules pure black) and converts
  photos to CMYK, flattening any transparency onto white paper;
* declares the output intent, ISO Coated v2 (FOGRA39, the shipped
  ``resources/icc/ISOcoated_v2_300_bas.icc``), with the profile embedded;
* names the standard in the document information (``GTS_PDFXVersion``,
  ``GTS_PDFXConformance``) with ``Trapped`` false, the title, and the
  creation and modification dates; reportlab writes the document ID;
* gives every page a TrimBox and a BleedBox (the sheet);
* keeps no annotations on the pages (links: the standard allows none
  inside the bleed box). Fonts are always embedded.

The document information and the catalogue are reportlab's own objects,
extended here; nothing is rewritten after the PDF is made.
"""

from __future__ import annotations

import re
import zlib
from functools import cache

from reportlab.pdfbase.pdfdoc import (
    PDFArray,
    PDFDate,
    PDFDictionary,
    PDFInfo,
    PDFName,
    PDFStream,
    PDFString,
)
from reportlab.pdfgen.canvas import Canvas

from deskapp.model import Article
from deskapp.pdf.findings import Finding, line_column
from deskapp.resources import resource_path

PDFX_VERSION = "PDF/X-1:2003"
PDFX_CONFORMANCE = "PDF/X-1a:2003"
PROFILE_FILE = "ISOcoated_v2_300_bas.icc"
# The characterization the profile was made from, as registered with the ICC.
OUTPUT_CONDITION = "FOGRA39"
OUTPUT_CONDITION_INFO = "ISO Coated v2 300% (ISO 12647-2:2004, FOGRA39)"
REGISTRY = "http://www.color.org"


def output_profile() -> bytes:
    """The shipped CMYK output profile (ICC)."""
    return resource_path("icc", PROFILE_FILE).read_bytes()


@cache
def _compressed_profile() -> bytes:
    """The profile Flate-compressed once per process (a megabyte: 40 ms each time)."""
    return zlib.compress(output_profile())


class _PdfxInfo(PDFInfo):
    """reportlab's document information with the PDF/X keys added."""

    def format(self, document):  # type: ignore[no-untyped-def]
        D = {
            "Title": PDFString(self.title),
            "Author": PDFString(self.author),
            "Subject": PDFString(self.subject),
            "Keywords": PDFString(self.keywords),
            "Creator": PDFString(self.creator),
            "Producer": PDFString(self.producer),
            "CreationDate": PDFDate(ts=document._timeStamp, dateFormatter=self._dateFormatter),
            "ModDate": PDFDate(ts=document._timeStamp, dateFormatter=self._dateFormatter),
            "Trapped": PDFName("False"),
            "GTS_PDFXVersion": PDFString(PDFX_VERSION),
            "GTS_PDFXConformance": PDFString(PDFX_CONFORMANCE),
        }
        return PDFDictionary(D).format(document)


def declare_pdfx(canvas: Canvas) -> None:
    """Make the canvas's document a PDF/X-1a:2003 one: information and output intent.

    Call once, before the document is saved; the pages' boxes and colours
    are the export's part (see the module's text).
    """
    document = canvas._doc
    info = _PdfxInfo()
    info.__dict__.update(document.info.__dict__)
    document.info = info
    profile = PDFStream(
        PDFDictionary({"N": 4, "Filter": PDFName("FlateDecode")}), _compressed_profile())
    intent = PDFDictionary({
        "Type": PDFName("OutputIntent"),
        "S": PDFName("GTS_PDFX"),
        "OutputConditionIdentifier": PDFString(OUTPUT_CONDITION),
        "Info": PDFString(OUTPUT_CONDITION_INFO),
        "RegistryName": PDFString(REGISTRY),
        "DestOutputProfile": document.Reference(profile),
    })
    catalog = document.Catalog
    catalog.OutputIntents = PDFArray([document.Reference(intent)])
    catalog.__NoDefault__ = [*type(catalog).__NoDefault__, "OutputIntents"]


# A Markdown link or footnote reference: on paper its text stays, its link does not.
_LINK = re.compile(r"\[[^\]\n]*\]\([^)\n]*\)|\[\^[^\]\n]+\](?!:)")


def pdfx_findings(article: Article) -> list[Finding]:
    """What PDF/X changes in this article's PDF, as preflight warnings.

    Links (web links, footnote references) stay as text but lose their
    link: PDF/X-1a allows no annotations on the page. Photos that cannot
    be converted are already named by the photo warnings (they print as a
    placeholder, in CMYK); a character without a glyph already stops the
    export.
    """
    match = _LINK.search(article.body)
    if match is None:
        return []
    line, column = line_column(article.body, match.start())
    return [Finding("pdfx_links_dropped", "body", severity="warning", offset=match.start(),
                    line=line, column=column, article_id=article.id,
                    data={"count": len(_LINK.findall(article.body))})]
