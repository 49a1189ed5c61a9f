"""Photos for print: where they come from, how they are placed, what goes wrong.

Photos come from an ``assets`` lookup (name → bytes and pixel size) passed
in :class:`PhotoOptions`; print code never reads the library. A photo is
placed at the column's width (capped in height), embedded as its original
JPEG when it can be, else decoded, turned upright, flattened, converted
for CMYK and resampled. What could not be placed or will print too coarse
is reported as a :class:`PhotoWarning`, never raised.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from io import BytesIO
from typing import Any

from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable

from deskapp.limits import open_image
from deskapp.model import Photo, PhotoLookup

# Below this many pixels per printed inch a photo looks soft on newsprint.
MIN_PHOTO_DPI = 200
# Above this a photo is resampled to PRINT_PHOTO_DPI: the press cannot use
# more, and a phone's 12-megapixel photo in a column would bloat the file.
MAX_PHOTO_DPI = 450
PRINT_PHOTO_DPI = 300
# A photo never takes more of the frame's height than this.
MAX_PHOTO_SHARE = 0.6


@dataclass(frozen=True)
class PhotoWarning:
    """A photo that will not print as intended: ``photo_missing`` or ``low_resolution``.

    ``name`` is the image's reference as written in the Markdown (its
    ``src``); ``data`` holds what a message needs (``dpi``, ``reason``…).
    """

    code: str
    name: str
    data: dict[str, Any] = field(default_factory=dict)


@dataclass
class PhotoOptions:
    """Where photos come from and how they are placed; collects their warnings.

    ``max_height`` caps a photo's height (the export passes 60 % of the
    frame); ``cmyk`` converts photos for a one-press-run job.
    """

    assets: PhotoLookup | None = None
    max_height: float = 0.0
    cmyk: bool = False
    min_dpi: float = MIN_PHOTO_DPI
    warnings: list[PhotoWarning] = field(default_factory=list)


def placed_photo(photo: Photo, width: float, options: PhotoOptions) -> PhotoFlowable | None:
    """The photo sized for a column ``width`` wide, or None when its bytes cannot be printed."""
    if photo.width < 1 or photo.height < 1:
        return None
    height = width * photo.height / photo.width
    cap = options.max_height
    if cap and height > cap:
        width, height = cap * photo.width / photo.height, cap
    reader = _print_image(photo, width, options.cmyk)
    if reader is None:
        return None
    return PhotoFlowable(reader, width, height)


def _print_image(photo: Photo, placed_width: float, cmyk: bool) -> ImageReader | None:
    """What reportlab embeds: the original JPEG when it can, else a prepared copy.

    A JPEG already upright, in RGB or grey and not far sharper than print
    needs goes in byte for byte (no loss, no decoding). Anything else is
    decoded once: turned upright from its EXIF orientation, flattened onto
    white, converted to CMYK for a CMYK job, and resampled to
    ``PRINT_PHOTO_DPI`` when it carries far more pixels than the press uses.
    """
    from PIL import Image, ImageOps

    try:
        image = open_image(photo.data)  # the header only; too many pixels: a placeholder
        dpi = image.width / (placed_width / 72)
        upright = image.getexif().get(0x0112, 1) == 1
        if (image.format == "JPEG" and upright and not cmyk and image.mode in ("RGB", "L")
                and dpi <= MAX_PHOTO_DPI):
            return ImageReader(BytesIO(photo.data))
        image = ImageOps.exif_transpose(image)
        image = _flattened(image)
        if image.width / (placed_width / 72) > MAX_PHOTO_DPI:
            target = max(1, round(placed_width / 72 * PRINT_PHOTO_DPI))
            image = image.resize((target, max(1, round(image.height * target / image.width))),
                                 Image.Resampling.LANCZOS)
        return ImageReader(image.convert("CMYK") if cmyk else image)
    except Exception:
        return None


def _flattened(image: Any) -> Any:
    """RGB or grey pixels; transparency composited onto white paper."""
    from PIL import Image

    if image.mode in ("RGBA", "LA") or "transparency" in image.info:
        rgba = image.convert("RGBA")
        paper = Image.new("RGB", rgba.size, "white")
        paper.paste(rgba, mask=rgba.getchannel("A"))
        return paper
    if image.mode in ("RGB", "L", "CMYK"):
        image.load()
        return image
    return image.convert("RGB")


class PhotoFlowable(Flowable):
    """A photo drawn at a fixed size, centred in the width it is given."""

    def __init__(self, reader: ImageReader, width: float, height: float) -> None:
        super().__init__()
        self.reader = reader
        self.draw_width = width
        self.draw_height = height
        self.avail = width

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.avail = availWidth
        return availWidth, self.draw_height

    def draw(self) -> None:
        x = max(0.0, (self.avail - self.draw_width) / 2)
        self.canv.drawImage(self.reader, x, 0, self.draw_width, self.draw_height)
